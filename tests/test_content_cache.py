"""The start-up cache gives the same content, notices edits, and survives damage."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from czt_desktop.content import ContentError
from czt_desktop.content.cache import load_content_cached


def test_cached_content_equals_a_fresh_load(data_copy: Path, tmp_path: Path) -> None:
    first = load_content_cached(data_copy, tmp_path / "cache")
    assert list((tmp_path / "cache").glob("content-*.pickle"))
    second = load_content_cached(data_copy, tmp_path / "cache")
    assert second.stages == first.stages
    assert second.events == first.events
    assert second.notes_for("statistics", "gdp-share-cluster-2019") == first.notes_for(
        "statistics", "gdp-share-cluster-2019")


def test_an_edited_file_is_read_again(data_copy: Path, tmp_path: Path) -> None:
    load_content_cached(data_copy, tmp_path / "cache")
    stages = data_copy / "stages.csv"
    stages.write_text(stages.read_text(encoding="utf-8").replace(",前期发展,", ",早期发展,", 1),
                      encoding="utf-8")
    assert load_content_cached(data_copy, tmp_path / "cache").stages[0].short.zh == "早期发展"


def test_an_edit_that_breaks_the_content_still_raises(data_copy: Path, tmp_path: Path) -> None:
    load_content_cached(data_copy, tmp_path / "cache")
    (data_copy / "events.csv").write_text("id\n", encoding="utf-8")
    with pytest.raises(ContentError):
        load_content_cached(data_copy, tmp_path / "cache")


def test_a_damaged_cache_is_ignored(data_copy: Path, tmp_path: Path) -> None:
    load_content_cached(data_copy, tmp_path / "cache")
    for path in (tmp_path / "cache").glob("content-*.pickle"):
        path.write_bytes(b"not a pickle")
    assert len(load_content_cached(data_copy, tmp_path / "cache").stages) == 5


def test_a_cached_start_does_not_import_pandas(data_copy: Path, tmp_path: Path) -> None:
    load_content_cached(data_copy, tmp_path / "cache")
    code = (
        "import sys; from pathlib import Path;"
        "from czt_desktop.content.cache import load_content_cached;"
        f"load_content_cached(Path({str(data_copy)!r}), Path({str(tmp_path / 'cache')!r}));"
        "sys.exit(1 if 'pandas' in sys.modules else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
