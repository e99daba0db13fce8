"""The shape of a content folder, declared once.

The loader, the validator and ``data/README.md`` all follow these declarations; a new
column is added here and nowhere else in the reading code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from czt_desktop import languages

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
#: The manifest's short names of the cluster: how many, and how long each.
MAX_SHORT_NAMES = 20
MAX_SHORT_NAME_CHARS = 60
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
    #: A text column's language (its name ends in ``_<code>``) and the field it belongs to.
    language: str | None = None
    text_field: str | None = None
    #: Whether the header must have this column (a language that is not required in every
    #: record, see :attr:`czt_desktop.languages.Language.content_required`, may lack it).
    in_header: bool = True


@dataclass(frozen=True, slots=True)
class TextField:
    """One text in every language: a column ``<base>_<code>`` per language of the table.

    The required languages' columns must all be filled (or, if the field is optional,
    all be empty); other languages may leave a cell empty and fall back.
    """

    base: str
    required: bool = True
    #: The source language's text must contain Chinese characters (a sanity check that
    #: the columns were not swapped).
    hanzi: bool = True
    #: A text a pack should have but may lack (an older pack): its columns may be left
    #: out, and the validator warns where it is missing (the app shows the paper's
    #: text instead).
    advised: bool = False

    def columns(self) -> tuple[Column, ...]:
        found: list[Column] = []
        for code in languages.codes():
            row = languages.language(code)
            found.append(Column(
                f"{self.base}_{code}", "text",
                required=self.required and row.content_required,
                needs_hanzi=self.hanzi and code == languages.SOURCE_LANGUAGE,
                language=code, text_field=self.base,
                in_header=row.content_required and not self.advised))
        return tuple(found)


@dataclass(frozen=True, slots=True)
class TableSpec:
    name: str
    fields: tuple[Column | TextField, ...]
    #: Column holding the row's unique id.
    key: str = "id"
    min_rows: int = 1

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    @property
    def columns(self) -> tuple[Column, ...]:
        """Every column, text fields spelt out for the languages of the table now."""
        return _spelt_out(self, languages.generation())

    @property
    def column_names(self) -> tuple[str, ...]:
        """The columns every file of this table must have."""
        return tuple(c.name for c in self.columns if c.in_header)

    @property
    def text_fields(self) -> tuple[TextField, ...]:
        return tuple(f for f in self.fields if isinstance(f, TextField))

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)


@lru_cache(maxsize=64)
def _spelt_out(spec: TableSpec, _generation: int) -> tuple[Column, ...]:
    """``spec``'s columns for the language table of ``_generation`` (asked for per row)."""
    found: list[Column] = []
    for item in spec.fields:
        found.extend(item.columns() if isinstance(item, TextField) else (item,))
    return tuple(found)


def _text(base: str, *, required: bool = True, hanzi: bool = True,
          advised: bool = False) -> TextField:
    return TextField(base, required=required, hanzi=hanzi, advised=advised)


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
            _text("citation"),
            _text("note", required=False),
        ),
    ),
    TableSpec(
        "cities",
        (_ID, _text("name"), Column("role", "enum", choices=CITY_ROLES), *_SOURCED),
    ),
    TableSpec(
        "stages",
        (
            Column("id", "int", minimum=1, maximum=99),
            _year("start_year"),
            _year("end_year"),
            _text("title"),
            _text("short"),
            _text("narrative"),
            _text("outcome", required=False),
            # Our teaching text, written from the paper (the narrative is the paper's own):
            # a one-line finding and two to four sentences.
            _text("headline", required=False, advised=True),
            _text("summary", required=False, advised=True),
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
            _text("when", hanzi=False),
            Column("kind", "enum", choices=EVENT_KINDS),
            _text("title"),
            _text("detail", required=False),
            *_SOURCED,
        ),
    ),
    TableSpec(
        "enterprises",
        (
            _ID,
            _text("name"),
            Column("city_id", "ref", ref="cities"),
            _year("founded"),
            Column("size_classes", "enum_list", choices=SIZE_CLASSES),
            _text("industry"),
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
            _text("when", required=False, hanzi=False),
            Column("value", "float"),
            Column("qualifier", "enum", choices=STAT_QUALIFIERS),
            Column("unit", "enum", choices=STAT_UNITS),
            _text("value_text", hanzi=False),
            _text("label"),
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
            _text("name"),
            *_SOURCED,
        ),
        min_rows=0,
    ),
    TableSpec(
        "innovation_bases",
        (_ID, Column("city_id", "ref", ref="cities"), _text("name"), *_SOURCED),
        min_rows=0,
    ),
    TableSpec(
        "places",
        (
            _ID,
            Column("city_id", "ref", ref="cities"),
            Column("latitude", "float", minimum=-90, maximum=90),
            Column("longitude", "float", minimum=-180, maximum=180),
            # The gazetteer's own id of the place (for whoever checks the coordinates).
            Column("geonameid", "int", required=False, minimum=1, in_header=False),
            *_SOURCED,
        ),
        min_rows=0,
    ),
    TableSpec("peer_clusters", (_ID, _text("name"), *_SOURCED), min_rows=0),
    TableSpec(
        "problems",
        (_ID, Column("seq", "int", minimum=1), _text("title"), _text("text"), *_SOURCED),
        min_rows=0,
    ),
    TableSpec(
        "strategies",
        (_ID, Column("seq", "int", minimum=1), _text("title"), _text("text"), *_SOURCED),
        min_rows=0,
    ),
    TableSpec(
        "facts",
        (
            _ID,
            Column("topic", "enum", choices=FACT_TOPICS),
            Column("seq", "int", minimum=1),
            _text("text"),
            *_SOURCED,
        ),
        min_rows=0,
    ),
    TableSpec(
        "data_notes",
        (_ID, Column("applies_to", "ref_list"), _text("title"), _text("text"), *_SOURCED),
        min_rows=0,
    ),
)

TABLES_BY_NAME: dict[str, TableSpec] = {t.name: t for t in TABLES}
