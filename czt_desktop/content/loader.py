"""Load and validate a content folder: every problem reported at once, never a traceback.

The folder's files are read once (:func:`czt_desktop.content.reading.read_pack`: regular
files inside the folder, within their size limits) and parsed once; validation and
loading are one pass (:func:`inspect_folder`), so ``validate`` and the app never parse a
pack twice.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from czt_desktop import languages
from czt_desktop.content import checks
from czt_desktop.content.findings import ContentError, Finding, Severity
from czt_desktop.content.model import (
    City,
    Content,
    DataNote,
    Enterprise,
    Event,
    Fact,
    Industry,
    InnovationBase,
    Manifest,
    PeerCluster,
    Place,
    Problem,
    Source,
    Stage,
    Statistic,
    Strategy,
    Text,
)
from czt_desktop.content.reading import Pack, decode_text, pack_file_limits, parse_csv, read_pack
from czt_desktop.content.schema import (
    MANIFEST_FILE,
    MAX_CELL_CHARS,
    MAX_SHORT_NAME_CHARS,
    MAX_SHORT_NAMES,
    SCHEMA_VERSION,
    SLUG_PATTERN,
    TABLES,
    Column,
    TableSpec,
)
from czt_desktop.content.tables import ParsedTable, Value

log = logging.getLogger("czt.content")

_SLUG = re.compile(SLUG_PATTERN)
_HANZI = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

#: The record class each table's rows become.
RECORD_TYPES: dict[str, type] = {
    "sources": Source,
    "cities": City,
    "stages": Stage,
    "events": Event,
    "enterprises": Enterprise,
    "statistics": Statistic,
    "industries": Industry,
    "innovation_bases": InnovationBase,
    "places": Place,
    "peer_clusters": PeerCluster,
    "problems": Problem,
    "strategies": Strategy,
    "facts": Fact,
    "data_notes": DataNote,
}

def _convert(
    column: Column, raw: str, file: str, row: int, findings: list[Finding]
) -> tuple[bool, Value]:
    """(ok, value) for one cell; a bad cell adds a finding and gives ok=False."""

    def bad(message: str) -> tuple[bool, Value]:
        findings.append(Finding(file, message, row=row, column=column.name))
        return False, None

    if raw == "":
        if column.required:
            what = f"the {languages.language(column.language).english_name} text" \
                if column.language else "a value"
            return bad(f"{what} is missing")
        return True, None
    kind = column.kind
    if kind == "int" or (kind == "ref" and column.ref == "stages"):
        try:
            number = float(raw)
        except ValueError:
            return bad(f"'{raw}' is not a whole number")
        if not number.is_integer():
            return bad(f"'{raw}' is not a whole number")
        value: Value = int(number)
        if column.minimum is not None and number < column.minimum:
            return bad(f"{raw} is below the smallest allowed value {column.minimum:g}")
        if column.maximum is not None and number > column.maximum:
            return bad(f"{raw} is above the largest allowed value {column.maximum:g}")
        return True, value
    if kind == "float":
        try:
            number = float(raw)
        except ValueError:
            return bad(f"'{raw}' is not a number (write digits with a dot, no thousands commas)")
        if column.minimum is not None and number < column.minimum:
            return bad(f"{raw} is below the smallest allowed value {column.minimum:g}")
        if column.maximum is not None and number > column.maximum:
            return bad(f"{raw} is above the largest allowed value {column.maximum:g}")
        return True, number
    if kind == "slug":
        if not _SLUG.match(raw):
            return bad(f"'{raw}' is not a valid id (use lowercase a-z, 0-9 and single dashes)")
        return True, raw
    if kind == "enum":
        if raw not in column.choices:
            return bad(f"'{raw}' is not one of: {', '.join(column.choices)}")
        return True, raw
    if kind == "enum_list":
        items = tuple(part.strip() for part in raw.split(";") if part.strip())
        unknown = [i for i in items if i not in column.choices]
        if unknown or not items:
            return bad(f"'{raw}' must be ';'-separated values from: {', '.join(column.choices)}")
        return True, items
    if kind == "ref_list":
        return True, tuple(part.strip() for part in raw.split(";") if part.strip())
    if column.needs_hanzi and not _HANZI.search(raw):
        return bad(f"'{raw[:40]}' has no Chinese characters; is it in the wrong column?")
    return True, raw


#: A teaching text a pack should have (see ``TextField.advised``) is missing.
ADVISED_MISSING = "our teaching text is missing here; the app shows the paper's text instead"


def _advised_columns(spec: TableSpec) -> list[str]:
    """The columns of the advised texts in the languages every record must have."""
    return [c.name for c in spec.columns
            if c.text_field is not None and c.language is not None
            and any(f.base == c.text_field and f.advised for f in spec.text_fields)
            and languages.language(c.language).content_required]


def _parse_table(pack: Pack, spec: TableSpec, findings: list[Finding]) -> ParsedTable | None:
    file = spec.filename
    data = pack.files.get(file)
    if data is None:  # read_pack already said why
        return None
    raw = parse_csv(data, file, findings)
    if raw is None:
        return None
    columns = [c for c in spec.columns if c.in_header or c.name in raw.header]
    known = {c.name for c in spec.columns}
    missing = [c for c in spec.column_names if c not in raw.header]
    for name in missing:
        findings.append(Finding(file, "required column is missing", row=1, column=name))
    for name in raw.header:
        if name and name not in known and not name.startswith("Unnamed:"):
            findings.append(
                Finding(
                    file,
                    "unknown column; it is ignored",
                    row=1,
                    column=name,
                    severity=Severity.WARNING,
                )
            )
    if missing:
        return None
    advised = _advised_columns(spec)
    for name in advised:
        if name not in raw.header:
            findings.append(Finding(file, ADVISED_MISSING, row=1, column=name,
                                    severity=Severity.WARNING))
    parsed = ParsedTable(spec)
    if len(raw.rows) < spec.min_rows:
        findings.append(Finding(file, "has no rows; at least one is needed"))
    first_seen: dict[Value, int] = {}
    for cells, row in zip(raw.rows, raw.row_numbers, strict=True):
        values: dict[str, Value] = {}
        ok = True
        for column in columns:
            cell_ok, value = _convert(column, cells.get(column.name, ""), file, row, findings)
            ok = ok and cell_ok
            values[column.name] = value
        for field in (f for f in spec.text_fields if not f.required):
            # An optional text is all or nothing in the languages every record must have:
            # a half-translated record is a mistake.
            required = [c.name for c in columns if c.text_field == field.base
                        and languages.language(c.language or "").content_required]
            filled = [name for name in required if values[name]]
            if filled and len(filled) < len(required):
                if field.advised:
                    # Teaching text in one language only: the record falls back to the
                    # paper's text in every language, so both read alike.
                    for name in required:
                        values[name] = ""
                    continue  # ADVISED_MISSING below names the empty cells
                for empty in (name for name in required if not values[name]):
                    findings.append(
                        Finding(file, "the other language is filled in but this is empty",
                                row=row, column=empty)
                    )
                ok = False
        for name in advised:
            if name in raw.header and not cells.get(name, "").strip():
                findings.append(Finding(file, ADVISED_MISSING, row=row, column=name,
                                        severity=Severity.WARNING))
        key = values.get(spec.key)
        if key is not None:
            if key in first_seen:
                findings.append(
                    Finding(
                        file,
                        f"id '{key}' is used twice (first in row {first_seen[key]})",
                        row=row,
                        column=spec.key,
                    )
                )
                ok = False
            else:
                first_seen[key] = row
                parsed.all_keys.add(key)
        if ok:
            parsed.rows.append(values)
            parsed.row_numbers.append(row)
    return parsed


def _read_manifest(pack: Pack, findings: list[Finding]) -> Manifest | None:
    raw = pack.files.get(MANIFEST_FILE)
    text = decode_text(raw, MANIFEST_FILE, findings) if raw is not None else None
    if text is None:
        return None
    from czt_desktop.json_files import JsonFileProblem, parse_json

    try:
        # Safe for any text: deep nesting, huge numbers and NaN become a finding.
        data = parse_json(text)
    except JsonFileProblem as problem:
        at = f" (column {problem.column})" if problem.column is not None else ""
        findings.append(Finding(MANIFEST_FILE, f"{problem.reason}{at}", row=problem.line))
        return None
    if not isinstance(data, dict):
        findings.append(Finding(MANIFEST_FILE, "must be a JSON object"))
        return None
    ok = True
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        findings.append(
            Finding(MANIFEST_FILE, f"schema_version is {version!r}; this app reads version "
                    f"{SCHEMA_VERSION}", column="schema_version")
        )
        ok = False
    texts: dict[str, dict[str, str]] = {"title": {}, "translation_note": {}}
    for base, by_code in texts.items():
        for code in languages.codes():
            field = f"{base}_{code}"
            value = data.get(field)
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                findings.append(Finding(MANIFEST_FILE, f"has {len(value):,} characters; at "
                                        f"most {MAX_CELL_CHARS:,} are allowed", column=field))
                ok = False
            elif isinstance(value, str) and value.strip():
                by_code[code] = value.strip()
            elif value is not None or languages.language(code).content_required:
                findings.append(Finding(MANIFEST_FILE, "must be non-empty text", column=field))
                ok = False
    names = _manifest_names(data, findings)
    if not ok:
        return None
    return Manifest(
        schema_version=SCHEMA_VERSION,
        title=Text.of(texts["title"]),
        translation_note=Text.of(texts["translation_note"]),
        cluster_name=names[0],
        short_names=names[1],
    )


def _manifest_names(data: dict[str, Any], findings: list[Finding]
                    ) -> tuple[Text | None, tuple[str, ...]]:
    """The optional cluster name and its short forms; a bad value is warned about and
    left out (search then works without it), never a reason to refuse the pack."""
    by_code: dict[str, str] = {}
    for code in languages.codes():
        field = f"cluster_name_{code}"
        value = data.get(field)
        if isinstance(value, str) and 0 < len(value.strip()) <= MAX_SHORT_NAME_CHARS:
            by_code[code] = value.strip()
        elif value is not None:
            findings.append(Finding(MANIFEST_FILE, "should be a short text (at most "
                                    f"{MAX_SHORT_NAME_CHARS} characters); ignored",
                                    column=field, severity=Severity.WARNING))
    name = Text.of(by_code) if by_code.get(languages.SOURCE_LANGUAGE) else None
    raw = data.get("cluster_short_names", [])
    shorts: list[str] = []
    if not isinstance(raw, list) or len(raw) > MAX_SHORT_NAMES:
        findings.append(Finding(MANIFEST_FILE, f"should be a list of at most {MAX_SHORT_NAMES} "
                                "short texts; ignored", column="cluster_short_names",
                                severity=Severity.WARNING))
        raw = []
    for number, value in enumerate(raw, start=1):
        if isinstance(value, str) and 0 < len(value.strip()) <= MAX_SHORT_NAME_CHARS:
            shorts.append(value.strip())
        else:
            findings.append(Finding(MANIFEST_FILE, f"item {number} should be a short text "
                                    f"(at most {MAX_SHORT_NAME_CHARS} characters); ignored",
                                    column="cluster_short_names", severity=Severity.WARNING))
    if shorts and name is None:
        findings.append(Finding(MANIFEST_FILE, "short names need cluster_name_zh to stand "
                                "for; ignored", column="cluster_short_names",
                                severity=Severity.WARNING))
        shorts = []
    return name, tuple(shorts)


def _record(spec: TableSpec, values: dict[str, Value]) -> object:
    """Build the record dataclass, folding each text field's columns into one Text."""
    fields: dict[str, Any] = {}
    texts: dict[str, dict[str, str]] = {f.base: {} for f in spec.text_fields}
    for column in spec.columns:
        value = values.get(column.name)
        if column.text_field is not None and column.language is not None:
            if value:
                texts[column.text_field][column.language] = str(value)
        else:
            fields[column.name] = value
    for base, by_code in texts.items():
        # An optional text left empty in the source language is no text at all.
        fields[base] = Text.of(by_code) if by_code.get(languages.SOURCE_LANGUAGE) else None
    return RECORD_TYPES[spec.name](**fields)


def inspect_pack(pack: Pack) -> tuple[Content | None, list[Finding]]:
    """The content of files already read, or None; and every finding. Never raises."""
    try:
        return _inspect(pack)
    except Exception as exc:  # a bug must not stop the app: the pack is refused instead
        log.exception("checking the content in %s failed", pack.folder)
        return None, [*pack.findings, Finding(
            str(pack.folder), f"could not be checked (internal error: {type(exc).__name__}: "
            f"{exc}); please report this with the log")]


def _inspect(pack: Pack) -> tuple[Content | None, list[Finding]]:
    folder = pack.folder
    findings: list[Finding] = list(pack.findings)
    if any(f.file == str(folder) for f in findings):
        return None, findings  # the folder itself: nothing else to say
    manifest = _read_manifest(pack, findings)
    tables: dict[str, ParsedTable] = {}
    for spec in TABLES:
        parsed = _parse_table(pack, spec, findings)
        if parsed is not None:
            tables[spec.name] = parsed
    checks.check_references(tables, findings)
    checks.check_rules(tables, findings)
    if manifest is None or any(f.is_error for f in findings):
        return None, findings
    records = {
        name: tuple(_record(table.spec, values) for values in table.rows)
        for name, table in tables.items()
    }
    content = Content(folder=str(folder), manifest=manifest, **records)  # type: ignore[arg-type]
    return content, findings


def inspect_folder(folder: Path) -> tuple[Content | None, list[Finding]]:
    """Read, validate and load a content folder in one pass: its content (None when it
    has errors) and every finding (errors and warnings). Never raises."""
    return inspect_pack(read_pack(Path(folder), pack_file_limits()))


def validate_folder(folder: Path) -> list[Finding]:
    """Every finding (errors and warnings) for a content folder; never raises."""
    return inspect_folder(folder)[1]


def load_content(folder: Path) -> Content:
    """The content of ``folder``; raises :class:`ContentError` listing every problem."""
    return load_pack(read_pack(Path(folder), pack_file_limits()))


def load_pack(pack: Pack) -> Content:
    """The content of a pack's files already read (see :func:`read_pack`); raises
    :class:`ContentError` listing every problem."""
    folder = pack.folder
    content, findings = inspect_pack(pack)
    for finding in findings:
        if not finding.is_error:
            log.warning("%s: %s", folder, finding)
    if content is None:
        raise ContentError(str(folder), findings)
    log.info("loaded content from %s: %d stages, %d events", folder, len(content.stages),
             len(content.events))
    return content
