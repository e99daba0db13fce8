"""The user's own small JSON files (settings, quiz progress, kiosk config): read with a
clear reason when broken, set aside rather than deleted, written atomically.

One place for what each of those files promises: a broken file never stops the app and
is never thrown away (it is renamed to ``<name>.broken-<time>``), and a save is all or
nothing (temporary file, flushed to disk, then renamed over the old one), so a power cut
leaves either the old file or the new one.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path
from typing import Any


class JsonFileProblem(Exception):
    """Why a file could not be used, without its path (callers add the path or not)."""


def read_json(path: Path) -> tuple[Any, str] | None:
    """The file's parsed JSON and its text, or None when there is no such file.

    Raises :class:`JsonFileProblem` with the line and column of a syntax error.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise JsonFileProblem(f"cannot be read ({exc})") from exc
    try:
        return json.loads(text), text
    except json.JSONDecodeError as exc:
        raise JsonFileProblem(
            f"line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})") from exc


def set_aside(path: Path) -> str:
    """Rename a broken file to ``<name>.broken-<time>``; returns the words telling so
    (``"; the file was kept as …"``), or ``""`` when it could not be renamed."""
    backup = path.with_name(f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        os.replace(path, backup)
    except OSError:
        return ""
    return f"; the file was kept as {backup.name}"


def write_atomically(path: Path, text: str, *, mode: int = 0o666) -> None:
    """Replace ``path`` with ``text`` all at once; raises OSError (the old file stays).

    ``mode`` is the new file's permission before the umask (0o600: the owner's only).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
