"""Unhandled errors in kiosk mode: logged, then the kiosk resets to home; never a dialog.

The app's crash handler (:mod:`czt_desktop.crash`) logs and then shows a dialog. While
the kiosk runs, this hook stands in front of it: it logs the same way (logger
``czt.crash``) and asks the kiosk to reset instead, on the GUI thread even when the
error happened in another thread. Leaving the kiosk puts the previous hooks back.

A kiosk that keeps failing (more than :data:`STORM_ERRORS` errors within
:data:`STORM_SECONDS`) is beyond resetting: it exits with :data:`STORM_EXIT_CODE` so the
service manager (``Restart=always``) starts it afresh.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from czt_desktop.crash import format_exception

log = logging.getLogger("czt.crash")

STORM_ERRORS = 10
STORM_SECONDS = 60.0
#: EX_SOFTWARE from sysexits.h: "an internal software error has been detected".
STORM_EXIT_CODE = 70

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class KioskCrashHook(QObject):
    """Routes unhandled exceptions to ``on_error(text)`` (queued to the GUI thread)."""

    _crashed = Signal(str)

    def __init__(self, on_error: Callable[[str], None], parent: QObject | None = None,
                 *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._on_error = on_error
        self._clock = clock
        self._recent: list[float] = []
        self._saved: tuple[ExceptHook, Callable[[threading.ExceptHookArgs], object]] | None \
            = None
        # Queued: the reset runs from the event loop, never inside the failing code.
        self._crashed.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        if self._saved is None:
            self._saved = (sys.excepthook, threading.excepthook)
            sys.excepthook = self.handle
            threading.excepthook = self._handle_thread

    def remove(self) -> None:
        if self._saved is not None:
            # Only put the old hooks back if nobody replaced ours in the meantime.
            if sys.excepthook == self.handle:
                sys.excepthook = self._saved[0]
            if threading.excepthook == self._handle_thread:
                threading.excepthook = self._saved[1]
            self._saved = None

    def handle(self, exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        text = format_exception(exc_type, exc, tb)
        log.critical("unhandled exception in kiosk mode; the kiosk resets to home:\n%s", text)
        now = self._clock()
        self._recent = [t for t in self._recent if now - t <= STORM_SECONDS] + [now]
        if len(self._recent) > STORM_ERRORS:
            log.critical("kiosk: %d errors within %.0f s; exiting with code %d so the service "
                         "manager restarts the app", len(self._recent), STORM_SECONDS,
                         STORM_EXIT_CODE)
            QCoreApplication.exit(STORM_EXIT_CODE)
            return
        self._crashed.emit(text)

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _deliver(self, text: str) -> None:
        try:
            self._on_error(text)
        except Exception:  # a reset that fails must not loop through this hook
            log.exception("kiosk: the reset after an error failed")
