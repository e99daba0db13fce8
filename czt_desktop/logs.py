"""Logging set-up: one rotating file in the user's log folder, one logger per subsystem.

Subsystem loggers: ``czt.content``, ``czt.settings``, ``czt.ui``, ``czt.cli``, ``czt.crash``.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE_NAME = "czt-desktop.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


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
        file_handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as exc:
        root.warning("cannot write the log file %s: %s", log_file, exc)
        return None
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(file_handler)
    return log_file
