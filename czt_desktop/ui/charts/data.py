"""What the charts show, read from the content: pure Python, no Qt, no matplotlib.

Every number a chart prints is either a record's value (printed with the precision the
paper printed it with) or a sum/difference/ratio of such values, computed here so the
tests can check it. Findings (the sentence a title states) are computed, never written
in by hand: another content pack may say something else.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from czt_desktop import languages
from czt_desktop.content import City, Content, DataNote, Enterprise, Stage, Statistic

T = TypeVar("T")


# -- numbers ------------------------------------------------------------------------------
_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def printed_decimals(stat: Statistic) -> int:
    """How many decimals the paper printed (``2257.6`` has one, ``3003.13`` two)."""
    match = _NUMBER.search(stat.value_text.get(languages.SOURCE_LANGUAGE))
    return len(match.group(1) or "") if match else 0


def format_number(value: float, decimals: int, lang: str) -> str:
    """``11,574.22`` in English; ``11574.22`` in Chinese, as the paper prints it."""
    return languages.language(lang).number(value, decimals)


def format_statistic(stat: Statistic, lang: str) -> str:
    """The bare number of a statistic, as precise as printed, without its unit."""
    return format_number(stat.value, printed_decimals(stat), lang)


# -- words ------------------------------------------------------------------------------
def join_names(names: Sequence[str], lang: str, and_word: str) -> str:
    """``株洲和湘潭`` / ``Zhuzhou and Xiangtan``; three or more with commas."""
    if len(names) <= 1:
        return "".join(names)
    return f"{languages.language(lang).join(names[:-1])}{and_word}{names[-1]}"


# -- enterprises --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EnterpriseYears:
    """The enterprises of the list, stacked per year built, one block per enterprise."""

    years: tuple[int, ...]
    #: Per year, bottom to top: the city order of ``cities``, then the paper's order.
    stacks: dict[int, tuple[Enterprise, ...]]
    cities: tuple[City, ...]
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def top_city(self) -> City | None:
        """The city with the most enterprises, if one city alone has the most."""
        return _unique_max(self.cities, lambda c: self.counts[c.id])


def enterprise_years(content: Content) -> EnterpriseYears:
    enterprises = content.enterprises
    if not enterprises:
        return EnterpriseYears((), {}, (), {})
    city_ids = {e.city_id for e in enterprises}
    cities = tuple(c for c in content.cities if c.id in city_ids)
    rank = {c.id: i for i, c in enumerate(cities)}
    first, last = enterprises[0].founded, enterprises[-1].founded
    years = tuple(range(first, last + 1))
    stacks = {
        year: tuple(sorted((e for e in enterprises if e.founded == year),
                           key=lambda e: rank[e.city_id]))
        for year in years
    }
    counts = {c.id: sum(1 for e in enterprises if e.city_id == c.id) for c in cities}
    return EnterpriseYears(years, stacks, cities, counts)


# -- milestones ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class StageCount:
    stage: Stage
    count: int


def milestones_per_stage(content: Content) -> tuple[StageCount, ...]:
    return tuple(StageCount(s, len(content.events_in_stage(s.id))) for s in content.stages)


def busiest_stage(counts: Sequence[StageCount]) -> StageCount | None:
    """The stage with the most milestones, if one stage alone has the most."""
    return _unique_max(counts, lambda c: c.count)


# -- GDP ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CityFigures:
    """One metric for the three cities in one year, largest first, and the cluster's."""

    year: int | None
    cities: tuple[Statistic, ...]
    cluster: Statistic | None

    @property
    def city_sum(self) -> float:
        return sum(s.value for s in self.cities)

    @property
    def sum_decimals(self) -> int:
        return max((printed_decimals(s) for s in self.cities), default=0)

    def records(self) -> tuple[Statistic, ...]:
        return self.cities + ((self.cluster,) if self.cluster else ())


def city_figures(content: Content, metric: str) -> CityFigures:
    """The latest year for which the paper gives ``metric`` for single cities."""
    by_city = content.statistics_for(metric, scope="city")
    years = sorted({s.year for s in by_city if s.year is not None})
    year = years[-1] if years else None
    cities = tuple(sorted((s for s in by_city if s.year == year), key=lambda s: -s.value))
    cluster = next(iter(content.statistics_for(metric, scope="cluster", year=year)), None) \
        if year is not None else None
    return CityFigures(year, cities, cluster)


@dataclass(frozen=True, slots=True)
class Lead:
    """How far the largest city is ahead of all the others together."""

    leader: Statistic
    others: tuple[Statistic, ...]
    ratio: float  # leader / sum of the others


def leader_of(figures: CityFigures) -> Lead | None:
    if len(figures.cities) < 2:
        return None
    leader, *others = figures.cities
    rest = sum(s.value for s in others)
    if rest <= 0 or leader.value == others[0].value:
        return None
    return Lead(leader, tuple(others), leader.value / rest)


def notes_of(content: Content, stat: Statistic | None) -> tuple[DataNote, ...]:
    """The data notes attached to a statistic (the cluster figure carries the comparisons)."""
    return content.notes_for("statistics", stat.id) if stat else ()


def _unique_max(items: Sequence[T], score: Callable[[T], float]) -> T | None:
    if not items:
        return None
    best = max(score(i) for i in items)
    winners = [i for i in items if score(i) == best]
    return winners[0] if len(winners) == 1 and best > 0 else None
