"""Immutable records of the content and the lookups the app needs.

Field names follow the CSV columns, except that the text columns of one field in every
language (``x_zh``, ``x_en`` …) become one :class:`Text` field ``x``.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from czt_desktop.languages import content_order

#: Mean Earth radius (IUGG), for distances between places.
EARTH_RADIUS_KM = 6371.0088

class Text:
    """One text in every language the content has: the paper's Chinese (the source) and
    our translations.

    :meth:`get` answers in the language asked for, or, where a record has no text in it,
    in the next language of that language's fallback chain (see
    :func:`czt_desktop.languages.content_order`): a content pack may translate only part
    of its records into a new language. Immutable by convention, like the records.
    """

    __slots__ = ("_texts",)

    def __init__(self, zh: str = "", en: str = "", /, **others: str) -> None:
        self._texts: dict[str, str] = {
            code: text for code, text in {"zh": zh, "en": en, **others}.items() if text}

    @classmethod
    def of(cls, by_code: Mapping[str, str]) -> Text:
        """A text from ``{code: text}`` (empty texts are left out)."""
        made = cls()
        made._texts = {code: text for code, text in by_code.items() if text}
        return made

    def get(self, lang: str) -> str:
        texts = self._texts
        for code in content_order(lang):
            text = texts.get(code)
            if text:
                return text
        return next(iter(texts.values()), "")

    def has(self, lang: str) -> bool:
        """Whether the text exists in ``lang`` itself (not through a fallback)."""
        return lang in self._texts

    def variants(self) -> tuple[str, ...]:
        """The text in every language it has (search looks in all of them)."""
        return tuple(self._texts.values())

    def items(self) -> tuple[tuple[str, str], ...]:
        return tuple(self._texts.items())

    def __contains__(self, needle: str) -> bool:
        folded = needle.casefold()
        return any(folded in text.casefold() for text in self._texts.values())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and self._texts == other._texts

    def __hash__(self) -> int:
        return hash(frozenset(self._texts.items()))

    def __repr__(self) -> str:
        return f"Text({self._texts!r})"

    def __getstate__(self) -> dict[str, str]:
        return self._texts

    def __setstate__(self, state: dict[str, str]) -> None:
        self._texts = state


@dataclass(frozen=True, slots=True)
class Manifest:
    schema_version: int
    title: Text
    translation_note: Text
    #: The cluster's name in each language (长株潭 / Changsha–Zhuzhou–Xiangtan), and the
    #: short forms a reader may type instead ("Chang-Zhu-Tan", "CZT"): search treats
    #: each short form as the name. Optional: a pack without them searches as typed.
    cluster_name: Text | None = None
    short_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    kind: str
    citation: Text
    note: Text | None


@dataclass(frozen=True, slots=True)
class City:
    id: str
    name: Text
    role: str
    source_id: str
    locator: str


@dataclass(frozen=True, slots=True)
class Stage:
    id: int
    start_year: int
    end_year: int
    title: Text
    short: Text
    narrative: Text
    outcome: Text | None
    #: Our teaching text (None in a pack without it: show the paper's text instead).
    headline: Text | None
    summary: Text | None
    source_id: str
    locator: str

    @property
    def years_label(self) -> str:
        return f"{self.start_year}–{self.end_year}"

    def contains(self, year: int) -> bool:
        return self.start_year <= year <= self.end_year


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    stage_id: int
    year: int
    year_end: int | None
    month: int | None
    precision: str
    when: Text
    kind: str
    title: Text
    detail: Text | None
    source_id: str
    locator: str

    @property
    def sort_key(self) -> tuple[int, int]:
        return (self.year, self.month or 0)


@dataclass(frozen=True, slots=True)
class Enterprise:
    id: str
    name: Text
    city_id: str
    founded: int
    size_classes: tuple[str, ...]
    industry: Text
    stage_id: int
    source_id: str
    locator: str


@dataclass(frozen=True, slots=True)
class Statistic:
    id: str
    metric: str
    scope: str
    city_id: str | None
    year: int | None
    when: Text | None
    value: float
    qualifier: str
    unit: str
    value_text: Text
    label: Text
    source_id: str
    locator: str


@dataclass(frozen=True, slots=True)
class Industry:
    id: str
    city_id: str
    seq: int
    name: Text
    source_id: str
    locator: str


@dataclass(frozen=True, slots=True)
class InnovationBase:
    id: str
    city_id: str
    name: Text
    source_id: str
    locator: str


@dataclass(frozen=True, slots=True)
class Place:
    """Where a city is (for the map); from a gazetteer named in sources.csv."""

    id: str
    city_id: str
    latitude: float
    longitude: float
    geonameid: int | None
    source_id: str
    locator: str


@dataclass(frozen=True, slots=True)
class PeerCluster:
    id: str
    name: Text
    source_id: str
    locator: str


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem of the city cluster as the paper's section 3 names it."""

    id: str
    seq: int
    title: Text
    text: Text
    source_id: str
    locator: str


@dataclass(frozen=True, slots=True)
class Strategy:
    id: str
    seq: int
    title: Text
    text: Text
    source_id: str
    locator: str


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    topic: str
    seq: int
    text: Text
    source_id: str
    locator: str


@dataclass(frozen=True, slots=True)
class DataNote:
    """Where the source contradicts itself or needs a word of explanation."""

    id: str
    #: ``"table:id"`` references to the records the note is about.
    applies_to: tuple[str, ...]
    title: Text
    text: Text
    source_id: str
    locator: str


class Content:
    """Everything in one content folder, with the lookups the screens use."""

    def __init__(
        self,
        *,
        folder: str,
        manifest: Manifest,
        sources: tuple[Source, ...],
        cities: tuple[City, ...],
        stages: tuple[Stage, ...],
        events: tuple[Event, ...],
        enterprises: tuple[Enterprise, ...],
        statistics: tuple[Statistic, ...],
        industries: tuple[Industry, ...],
        innovation_bases: tuple[InnovationBase, ...],
        places: tuple[Place, ...],
        peer_clusters: tuple[PeerCluster, ...],
        problems: tuple[Problem, ...],
        strategies: tuple[Strategy, ...],
        facts: tuple[Fact, ...],
        data_notes: tuple[DataNote, ...],
    ) -> None:
        self.folder = folder
        self.manifest = manifest
        self.sources = sources
        self.cities = cities
        self.stages = tuple(sorted(stages, key=lambda s: s.start_year))
        # Stable sort: items dated alike keep the order the paper tells them in.
        self.events = tuple(sorted(events, key=lambda e: e.sort_key))
        self.enterprises = tuple(sorted(enterprises, key=lambda e: e.founded))
        self.statistics = statistics
        self.industries = tuple(sorted(industries, key=lambda i: (i.city_id, i.seq)))
        self.innovation_bases = innovation_bases
        self.places = places
        self._places = {p.city_id: p for p in places}
        self.peer_clusters = peer_clusters
        self.problems = tuple(sorted(problems, key=lambda p: p.seq))
        self.strategies = tuple(sorted(strategies, key=lambda s: s.seq))
        self.facts = tuple(sorted(facts, key=lambda f: (f.topic, f.seq)))
        self.data_notes = data_notes

        self._stages = {s.id: s for s in self.stages}
        self._cities = {c.id: c for c in cities}
        self._sources = {s.id: s for s in sources}
        self._notes: defaultdict[str, list[DataNote]] = defaultdict(list)
        for note in data_notes:
            for ref in note.applies_to:
                self._notes[ref].append(note)

    # -- stages -------------------------------------------------------------------------
    def stage(self, stage_id: int) -> Stage:
        return self._stages[stage_id]

    def stage_for_year(self, year: int) -> Stage | None:
        return next((s for s in self.stages if s.contains(year)), None)

    def stage_of_record(self, record: object) -> Stage | None:
        """The stage a record belongs to: by its stage, else by its year, else by where
        the paper tells it (a record cited from §1.2 belongs to the stage told in §1.2);
        None for what belongs to no stage (the paper's view today, its problems)."""
        stage_id = getattr(record, "stage_id", None)
        if isinstance(stage_id, int) and stage_id in self._stages:
            return self._stages[stage_id]
        year = getattr(record, "year", None)
        if isinstance(year, int):
            return self.stage_for_year(year)
        locator = str(getattr(record, "locator", ""))
        return next((s for s in self.stages for part in locator.split("; ")
                     if part == s.locator or part.startswith(s.locator + " ")), None)

    @property
    def first_year(self) -> int:
        return self.stages[0].start_year

    @property
    def last_year(self) -> int:
        return self.stages[-1].end_year

    # -- events and enterprises ---------------------------------------------------------
    def events_in_stage(self, stage_id: int) -> tuple[Event, ...]:
        return tuple(e for e in self.events if e.stage_id == stage_id)

    def events_in_year(self, year: int) -> tuple[Event, ...]:
        return tuple(e for e in self.events if e.year == year)

    def enterprises_in_stage(self, stage_id: int) -> tuple[Enterprise, ...]:
        return tuple(e for e in self.enterprises if e.stage_id == stage_id)

    def enterprises_in_city(self, city_id: str) -> tuple[Enterprise, ...]:
        return tuple(e for e in self.enterprises if e.city_id == city_id)

    def enterprises_founded_in(self, year: int) -> tuple[Enterprise, ...]:
        return tuple(e for e in self.enterprises if e.founded == year)

    # -- places -------------------------------------------------------------------------
    def city(self, city_id: str) -> City:
        return self._cities[city_id]

    def cities_with_role(self, role: str) -> tuple[City, ...]:
        return tuple(c for c in self.cities if c.role == role)

    def industries_of(self, city_id: str) -> tuple[Industry, ...]:
        return tuple(i for i in self.industries if i.city_id == city_id)

    def innovation_bases_of(self, city_id: str) -> tuple[InnovationBase, ...]:
        return tuple(b for b in self.innovation_bases if b.city_id == city_id)

    def place_of(self, city_id: str) -> Place | None:
        return self._places.get(city_id)

    def distance_km(self, city_a: str, city_b: str) -> float | None:
        """Great-circle distance between two cities' places, or None if one is unplaced."""
        a, b = self._places.get(city_a), self._places.get(city_b)
        if a is None or b is None:
            return None
        lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude,
                                                    b.latitude, b.longitude))
        h = (math.sin((lat2 - lat1) / 2) ** 2
             + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
        return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))

    # -- figures, facts, sources ----------------------------------------------------------
    def statistics_for(
        self,
        metric: str | None = None,
        *,
        scope: str | None = None,
        city_id: str | None = None,
        year: int | None = None,
    ) -> tuple[Statistic, ...]:
        return tuple(
            s
            for s in self.statistics
            if (metric is None or s.metric == metric)
            and (scope is None or s.scope == scope)
            and (city_id is None or s.city_id == city_id)
            and (year is None or s.year == year)
        )

    def facts_about(self, topic: str) -> tuple[Fact, ...]:
        return tuple(f for f in self.facts if f.topic == topic)

    def source(self, source_id: str) -> Source:
        return self._sources[source_id]

    def notes_for(self, table: str, record_id: str | int) -> tuple[DataNote, ...]:
        """Data notes attached to one record, e.g. ``notes_for("statistics", "gdp-...")``."""
        return tuple(self._notes.get(f"{table}:{record_id}", ()))
