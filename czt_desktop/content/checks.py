"""Rules that span cells or tables: references resolve, years sit inside their stage,
numbers are finite."""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any

from czt_desktop.content.findings import Finding
from czt_desktop.content.schema import TABLES_BY_NAME
from czt_desktop.content.tables import ParsedTable, Value


def _rows(table: ParsedTable) -> Iterator[tuple[int, dict[str, Value]]]:
    return zip(table.row_numbers, table.rows, strict=True)


def check_references(tables: Mapping[str, ParsedTable], findings: list[Finding]) -> None:
    """Every ``ref`` cell names an existing record; every data-note target exists."""
    keys = {name: table.keys() for name, table in tables.items()}
    for table in tables.values():
        file = table.spec.filename
        for column in table.spec.columns:
            if column.kind == "ref" and column.ref in keys:
                target = keys[column.ref]
                for row, values in _rows(table):
                    value = values[column.name]
                    if value is not None and value not in target:
                        findings.append(
                            Finding(file, f"refers to {column.ref} id '{value}', which does "
                                    f"not exist in {column.ref}.csv", row=row, column=column.name)
                        )
            elif column.kind == "ref_list":
                for row, values in _rows(table):
                    refs = values[column.name]
                    assert isinstance(refs, tuple)
                    for ref in refs:
                        message = _ref_problem(ref, keys)
                        if message:
                            findings.append(Finding(file, message, row=row, column=column.name))


def _ref_problem(ref: str, keys: Mapping[str, set[Any]]) -> str | None:
    table, sep, record = ref.partition(":")
    if not sep or table not in TABLES_BY_NAME:
        return f"'{ref}' should look like 'table:id', e.g. 'statistics:gdp-cluster-2019'"
    if table not in keys:
        return None  # that table could not be read; its own findings say why
    wanted: object = int(record) if record.isdigit() and table == "stages" else record
    if wanted not in keys[table]:
        return f"'{ref}': there is no id '{record}' in {table}.csv"
    return None


def check_finite(tables: Mapping[str, ParsedTable], findings: list[Finding]) -> None:
    """No ``nan``, ``inf`` or ``1e999``: Python reads them as numbers, but no map or chart
    can place them."""
    for table in tables.values():
        columns = [c.name for c in table.spec.columns if c.kind == "float"]
        for row, values in _rows(table):
            for name in columns:
                value = values[name]
                if isinstance(value, float) and not math.isfinite(value):
                    findings.append(Finding(
                        table.spec.filename, f"is not a finite number (it reads as {value}); "
                        "write a plain decimal number", row=row, column=name))


def check_rules(tables: Mapping[str, ParsedTable], findings: list[Finding]) -> None:
    check_finite(tables, findings)
    stages: dict[int, tuple[int, int]] = {}
    if "stages" in tables:
        stages = _check_stages(tables["stages"], findings)
    if "events" in tables:
        _check_events(tables["events"], stages, findings)
    if "enterprises" in tables:
        for row, values in _rows(tables["enterprises"]):
            _inside_stage(values, "founded", stages, "enterprises.csv", row, findings)
    if "statistics" in tables:
        for row, values in _rows(tables["statistics"]):
            if values["scope"] == "city" and values["city_id"] is None:
                findings.append(Finding("statistics.csv", "a city figure needs a city_id",
                                        row=row, column="city_id"))
            if values["scope"] != "city" and values["city_id"] is not None:
                findings.append(Finding("statistics.csv", f"scope is '{values['scope']}', so "
                                        "city_id must be empty", row=row, column="city_id"))
    if "industries" in tables:
        seen: dict[tuple[Value, Value], int] = {}
        for row, values in _rows(tables["industries"]):
            key = (values["city_id"], values["seq"])
            if key in seen:
                findings.append(Finding("industries.csv", f"seq {values['seq']} is used twice "
                                        f"for {values['city_id']} (first in row {seen[key]})",
                                        row=row, column="seq"))
            seen.setdefault(key, row)


def _check_stages(table: ParsedTable, findings: list[Finding]) -> dict[int, tuple[int, int]]:
    spans: dict[int, tuple[int, int]] = {}
    previous: tuple[int, int, int] | None = None
    ordered = sorted(_rows(table), key=lambda rv: rv[1]["start_year"] or 0)
    for row, values in ordered:
        start, end, stage_id = values["start_year"], values["end_year"], values["id"]
        assert isinstance(start, int) and isinstance(end, int) and isinstance(stage_id, int)
        if end < start:
            findings.append(Finding("stages.csv", f"end_year {end} is before start_year {start}",
                                    row=row, column="end_year"))
            continue
        if previous is not None and start <= previous[1]:
            findings.append(Finding("stages.csv", f"starts in {start}, inside stage "
                                    f"{previous[2]} ({previous[0]}–{previous[1]})",
                                    row=row, column="start_year"))
        spans[stage_id] = (start, end)
        previous = (start, end, stage_id)
    return spans


def _inside_stage(
    values: Mapping[str, Value],
    year_column: str,
    stages: Mapping[int, tuple[int, int]],
    file: str,
    row: int,
    findings: list[Finding],
) -> None:
    year, stage_id = values[year_column], values["stage_id"]
    if not isinstance(year, int) or not isinstance(stage_id, int) or stage_id not in stages:
        return
    start, end = stages[stage_id]
    if not start <= year <= end:
        findings.append(Finding(file, f"{year} is outside stage {stage_id} ({start}–{end})",
                                row=row, column=year_column))


def _check_events(
    table: ParsedTable, stages: Mapping[int, tuple[int, int]], findings: list[Finding]
) -> None:
    file = table.spec.filename
    for row, values in _rows(table):
        _inside_stage(values, "year", stages, file, row, findings)
        precision, month, year_end = values["precision"], values["month"], values["year_end"]
        if precision == "month" and month is None:
            findings.append(Finding(file, "precision is 'month' but no month is given",
                                    row=row, column="month"))
        if precision != "month" and month is not None:
            findings.append(Finding(file, f"a month is given but precision is '{precision}'",
                                    row=row, column="precision"))
        if precision == "decade":
            year = values["year"]
            if year_end is None:
                findings.append(Finding(file, "a decade needs year_end (e.g. 1950 to 1959)",
                                        row=row, column="year_end"))
            elif isinstance(year, int) and isinstance(year_end, int) and year_end < year:
                findings.append(Finding(file, f"year_end {year_end} is before year {year}",
                                        row=row, column="year_end"))
            else:
                _inside_stage(values, "year_end", stages, file, row, findings)
        elif year_end is not None:
            findings.append(Finding(file, f"year_end is only used when precision is 'decade', "
                                    f"not '{precision}'", row=row, column="year_end"))
