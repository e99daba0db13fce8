"""Issue 21, content packs (items 3, 4, 9, nan/inf): read safely, once, within limits, and
every problem a finding that names its file (row, column) so the app falls back to the
bundled content."""

from __future__ import annotations

import csv
import errno
import io
import os
from pathlib import Path

import pytest

from czt_desktop.app import choose_content
from czt_desktop.cli import main
from czt_desktop.content import ContentError, Finding, load_content, validate_folder
from czt_desktop.content import reading as reading_module
from czt_desktop.content.cache import load_content_cached
from czt_desktop.content.findings import REPORT_LIMIT
from czt_desktop.content.schema import MAX_CELL_CHARS, MAX_FILE_BYTES, MAX_ROWS
from czt_desktop.paths import bundled_data_dir
from tests.test_fuzz_inputs import hang_guard


def _errors(folder: Path) -> list[Finding]:
    with hang_guard():
        return [f for f in validate_folder(folder) if f.is_error]


def _rows(folder: Path, table: str) -> list[list[str]]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _write(folder: Path, table: str, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    (folder / f"{table}.csv").write_text(out.getvalue(), encoding="utf-8")


def _set(folder: Path, table: str, record: int, column: str, value: str) -> None:
    rows = _rows(folder, table)
    rows[record + 1][rows[0].index(column)] = value
    _write(folder, table, rows)


def _falls_back(folder: Path) -> ContentError:
    with hang_guard():
        content, problem = choose_content(folder)
    assert problem is not None
    assert content.folder == str(bundled_data_dir())  # the bundled content, with a banner
    return problem


# -- item 3: what a file name can point to ---------------------------------------------------
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_named_events_csv_is_refused_not_waited_for(data_copy: Path) -> None:
    (data_copy / "events.csv").unlink()
    os.mkfifo(data_copy / "events.csv")
    problem = _falls_back(data_copy)
    assert any(f.file == "events.csv" and "not a regular file (it is a named pipe (FIFO))"
               in f.message for f in problem.findings)


def test_a_link_to_dev_zero_or_out_of_the_pack_is_refused(data_copy: Path,
                                                         tmp_path: Path) -> None:
    (data_copy / "events.csv").unlink()
    (data_copy / "events.csv").symlink_to("/dev/zero")
    outside = tmp_path / "elsewhere.csv"
    outside.write_bytes((data_copy / "cities.csv").read_bytes())
    (data_copy / "cities.csv").unlink()
    (data_copy / "cities.csv").symlink_to(outside)
    errors = _errors(data_copy)
    for name in ("events.csv", "cities.csv"):
        assert any(f.file == name and "outside the content folder" in f.message
                   for f in errors), errors


def test_a_link_inside_the_pack_is_fine(data_copy: Path) -> None:
    (data_copy / "cities.csv").rename(data_copy / "cities-edited.csv")
    (data_copy / "cities.csv").symlink_to("cities-edited.csv")
    assert _errors(data_copy) == []


def test_a_folder_named_like_a_table_is_not_called_missing(data_copy: Path) -> None:
    (data_copy / "facts.csv").unlink()
    (data_copy / "facts.csv").mkdir()
    (finding,) = _errors(data_copy)
    assert finding.file == "facts.csv"
    assert finding.message == "is not a regular file (it is a folder)"


def test_an_unreadable_pack_folder_falls_back_to_the_bundled_content(
        data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_scandir = os.scandir

    def refuse(path: object = ".") -> object:
        if Path(str(path)) == data_copy:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(reading_module.os, "scandir", refuse)
    problem = _falls_back(data_copy)
    assert [str(f) for f in problem.findings] == [
        f"{data_copy}: error: cannot be read: permission denied"]


def test_a_file_given_as_the_pack_falls_back_too(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "pack.zip"
    not_a_folder.write_bytes(b"PK")
    problem = _falls_back(not_a_folder)
    assert problem.findings[0].message == "is not a folder"


def test_a_read_error_during_the_cache_digest_is_a_finding(
        data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_read = reading_module.read_regular_file

    def failing(path: Path, **kwargs: object) -> bytes:
        if path.name == "events.csv":
            raise OSError(errno.EIO, "Input/output error")
        return real_read(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reading_module, "read_regular_file", failing)
    with pytest.raises(ContentError) as caught:
        load_content_cached(data_copy, tmp_path / "cache")
    assert [str(f) for f in caught.value.findings if f.file == "events.csv"] == [
        "events.csv: error: cannot be read: the disk reported an input/output error"]


def test_each_file_is_read_once_and_parsed_once(
        data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    reads: list[str] = []
    parses: list[str] = []
    real_read, real_parse = reading_module.read_regular_file, reading_module.parse_csv

    def counting_read(path: Path, **kwargs: object) -> bytes:
        reads.append(path.name)
        return real_read(path, **kwargs)  # type: ignore[arg-type]

    def counting_parse(data: bytes, display: str, *args: object, **kwargs: object) -> object:
        parses.append(display)
        return real_parse(data, display, *args, **kwargs)  # type: ignore[arg-type]

    from czt_desktop.content import loader

    monkeypatch.setattr(reading_module, "read_regular_file", counting_read)
    monkeypatch.setattr(loader, "parse_csv", counting_parse)
    load_content_cached(data_copy, tmp_path / "cache")  # digest, then load: one read
    assert sorted(reads) == sorted({*reads}) and len(reads) == 15
    assert len(parses) == 14
    reads.clear()
    parses.clear()
    assert main(["validate", str(data_copy)]) == 0  # checked and counted in one pass
    assert "valid (5 stages" in capsys.readouterr().out
    assert len(reads) == 15 and len(parses) == 14


# -- encodings and bytes ---------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_named_as_such(data_copy: Path, encoding: str) -> None:
    path = data_copy / "cities.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    (finding,) = _errors(data_copy)
    assert finding.file == "cities.csv" and "UTF-16" in finding.message


def test_a_nul_byte_far_into_a_file_is_found_with_its_row(data_copy: Path) -> None:
    rows = _rows(data_copy, "events")
    rows[30][rows[0].index("detail_en")] += "\x00"
    _write(data_copy, "events", rows)
    (finding,) = _errors(data_copy)
    assert (finding.file, finding.row) == ("events.csv", 31)
    assert "NUL" in finding.message


# -- item 9: limits --------------------------------------------------------------------------
def test_a_huge_file_is_refused_by_its_size(data_copy: Path) -> None:
    path = data_copy / "facts.csv"
    path.write_bytes(path.read_bytes() + b"x" * MAX_FILE_BYTES)
    (finding,) = _errors(data_copy)
    assert finding.file == "facts.csv" and "too large" in finding.message
    assert "the limit is 8 MB" in finding.message


def test_an_over_long_cell_is_named_with_row_and_column(data_copy: Path) -> None:
    _set(data_copy, "stages", 2, "title_en", "A" * (MAX_CELL_CHARS + 1))
    (finding,) = _errors(data_copy)
    assert (finding.file, finding.row, finding.column) == ("stages.csv", 4, "title_en")
    assert f"at most {MAX_CELL_CHARS:,}" in finding.message


def test_too_many_rows_are_refused_in_one_message(data_copy: Path) -> None:
    rows = _rows(data_copy, "peer_clusters")
    template = rows[1]
    body = [[f"cluster-{n}", *template[1:]] for n in range(MAX_ROWS + 1)]
    _write(data_copy, "peer_clusters", [rows[0], *body])
    (finding,) = _errors(data_copy)
    assert finding.file == "peer_clusters.csv"
    assert f"at most {MAX_ROWS:,} are allowed" in finding.message


def test_validate_lists_the_first_problems_and_counts_the_rest(
        data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _rows(data_copy, "peer_clusters")
    _write(data_copy, "peer_clusters",
           [rows[0], *[["Bad Id", "", "", "nowhere", ""] for _ in range(500)]])
    assert main(["validate", str(data_copy)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == REPORT_LIMIT + 2
    assert "more problem(s) not listed" in lines[-2]
    assert lines[-1].endswith("warning(s)") and "error(s)" in lines[-1]


def test_a_content_error_report_is_capped_too(data_copy: Path) -> None:
    rows = _rows(data_copy, "peer_clusters")
    _write(data_copy, "peer_clusters", [rows[0], *[["x y"] * 5 for _ in range(300)]])
    with pytest.raises(ContentError) as caught:
        load_content(data_copy)
    assert len(caught.value.report().splitlines()) == REPORT_LIMIT + 1
    assert len(caught.value.report(limit=None).splitlines()) == len(caught.value.findings)


# -- nan and inf -----------------------------------------------------------------------------
@pytest.mark.parametrize(("table", "column", "value"), [
    ("places", "latitude", "nan"), ("places", "longitude", "NaN"),
    ("statistics", "value", "inf"), ("statistics", "value", "-inf"),
    ("statistics", "value", "1e999"),
])
def test_nan_and_infinity_are_refused_where_they_are(data_copy: Path, table: str,
                                                     column: str, value: str) -> None:
    _set(data_copy, table, 1, column, value)
    (finding,) = _errors(data_copy)
    assert (finding.file, finding.row, finding.column) == (f"{table}.csv", 3, column)
    assert "not a finite number" in finding.message


# -- item 4: manifest.json -------------------------------------------------------------------
@pytest.mark.parametrize(("text", "row", "words"), [
    ("[" * 20_000 + "]" * 20_000, 1, "nested too deeply"),
    ('{\n"schema_version": ' + "1" * 5000 + "}", 2, "5,000 digits"),
    ('{"schema_version": NaN}', 1, "NaN"),
])
def test_a_manifest_python_chokes_on_is_a_finding_and_stays_where_it_is(
        data_copy: Path, text: str, row: int, words: str) -> None:
    (data_copy / "manifest.json").write_text(text, encoding="utf-8")
    (finding,) = _errors(data_copy)
    assert (finding.file, finding.row) == ("manifest.json", row)
    assert words in finding.message
    assert (data_copy / "manifest.json").read_text(encoding="utf-8") == text
    assert sorted(p.name for p in data_copy.iterdir() if "manifest" in p.name) == [
        "manifest.json"]


def test_a_manifest_title_has_the_cell_limit(data_copy: Path) -> None:
    import json

    path = data_copy / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["title_en"] = "T" * (MAX_CELL_CHARS + 1)
    path.write_text(json.dumps(data), encoding="utf-8")
    (finding,) = _errors(data_copy)
    assert (finding.file, finding.column) == ("manifest.json", "title_en")
