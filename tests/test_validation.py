"""Bad content folders: every problem named by file, row and column, all at once."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from czt_desktop.cli import main
from czt_desktop.content import ContentError, Finding, Severity, load_content, validate_folder
from czt_desktop.paths import bundled_data_dir


def _read(folder: Path, table: str) -> list[list[str]]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _write(folder: Path, table: str, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    (folder / f"{table}.csv").write_text(buffer.getvalue(), encoding="utf-8")


def _set_cell(folder: Path, table: str, record: int, column: str, value: str) -> None:
    """Change one cell; ``record`` 0 is the first row under the header (spreadsheet row 2)."""
    rows = _read(folder, table)
    rows[record + 1][rows[0].index(column)] = value
    _write(folder, table, rows)


def _errors(folder: Path) -> list[Finding]:
    return [f for f in validate_folder(folder) if f.is_error]


def _has(findings: list[Finding], file: str, row: int | None, column: str | None,
         words: str) -> bool:
    return any(
        f.file == file and f.row == row and f.column == column and words in f.message
        for f in findings
    )


def test_bundled_content_is_clean() -> None:
    assert validate_folder(bundled_data_dir()) == []


def test_missing_file(data_copy: Path) -> None:
    (data_copy / "enterprises.csv").unlink()
    errors = _errors(data_copy)
    assert _has(errors, "enterprises.csv", None, None, "missing")


def test_missing_column(data_copy: Path) -> None:
    rows = _read(data_copy, "events")
    column = rows[0].index("title_en")
    _write(data_copy, "events", [r[:column] + r[column + 1:] for r in rows])
    assert _has(_errors(data_copy), "events.csv", 1, "title_en", "required column is missing")


def test_non_numeric_year(data_copy: Path) -> None:
    _set_cell(data_copy, "events", 0, "year", "nineteen-fifty")
    assert _has(_errors(data_copy), "events.csv", 2, "year", "'nineteen-fifty' is not a whole")


def test_unknown_stage_reference(data_copy: Path) -> None:
    _set_cell(data_copy, "events", 1, "stage_id", "9")
    assert _has(_errors(data_copy), "events.csv", 3, "stage_id", "stages id '9'")


def test_unknown_city_reference(data_copy: Path) -> None:
    _set_cell(data_copy, "enterprises", 0, "city_id", "wuhan")
    assert _has(_errors(data_copy), "enterprises.csv", 2, "city_id", "cities id 'wuhan'")


def test_duplicate_id(data_copy: Path) -> None:
    rows = _read(data_copy, "enterprises")
    rows[3][0] = rows[1][0]
    _write(data_copy, "enterprises", rows)
    assert _has(_errors(data_copy), "enterprises.csv", 4, "id", "used twice (first in row 2)")


@pytest.mark.parametrize(("column", "words"), [("title_zh", "Chinese"), ("title_en", "English")])
def test_empty_language_field(data_copy: Path, column: str, words: str) -> None:
    _set_cell(data_copy, "events", 2, column, "   ")
    assert _has(_errors(data_copy), "events.csv", 4, column, f"the {words} text is missing")


def test_english_in_the_chinese_column(data_copy: Path) -> None:
    _set_cell(data_copy, "stages", 0, "title_zh", "Early growth")
    assert _has(_errors(data_copy), "stages.csv", 2, "title_zh", "no Chinese characters")


def test_gbk_encoded_file(data_copy: Path) -> None:
    path = data_copy / "cities.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    errors = _errors(data_copy)
    assert any(f.file == "cities.csv" and f.row is not None and "GBK" in f.message
               for f in errors), errors


def test_byte_order_mark_is_accepted_with_a_warning(data_copy: Path) -> None:
    path = data_copy / "stages.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    findings = validate_folder(data_copy)
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert "byte-order mark" in findings[0].message
    assert len(load_content(data_copy).stages) == 5


def test_empty_file(data_copy: Path) -> None:
    (data_copy / "facts.csv").write_bytes(b"")
    assert _has(_errors(data_copy), "facts.csv", None, None, "empty")


def test_binary_file(data_copy: Path) -> None:
    (data_copy / "stages.csv").write_bytes(bytes(range(256)) * 8)
    assert _has(_errors(data_copy), "stages.csv", 1, None, "binary")  # the NUL's row


def test_broken_quoting(data_copy: Path) -> None:
    path = data_copy / "peer_clusters.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2] + ',"extra,"more"'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = _errors(data_copy)
    assert any(f.file == "peer_clusters.csv" for f in errors), errors


def test_short_row(data_copy: Path) -> None:
    rows = _read(data_copy, "industries")
    rows[2] = rows[2][:3]
    _write(data_copy, "industries", rows)
    assert _has(_errors(data_copy), "industries.csv", 3, None, "has 3 values")


def test_event_outside_its_stage(data_copy: Path) -> None:
    rows = _read(data_copy, "events")
    header = rows[0]
    record = next(i for i, r in enumerate(rows[1:]) if r[header.index("precision")] == "year")
    _set_cell(data_copy, "events", record, "stage_id", "5")
    year = rows[record + 1][header.index("year")]
    assert _has(_errors(data_copy), "events.csv", record + 2, "year",
                f"{year} is outside stage 5")


def test_unknown_enum_value(data_copy: Path) -> None:
    _set_cell(data_copy, "enterprises", 0, "size_classes", "huge")
    assert _has(_errors(data_copy), "enterprises.csv", 2, "size_classes", "'huge'")


def test_data_note_pointing_nowhere(data_copy: Path) -> None:
    _set_cell(data_copy, "data_notes", 0, "applies_to", "statistics:no-such-figure")
    assert _has(_errors(data_copy), "data_notes.csv", 2, "applies_to", "no id 'no-such-figure'")


def test_manifest_with_broken_json(data_copy: Path) -> None:
    (data_copy / "manifest.json").write_text('{\n  "schema_version": 1,\n  oops\n}',
                                             encoding="utf-8")
    errors = _errors(data_copy)
    assert _has(errors, "manifest.json", 3, None, "not valid JSON")


def test_manifest_from_the_future(data_copy: Path) -> None:
    (data_copy / "manifest.json").write_text(
        '{"schema_version": 7, "title_zh": "标题", "title_en": "T", '
        '"translation_note_zh": "译", "translation_note_en": "tr"}', encoding="utf-8")
    assert _has(_errors(data_copy), "manifest.json", None, "schema_version", "version 1")


def test_all_problems_are_reported_at_once(data_copy: Path) -> None:
    _set_cell(data_copy, "events", 0, "year", "x")
    _set_cell(data_copy, "enterprises", 0, "city_id", "nowhere")
    (data_copy / "facts.csv").write_bytes(b"")
    with pytest.raises(ContentError) as caught:
        load_content(data_copy)
    files = {f.file for f in caught.value.findings if f.is_error}
    assert {"events.csv", "enterprises.csv", "facts.csv"} <= files
    report = caught.value.report()
    assert "events.csv, row 2, column 'year'" in report
    assert "Traceback" not in report


def test_not_a_folder(tmp_path: Path) -> None:
    assert _errors(tmp_path / "nope")[0].message == "is not a folder"


def test_validate_command_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(bundled_data_dir())]) == 0
    out = capsys.readouterr().out
    assert "valid (5 stages" in out


def test_validate_command_lists_every_problem(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _set_cell(data_copy, "events", 0, "year", "x")
    _set_cell(data_copy, "cities", 0, "name_en", "")
    assert main(["validate", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert "events.csv, row 2, column 'year': error: 'x' is not a whole number" in out
    assert "cities.csv, row 2, column 'name_en': error: the English text is missing" in out
    assert "2 error(s)" in out


def test_validation_never_changes_the_folder(data_copy: Path) -> None:
    _set_cell(data_copy, "events", 0, "year", "x")
    before = {p.name: p.read_bytes() for p in data_copy.iterdir()}
    validate_folder(data_copy)
    assert {p.name: p.read_bytes() for p in data_copy.iterdir()} == before


# -- teaching fields are advised, not required ------------------------------------------
def test_pack_without_teaching_text_loads_and_is_warned_about(data_copy: Path) -> None:
    rows = _read(data_copy, "stages")
    drop = {rows[0].index(c) for c in ("headline_zh", "headline_en", "summary_zh", "summary_en")}
    _write(data_copy, "stages", [[v for i, v in enumerate(r) if i not in drop] for r in rows])
    findings = validate_folder(data_copy)
    assert not [f for f in findings if f.is_error]
    for column in ("headline_zh", "summary_zh"):
        assert _has(findings, "stages.csv", 1, column, "missing")
    content = load_content(data_copy)
    assert all(s.headline is None and s.summary is None for s in content.stages)
    assert all(s.narrative.get("zh") for s in content.stages)  # the paper's text remains


def test_empty_teaching_cell_is_warned_about_by_row(data_copy: Path) -> None:
    _set_cell(data_copy, "stages", 2, "summary_zh", "")
    findings = validate_folder(data_copy)
    assert not [f for f in findings if f.is_error]
    assert _has(findings, "stages.csv", 4, "summary_zh", "")
    content = load_content(data_copy)
    assert content.stages[2].summary is None and content.stages[1].summary is not None


def test_bad_short_names_in_the_manifest_are_warned_about_and_ignored(data_copy: Path) -> None:
    import json

    manifest = json.loads((data_copy / "manifest.json").read_text(encoding="utf-8"))
    manifest["cluster_short_names"] = ["CZT", 7, "x" * 500]
    (data_copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    findings = validate_folder(data_copy)
    assert not [f for f in findings if f.is_error]
    assert _has(findings, "manifest.json", None, "cluster_short_names", "item 2")
    assert _has(findings, "manifest.json", None, "cluster_short_names", "item 3")
    assert load_content(data_copy).manifest.short_names == ("CZT",)
