"""Large enterprises built in the 1950s, by year and city: one block per enterprise."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from czt_desktop.content import Enterprise
from czt_desktop.content.citing import Cited
from czt_desktop.languages import fill, language
from czt_desktop.ui.charts import style
from czt_desktop.ui.charts.base import Box, ChartView, ManagedText
from czt_desktop.ui.charts.data import EnterpriseYears, enterprise_years
from czt_desktop.ui.charts.table_model import ChartTable
from czt_desktop.ui.words import size_classes_text

if TYPE_CHECKING:
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.patches import Rectangle


class EnterprisesPerYearChart(ChartView):
    """Stacked blocks per year built, coloured by city; a key of the cities with their
    counts sits under the title (a direct label, not a legend box)."""

    chart_id = "enterprises-per-year"

    def _load(self) -> None:
        self.data: EnterpriseYears = enterprise_years(self.content)
        self.units: list[tuple[Enterprise, int]] = [
            (enterprise, level)
            for year in self.data.years
            for level, enterprise in enumerate(self.data.stacks[year])
        ]

    def _build(self) -> None:
        ax = self.ax
        xs = [e.founded for e, _ in self.units]
        bottoms = [level for _, level in self.units]
        container = ax.bar(xs, [1] * len(xs), bottom=bottoms, width=0.7)
        self.blocks: list[Rectangle] = list(container.patches)
        for block, (enterprise, _) in zip(self.blocks, self.units, strict=True):
            self._pickable(block, "enterprise", enterprise.id)
            self._animate(block)
        self.totals: dict[int, ManagedText] = {}
        for year in self.data.years:
            count = len(self.data.stacks[year])
            if count:
                self.totals[year] = self._add_axes_text(
                    "body", bold=True, ha="center", va="bottom")
                self.totals[year].artist.set_position((year, count))
        # The chosen enterprise's name, beside its block (one text, moved and reused).
        self.callout = self._add_axes_text("body", bold=True, va="center", zorder=10)
        self._animate(self.callout.artist)
        self.key: list[tuple[ManagedText, ManagedText]] = [
            (self._add_text("body", color=style.city_color(self.content, city.id)),
             self._add_text("body"))
            for city in self.data.cities
        ]
        ax.set_xticks(list(self.data.years))
        if self.data.years:
            ax.set_xlim(self.data.years[0] - 0.6, self.data.years[-1] + 0.6)
        ax.set_yticks([])
        for side in ("left", "top", "right"):
            ax.spines[side].set_visible(False)
        ax.grid(False)

    def _update_texts(self) -> None:
        lang, data = self.lang, self.data
        top = data.top_city()
        first, last = (data.years[0], data.years[-1]) if data.years else (0, 0)
        if top is not None:
            title = self.tr("%1 got %2 of the %3 large enterprises built in %4–%5")
            title = fill(title, top.name.get(lang), data.counts[top.id], data.total, first, last)
        else:
            title = fill(self.tr("%1 large enterprises were built in %2–%3"),
                          data.total, first, last)
        self._set_text(self.title_text, title)
        self._set_text(self.subtitle_text, self.tr(
            "Each block is one enterprise, placed by the year it was built; colour shows "
            "its city"))
        for (swatch, label), city in zip(self.key, data.cities, strict=True):
            self._set_text(swatch, "■")
            self._set_text(label, fill(self.tr("%1 (%2)"), city.name.get(lang),
                                        data.counts[city.id]))
        for year, managed in self.totals.items():
            self._set_text(managed, str(len(data.stacks[year])))
        self.ax.set_xticklabels([str(y) for y in data.years])

    def _apply_colors(self) -> None:
        chosen = self.item[1] if self.item[0] == "enterprise" else ""
        for block, (enterprise, _) in zip(self.blocks, self.units, strict=True):
            block.set_facecolor(style.city_color(self.content, enterprise.city_id))
            selected = enterprise.id == chosen
            # Paper-coloured edges split a stack into countable blocks.
            block.set_edgecolor(self.theme.ink if selected else self.theme.paper)
            block.set_linewidth(3.0 if selected else 1.5)
            block.set_zorder(3 if selected else 2)
        self._place_callout(chosen)

    def _place_callout(self, chosen: str) -> None:
        found = next(((e, level) for e, level in self.units if e.id == chosen), None)
        if found is None:
            self._set_text(self.callout, "")
            return
        enterprise, level = found
        # Beside the block, on the side with more room; boxed so it reads over bars.
        last = self.data.years[-1] if self.data.years else enterprise.founded
        right = enterprise.founded < last
        self._set_text(self.callout, enterprise.name.get(self.lang))
        self.callout.artist.set_horizontalalignment("left" if right else "right")
        self.callout.artist.set_position(
            (enterprise.founded + (0.42 if right else -0.42), level + 0.5))
        self.callout.artist.set_bbox({"boxstyle": "round,pad=0.35",
                                      "facecolor": self.theme.surface,
                                      "edgecolor": self.theme.ink, "linewidth": 1.0})

    def _layout_header(self, box: Box, renderer: RendererAgg) -> float:
        z = style.zoom(self.scale)
        x, height = box.x, 0.0
        w, h = self._size_px()
        for swatch, label in self.key:
            for managed, gap in ((swatch, 4 * z), (label, 20 * z)):
                managed.artist.set_position((x / w, 1 - box.y / h))
                extent = managed.artist.get_window_extent(renderer)
                x += extent.width / self._ratio() + gap
                height = max(height, extent.height / self._ratio())
        return height

    def _layout_plot(self, box: Box, renderer: RendererAgg) -> None:
        plot = self._fit_axes(self.ax, box, renderer)
        # Head room for the totals above the stacks.
        tallest = max((len(s) for s in self.data.stacks.values()), default=1)
        label_px = 1.6 * self.scale.body
        self.ax.set_ylim(0, tallest * plot.h / max(plot.h - label_px, 1.0))

    def _table(self) -> ChartTable:
        lang = self.lang
        rows = tuple(
            (str(e.founded), e.name.get(lang), self.content.city(e.city_id).name.get(lang),
             size_classes_text(e.size_classes, lang), e.industry.get(lang))
            for e, _ in self.units
        )
        return ChartTable(
            headers=(self.tr("Year built"), self.tr("Enterprise"), self.tr("City"),
                     self.tr("Size class"), self.tr("Industry (from the name)")),
            rows=rows,
            keys=tuple(("enterprise", e.id) for e, _ in self.units),
            numeric=frozenset({0}),
        )

    def _describe(self) -> str:
        lang = self.lang
        row = language(lang)
        per_year = []
        for year in self.data.years:
            stack = self.data.stacks[year]
            if not stack:
                continue
            names = row.join(row.aside(e.name.get(lang),
                                       self.content.city(e.city_id).name.get(lang))
                             for e in stack)
            per_year.append(fill(self.tr("%1: %2 – %3"), year, len(stack), names))
        return row.join_clauses(per_year)

    def _records(self) -> Sequence[Cited]:
        return [e for e, _ in self.units]

    def _kind(self) -> str:
        return self.tr("Stacked bar chart")

