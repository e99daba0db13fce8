"""The staff PIN pad: an overlay keypad inside the kiosk window (never a dialog).

Large keys (64 px at 1024×768, more on bigger screens), the digits shown as dots, a
line that says what happened. Five wrong PINs lock the pad for a minute with a
countdown (the lock lives in :class:`~czt_desktop.kiosk.pin.PinLock`, so closing and
reopening the pad does not reset it). With no PIN configured, the pad says how staff
set one instead of showing keys. It closes itself when left alone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from czt_desktop.kiosk.pin import PIN_MAX_DIGITS, PIN_MIN_DIGITS, PinLock, PinResult
from czt_desktop.ui.appearance import Appearance
from czt_desktop.ui.kiosk.overlay import KioskButton, Overlay, button_style, font_px
from czt_desktop.ui.theme import LIGHT, Theme

#: Text colour of "wrong PIN" messages (≥ 4.5:1 on the paper colour).
ERROR_INK = {"light": "#A33A00"}
#: The locked pad's countdown is refreshed this often (ms).
LOCK_TICK_MS = 250


class PinDots(QWidget):
    """The PIN as dots: one filled dot per digit typed, four hollow ones when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = 0
        self.theme: Theme = LIGHT
        self.dot = 22
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_count(self, count: int) -> None:
        self.count = count
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self.dot * 2 * PIN_MIN_DIGITS, round(self.dot * 2.6))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setPen(QPen(QColor(self.theme.rule), 2))
        painter.setBrush(QColor(self.theme.surface))
        painter.drawRoundedRect(rect, self.dot * 0.6, self.dot * 0.6)
        shown = max(PIN_MIN_DIGITS, self.count)
        gap = self.dot * 0.8
        width = shown * self.dot + (shown - 1) * gap
        x = rect.center().x() - width / 2
        y = rect.center().y() - self.dot / 2
        ink = QColor(self.theme.ink)
        for index in range(shown):
            filled = index < self.count
            painter.setPen(QPen(ink, max(2.0, self.dot / 8)))
            painter.setBrush(ink if filled else Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QRectF(x + index * (self.dot + gap), y, self.dot, self.dot))
        painter.end()


class PinPad(Overlay):
    """Emits :attr:`accepted` for the right PIN and :attr:`cancelled` when closed."""

    accepted = Signal()
    cancelled = Signal()

    dim = 0.72

    def __init__(self, window: QWidget, lock: PinLock, appearance: Appearance, *,
                 timeout_seconds: float = 30.0,
                 refresh_hash: Callable[[], str | None] | None = None,
                 staff_notes: list[str] | None = None) -> None:
        super().__init__(window, appearance)
        self.setObjectName("kioskPinPad")
        self.lock = lock
        self._refresh_hash = refresh_hash
        self._staff_notes = staff_notes or []
        self._digits = ""
        self._message_kind = ""  # "", "wrong", "locked"
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.setInterval(round(timeout_seconds * 1000))
        self._timeout.timeout.connect(self.cancel)
        self._lock_tick = QTimer(self)
        self._lock_tick.setInterval(LOCK_TICK_MS)
        self._lock_tick.timeout.connect(self._show_lock_state)
        self._build()
        self.retranslate_ui()

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.card = QFrame(self)
        self.card.setObjectName("kioskCard")
        self.title = QLabel(self.card)
        self.title.setObjectName("kioskTitle")
        self.prompt = QLabel(self.card)
        self.prompt.setWordWrap(True)
        self.dots = PinDots(self.card)
        self.message = QLabel(self.card)
        self.message.setObjectName("pinMessage")
        self.message.setWordWrap(True)
        self.command = QLabel("czt-desktop kiosk-pin", self.card)
        self.command.setObjectName("kioskCommand")
        self.command.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.notes = QLabel(self.card)
        self.notes.setObjectName("kioskNotes")
        self.notes.setWordWrap(True)
        self.cancel_button = KioskButton(parent=self.card, role="quiet")
        self.cancel_button.clicked.connect(self.cancel)

        self.keys: dict[str, KioskButton] = {}
        self.keypad = QWidget(self.card)
        grid = QGridLayout(self.keypad)
        grid.setContentsMargins(0, 0, 0, 0)
        self._grid = grid
        layout = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "delete", "0", "ok")
        for index, name in enumerate(layout):
            button = KioskButton(name if name.isdigit() else "", self.keypad,
                                 role="primary" if name == "ok" else "key")
            button.setObjectName(f"pinKey-{name}")
            if name.isdigit():
                button.clicked.connect(lambda _=False, d=name: self.press_digit(d))
            elif name == "delete":
                button.clicked.connect(self.delete_digit)
            else:
                button.clicked.connect(self.submit)
            grid.addWidget(button, index // 3, index % 3)
            self.keys[name] = button

        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addWidget(self.prompt)
        left.addWidget(self.dots)
        left.addWidget(self.command)
        left.addWidget(self.message)
        left.addStretch(1)
        left.addWidget(self.notes)
        left.addWidget(self.cancel_button)
        self._left = left
        row = QHBoxLayout(self.card)
        row.addLayout(left, 1)
        row.addWidget(self.keypad)
        self._row = row
        outer = QGridLayout(self)
        outer.addWidget(self.card, 1, 1)
        outer.setRowStretch(0, 1)
        outer.setRowStretch(2, 1)
        outer.setColumnStretch(0, 1)
        outer.setColumnStretch(2, 1)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Staff only"))
        self.keys["delete"].setText(self.tr("Delete"))
        self.keys["delete"].setAccessibleName(self.tr("Delete the last digit"))
        self.keys["ok"].setText(self.tr("OK"))
        self.keys["ok"].setAccessibleName(self.tr("Check the PIN"))
        for digit in "0123456789":
            self.keys[digit].setAccessibleName(digit)
        self.setAccessibleName(self.tr("Staff PIN pad"))
        self._update_state()

    def relayout(self) -> None:
        unit, theme = self.unit, self.theme
        error = ERROR_INK.get(theme.name, theme.ink)
        pad = round(40 * unit)
        self.card.setStyleSheet(
            f"#kioskCard {{ background: {theme.paper}; border-radius: {round(24 * unit)}px; }}"
            f"QLabel {{ color: {theme.ink}; }}"
            f"QLabel#pinMessage {{ color: {error}; }}"
            f"QLabel#kioskNotes {{ color: {theme.muted}; }}"
            f"QLabel#kioskCommand {{ background: {theme.surface}; border: 2px solid "
            f"{theme.rule}; border-radius: {round(8 * unit)}px; padding: {round(12 * unit)}px;"
            f" font-family: monospace; }}"
            + button_style(theme, unit)
            + "QPushButton#pinKey-ok { padding: 0px; }")
        self.title.setFont(font_px(40 * unit, self.lang, bold=True))
        for label in (self.prompt, self.message):
            label.setFont(font_px(24 * unit, self.lang))
        self.command.setFont(font_px(24 * unit, "en"))
        self.notes.setFont(font_px(15 * unit, self.lang))
        self.cancel_button.setFont(font_px(24 * unit, self.lang))
        key = round(88 * unit)
        for name, button in self.keys.items():
            button.side = key
            button.setFixedSize(key, key)
            button.setFont(font_px((36 if name.isdigit() else 20) * unit, self.lang,
                                   bold=name != "delete"))
        self._grid.setSpacing(round(14 * unit))
        self.dots.dot = round(22 * unit)
        self.dots.theme = theme
        self.dots.setFixedHeight(round(22 * unit * 3))
        self._left.setSpacing(round(16 * unit))
        self._row.setSpacing(round(48 * unit))
        self._row.setContentsMargins(pad, pad, pad, pad)
        # The left column is as wide as the keypad: the card reads as two calm halves.
        self.card.setFixedWidth(min(self.width() - round(32 * unit),
                                    2 * pad + round(48 * unit) + 2 * (3 * key + round(28 * unit))))
        self.dots.updateGeometry()

    # -- showing -----------------------------------------------------------------------------
    def open(self) -> None:
        if self._refresh_hash is not None:
            fresh = self._refresh_hash()
            if fresh is not None:
                self.lock.set_hash(fresh)
        self._digits = ""
        self._message_kind = ""
        self._update_state()
        super().open()
        self._timeout.start()
        if self.lock.locked_for() > 0:
            self._lock_tick.start()

    def dismiss(self) -> None:
        self._digits = ""
        self._timeout.stop()
        self._lock_tick.stop()
        super().dismiss()

    def cancel(self) -> None:
        if self.isVisible():
            self.dismiss()
            self.cancelled.emit()

    @property
    def entered(self) -> int:
        """How many digits are typed (the digits themselves are never exposed)."""
        return len(self._digits)

    # -- keys --------------------------------------------------------------------------------
    def press_digit(self, digit: str) -> None:
        self._timeout.start()
        if self.lock.locked_for() > 0 or not self.lock.has_pin:
            return
        if len(self._digits) < PIN_MAX_DIGITS:
            self._digits += digit
        self._message_kind = ""
        self._update_state()

    def delete_digit(self) -> None:
        self._timeout.start()
        self._digits = self._digits[:-1]
        self._update_state()

    def submit(self) -> None:
        self._timeout.start()
        if len(self._digits) < PIN_MIN_DIGITS:
            return
        digits, self._digits = self._digits, ""
        result = self.lock.check(digits)
        del digits
        if result is PinResult.ACCEPTED:
            self.dismiss()
            self.accepted.emit()
            return
        self._message_kind = "locked" if result is PinResult.LOCKED else "wrong"
        if result is PinResult.LOCKED:
            self._lock_tick.start()
        self._update_state()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        text = event.text()
        if text.isdigit() and len(text) == 1 and text.isascii():
            self.press_digit(text)
        elif key == Qt.Key.Key_Backspace:
            self.delete_digit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- state -------------------------------------------------------------------------------
    def _show_lock_state(self) -> None:
        if self.lock.locked_for() <= 0:
            self._lock_tick.stop()
            self._message_kind = ""
        self._update_state()

    def _update_state(self) -> None:
        has_pin = self.lock.has_pin
        locked_for = self.lock.locked_for()
        self.keypad.setVisible(has_pin)
        self.dots.setVisible(has_pin)
        self.command.setVisible(not has_pin)
        self.dots.set_count(len(self._digits))
        self.dots.setAccessibleName(
            self.tr("PIN: %1 digit(s) entered").replace("%1", str(len(self._digits))))
        for name, button in self.keys.items():
            enabled = locked_for <= 0
            if name == "ok":
                enabled = enabled and len(self._digits) >= PIN_MIN_DIGITS
            elif name == "delete":
                enabled = enabled and bool(self._digits)
            button.setEnabled(enabled)
        if not has_pin:
            self.prompt.setText(self.tr(
                "No staff PIN has been set, so the kiosk cannot be left from the screen. "
                "To set one, run this on the kiosk computer, then tap the corner again:"))
            self.message.setText("")
            self.cancel_button.setText(self.tr("Close"))
        else:
            self.prompt.setText(self.tr("Enter the staff PIN to leave the kiosk."))
            self.cancel_button.setText(self.tr("Cancel"))
            if locked_for > 0:
                self.message.setText(self.tr("Too many wrong PINs. Try again in %1 s.")
                                     .replace("%1", str(int(locked_for + 0.999))))
            elif self._message_kind == "wrong":
                self.message.setText(self.tr("Wrong PIN. Tries left: %1")
                                     .replace("%1", str(self.lock.attempts_left)))
            else:
                self.message.setText("")
        self.cancel_button.setAccessibleName(self.cancel_button.text())
        self.notes.setText("\n".join(self._staff_notes[:3]))
        self.notes.setVisible(bool(self._staff_notes))
