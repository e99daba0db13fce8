"""Each city's share of Hunan's GDP, their sum, and the cluster's share as stated.

The paper's figures disagree: the three shares (§3.2) add up to less than the cluster's
share (§2). The chart shows both, side by side, computes the gap instead of hiding it,
and prints the data note that explains it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from czt_desktop.content import DataNote
from czt_desktop.content.citing import Cited
from czt_desktop.languages import fill, language
from czt_desktop.ui.charts import style
from czt_desktop.ui.charts.base import Box, ChartView, ManagedText
from czt_desktop.ui.charts.data import (
    CityFigures,
    city_figures,
    format_number,
    format_statistic,
    notes_of,
)
from czt_desktop.ui.charts.gdp_by_city import fit_value_labels
from czt_desktop.ui.charts.table_model import ChartTable
from czt_desktop.ui.charts.wrapping import wrap

if TYPE_CHECKING:
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.patches import Rectangle

#: Differences below this many percentage points are rounding, not a contradiction.
SAME_SHARE = 0.005


class GdpShareChart(ChartView):
    """Rows: each city; then the cities stacked (their sum) and the cluster as stated."""

    chart_id = "gdp-share"
    min_plot_height = 190  # five rows, two of them with two-line labels

    def _load(self) -> None:
        self.figures: CityFigures = city_figures(self.content, "gdp_share_of_province")

    def _notes(self) -> tuple[DataNote, ...]:
        return notes_of(self.content, self.figures.cluster)

    # -- rows -----------------------------------------------------------------------------
    @property
    def sum_row(self) -> int:
        return len(self.figures.cities)

    @property
    def cluster_row(self) -> int:
        return self.sum_row + 1

    def _build(self) -> None:
        ax = self.ax
        cities = self.figures.cities
        height = 0.62
        rows = list(range(len(cities)))
        self.city_bars: list[Rectangle] = list(
            ax.barh(rows, [s.value for s in cities], height=height).patches)
        starts: list[float] = []
        running = 0.0
        for stat in cities:
            starts.append(running)
            running += stat.value
        self.sum_bars: list[Rectangle] = list(
            ax.barh([self.sum_row] * len(cities), [s.value for s in cities], left=starts,
                    height=height).patches)
        cluster = self.figures.cluster
        self.cluster_bars: list[Rectangle] = list(
            ax.barh([self.cluster_row], [cluster.value], height=height).patches
            if cluster else [])
        for bar, stat in zip(self.city_bars, cities, strict=True):
            self._pickable(bar, "statistic", stat.id)
        for bar in self.cluster_bars:
            self._pickable(bar, "statistic", cluster.id if cluster else "")
        self._animate(*self.city_bars, *self.sum_bars, *self.cluster_bars)

        self.values: list[ManagedText] = []
        self.value_ends: list[float] = []
        ends = [s.value for s in cities] + [self.figures.city_sum]
        ends += [cluster.value] if cluster else []
        for row, end in enumerate(ends):
            label = self._add_axes_text("body", bold=True, ha="left", va="center")
            label.artist.set_position((end, row))
            self.values.append(label)
            self.value_ends.append(end)
        # A rule between the cities and the comparison of the two totals.
        self.rule = ax.axhline(len(cities) - 0.5, linewidth=1.0)
        n_rows = len(ends)
        ax.set_yticks(list(range(n_rows)))
        ax.set_ylim(n_rows - 0.5, -0.5)
        ax.set_xticks([])
        for side in ("bottom", "top", "right"):
            ax.spines[side].set_visible(False)
        ax.grid(False)

    def _update_texts(self) -> None:
        lang, figures = self.lang, self.figures
        cluster = figures.cluster
        year = figures.year or ""
        total = self._sum_text()
        if cluster is not None and abs(figures.city_sum - cluster.value) >= SAME_SHARE:
            gap = format_number(abs(cluster.value - figures.city_sum), figures.sum_decimals,
                                lang)
            template = (self.tr("The three cities' shares add up to %1, %2 percentage points "
                                "less than the %3 the paper gives for the cluster")
                        if figures.city_sum < cluster.value else
                        self.tr("The three cities' shares add up to %1, %2 percentage points "
                                "more than the %3 the paper gives for the cluster"))
            title = fill(template, total, gap, format_statistic(cluster, lang) + "%")
        elif figures.cities:
            title = fill(self.tr("Together the three cities produce %1 of Hunan's GDP"), total)
        else:
            title = self.tr("Shares of Hunan's GDP")
        self._set_text(self.title_text, title)
        self._set_text(self.subtitle_text,
                       fill(self.tr("Share of Hunan Province's GDP in %1, in per cent"), year))
        texts = [s.value_text.get(lang) for s in figures.cities] + [total]
        texts += [cluster.value_text.get(lang)] if cluster else []
        for label, text in zip(self.values, texts, strict=True):
            self._set_text(label, text)
        names = [self.content.city(s.city_id).name.get(lang) if s.city_id else ""
                 for s in figures.cities]
        names.append(self.tr("Three cities added up"))
        if cluster:
            names.append(self.tr("The cluster, as the paper says"))
        self.row_names = names
        self.ax.set_yticklabels(names)

    def _sum_text(self) -> str:
        figures = self.figures
        return format_number(figures.city_sum, figures.sum_decimals, self.lang) + "%"

    def _apply_colors(self) -> None:
        theme = self.theme
        chosen = self.item[1] if self.item[0] == "statistic" else ""
        for bars in (self.city_bars, self.sum_bars):
            for bar, stat in zip(bars, self.figures.cities, strict=True):
                bar.set_facecolor(style.city_color(self.content, stat.city_id))
                selected = stat.id == chosen
                bar.set_edgecolor(theme.ink if selected else theme.paper)
                bar.set_linewidth(3.0 if selected else 1.0)
        cluster = self.figures.cluster
        for bar in self.cluster_bars:
            bar.set_facecolor(theme.accent)
            selected = cluster is not None and cluster.id == chosen
            bar.set_edgecolor(theme.ink if selected else theme.paper)
            bar.set_linewidth(3.0 if selected else 1.0)
        self.rule.set_color(theme.rule)

    def _layout_plot(self, box: Box, renderer: RendererAgg) -> None:
        # Long row names wrap instead of squeezing the bars.
        measure = self._measure(getattr(self.scale, self.tick_size))
        limit = max(11 * self.scale.small, 0.25 * box.w)
        self.ax.set_yticklabels([wrap(name, limit, measure) for name in self.row_names])
        plot = self._fit_axes(self.ax, box, renderer)
        gap = 8 * style.zoom(self.scale)
        largest = max(self.value_ends, default=1.0)
        fit_value_labels(self.ax, self.values, largest, plot.w, self._ratio(), renderer, gap)
        left, right = self.ax.get_xlim()
        per_px = (right - left) / max(plot.w, 1.0)
        for label, end in zip(self.values, self.value_ends, strict=True):
            label.artist.set_x(end + gap * per_px)

    def _table(self) -> ChartTable:
        lang, figures = self.lang, self.figures
        rows = [(self.content.city(s.city_id).name.get(lang) if s.city_id else "",
                 s.value_text.get(lang), s.locator) for s in figures.cities]
        keys = [("statistic", s.id) for s in figures.cities]
        rows.append((self.tr("Three cities added up"), self._sum_text(),
                     self.tr("our sum of the rows above")))
        keys.append(("", ""))
        if figures.cluster:
            rows.append((self.tr("The cluster, as the paper says"),
                         figures.cluster.value_text.get(lang), figures.cluster.locator))
            keys.append(("statistic", figures.cluster.id))
        return ChartTable(
            headers=(self.tr("Area"),
                     fill(self.tr("Share of Hunan's GDP %1"), figures.year or ""),
                     self.tr("Where in the paper")),
            rows=tuple(rows), keys=tuple(keys), numeric=frozenset({1}))

    def _describe(self) -> str:
        table = self._table()
        return language(self.lang).join_clauses(f"{row[0]}{self._sep()}{row[1]}"
                                                for row in table.rows)

    def _records(self) -> Sequence[Cited]:
        return self.figures.records()
