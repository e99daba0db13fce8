"""The shape of a content folder, declared once.

The loader, the validator and ``data/README.md`` all follow these declarations; a new
column is added here and nowhere else in the reading code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SCHEMA_VERSION = 1
MANIFEST_FILE = "manifest.json"

ColumnKind = Literal["slug", "int", "float", "text", "enum", "enum_list", "ref", "ref_list"]

#: Sanity bounds for any year; the real check is that a year lies inside its stage.
YEAR_MIN, YEAR_MAX = 1900, 2100

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

# Limits: generous for a real pack (the bundled one has 35 events, files under 25 KB and
# cells under 2,100 characters), small enough that a broken or hostile pack is refused
# at once instead of filling the memory or making the window crawl. data/README.md
# states them.
#: Largest CSV file read, in bytes.
MAX_FILE_BYTES = 8_000_000
#: Largest manifest.json, in bytes.
MAX_MANIFEST_BYTES = 100_000
#: Most characters in one cell.
MAX_CELL_CHARS = 5_000
#: Most records (rows under the header) in one table.
MAX_ROWS = 10_000


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: ColumnKind
    required: bool = True
    choices: tuple[str, ...] = ()
    #: Target table of a ``ref`` column.
    ref: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    #: For Chinese text columns: the text must contain Chinese characters.
    needs_hanzi: bool = False

    @property
    def language(self) -> str | None:
        if self.name.endswith("_zh"):
            return "zh"
        if self.name.endswith("_en"):
            return "en"
        return None


@dataclass(frozen=True, slots=True)
class TableSpec:
    name: str
    columns: tuple[Column, ...]
    #: Column holding the row's unique id.
    key: str = "id"
    min_rows: int = 1

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)


def _pair(base: str, *, required: bool = True, hanzi: bool = True) -> tuple[Column, Column]:
    """A Chinese/English pair: both filled, or (if optional) both empty."""
    return (
        Column(f"{base}_zh", "text", required=required, needs_hanzi=hanzi),
        Column(f"{base}_en", "text", required=required),
    )


def _year(name: str, *, required: bool = True) -> Column:
    return Column(name, "int", required=required, minimum=YEAR_MIN, maximum=YEAR_MAX)


_ID = Column("id", "slug")
_SOURCED = (Column("source_id", "ref", ref="sources"), Column("locator", "text"))

SOURCE_KINDS = ("paper", "dataset", "translation", "website", "book")
CITY_ROLES = ("core", "ring")
EVENT_PRECISIONS = ("month", "year", "decade", "after")
EVENT_KINDS = (
    "idea",
    "context",
    "project",
    "proposal",
    "document",
    "plan",
    "body",
    "policy",
    "designation",
    "construction",
    "study",
    "statement",
)
SIZE_CLASSES = ("large", "large-1")
STAT_METRICS = (
    "gdp",
    "gdp_share_of_province",
    "land_share_of_province",
    "population_share_of_province",
    "key_projects",
    "distance_between_cities",
    "development_years",
    "special_economic_zones",
    "demonstration_clusters",
)
STAT_SCOPES = ("city", "cluster", "nation")
STAT_QUALIFIERS = ("exact", "approx", "at_least", "less_than")
STAT_UNITS = ("亿元", "%", "fraction", "count", "km", "year")
FACT_TOPICS = ("abstract", "geography", "stages", "ring", "status", "problems", "strategies")

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "sources",
        (
            _ID,
            Column("kind", "enum", choices=SOURCE_KINDS),
            *_pair("citation"),
            *_pair("note", required=False),
        ),
    ),
    TableSpec(
        "cities",
        (_ID, *_pair("name"), Column("role", "enum", choices=CITY_ROLES), *_SOURCED),
    ),
    TableSpec(
        "stages",
        (
            Column("id", "int", minimum=1, maximum=99),
            _year("start_year"),
            _year("end_year"),
            *_pair("title"),
            *_pair("short"),
            *_pair("narrative"),
            *_pair("outcome", required=False),
            *_SOURCED,
        ),
    ),
    TableSpec(
        "events",
        (
            _ID,
            Column("stage_id", "ref", ref="stages"),
            _year("year"),
            _year("year_end", required=False),
            Column("month", "int", required=False, minimum=1, maximum=12),
            Column("precision", "enum", choices=EVENT_PRECISIONS),
            *_pair("when", hanzi=False),
            Column("kind", "enum", choices=EVENT_KINDS),
            *_pair("title"),
            *_pair("detail", required=False),
            *_SOURCED,
        ),
    ),
    TableSpec(
        "enterprises",
        (
            _ID,
            *_pair("name"),
            Column("city_id", "ref", ref="cities"),
            _year("founded"),
            Column("size_classes", "enum_list", choices=SIZE_CLASSES),
            *_pair("industry"),
            Column("stage_id", "ref", ref="stages"),
            *_SOURCED,
        ),
        min_rows=0,
    ),
    TableSpec(
        "statistics",
        (
            _ID,
            Column("metric", "enum", choices=STAT_METRICS),
            Column("scope", "enum", choices=STAT_SCOPES),
            Column("city_id", "ref", ref="cities", required=False),
            _year("year", required=False),
            *_pair("when", required=False, hanzi=False),
            Column("value", "float"),
            Column("qualifier", "enum", choices=STAT_QUALIFIERS),
            Column("unit", "enum", choices=STAT_UNITS),
            *_pair("value_text", hanzi=False),
            *_pair("label"),
            *_SOURCED,
        ),
        min_rows=0,
    ),
    TableSpec(
        "industries",
        (
            _ID,
            Column("city_id", "ref", ref="cities"),
            Column("seq", "int", minimum=1),
            *_pair("name"),
            *_SOURCED,
        ),
        min_rows=0,
    ),
    TableSpec(
        "innovation_bases",
        (_ID, Column("city_id", "ref", ref="cities"), *_pair("name"), *_SOURCED),
        min_rows=0,
    ),
    TableSpec(
        "places",
        (
            _ID,
            Column("city_id", "ref", ref="cities"),
            Column("latitude", "float", minimum=-90, maximum=90),
            Column("longitude", "float", minimum=-180, maximum=180),
            *_SOURCED,
        ),
        min_rows=0,
    ),
    TableSpec("peer_clusters", (_ID, *_pair("name"), *_SOURCED), min_rows=0),
    TableSpec(
        "problems",
        (_ID, Column("seq", "int", minimum=1), *_pair("title"), *_pair("text"), *_SOURCED),
        min_rows=0,
    ),
    TableSpec(
        "strategies",
        (_ID, Column("seq", "int", minimum=1), *_pair("title"), *_pair("text"), *_SOURCED),
        min_rows=0,
    ),
    TableSpec(
        "facts",
        (
            _ID,
            Column("topic", "enum", choices=FACT_TOPICS),
            Column("seq", "int", minimum=1),
            *_pair("text"),
            *_SOURCED,
        ),
        min_rows=0,
    ),
    TableSpec(
        "data_notes",
        (_ID, Column("applies_to", "ref_list"), *_pair("title"), *_pair("text"), *_SOURCED),
        min_rows=0,
    ),
)

TABLES_BY_NAME: dict[str, TableSpec] = {t.name: t for t in TABLES}
