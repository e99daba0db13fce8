"""The one settings wrapper: typed preferences in a JSON file, validated field by field.

Qt-free on purpose (the UI adapts it). A broken file never stops the app and is never
thrown away: it is renamed to ``settings.json.broken-<time>`` and the defaults are used;
a single bad field falls back to its default and the others are kept. Unknown keys
(written by a newer version) are preserved when saving. Two instances of the app that
save in turn keep each other's changes (see :class:`czt_desktop.json_files.JsonStore`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from czt_desktop import catalogue, languages
from czt_desktop.json_files import JsonStore

log = logging.getLogger("czt.settings")

SETTINGS_SCHEMA_VERSION = 1
SETTINGS_FILE_NAME = "settings.json"

LANGUAGES = languages.codes()
PANES = catalogue.PANE_IDS


def _ranged(low: int, high: int) -> dict[str, Any]:
    return {"range": (low, high)}


@dataclass(frozen=True, slots=True)
class Preferences:
    """Everything remembered between runs, with its default."""

    language: str = field(default=languages.SOURCE_LANGUAGE, metadata={"choices": LANGUAGES})
    stage: int = field(default=1, metadata=_ranged(1, 99))
    pane: str = field(default="overview", metadata={"choices": PANES})
    zoom_percent: int = field(default=100, metadata=_ranged(50, 300))
    high_contrast: bool = False
    #: Base64 of ``QWidget.saveGeometry()``; opaque here.
    window_geometry: str = ""
    #: The start screen ("the big picture") was shown once: the app then opens where
    #: the reader left off.
    welcomed: bool = False


class SettingsStore:
    """Loads and saves :class:`Preferences` in ``folder/settings.json``."""

    def __init__(self, folder: Path) -> None:
        self._store = JsonStore(Path(folder) / SETTINGS_FILE_NAME, Preferences,
                                what="settings", fallback="using default settings",
                                version=SETTINGS_SCHEMA_VERSION, logger=log, unknown="keep")

    @property
    def path(self) -> Path:
        return self._store.path

    @property
    def messages(self) -> list[str]:
        """Human-readable messages about problems found while loading (file, line, field)."""
        return self._store.messages

    @property
    def save_problem(self) -> str | None:
        """Why the last :meth:`save` failed (file and reason, e.g. the disk is full)."""
        return self._store.save_problem

    def load(self) -> Preferences:
        """The saved preferences, defaults where there are none; never raises."""
        return self._store.load()

    def save(self, prefs: Preferences) -> bool:
        """Write atomically, merged with what another instance saved meanwhile.

        False when the file cannot be written; :attr:`save_problem` says why.
        """
        return self._store.save(prefs)
