"""GDP of the three cities in 2019, with the cluster's total as the paper gives it."""

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
    format_statistic,
    join_names,
    leader_of,
    notes_of,
)
from czt_desktop.ui.charts.table_model import ChartTable

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.patches import Rectangle


def fit_value_labels(ax: Axes, labels: Sequence[ManagedText], right_edge: float,
                     plot_w: float, ratio: float, renderer: RendererAgg, gap: float) -> None:
    """Widen the x range of a horizontal bar chart so labels after the bars fit.

    ``right_edge`` is the largest bar end in data units; labels are ``gap`` pixels
    after their bar.
    """
    widest = max((m.artist.get_window_extent(renderer).width / ratio
                  for m in labels if m.artist.get_visible()), default=0.0)
    room = widest + 2 * gap
    if plot_w <= room + 20 or right_edge <= 0:
        ax.set_xlim(0, right_edge * 2)
        return
    ax.set_xlim(0, right_edge * plot_w / (plot_w - room))


class GdpByCityChart(ChartView):
    """Horizontal bars, largest first, each city in its colour, values at the bar ends."""

    chart_id = "gdp-by-city"
    tick_size = "body"
    min_plot_height = 120  # three bars

    def _load(self) -> None:
        self.figures: CityFigures = city_figures(self.content, "gdp")

    def _notes(self) -> tuple[DataNote, ...]:
        return notes_of(self.content, self.figures.cluster)

    def _build(self) -> None:
        ax = self.ax
        cities = self.figures.cities
        positions = list(range(len(cities)))
        container = ax.barh(positions, [s.value for s in cities], height=0.62)
        self.bars: list[Rectangle] = list(container.patches)
        self.values: list[ManagedText] = []
        for bar, stat in zip(self.bars, cities, strict=True):
            self._pickable(bar, "statistic", stat.id)
            self._animate(bar)
            label = self._add_axes_text("body", bold=True, ha="left", va="center")
            label.artist.set_position((stat.value, bar.get_y() + bar.get_height() / 2))
            self.values.append(label)
        ax.set_yticks(positions)
        ax.set_ylim(len(cities) - 0.5, -0.5)  # largest at the top
        ax.set_xticks([])
        for side in ("bottom", "top", "right"):
            ax.spines[side].set_visible(False)
        ax.grid(False)
        self.total_text = self._add_text("body", bold=True, wrap=True, footer=True)

    def _update_texts(self) -> None:
        lang, figures = self.lang, self.figures
        lead = leader_of(figures)
        year = figures.year or ""
        if lead is not None and lead.ratio > 1:
            others = join_names([self._city_name(s.city_id) for s in lead.others], lang,
                                self.tr(" and "))
            template = (self.tr("In %1, %2 alone produced more than twice as much as %3 "
                                "together") if lead.ratio > 2 else
                        self.tr("In %1, %2 alone produced more than %3 together"))
            title = fill(template, year, self._city_name(lead.leader.city_id), others)
        else:
            title = fill(self.tr("GDP by city in %1"), year)
        self._set_text(self.title_text, title)
        self._set_text(self.subtitle_text, fill(
            self.tr("Gross domestic product (GDP) in %1, in 100 million yuan"), year))
        for label, stat in zip(self.values, figures.cities, strict=True):
            self._set_text(label, format_statistic(stat, lang))
        self.ax.set_yticklabels([self._city_name(s.city_id) for s in figures.cities])
        cluster = figures.cluster
        self._set_text(self.total_text, f"{cluster.label.get(lang)}{self._sep()}"
                       f"{cluster.value_text.get(lang)}" if cluster else "")

    def _city_name(self, city_id: str | None) -> str:
        return self.content.city(city_id).name.get(self.lang) if city_id else ""

    def _apply_colors(self) -> None:
        chosen = self.item[1] if self.item[0] == "statistic" else ""
        for bar, stat in zip(self.bars, self.figures.cities, strict=True):
            bar.set_facecolor(style.city_color(self.content, stat.city_id))
            bar.set_edgecolor(self.theme.ink)
            bar.set_linewidth(3.0 if stat.id == chosen else 0.0)

    def _layout_plot(self, box: Box, renderer: RendererAgg) -> None:
        plot = self._fit_axes(self.ax, box, renderer)
        gap = 8 * style.zoom(self.scale)
        largest = max((s.value for s in self.figures.cities), default=1.0)
        fit_value_labels(self.ax, self.values, largest, plot.w, self._ratio(), renderer, gap)
        # Labels start ``gap`` pixels after the bar end, whatever the x range became.
        left, right = self.ax.get_xlim()
        per_px = (right - left) / max(plot.w, 1.0)
        for label, stat in zip(self.values, self.figures.cities, strict=True):
            label.artist.set_x(stat.value + gap * per_px)

    def _table(self) -> ChartTable:
        lang, figures = self.lang, self.figures
        rows = [(self._city_name(s.city_id), format_statistic(s, lang), s.locator)
                for s in figures.cities]
        keys = [("statistic", s.id) for s in figures.cities]
        if figures.cluster:
            rows.append((figures.cluster.label.get(lang),
                         format_statistic(figures.cluster, lang), figures.cluster.locator))
            keys.append(("statistic", figures.cluster.id))
        return ChartTable(
            headers=(self.tr("City"),
                     fill(self.tr("GDP %1 (100 million yuan)"), figures.year or ""),
                     self.tr("Where in the paper")),
            rows=tuple(rows), keys=tuple(keys), numeric=frozenset({1}))

    def _describe(self) -> str:
        lang = self.lang
        row = language(lang)
        text = row.join_clauses(f"{self._city_name(s.city_id)}{self._sep()}{s.value_text.get(lang)}"
                                for s in self.figures.cities)
        if self.total_text.raw:
            text = row.sentence(text) + row.sentence_space + self.total_text.raw
        return text

    def _records(self) -> Sequence[Cited]:
        return self.figures.records()
