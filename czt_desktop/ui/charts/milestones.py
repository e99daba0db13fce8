"""How many milestones the paper gives for each of its five stages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from czt_desktop.content.citing import Cited
from czt_desktop.languages import fill, language
from czt_desktop.ui.charts import style
from czt_desktop.ui.charts.base import Box, ChartView, ManagedText
from czt_desktop.ui.charts.data import (
    StageCount,
    busiest_stage,
    milestones_per_stage,
)
from czt_desktop.ui.charts.table_model import ChartTable

if TYPE_CHECKING:
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.patches import Rectangle


class MilestonesPerStageChart(ChartView):
    """One bar per stage, labelled with the stage's short name and years; the selected
    stage is drawn in the accent colour with a bold label, the others quietly."""

    chart_id = "milestones-per-stage"

    def _load(self) -> None:
        self.counts: tuple[StageCount, ...] = milestones_per_stage(self.content)

    def _build(self) -> None:
        ax = self.ax
        positions = list(range(len(self.counts)))
        container = ax.bar(positions, [c.count for c in self.counts], width=0.62)
        self.bars: list[Rectangle] = list(container.patches)
        self.values: list[ManagedText] = []
        # Category labels are texts of our own, not tick labels: they change weight with
        # the highlight, so they are redrawn with the bars (tick labels cannot be).
        self.labels: list[ManagedText] = []
        for bar, item in zip(self.bars, self.counts, strict=True):
            self._pickable(bar, "stage", str(item.stage.id))
            middle = bar.get_x() + bar.get_width() / 2
            value = self._add_axes_text("body", bold=True, ha="center", va="bottom")
            value.artist.set_position((middle, item.count))
            self.values.append(value)
            label = self._add_label(middle)
            self.labels.append(label)
            self._animate(bar, value.artist, label.artist)
        ax.set_xticks([])
        ax.set_xlim(-0.6, len(self.counts) - 0.4)
        ax.set_yticks([])
        for side in ("left", "top", "right"):
            ax.spines[side].set_visible(False)
        ax.grid(False)

    def _update_texts(self) -> None:
        lang = self.lang
        total = sum(c.count for c in self.counts)
        top = busiest_stage(self.counts)
        if top is not None:
            title = fill(self.tr("Most milestones came in %1 (%2): %3 of %4"),
                         top.stage.years_label, top.stage.short.get(lang), top.count, total)
        else:
            title = fill(self.tr("%1 milestones in %2 stages"), total, len(self.counts))
        self._set_text(self.title_text, title)
        self._set_text(self.subtitle_text,
                       self.tr("Number of milestones the paper gives for each stage"))
        for value, item in zip(self.values, self.counts, strict=True):
            self._set_text(value, str(item.count))
        for label, item in zip(self.labels, self.counts, strict=True):
            self._set_text(label, f"{item.stage.short.get(lang)}\n{item.stage.years_label}")

    def _apply_colors(self) -> None:
        theme = self.theme
        quiet = style.quiet_color(theme)
        outline = style.outline_quiet_bars(theme)
        for index, (bar, item) in enumerate(zip(self.bars, self.counts, strict=True)):
            chosen = self.stage_id is None or item.stage.id == self.stage_id
            bar.set_facecolor(theme.accent if chosen else quiet)
            bar.set_edgecolor(theme.ink if outline else theme.paper)
            bar.set_linewidth(1.5 if outline else 0.0)
            emphasise = item.stage.id == self.stage_id
            weight = "bold" if emphasise else "normal"
            self.values[index].artist.set_fontweight(weight)
            self.labels[index].artist.set_fontweight(weight)
            self.labels[index].artist.set_color(theme.ink if chosen else theme.muted)

    def _add_label(self, x: float) -> ManagedText:
        """A stage's name and years under its bar, centred, a little below the axis."""
        artist = self.ax.annotate("", xy=(x, 0), xycoords=self.ax.get_xaxis_transform(),
                                  xytext=(0, -6), textcoords="offset points", ha="center",
                                  va="top", annotation_clip=False, linespacing=1.3,
                                  parse_math=False)
        managed = ManagedText(artist, "small")
        self._texts.append(managed)
        return managed

    def _layout_plot(self, box: Box, renderer: RendererAgg) -> None:
        plot = self._fit_axes(self.ax, box, renderer)
        tallest = max((c.count for c in self.counts), default=1) or 1
        label_px = 1.6 * self.scale.body
        self.ax.set_ylim(0, tallest * plot.h / max(plot.h - label_px, 1.0))

    def _step(self, step: int) -> None:
        ids = [c.stage.id for c in self.counts]
        if not ids:
            return
        if self.stage_id in ids:
            index = ids.index(self.stage_id) + step
        else:
            index = 0 if step > 0 else len(ids) - 1
        if 0 <= index < len(ids):
            self.stage_activated.emit(ids[index])

    def _table(self) -> ChartTable:
        lang = self.lang
        return ChartTable(
            headers=(self.tr("Stage"), self.tr("Years"), self.tr("Milestones")),
            rows=tuple((c.stage.short.get(lang), c.stage.years_label, str(c.count))
                       for c in self.counts),
            keys=tuple(("stage", str(c.stage.id)) for c in self.counts),
            numeric=frozenset({2}),
        )

    def _describe(self) -> str:
        lang = self.lang
        return language(lang).join_clauses(
            fill(self.tr("%1 (%2): %3"), c.stage.short.get(lang), c.stage.years_label,
                 c.count)
            for c in self.counts)

    def _records(self) -> Sequence[Cited]:
        return [c.stage for c in self.counts]
