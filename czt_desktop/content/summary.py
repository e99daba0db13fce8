"""What the window's first frame needs (title and stages), readable without the content.

Loading the content, even from the cache, means importing the model (dozens of
dataclasses) and unpickling it: a good part of the start-up. The first frame only needs
the title and the five stages, so a small JSON file beside the content cache keeps them,
together with the size and modification time of every file in the content folder. When
anything in the folder changed, the summary is not used (the app then loads the content
first, as before), so the first frame never shows stale names.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from czt_desktop.json_files import write_atomically
from czt_desktop.languages import content_order
from czt_desktop.safe_read import UnsafeFile, read_regular_file

if TYPE_CHECKING:
    from czt_desktop.content.model import Content

log = logging.getLogger("czt.content")

SUMMARY_FILE = "first-frame.json"
_VERSION = 2  # 2: texts by language code (was a Chinese/English pair)


def _in(texts: dict[str, str], lang: str) -> str:
    """``texts[lang]``, or the text of the language it falls back to."""
    return next((texts[code] for code in content_order(lang) if texts.get(code)), "")


# NamedTuples rather than frozen dataclasses: cheaper to define before the first paint
# (docs/PERFORMANCE.md, first paint).
class StageSummary(NamedTuple):
    id: int
    #: The stage's short name by language code.
    shorts: dict[str, str]
    years_label: str
    markers: int  # milestones + enterprise foundings: how wide the timeline makes it

    def short(self, lang: str) -> str:
        return _in(self.shorts, lang)


class FrameSummary(NamedTuple):
    titles: dict[str, str]
    stages: tuple[StageSummary, ...]

    def title(self, lang: str) -> str:
        return _in(self.titles, lang)


def summary_of(content: Content) -> FrameSummary:
    stages = tuple(
        StageSummary(s.id, dict(s.short.items()), s.years_label,
                     len(content.events_in_stage(s.id)) + len(content.enterprises_in_stage(s.id)))
        for s in content.stages)
    return FrameSummary(dict(content.manifest.title.items()), stages)


def _fingerprint(folder: Path) -> dict[str, list[int]]:
    """Size and modification time of every file in the folder (cheap: no reading)."""
    prints = {}
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_file():
                stat = entry.stat()
                prints[entry.name] = [stat.st_size, stat.st_mtime_ns]
    return prints


def write_summary(summary: FrameSummary, folder: Path, cache_dir: Path) -> None:
    data = {
        "version": _VERSION,
        "folder": str(Path(folder).resolve()),
        "files": _fingerprint(folder),
        "title": summary.titles,
        "stages": [[s.id, s.shorts, s.years_label, s.markers] for s in summary.stages],
    }
    path = cache_dir / SUMMARY_FILE
    try:
        write_atomically(path, json.dumps(data, ensure_ascii=False))
    except OSError as exc:  # a read-only cache only costs start-up time
        log.info("cannot write %s: %s", path, exc)


def read_summary(folder: Path, cache_dir: Path) -> FrameSummary | None:
    """The summary for ``folder`` if one was written and nothing in it changed since."""
    try:
        # Read like any file someone else could have put there: never blocks or floods.
        raw = read_regular_file(cache_dir / SUMMARY_FILE, max_bytes=1_000_000)
        data: Any = json.loads(raw.decode("utf-8"))
        if data.get("version") != _VERSION or data.get("folder") != str(Path(folder).resolve()):
            return None
        if data.get("files") != _fingerprint(folder):
            return None
        stages = tuple(StageSummary(int(i), _texts(shorts), str(years), int(markers))
                       for i, shorts, years, markers in data["stages"])
        return FrameSummary(_texts(data["title"]), stages)
    except (OSError, UnsafeFile, ValueError, TypeError, KeyError, AttributeError,
            RecursionError):
        return None  # missing or damaged: the content is loaded first instead


def _texts(found: Any) -> dict[str, str]:
    if not isinstance(found, dict):
        raise TypeError("expected texts by language")
    return {str(code): str(text) for code, text in found.items()}
