"""``--exit-after-first-paint``: quit once a window has really painted (for benchmarks)."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaintWatcher(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._done = False
        self._painted_at = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            # Wall-clock time, so a benchmark can subtract the moment it launched us.
            self._painted_at = time.time()
            QTimer.singleShot(0, self._finish)
        return False

    def _finish(self) -> None:
        print(f"first-paint {self._painted_at:.6f}", flush=True)
        QCoreApplication.quit()


def quit_after_first_paint(window: QWidget) -> None:
    window.installEventFilter(_FirstPaintWatcher(window))
