"""Logging set-up: one rotating file in the user's log folder, one logger per subsystem.

Subsystem loggers: ``czt.content``, ``czt.settings``, ``czt.ui``, ``czt.cli``, ``czt.crash``.

Logging never gets in the way: when the log file cannot be written (a full disk, a
removed folder) or stderr is gone, the handler says so once on stderr (if it can) and
then stays quiet, counting what it could not write; when writing works again it notes
how many records were lost.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path

LOG_FILE_NAME = "czt-desktop.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
BACKUPS = 3


def rotate(path: Path, backups: int = BACKUPS) -> None:
    """Move ``path`` to ``path.1`` (``.1`` to ``.2``, …, the oldest is dropped)."""
    for number in range(backups - 1, 0, -1):
        older = path.with_name(f"{path.name}.{number}")
        if older.exists():
            os.replace(older, path.with_name(f"{path.name}.{number + 1}"))
    os.replace(path, path.with_name(f"{path.name}.1"))


class _QuietErrors:
    """``handleError`` for a handler that must not print a traceback per record."""

    #: Records not written since the last failure.
    lost = 0
    _told = False

    def handleError(self, record: logging.LogRecord) -> None:
        self.lost += 1
        if self._told:
            return
        self._told = True
        problem = sys.exc_info()[1]
        stream = sys.__stderr__
        if stream is None:
            return
        try:
            stream.write(f"czt-desktop: cannot write the log ({problem}); further log "
                         "records are dropped until it works again\n")
            stream.flush()
        except (OSError, ValueError):
            pass  # stderr is gone too: nothing left to tell

    def _recovered(self) -> int:
        """How many records were lost before this successful write (and reset)."""
        lost, self.lost, self._told = self.lost, 0, False
        return lost


class QuietStreamHandler(_QuietErrors, logging.StreamHandler):  # type: ignore[type-arg]
    """The terminal handler: a closed or full stderr is not worth a traceback."""


class RotatingLog(_QuietErrors, logging.FileHandler):
    """A log file that moves to ``.1`` (``.2``, ``.3``) when it passes ``max_bytes``.

    The standard library's RotatingFileHandler does the same, but its module imports
    sockets, pickle and queues (≈ 8 ms) before the window can paint; a kiosk that runs
    for weeks still needs its log bounded.
    """

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
        super().__init__(path, encoding="utf-8")
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        if self.stream is None and getattr(self, "_closed", False):
            return  # closed at exit: nothing more is written
        try:
            if self.stream is None:
                self.stream = self._open()
            if self.stream.tell() >= self.max_bytes:
                self._roll_over()
            message = self.format(record)
            self.stream.write(message + self.terminator)
            self.flush()
        except RecursionError:  # as logging.StreamHandler does
            raise
        except Exception:
            self._drop_stream()
            self.handleError(record)
            return
        if self.lost:
            lost = self._recovered()
            try:
                self.stream.write(f"(the log could not be written for a while: {lost} "
                                  f"record(s) were lost){self.terminator}")
                self.flush()
            except Exception:
                self._drop_stream()

    def _drop_stream(self) -> None:
        """Close a stream that failed, so the next record opens the file afresh (the
        folder may have come back)."""
        stream, self.stream = self.stream, None
        if stream is not None:
            with contextlib.suppress(Exception):
                stream.close()

    def _roll_over(self) -> None:
        self.close()
        rotate(Path(self.baseFilename), self.backups)
        self.stream = self._open()


def setup_logging(log_dir: Path, *, verbose: bool = False) -> Path | None:
    """Log to ``log_dir/czt-desktop.log`` (rotated) and warnings to stderr.

    Returns the log file, or ``None`` when the folder cannot be written (a read-only
    kiosk profile must not stop the app from starting).
    """
    root = logging.getLogger("czt")
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    console = QuietStreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("czt-desktop: %(message)s"))
    root.addHandler(console)
    log_file = log_dir / LOG_FILE_NAME
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        if log_file.exists() and not log_file.is_file():
            # A FIFO would block the start, a device swallow the log.
            raise IsADirectoryError(f"{log_file} is not a regular file")
        file_handler = RotatingLog(log_file)
    except OSError as exc:
        root.warning("cannot write the log file %s: %s", log_file, exc)
        return None
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(file_handler)
    return log_file
