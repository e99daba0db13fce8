"""Noticing that the visitor has gone: an idle watcher and the "Are you still there?"
countdown.

The watcher is an application-wide event filter that only looks at input (a press, a
touch, a key, the wheel, a drag); programmatic changes (the attract loop turning pages,
Qt's synthetic hover moves after a layout change) never count as a visitor.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from czt_desktop.ui.appearance import Appearance
from czt_desktop.ui.kiosk.app_filter import AppEventFilter
from czt_desktop.ui.kiosk.overlay import KioskButton, Overlay, button_style, font_px
from czt_desktop.ui.theme import LIGHT, Theme

_T = QEvent.Type
#: Events that mean a person is there. MouseMove counts only with a button held (a
#: drag or a swipe): the kiosk hides the cursor, and Qt sends hover moves by itself.
INPUT_EVENTS = frozenset({
    _T.MouseButtonPress, _T.MouseButtonDblClick, _T.MouseMove, _T.Wheel, _T.KeyPress,
    _T.TouchBegin, _T.TouchUpdate, _T.TabletPress, _T.NativeGesture,
})
#: Refresh of the countdown ring (ms); 10 frames a second reads as smooth and costs little.
COUNTDOWN_TICK_MS = 100


def is_input(event: QEvent) -> bool:
    kind = event.type()
    if kind not in INPUT_EVENTS or not event.spontaneous():
        return False
    if kind == _T.MouseMove:
        return isinstance(event, QMouseEvent) and event.buttons() != Qt.MouseButton.NoButton
    return True


class IdleWatcher(AppEventFilter):
    """Emits :attr:`activity` on every input and :attr:`idle` after ``seconds`` without."""

    activity = Signal()
    idle = Signal()

    def __init__(self, seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, round(seconds * 1000)))
        self._timer.timeout.connect(self.idle)

    def remove(self) -> None:
        super().remove()
        self._timer.stop()  # also when it was never installed

    def restart(self) -> None:
        """Count the idle time from now."""
        self._timer.start()

    def stop(self) -> None:
        """No idle signal until :meth:`restart` (or the next input)."""
        self._timer.stop()

    @property
    def counting(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if is_input(event):
            self._timer.start()
            self.activity.emit()
        return False


class CountdownRing(QWidget):
    """The seconds left, large, inside a ring that empties as time runs out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fraction = 1.0
        self.seconds = 0
        self.theme: Theme = LIGHT
        self.side = 160
        self.lang = "en"

    def sizeHint(self) -> QSize:
        return QSize(self.side, self.side)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.side * 0.08
        side = min(self.width(), self.height()) - width - 2
        box = QRectF(0, 0, side, side)
        box.moveCenter(QPointF(self.rect().center()))
        painter.setPen(QPen(QColor(self.theme.rule), width))
        painter.drawEllipse(box)
        pen = QPen(QColor(self.theme.accent), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawArc(box, 90 * 16, round(360 * 16 * max(0.0, self.fraction)))
        painter.setPen(QColor(self.theme.ink))
        painter.setFont(font_px(side * 0.42, self.lang, bold=True))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(self.seconds))
        painter.end()


class CountdownOverlay(Overlay):
    """"Are you still there?" with a countdown; :attr:`expired` when it reaches zero.

    Any touch dismisses it (the kiosk mode listens to the idle watcher's activity); the
    big button is there for the visitor who wants something to press.
    """

    expired = Signal()
    dim = 0.55

    def __init__(self, window: QWidget, seconds: float, appearance: Appearance) -> None:
        super().__init__(window, appearance)
        self.setObjectName("kioskCountdown")
        self.seconds = seconds
        self._started = 0.0
        self._tick = QTimer(self)
        self._tick.setInterval(COUNTDOWN_TICK_MS)
        self._tick.timeout.connect(self._advance)
        self.card = QWidget(self)
        self.card.setObjectName("kioskCard")
        self.card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.title = QLabel(self.card)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.body = QLabel(self.card)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setWordWrap(True)
        self.ring = CountdownRing(self.card)
        self.note = QLabel(self.card)
        self.note.setObjectName("kioskNote")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        self.stay_button = KioskButton(parent=self.card, role="primary")
        self.stay_button.clicked.connect(self.dismiss)
        column = QVBoxLayout(self.card)
        column.addWidget(self.title)
        column.addWidget(self.body)
        column.addWidget(self.ring, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.note)
        column.addWidget(self.stay_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self._column = column
        outer = QGridLayout(self)
        outer.addWidget(self.card, 1, 1)
        outer.setRowStretch(0, 1)
        outer.setRowStretch(2, 1)
        outer.setColumnStretch(0, 1)
        outer.setColumnStretch(2, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Are you still there?"))
        self.body.setText(self.tr("Touch the screen to keep exploring."))
        self.note.setText(self.tr("Otherwise the exhibit starts again for the next visitor."))
        self.stay_button.setText(self.tr("Keep exploring"))
        self.stay_button.setAccessibleName(self.stay_button.text())
        self.setAccessibleName(self.title.text())
        self.ring.seconds = -1  # the ring's spoken name in the new language, too
        self._update_ring()

    def relayout(self) -> None:
        unit, theme = self.unit, self.theme
        self.card.setStyleSheet(
            f"#kioskCard {{ background: {theme.paper}; border-radius: {round(28 * unit)}px; }}"
            f"QLabel {{ color: {theme.ink}; }} QLabel#kioskNote {{ color: {theme.muted}; }}"
            + button_style(theme, unit))
        self.title.setFont(font_px(48 * unit, self.lang, bold=True))
        self.body.setFont(font_px(28 * unit, self.lang))
        self.note.setFont(font_px(20 * unit, self.lang))
        self.stay_button.setFont(font_px(26 * unit, self.lang, bold=True))
        self.stay_button.setMinimumWidth(round(320 * unit))
        self.ring.side = round(180 * unit)
        self.ring.setFixedSize(self.ring.side, self.ring.side)
        self.ring.theme = theme
        self.ring.lang = self.lang
        pad = round(48 * unit)
        self._column.setContentsMargins(pad, pad, pad, pad)
        self._column.setSpacing(round(20 * unit))
        self.card.setFixedWidth(min(self.width() - round(32 * unit), round(720 * unit)))

    # -- running -----------------------------------------------------------------------------
    def open(self) -> None:
        self._started = time.monotonic()
        self._update_ring()
        super().open()
        self._tick.start()

    def dismiss(self) -> None:
        self._tick.stop()
        super().dismiss()

    @property
    def seconds_left(self) -> float:
        return max(0.0, self.seconds - (time.monotonic() - self._started))

    def _update_ring(self) -> None:
        left = self.seconds_left if self._tick.isActive() else self.seconds
        self.ring.fraction = left / self.seconds if self.seconds else 0.0
        seconds = int(left + 0.999)
        if seconds != self.ring.seconds or not self.ring.accessibleName():
            # Once a second, not every frame: a screen reader hears each change.
            self.ring.seconds = seconds
            self.ring.setAccessibleName(
                self.tr("Starting again in %1 s").replace("%1", str(seconds)))
        self.ring.update()

    def _advance(self) -> None:
        self._update_ring()
        if self.seconds_left <= 0:
            self.dismiss()
            self.expired.emit()
