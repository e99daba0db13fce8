"""The kiosk config file (``kiosk.json``): timers, language, exit gesture and the PIN hash.

A museum sets it up once (``czt-desktop kiosk-pin`` writes the PIN hash, the other
fields are edited by hand). The kiosk must start whatever the file holds, and start
locked: :meth:`KioskConfigStore.load` never raises.

- no file: the safe defaults, with **no staff PIN**, so the kiosk cannot be left from
  the screen at all (the PIN pad says how to set one; the log says so at start);
- a file that cannot be used (not valid JSON, not a regular file, too large, nested too
  deeply, numbers too long to read, …): reported with file and line, renamed to
  ``kiosk.json.broken-<time>`` (never deleted, as ``settings.json``) and the defaults
  are used;
- a field with a bad value: reported with file, line and field, that field's default is
  used and the others are kept. Unknown fields are kept when the PIN is written.

Reading and checking are :class:`czt_desktop.json_files.JsonStore`'s, as for the
settings and the quiz answers.
"""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from czt_desktop import languages, paths
from czt_desktop.atomic import write_text_atomically
from czt_desktop.json_files import JsonFileProblem, JsonStore, dumps, file_lock
from czt_desktop.kiosk.pin import is_pin_hash

log = logging.getLogger("czt.kiosk")

KIOSK_CONFIG_FILE_NAME = "kiosk.json"
KIOSK_SCHEMA_VERSION = 1
LANGUAGES = languages.codes()
CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")


def default_config_path() -> Path:
    return paths.user_config_dir() / KIOSK_CONFIG_FILE_NAME


def _seconds(low: float, high: float, why: str) -> dict[str, Any]:
    return {"range": (low, high), "doc": why, "expect": "a number of seconds"}


def _no_pin_or_hash(value: str) -> bool:
    return not value or is_pin_hash(value)


_PIN_HASH_RULES = {
    "check": _no_pin_or_hash,
    # Never repeat the value: someone may have typed the PIN itself here.
    "secret": True,
    "invalid": "not a PIN hash written by 'czt-desktop kiosk-pin' (value not shown); no "
               "staff PIN is set, so the kiosk cannot be left from the screen",
}


@dataclass(frozen=True, slots=True)
class KioskConfig:
    """Everything a museum can set, with safe defaults (see docs/KIOSK.md)."""

    #: ``pbkdf2_sha256$rounds$salt$hash`` written by ``czt-desktop kiosk-pin`` (or the
    #: ``scrypt$…`` of earlier versions); empty: no PIN,
    #: so staff cannot leave the kiosk from the screen.
    pin_hash: str = field(default="", metadata=_PIN_HASH_RULES)
    #: Seconds without a touch before "Are you still there?" (tests use fractions).
    idle_seconds: float = field(default=90.0, metadata=_seconds(0.1, 86_400, "idle"))
    #: Seconds the "Are you still there?" countdown runs before the reset.
    countdown_seconds: float = field(default=15.0, metadata=_seconds(0.1, 600, "countdown"))
    #: Seconds each view of the attract loop stays on screen.
    attract_seconds_per_slide: float = field(default=8.0,
                                             metadata=_seconds(0.1, 600, "attract"))
    #: The language a new visitor starts in (after every idle reset).
    default_language: str = field(default=languages.SOURCE_LANGUAGE,
                                  metadata={"choices": LANGUAGES})
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


class KioskConfigError(ValueError):
    """The config file cannot be read as a JSON object (the message names file and line)."""


def _store(path: Path) -> JsonStore[KioskConfig]:
    return JsonStore(path, KioskConfig, what="kiosk settings",
                     fallback="using the safe kiosk defaults (no staff PIN)",
                     version=KIOSK_SCHEMA_VERSION, logger=log, unknown="note", mode=0o600)


def read_config_object(path: Path) -> tuple[dict[str, Any], str]:
    """The file's JSON object and its text; ``({}, "")`` when there is no file.

    Raises :class:`KioskConfigError` naming the file and line when it is not a JSON
    object (or cannot be read at all).
    """
    try:
        found = _store(path).read_object()
    except JsonFileProblem as problem:
        raise KioskConfigError(f"{path}: {problem}") from problem
    return found if found is not None else ({}, "")


class KioskConfigStore:
    """Reads ``kiosk.json`` into a :class:`KioskConfig` and writes the PIN hash into it."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else default_config_path()
        self._store = _store(self.path)

    @property
    def messages(self) -> list[str]:
        """Human-readable problems found by the last :meth:`load` (file, line, field)."""
        return self._store.messages

    @property
    def found(self) -> bool:
        """Whether the last :meth:`load` found a file at all."""
        return self._store.found

    def load(self) -> KioskConfig:
        """The config; the safe defaults (locked, no PIN) for whatever cannot be used.

        Never raises: a kiosk that cannot read its config still starts locked.
        """
        return self._store.load()

    def visitor_safe_notes(self) -> list[str]:
        """The problems of the last :meth:`load` without folder names, for a screen a
        visitor may see (the PIN pad): the file's name, line and field only.

        The config's path (as given and resolved) becomes its name; its folder, where it
        still shows (another file beside it), goes; the home folder becomes ``~``."""
        swaps: dict[str, str] = {}
        folders = {self.path.parent}
        with contextlib.suppress(OSError, RuntimeError):
            folders.add(self.path.resolve().parent)
        for folder in folders:
            if str(folder) not in ("", "."):
                swaps[str(folder / self.path.name)] = self.path.name
                swaps[str(folder) + os.sep] = ""
                swaps[str(folder)] = "…"
        with contextlib.suppress(OSError, RuntimeError, KeyError):
            home = str(Path.home())
            if len(home) > 1:
                swaps.setdefault(home, "~")
        notes = []
        for message in self.messages:
            note = message
            for old in sorted(swaps, key=len, reverse=True):
                note = note.replace(old, swaps[old])
            notes.append(note)
        return notes

    def write_pin_hash(self, pin_hash: str) -> None:
        """Store ``pin_hash`` keeping every other field; atomic, readable by the owner only.

        Raises :class:`KioskConfigError` when the existing file is not a JSON object: a
        staff member's hand-edited settings are never overwritten silently. Raises
        :class:`OSError` when the file cannot be written.
        """
        with file_lock(self.path):
            data, _text = read_config_object(self.path)
            data.setdefault("schema_version", KIOSK_SCHEMA_VERSION)
            data["pin_hash"] = pin_hash
            # Created 0600 from the start (a new temporary file every time, never a
            # stale one): the hash is no secret, but it is nobody else's.
            write_text_atomically(self.path, dumps(data), mode=0o600)

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
