"""The kiosk config file (``kiosk.json``): timers, language, exit gesture and the PIN hash.

A museum sets it up once (``czt-desktop kiosk-pin`` writes the PIN hash, the other
fields are edited by hand). The kiosk must start whatever the file holds:

- no file: the safe defaults, with **no staff PIN**, so the kiosk cannot be left from
  the screen at all (the PIN pad says how to set one; the log says so at start);
- a file that is not valid JSON: reported with file, line and column, renamed to
  ``kiosk.json.broken-<time>`` (never deleted, as ``settings.json``) and the defaults
  are used;
- a field with a bad value: reported with file, line and field, that field's default is
  used and the others are kept. Unknown fields are kept when the PIN is written.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from czt_desktop import paths
from czt_desktop.json_files import JsonFileProblem, read_json, set_aside, write_atomically
from czt_desktop.kiosk.pin import is_pin_hash

log = logging.getLogger("czt.kiosk")

KIOSK_CONFIG_FILE_NAME = "kiosk.json"
KIOSK_SCHEMA_VERSION = 1
LANGUAGES = ("zh", "en")
CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")


def default_config_path() -> Path:
    return paths.user_config_dir() / KIOSK_CONFIG_FILE_NAME


def _seconds(low: float, high: float, why: str) -> dict[str, Any]:
    return {"range": (low, high), "doc": why}


@dataclass(frozen=True, slots=True)
class KioskConfig:
    """Everything a museum can set, with safe defaults (see docs/KIOSK.md)."""

    #: ``pbkdf2_sha256$rounds$salt$hash`` written by ``czt-desktop kiosk-pin`` (or the
    #: ``scrypt$…`` of earlier versions); empty: no PIN,
    #: so staff cannot leave the kiosk from the screen.
    pin_hash: str = ""
    #: Seconds without a touch before "Are you still there?" (tests use fractions).
    idle_seconds: float = field(default=90.0, metadata=_seconds(0.1, 86_400, "idle"))
    #: Seconds the "Are you still there?" countdown runs before the reset.
    countdown_seconds: float = field(default=15.0, metadata=_seconds(0.1, 600, "countdown"))
    #: Seconds each view of the attract loop stays on screen.
    attract_seconds_per_slide: float = field(default=8.0,
                                             metadata=_seconds(0.1, 600, "attract"))
    #: The language a new visitor starts in (after every idle reset).
    default_language: str = field(default="zh", metadata={"choices": LANGUAGES})
    #: Where staff tap to open the PIN pad.
    exit_corner: str = field(default="top-left", metadata={"choices": CORNERS})
    #: How many taps in the corner, and within how many seconds, open the PIN pad.
    exit_taps: int = field(default=5, metadata={"range": (3, 10)})
    exit_tap_seconds: float = field(default=3.0, metadata=_seconds(0.5, 30, "taps"))
    #: The PIN pad closes itself after this many seconds without a key.
    pin_pad_timeout_seconds: float = field(default=30.0, metadata=_seconds(0.1, 600, "pad"))
    #: Text and chart zoom in the kiosk; 0 picks one from the screen height.
    zoom_percent: int = field(default=0, metadata={"range": (0, 300)})
    #: Record sessions, views and attract interruptions in the usage log (SQLite).
    log_usage: bool = True

    @property
    def has_pin(self) -> bool:
        return bool(self.pin_hash)


def _problem(value: object, default: object, meta: Any) -> str | None:
    """Why ``value`` does not fit a field whose default is ``default``, or None."""
    if isinstance(default, bool):
        return None if isinstance(value, bool) else "expected true or false"
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            return "expected a whole number"
        low, high = meta["range"]
        return None if low <= value <= high else f"expected a number from {low} to {high}"
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return "expected a number of seconds"
        low, high = meta["range"]
        return None if low <= value <= high else f"expected a number from {low} to {high}"
    if not isinstance(value, str):
        return "expected text"
    choices = meta.get("choices")
    if choices and value not in choices:
        return f"expected one of {', '.join(choices)}"
    return None


def _line_of(text: str, key: str) -> int | None:
    """The line where ``"key":`` first appears (JSON parsers do not say)."""
    match = re.search(rf'"{re.escape(key)}"\s*:', text)
    return text.count("\n", 0, match.start()) + 1 if match else None


class KioskConfigError(ValueError):
    """The config file cannot be read as a JSON object (the message names file and line)."""


def read_config_object(path: Path) -> tuple[dict[str, Any], str]:
    """The file's JSON object and its text; ``({}, "")`` when there is no file.

    Raises :class:`KioskConfigError` naming the file, line and column when it is not a
    JSON object.
    """
    try:
        found = read_json(path)
    except JsonFileProblem as problem:
        raise KioskConfigError(f"{path}: {problem}") from problem
    if found is None:
        return {}, ""
    data, text = found
    if not isinstance(data, dict):
        raise KioskConfigError(f"{path}: line 1: expected a JSON object {{…}}")
    return data, text


class KioskConfigStore:
    """Reads ``kiosk.json`` into a :class:`KioskConfig` and writes the PIN hash into it."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else default_config_path()
        #: Human-readable problems found by the last :meth:`load` (file, line, field).
        self.messages: list[str] = []
        #: Whether the last :meth:`load` found a file at all.
        self.found = False

    def load(self) -> KioskConfig:
        self.messages = []
        self.found = self.path.exists()
        try:
            data, text = read_config_object(self.path)
        except KioskConfigError as unreadable:
            return self._set_aside(str(unreadable))
        version = data.pop("schema_version", KIOSK_SCHEMA_VERSION)
        if version != KIOSK_SCHEMA_VERSION:
            self._note(f"field 'schema_version': {version!r} is not {KIOSK_SCHEMA_VERSION}; "
                       "reading the fields this version knows", _line_of(text, "schema_version"))
        defaults = KioskConfig()
        known = {f.name: f for f in fields(KioskConfig)}
        values: dict[str, Any] = {}
        for key, value in data.items():
            spec = known.get(key)
            if spec is None:
                self._note(f"unknown field '{key}' ignored", _line_of(text, key), level="info")
                continue
            default = getattr(defaults, key)
            problem = _problem(value, default, spec.metadata)
            if key == "pin_hash" and (problem or (value and not is_pin_hash(value))):
                # Never repeat the value: someone may have typed the PIN itself here.
                self._note("field 'pin_hash': not a PIN hash written by 'czt-desktop "
                           "kiosk-pin' (value not shown); no staff PIN is set, so the kiosk "
                           "cannot be left from the screen", _line_of(text, key))
                continue
            if problem:
                self._note(f"field '{key}': {problem}, found {value!r}; using {default!r}",
                           _line_of(text, key))
                continue
            values[key] = float(value) if isinstance(default, float) else value
        return replace(defaults, **values)

    def write_pin_hash(self, pin_hash: str) -> None:
        """Store ``pin_hash`` keeping every other field; atomic, readable by the owner only.

        Raises :class:`KioskConfigError` when the existing file is not a JSON object: a
        staff member's hand-edited settings are never overwritten silently.
        """
        data, _text = read_config_object(self.path)
        data.setdefault("schema_version", KIOSK_SCHEMA_VERSION)
        data["pin_hash"] = pin_hash
        # Created 0600 from the start: the hash is no secret, but it is nobody else's.
        write_atomically(self.path, json.dumps(data, ensure_ascii=False, indent=2) + "\n",
                         mode=0o600)

    def current_pin_hash(self) -> str | None:
        """The PIN hash in the file now, or None when it cannot be read (no renaming).

        The kiosk reads it again when the PIN pad opens, so a PIN set with
        ``czt-desktop kiosk-pin`` while the kiosk runs works without a restart.
        """
        try:
            data, _text = read_config_object(self.path)
        except KioskConfigError:
            return None
        value = data.get("pin_hash", "")
        return value if isinstance(value, str) and (not value or is_pin_hash(value)) else None

    def _note(self, message: str, line: int | None = None, *, level: str = "warning") -> None:
        where = f"{self.path}: line {line}: " if line else f"{self.path}: "
        text = where + message
        self.messages.append(text)
        getattr(log, level)("%s", text)

    def _set_aside(self, reason: str) -> KioskConfig:
        kept = set_aside(self.path)
        message = f"{reason}; using the safe kiosk defaults (no staff PIN){kept}"
        self.messages.append(message)
        log.warning("%s", message)
        return KioskConfig()
