"""Doing something once a widget has painted for the first time.

The window builds its widgets after its first frame is on screen, the app switches the
garbage collector back on then, and ``--exit-after-first-paint`` quits then (for
benchmarks).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    """Calls ``callback`` from the event loop right after ``watched`` has first painted."""

    def __init__(self, watched: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(watched)
        self._callback = callback
        self._done = False
        #: Wall-clock time of the first paint event (0 until then).
        self.painted_at = 0.0
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # No removeEventFilter() here: changing the filter list while Qt walks it would
        # make it skip the next filter on the same widget.
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            self.painted_at = time.time()
            QTimer.singleShot(0, self._callback)
        return False


def quit_after_first_paint(window: QWidget) -> None:
    """Print ``first-paint <time>`` (wall clock, so a benchmark can subtract the moment
    it launched us) once ``window`` has painted, and quit."""

    def finish() -> None:
        print(f"first-paint {watch.painted_at:.6f}", flush=True)
        QCoreApplication.quit()

    watch = FirstPaint(window, finish)
