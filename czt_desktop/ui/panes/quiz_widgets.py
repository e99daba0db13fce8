"""The answer widgets of the self-check: a card per choice, and rows to put in order.

Both are built for a finger and a keyboard alike: a choice card is a button (Tab, Space,
Enter; Up/Down go to the neighbouring choice); an order row takes focus itself, moves
with Alt+Up / Alt+Down (Ctrl works too) and has two 44 px buttons for the same.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from czt_desktop.ui.panes.widgets import ItemCard, label
from czt_desktop.ui.theme import Theme

#: Keys that move an order row (with Alt or Ctrl held) or the focus (alone).
_STEPS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
_MOVE_MODIFIERS = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier


class ChoiceCard(ItemCard):
    """One possible answer. Checked = the student's pick; after checking, a mark under
    the text says "Right answer" or "Your answer" (words, not only colour)."""

    def __init__(self, key: str, text: str, theme: Theme, touch: int,
                 parent: QWidget | None = None) -> None:
        super().__init__("choice", key, parent)
        self.key = key
        self.theme = theme
        self.setMinimumHeight(touch)
        self.body.setContentsMargins(20, 8, 12, 8)
        self.text_label = label(text, "choice", selectable=False)
        self.add(self.text_label)
        self.mark = label("", "mark", selectable=False)
        self.add(self.mark)
        self.mark.hide()

    def set_mark(self, text: str, edge: str = "") -> None:
        self.mark.setText(text)
        self.mark.setVisible(bool(text))
        self.accent_color = edge
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = _STEPS.get(Qt.Key(event.key()))
        if step is not None and not event.modifiers() & _MOVE_MODIFIERS:
            self.focusNextPrevChild(step > 0)
            return
        super().keyPressEvent(event)


class TouchPushButton(QPushButton):
    """A push button never smaller than ``touch`` px either way."""

    def __init__(self, text: str = "", touch: int = 44, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.touch = touch

    def sizeHint(self) -> QSize:
        return super().sizeHint().expandedTo(QSize(self.touch, self.touch))

    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint().expandedTo(QSize(self.touch, self.touch))


class OrderRow(QFrame):
    """One item of an ordering question: its place, its text, and up/down buttons."""

    move_requested = Signal(str, int)  # key, step (-1 up, +1 down)

    def __init__(self, key: str, text: str, touch: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.text = text
        self.setObjectName("orderRow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(touch)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 4, 4)
        row.setSpacing(12)
        self.place_label = QLabel()
        self.place_label.setProperty("role", "place")
        self.place_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.place_label.setMinimumWidth(touch // 2 + 8)
        row.addWidget(self.place_label, 0, Qt.AlignmentFlag.AlignVCenter)
        self.text_label = label(text, "choice", selectable=False)
        row.addWidget(self.text_label, 1)
        self.mark = label("", "mark", selectable=False)
        self.mark.hide()
        row.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignVCenter)
        self.up_button = TouchPushButton("↑", touch)
        self.down_button = TouchPushButton("↓", touch)
        for button, step in ((self.up_button, -1), (self.down_button, 1)):
            button.setObjectName("orderMove")
            button.clicked.connect(lambda _=False, s=step: self.move_requested.emit(self.key, s))
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        for widget in (self.place_label, self.text_label, self.mark):
            widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)

    def set_place(self, place: int, count: int, locked: bool) -> None:
        """Show the row's place; ``locked`` (after checking) hides the move buttons."""
        self.place_label.setText(str(place))
        self.up_button.setEnabled(place > 1)
        self.down_button.setEnabled(place < count)
        for button in (self.up_button, self.down_button):
            button.setVisible(not locked)

    def set_mark(self, text: str) -> None:
        self.mark.setText(text)
        self.mark.setVisible(bool(text))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = _STEPS.get(Qt.Key(event.key()))
        if step is not None and event.modifiers() & _MOVE_MODIFIERS:
            if self.up_button.isVisible():
                self.move_requested.emit(self.key, step)
            return
        if step is not None:
            self._focus_neighbour(step)
            return
        super().keyPressEvent(event)

    def _focus_neighbour(self, step: int) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        rows = [r for r in parent.findChildren(OrderRow) if r.isVisible()]
        rows.sort(key=lambda r: r.y())
        index = rows.index(self) + step if self in rows else -1
        if 0 <= index < len(rows):
            rows[index].setFocus(Qt.FocusReason.TabFocusReason)
