"""Logging set-up: one rotating file in the user's log folder, one logger per subsystem.

Subsystem loggers: ``czt.content``, ``czt.settings``, ``czt.ui``, ``czt.cli``, ``czt.crash``.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

LOG_FILE_NAME = "czt-desktop.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
BACKUPS = 3


class RotatingLog(logging.FileHandler):
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
        try:
            if self.stream is not None and self.stream.tell() >= self.max_bytes:
                self._roll_over()
        except OSError:
            self.handleError(record)
        super().emit(record)

    def _roll_over(self) -> None:
        self.close()
        path = Path(self.baseFilename)
        for number in range(self.backups - 1, 0, -1):
            older = path.with_name(f"{path.name}.{number}")
            if older.exists():
                os.replace(older, path.with_name(f"{path.name}.{number + 1}"))
        os.replace(path, path.with_name(f"{path.name}.1"))
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
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("czt-desktop: %(message)s"))
    root.addHandler(console)
    log_file = log_dir / LOG_FILE_NAME
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = RotatingLog(log_file)
    except OSError as exc:
        root.warning("cannot write the log file %s: %s", log_file, exc)
        return None
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(file_handler)
    return log_file
