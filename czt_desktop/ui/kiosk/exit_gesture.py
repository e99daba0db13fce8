"""Watches for the staff's hidden gesture (five taps in a corner within three seconds).

An application-wide event filter that only looks: the taps still reach whatever is
under the finger (the corner holds the app's title, which does nothing when tapped).
One physical tap reaches the filter several times (the window, then the widget, then
its parents; a touch and the mouse press Qt makes from it), all with the same
timestamp, so a tap is counted once per timestamp.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent, QWindow
from PySide6.QtWidgets import QWidget

from czt_desktop.kiosk.gesture import TapSequence, in_corner
from czt_desktop.ui.kiosk.app_filter import AppEventFilter

_PRESSES = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin})


class ExitGesture(AppEventFilter):
    """Emits :attr:`triggered` when the gesture is complete."""

    triggered = Signal()

    def __init__(self, window: QWidget, corner: str = "top-left", taps: int = 5,
                 within_seconds: float = 3.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.corner = corner
        self.sequence = TapSequence(taps, within_seconds)
        self.enabled = True
        self._last_timestamp = -1

    def _belongs(self, watched: QObject) -> bool:
        if isinstance(watched, QWidget):
            return watched.window() is self.window
        return isinstance(watched, QWindow) and watched is self.window.windowHandle()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _PRESSES or not self.enabled or not event.spontaneous():
            return False
        if not isinstance(event, QMouseEvent | QTouchEvent) or not self._belongs(watched):
            return False
        if event.timestamp() == self._last_timestamp:
            return False
        self._last_timestamp = event.timestamp()
        if isinstance(event, QMouseEvent):
            where = event.globalPosition()
        elif event.points():
            where = event.points()[0].globalPosition()
        else:
            return False
        self.tap_at(self.window.mapFromGlobal(where))
        return False

    def tap_at(self, pos: QPointF) -> None:
        """Count a tap at ``pos`` (window coordinates)."""
        inside = in_corner(self.corner, pos.x(), pos.y(), self.window.width(),
                           self.window.height())
        if self.sequence.tap(inside):
            self.triggered.emit()
