"""Where things go on the timeline: the year→x mapping, marker lanes and axis labels.

Plain Python, no Qt, so the layout rules can be read and tested on their own; the
widgets only turn these numbers into rectangles.

Why the year axis is not linear: every event and enterprise is a touch target of at
least 44×44 px, and at 1024 px the 71 years leave ≈14 px per year while 1958 alone has
four enterprises and the three-year 1997–1999 stage needs room for its label.  So the
mapping is piecewise linear, one piece per year.  Each year gets
``max(base, demand)`` pixels, where *demand* is the room its markers need when stacked
in ``lanes`` rows, and each stage is at least as wide as its label.  ``base`` is then
solved so that everything fills the available width ("water filling"): empty years
share what the crowded years and the labels leave over.  Zooming in raises ``base``,
so the mapping becomes closer to linear the further one zooms.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Metrics:
    """Sizes in pixels at the current text zoom."""

    target: int  # side of a touch target (≥ 44)
    gap: int  # between neighbouring targets, and between targets and a column edge
    lanes: int  # rows of markers
    min_year: float  # narrowest a year may get, so that no year disappears

    @property
    def slot(self) -> int:
        return self.target + self.gap


@dataclass(frozen=True, slots=True)
class StageSpec:
    id: int
    start: int
    end: int
    min_width: float  # what its label needs


@dataclass(frozen=True, slots=True)
class ItemSpec:
    key: tuple[str, str]  # (kind, id)
    stage_id: int
    #: When it happened, as a fractional year: 1958.5 is the middle of 1958.
    at: float


@dataclass(frozen=True, slots=True)
class YearScale:
    """Year ``first + i`` occupies ``[edges[i], edges[i + 1])``."""

    first: int
    edges: tuple[float, ...]

    @property
    def last(self) -> int:
        return self.first + len(self.edges) - 2

    @property
    def width(self) -> float:
        return self.edges[-1]

    def x(self, year: float) -> float:
        """x of a fractional year (clamped to the axis)."""
        offset = min(max(year - self.first, 0.0), len(self.edges) - 1.0)
        i = min(int(offset), len(self.edges) - 2)
        return self.edges[i] + (offset - i) * (self.edges[i + 1] - self.edges[i])

    def year_at(self, x: float) -> float:
        """The fractional year at ``x`` (the inverse of :meth:`x`)."""
        if x <= self.edges[0]:
            return float(self.first)
        if x >= self.edges[-1]:
            return float(self.last + 1)
        i = bisect_right(self.edges, x) - 1
        span = self.edges[i + 1] - self.edges[i]
        return self.first + i + ((x - self.edges[i]) / span if span else 0.0)

    def cell(self, year: int) -> tuple[float, float]:
        i = year - self.first
        return self.edges[i], self.edges[i + 1]


@dataclass(frozen=True, slots=True)
class PlacedItem:
    key: tuple[str, str]
    stage_id: int
    lane: int  # 0 is the row next to the axis
    left: float  # left edge of the target
    anchor: float  # x of its date on the axis (the target may sit a little to the right)
    label_room: float  # free pixels to the right of the target in its lane


@dataclass(frozen=True, slots=True)
class TimelineGeometry:
    scale: YearScale
    stages: dict[int, tuple[float, float]]  # id -> (left, right)
    items: tuple[PlacedItem, ...]

    @property
    def width(self) -> float:
        return self.scale.width


def solve(stages: Sequence[StageSpec], items: Sequence[ItemSpec], metrics: Metrics,
          width: float) -> TimelineGeometry:
    """Lay the stages and items out in ``width`` pixels (more if they cannot fit).

    One left-to-right sweep per trial ``base`` (the width of a year without markers):
    each year starts where the previous one ended, its markers go into lanes at their
    date as far as the lanes allow, and the year stretches until it holds the middle
    of each of its markers.  A stage narrower than its label is then widened evenly.
    The widest ``base`` that still fits ``width`` is found by bisection.
    """
    by_year: dict[int, list[ItemSpec]] = {}
    first, last = stages[0].start, stages[-1].end
    for item in sorted(items, key=lambda i: i.at):  # stable: ties keep content order
        by_year.setdefault(min(max(int(item.at), first), last), []).append(item)
    low = metrics.min_year
    if _sweep(stages, by_year, metrics, low).width < width:
        high = max(width, low)
        for _ in range(40):  # the total width only grows with base
            mid = (low + high) / 2
            low, high = (mid, high) if _sweep(stages, by_year, metrics, mid).width < width \
                else (low, mid)
    return _sweep(stages, by_year, metrics, low)


def _sweep(stages: Sequence[StageSpec], by_year: dict[int, list[ItemSpec]],
           metrics: Metrics, base: float) -> TimelineGeometry:
    half, gap, lanes = metrics.target / 2, metrics.gap, metrics.lanes
    margin = 1.0  # a marker's middle stays this far inside its year
    edges = [0.0]
    ranges: dict[int, tuple[float, float]] = {}
    spots: list[tuple[ItemSpec, int, float]] = []  # item, lane, left
    for stage in stages:
        stage_left = edges[-1]
        free = [stage_left + gap] * lanes  # where the next target may start, per lane
        mine: list[tuple[ItemSpec, int, float]] = []
        for year in range(stage.start, stage.end + 1):
            cell_left = edges[-1]
            cell_right = cell_left + base
            for item in by_year.get(year, ()):
                centre = cell_left + max(margin, (item.at - year) * base)
                want = max(centre - half, stage_left + gap)
                # Of the lanes free at its date, the one free the longest: the previous
                # target there gets the most room for its label. Else the first to free up.
                open_lanes = [n for n in range(lanes) if free[n] <= want] or range(lanes)
                lane = min(open_lanes, key=free.__getitem__)
                left = max(want, free[lane])
                free[lane] = left + metrics.slot
                mine.append((item, lane, left))
                cell_right = max(cell_right, left + half + margin)
            edges.append(cell_right)
        edges[-1] = max([edges[-1]] + [left + metrics.target + gap for _, _, left in mine])
        stage_right = max(edges[-1], stage_left + stage.min_width)
        # Stretch the stage about its left edge to its final width: distances only grow,
        # so targets that did not overlap still do not, and each stays in its year.
        factor = (stage_right - stage_left) / (edges[-1] - stage_left or 1.0)
        n_years = stage.end - stage.start + 1
        for i in range(len(edges) - n_years, len(edges)):
            edges[i] = stage_left + (edges[i] - stage_left) * factor
        edges[-1] = stage_right
        for item, lane, left in mine:
            centre = stage_left + (left + half - stage_left) * factor
            spots.append((item, lane, centre - half))
        ranges[stage.id] = (stage_left, stage_right)
    scale = YearScale(stages[0].start, tuple(edges))
    return TimelineGeometry(scale, ranges, _with_label_room(spots, ranges, scale, metrics))


def _with_label_room(spots: list[tuple[ItemSpec, int, float]],
                     ranges: dict[int, tuple[float, float]], scale: YearScale,
                     metrics: Metrics) -> tuple[PlacedItem, ...]:
    """Each target may show a label in the free part of its lane up to the next target."""
    placed: list[PlacedItem] = []
    rows: dict[tuple[int, int], list[tuple[ItemSpec, int, float]]] = {}
    for spot in spots:
        rows.setdefault((spot[0].stage_id, spot[1]), []).append(spot)
    for (stage_id, lane), row in rows.items():
        row.sort(key=lambda s: s[2])
        for n, (item, _, left) in enumerate(row):
            end = row[n + 1][2] if n + 1 < len(row) else ranges[stage_id][1]
            room = max(0.0, end - metrics.gap - (left + metrics.target))
            placed.append(PlacedItem(item.key, stage_id, lane, left, scale.x(item.at), room))
    return tuple(placed)


def year_labels(scale: YearScale, label_width: Callable[[int], float], gap: float,
                priority: Sequence[int] = ()) -> list[tuple[int, float, float]]:
    """Which years to label on the axis, as ``(year, left, right)`` of each label.

    Labels are centred on their year and never overlap.  Decades come first, then the
    ``priority`` years (where each stage begins), then, decade by decade,
    the middle year (…5), then every year, so the step adapts to the room the
    non-linear axis has locally: a crowded decade shows each year, an empty one
    only its decade.  A decade gets its yearly labels all or none, never a ragged mix.
    """
    placed: list[tuple[int, float, float]] = []

    def box(year: int) -> tuple[float, float]:
        w = label_width(year)
        centre = scale.x(year + 0.5)
        left = min(max(centre - w / 2, 0.0), scale.width - w)
        return left, left + w

    def free(boxes: list[tuple[int, float, float]]) -> bool:
        taken = placed + boxes
        taken.sort(key=lambda b: b[1])
        return all(b[1] >= a[2] + gap for a, b in itertools.pairwise(taken))

    def try_add(years: Sequence[int]) -> None:
        boxes = [(y, *box(y)) for y in years if all(p[0] != y for p in placed)]
        if boxes and free(boxes):
            placed.extend(boxes)

    years = range(scale.first, scale.last + 1)
    for year in years:
        if year % 10 == 0:
            try_add([year])
    for year in priority:
        try_add([year])
    decades = sorted({y - y % 10 for y in years})
    for decade in decades:
        if decade + 5 in years:
            try_add([decade + 5])
    for decade in decades:
        try_add([y for y in years if decade <= y < decade + 10])
    return sorted(placed)
