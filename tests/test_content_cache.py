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
    loaded = load_content_cached(data_copy, tmp_path / "cache")
    assert loaded.stages[0].short.get("zh") == "早期发展"


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


def test_the_first_frame_summary_follows_the_content_and_goes_stale_on_edit(
        data_copy: Path, tmp_path: Path) -> None:
    from czt_desktop.content.summary import read_summary, summary_of

    cache = tmp_path / "cache"
    assert read_summary(data_copy, cache) is None  # nothing loaded yet: content first
    content = load_content_cached(data_copy, cache)
    summary = read_summary(data_copy, cache)
    assert summary == summary_of(content)
    assert [s.years_label for s in summary.stages] == [s.years_label for s in content.stages]
    assert summary.title("zh") == content.manifest.title.get("zh")
    stages = data_copy / "stages.csv"
    stages.write_text(stages.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert read_summary(data_copy, cache) is None  # an edited pack never shows old names
    assert read_summary(tmp_path, cache) is None  # nor does another folder
    (cache / "first-frame.json").write_text("{broken", encoding="utf-8")
    assert read_summary(data_copy, cache) is None


def test_a_start_from_the_summary_imports_neither_the_content_model_nor_the_loader(
        data_copy: Path, tmp_path: Path) -> None:
    """The first frame is painted before the content (model, pickle) is even imported."""
    code = (
        "import sys; from pathlib import Path\n"
        "from czt_desktop.content.summary import read_summary\n"
        f"s = read_summary(Path({str(data_copy)!r}), Path({str(tmp_path / 'cache')!r}))\n"
        "assert s is not None and len(s.stages) == 5\n"
        "bad = [m for m in ('czt_desktop.content.model', 'czt_desktop.content.loader',\n"
        "                   'pandas') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    load_content_cached(data_copy, tmp_path / "cache")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
