"""The handout's charts: matplotlib Figures drawn for paper, returned as PNG bytes.

The app's charts are widgets (canvas, highlight, focus ring, screen sizes); a page
needs something else: a fixed size in millimetres, 300 dpi, white paper, and marks that
still tell the cities apart when a school prints in grey. So these figures share the
app's data (``czt_desktop.ui.charts.data``), colours (``CITY_COLORS``), style file and
bundled fonts, and add a hatch per city. Titles, subtitles and sources are set as text
of the page, not of the picture (searchable, and in the PDF's embedded font).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from czt_desktop.content import Content, Stage
from czt_desktop.ui.charts import style
from czt_desktop.ui.charts.data import (
    city_figures,
    enterprise_years,
    format_statistic,
    milestones_per_stage,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: Print resolution of the pictures.
DPI = 300
MM_PER_INCH = 25.4
#: Type sizes in points: labels on the chart, and the numbers on the marks.
LABEL_PT = 8.5
VALUE_PT = 9.0
INK = "#1E1B16"
MUTED = "#5A544A"
#: Bars of the other stages: light enough to read as "not this one" in grey print.
QUIET = "#C9C2B4"
#: One hatch per city, so a grey print still tells them apart (colour is the same as
#: everywhere in the app).
CITY_HATCHES = {"changsha": "////", "zhuzhou": "", "xiangtan": "...."}
RING_HATCH = "xx"


@dataclass(frozen=True, slots=True)
class ChartPicture:
    png: bytes
    width_mm: float
    height_mm: float


def city_hatch(city_id: str | None) -> str:
    return CITY_HATCHES.get(city_id or "", RING_HATCH)


def _figure(width_mm: float, height_mm: float) -> Figure:
    from matplotlib.figure import Figure

    style.register_fonts()
    figure = Figure(figsize=(width_mm / MM_PER_INCH, height_mm / MM_PER_INCH), dpi=DPI)
    figure.patch.set_facecolor("white")
    return figure


def _axes(figure: Figure, lang: str) -> Axes:
    ax = figure.add_subplot()
    ax.set_facecolor("white")
    ax.tick_params(labelsize=LABEL_PT, labelcolor=INK, labelfontfamily=style.families(lang),
                   length=0)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.spines["left"].set_color(MUTED)
    ax.spines["bottom"].set_color(MUTED)
    ax.grid(False)
    return ax


def _png(figure: Figure, width_mm: float, height_mm: float) -> ChartPicture:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)  # an Agg canvas of its own: no GUI backend, no pyplot
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor="white")
    return ChartPicture(buffer.getvalue(), width_mm, height_mm)


def enterprises_per_year(content: Content, lang: str, city_names: Sequence[str],
                         width_mm: float, height_mm: float = 68) -> ChartPicture:
    """Enterprises built each year, stacked by city; a key with the city names (given
    by the caller with their counts) above the plot."""
    data = enterprise_years(content)
    families = style.families(lang)
    with style.style_context():
        figure = _figure(width_mm, height_mm)
        ax = _axes(figure, lang)
        for year in data.years:
            for level, enterprise in enumerate(data.stacks[year]):
                ax.bar(year, 1, bottom=level, width=0.7,
                       color=style.city_color(content, enterprise.city_id),
                       hatch=city_hatch(enterprise.city_id), hatchcolor="white",
                       edgecolor="white", linewidth=1.2)
            count = len(data.stacks[year])
            if count:
                ax.text(year, count + 0.1, str(count), ha="center", va="bottom",
                        fontsize=VALUE_PT, fontweight="bold", color=INK, fontfamily=families)
        tallest = max((len(s) for s in data.stacks.values()), default=1)
        ax.set_ylim(0, tallest + 0.9)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.set_xticks(list(data.years), [str(y) for y in data.years])
        from matplotlib.patches import Patch

        handles = [Patch(facecolor=style.city_color(content, c.id), hatch=city_hatch(c.id),
                         hatchcolor="white", edgecolor="white", label=name)
                   for c, name in zip(data.cities, city_names, strict=True)]
        ax.legend(handles=handles, loc="upper left", ncols=len(handles), frameon=False,
                  prop={"family": families, "size": LABEL_PT}, handlelength=2.2,
                  handleheight=1.2, bbox_to_anchor=(0, 1.14), borderaxespad=0)
        figure.subplots_adjust(left=0.02, right=0.98, top=0.84, bottom=0.14)
        return _png(figure, width_mm, height_mm)


def gdp_by_city(content: Content, lang: str, width_mm: float,
                height_mm: float = 42) -> ChartPicture:
    """One bar per city, largest at the top, the figure as the paper prints it."""
    figures = city_figures(content, "gdp")
    families = style.families(lang)
    with style.style_context():
        figure = _figure(width_mm, height_mm)
        ax = _axes(figure, lang)
        cities = figures.cities
        positions = list(range(len(cities)))
        largest = max((s.value for s in cities), default=1.0) or 1.0
        for position, stat in zip(positions, cities, strict=True):
            ax.barh(position, stat.value, height=0.62,
                    color=style.city_color(content, stat.city_id),
                    hatch=city_hatch(stat.city_id), hatchcolor="white", edgecolor="white",
                    linewidth=1.2)
            ax.text(stat.value + largest * 0.01, position, format_statistic(stat, lang),
                    va="center", ha="left", fontsize=VALUE_PT, fontweight="bold", color=INK,
                    fontfamily=families)
        names = [content.city(s.city_id).name.get(lang) if s.city_id else "" for s in cities]
        ax.set_yticks(positions, names)
        ax.set_ylim(len(cities) - 0.5, -0.5)
        ax.set_xlim(0, largest * 1.18)
        ax.set_xticks([])
        ax.spines["bottom"].set_visible(False)
        figure.subplots_adjust(left=0.14, right=0.98, top=0.96, bottom=0.04)
        return _png(figure, width_mm, height_mm)


def milestones_per_stage_chart(content: Content, lang: str, stage: Stage, width_mm: float,
                               height_mm: float = 52) -> ChartPicture:
    """One bar per stage; ``stage`` in ink, the others light (grey print keeps it)."""
    counts = milestones_per_stage(content)
    families = style.families(lang)
    with style.style_context():
        figure = _figure(width_mm, height_mm)
        ax = _axes(figure, lang)
        positions = list(range(len(counts)))
        for position, item in zip(positions, counts, strict=True):
            here = item.stage.id == stage.id
            ax.bar(position, item.count, width=0.62, color=INK if here else QUIET,
                   edgecolor="white")
            ax.text(position, item.count + 0.2, str(item.count), ha="center", va="bottom",
                    fontsize=VALUE_PT, fontweight="bold" if here else "normal",
                    color=INK, fontfamily=families)
        tallest = max((c.count for c in counts), default=1)
        ax.set_ylim(0, tallest * 1.2 + 0.5)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        labels = [f"{c.stage.short.get(lang)}\n{c.stage.years_label}" for c in counts]
        ax.set_xticks(positions, labels)
        for tick, item in zip(ax.get_xticklabels(), counts, strict=True):
            tick.set_fontweight("bold" if item.stage.id == stage.id else "normal")
        figure.subplots_adjust(left=0.02, right=0.98, top=0.95, bottom=0.25)
        return _png(figure, width_mm, height_mm)
