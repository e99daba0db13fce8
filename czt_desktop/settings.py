"""The one settings wrapper: typed preferences in a JSON file, validated field by field.

Qt-free on purpose (the UI adapts it). A broken file never stops the app and is never
thrown away: it is renamed to ``settings.json.broken-<time>`` and the defaults are used;
a single bad field falls back to its default and the others are kept. Unknown keys
(written by a newer version) are preserved when saving.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from czt_desktop import catalogue, languages
from czt_desktop.json_files import JsonFileProblem, read_json, set_aside, write_atomically

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

    language: str = field(default="zh", metadata={"choices": LANGUAGES})
    stage: int = field(default=1, metadata=_ranged(1, 99))
    pane: str = field(default="overview", metadata={"choices": PANES})
    zoom_percent: int = field(default=100, metadata=_ranged(50, 300))
    high_contrast: bool = False
    #: Base64 of ``QWidget.saveGeometry()``; opaque here.
    window_geometry: str = ""


def _problem(name: str, value: object, default: object, meta: Any) -> str | None:
    """Why ``value`` is not acceptable for the field, or None."""
    if isinstance(default, bool):
        return None if isinstance(value, bool) else "expected true or false"
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            return "expected a whole number"
        low, high = meta.get("range", (value, value))
        return None if low <= value <= high else f"expected a number from {low} to {high}"
    if isinstance(default, str):
        if not isinstance(value, str):
            return "expected text"
        choices = meta.get("choices")
        if choices and value not in choices:
            return f"expected one of {', '.join(choices)}"
        return None
    return f"unsupported setting {name}"  # pragma: no cover - every field is typed above


class SettingsStore:
    """Loads and saves :class:`Preferences` in ``folder/settings.json``."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / SETTINGS_FILE_NAME
        self._extra: dict[str, Any] = {}
        #: Human-readable messages about problems found while loading.
        self.messages: list[str] = []

    def load(self) -> Preferences:
        self.messages = []
        self._extra = {}
        try:
            found = read_json(self.path)
        except JsonFileProblem as unreadable:
            return self._set_aside(str(unreadable))
        if found is None:
            return Preferences()
        data = found[0]
        if not isinstance(data, dict):
            return self._set_aside("line 1: expected a JSON object")
        version = data.pop("schema_version", SETTINGS_SCHEMA_VERSION)
        if version != SETTINGS_SCHEMA_VERSION:
            self._note(f"field 'schema_version': {version!r} is not {SETTINGS_SCHEMA_VERSION}; "
                       "reading the fields this version knows")
        defaults = Preferences()
        values: dict[str, Any] = {}
        known = {f.name: f for f in fields(Preferences)}
        for key, value in data.items():
            spec = known.get(key)
            if spec is None:
                self._extra[key] = value
                continue
            default = getattr(defaults, key)
            problem = _problem(key, value, default, spec.metadata)
            if problem:
                self._note(f"field '{key}': {problem}, found {value!r}; using {default!r}")
            else:
                values[key] = value
        return replace(defaults, **values)

    def save(self, prefs: Preferences) -> None:
        """Write atomically (temp file + rename): a power cut leaves the old or the new file."""
        data = {"schema_version": SETTINGS_SCHEMA_VERSION, **self._extra, **asdict(prefs)}
        try:
            write_atomically(self.path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        except OSError as exc:
            log.warning("cannot save settings to %s: %s", self.path, exc)

    def _note(self, message: str) -> None:
        text = f"{self.path}: {message}"
        self.messages.append(text)
        log.warning("%s", text)

    def _set_aside(self, reason: str) -> Preferences:
        self._note(f"{reason}; using default settings{set_aside(self.path)}")
        return Preferences()
