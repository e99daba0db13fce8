"""Central crash handling: every unhandled exception is logged, then shown or survived.

Exceptions raised in Qt slots reach ``sys.excepthook`` in PySide6, so one hook covers
the GUI; ``threading.excepthook`` covers worker threads; ``faulthandler`` writes
tracebacks of hard crashes (segfaults) to a file next to the log, ``faults.log``, which
is rotated like the main log (at start, when it has grown past its limit).
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from czt_desktop.logs import BACKUPS, MAX_BYTES, rotate

log = logging.getLogger("czt.crash")

FAULT_LOG_NAME = "faults.log"

CrashCallback = Callable[[str], None]

_fault_file: IO[str] | None = None


def format_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    return "".join(traceback.format_exception(exc_type, exc, tb))


def install_crash_handler(log_dir: Path | None, on_crash: CrashCallback | None = None) -> None:
    """Route unhandled exceptions to the log and then to ``on_crash`` (e.g. a dialog)."""
    global _fault_file

    def handle(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        text = format_exception(exc_type, exc, tb)
        log.critical("unhandled exception:\n%s", text)
        if on_crash is not None:
            try:
                on_crash(text)
            except Exception:  # the crash reporter itself must never crash the app
                log.exception("the crash callback failed")

    def handle_thread(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            handle(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = handle
    threading.excepthook = handle_thread
    if log_dir is not None and _fault_file is None:
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            fault_log = log_dir / FAULT_LOG_NAME
            # faulthandler writes straight to the file descriptor, so the file cannot
            # roll over while the app runs: it does so here, at the start of a run.
            if fault_log.exists() and not fault_log.is_file():
                # Opening a FIFO for writing would block the start.
                raise IsADirectoryError(f"{fault_log} is not a regular file")
            if fault_log.is_file() and fault_log.stat().st_size >= MAX_BYTES:
                rotate(fault_log, BACKUPS)
            _fault_file = fault_log.open("a", encoding="utf-8")
            faulthandler.enable(_fault_file)
        except OSError as exc:
            log.warning("cannot open the fault log in %s: %s", log_dir, exc)
