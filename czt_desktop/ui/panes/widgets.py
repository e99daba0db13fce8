"""Building blocks the panes share: labels that wrap, selectable cards, note boxes,
a scrolling page, and layouts that reflow with the window's width.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

import shiboken6
from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from czt_desktop.content import DataNote
from czt_desktop.ui.panes.flow_layout import FlowLayout
from czt_desktop.ui.theme import LIGHT, Theme


def label(text: str = "", role: str = "body", *, rich: bool = False,
          selectable: bool = True) -> QLabel:
    """A label that wraps (content text must never be clipped) and takes its type size
    from the pane style sheet through ``role``."""
    widget = QLabel()
    widget.setProperty("role", role)
    # A styled label (padding, border) would otherwise indent its text by half an "x".
    widget.setIndent(0)
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    widget.setText(text)
    if selectable:
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return widget


def clear_layout(layout: QLayout) -> None:
    """Remove and delete everything in ``layout`` (widgets, spacers, nested layouts).

    ``takeAt`` hands each item to the caller to delete, and PySide does not: a page
    rebuilt at every stage switch would leave its items behind, a few dozen bytes each
    and without end in a kiosk that runs for weeks.
    """
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        else:
            inner = item.layout()
            if inner is not None:
                clear_layout(inner)
        shiboken6.delete(item)


class ItemCard(QAbstractButton):
    """A card for one selectable record (milestone, enterprise, figure …).

    It is a checkable button, so keyboard (Tab, Space, Enter), touch and screen readers
    all work; "checked" means "this is the shared selection". Clicking does not toggle
    the state itself: the pane asks the Selection, and the Selection's answer checks it.
    """

    activated = Signal(str, str)  # kind, id

    def __init__(self, kind: str, item_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.item_id = item_id
        self.theme: Theme = LIGHT
        self.accent_color = ""
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 8, 12, 8)
        self.body.setSpacing(2)
        self.clicked.connect(lambda: self.activated.emit(self.kind, self.item_id))

    def add(self, widget: QWidget) -> QWidget:
        # Clicks on the text must reach the card, not stop at a label.
        widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        if isinstance(widget, QLabel):
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.body.addWidget(widget)
        return widget

    def add_layout(self, layout: QLayout) -> None:
        self.body.addLayout(layout)

    def nextCheckState(self) -> None:
        """Leave the checked state to the Selection (see the class docstring)."""

    def set_min_height(self, px: int) -> None:
        self.setMinimumHeight(px)

    def sizeHint(self) -> QSize:
        return self.body.totalSizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.body.totalMinimumSize()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        theme = self.theme
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        selected = self.isChecked()
        if selected:
            fill = QColor(theme.selection)
        elif self.underMouse() or self.isDown():
            fill = QColor(theme.paper)
        else:
            fill = QColor(theme.surface)
        painter.setPen(QPen(QColor(theme.accent if selected else theme.rule),
                            2 if selected else 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 8, 8)
        edge = QColor(self.accent_color or theme.accent)
        if selected or self.accent_color:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(edge)
            painter.drawRoundedRect(QRectF(rect.left(), rect.top(), 8 if selected else 5,
                                           rect.height()), 3, 3)
        if self.hasFocus():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            focus = QPen(QColor(theme.accent), 2, Qt.PenStyle.DashLine)
            painter.setPen(focus)
            painter.drawRoundedRect(rect.adjusted(3, 3, -3, -3), 6, 6)
        painter.end()


def mark_selected(cards: Iterable[ItemCard], kind: str, item_id: str) -> ItemCard | None:
    """Check the card of the selected item, uncheck the others; return the checked one."""
    found = None
    for card in cards:
        on = card.kind == kind and card.item_id == item_id
        card.setChecked(on)
        if on:
            found = card
    return found


class NoteCard(QFrame):
    """A data note, shown in full (never in a tooltip) beside what it is about.

    ``again`` is the short form for a note the same page already shows in full
    further up: its title and a pointer, so it still stands beside what it concerns.
    """

    def __init__(self, note: DataNote, lang: str, heading: str, again: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note_id = note.id
        self.full = not again
        self.setObjectName("noteCard")
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 10, 12, 10)
        column.setSpacing(4)
        kicker = label(again.replace("%1", heading) if again else heading, "small")
        column.addWidget(kicker)
        self.title = label(note.title.get(lang), "strong")
        column.addWidget(self.title)
        if not again:
            column.addWidget(label(note.text.get(lang), "body"))
        self.setAccessibleName(f"{heading}: {note.title.get(lang)}")

    def set_selected(self, on: bool) -> None:
        if bool(self.property("selected")) == on:
            return
        self.setProperty("selected", on)
        # A dynamic property only restyles after a re-polish.
        self.style().unpolish(self)
        self.style().polish(self)


class NoteShelf:
    """Hands out note cards for one page: each note in full the first time, then short."""

    def __init__(self, lang: str, heading: str, again: str) -> None:
        self.lang = lang
        self.heading = heading
        self.again = again
        self.shown: set[str] = set()

    def card(self, note: DataNote) -> NoteCard:
        repeat = note.id in self.shown
        self.shown.add(note.id)
        return NoteCard(note, self.lang, self.heading, self.again if repeat else "")


class _Paper(QWidget):
    """The page inside a ScrollPage. Its minimum height is 0 so that the scroll area
    sizes it by its height for the real width: the layout's minimum height adds up
    wrapped labels at their narrowest and would leave a screenful of blank page."""

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), 0)


class ScrollPage(QScrollArea):
    """A vertically scrolling page whose content is as wide as the view (text wraps)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.paper = _Paper()
        self.paper.setObjectName("pagePaper")
        self.column = QVBoxLayout(self.paper)
        self.column.setContentsMargins(32, 24, 32, 32)
        self.column.setSpacing(12)
        self.setWidget(self.paper)

    def reveal(self, widget: QWidget) -> None:
        """Scroll so that ``widget`` (somewhere inside the page) is in view."""
        layout = self.paper.layout()
        if layout is not None:
            layout.activate()
        self.ensureWidgetVisible(widget, 16, 48)


class Columns(QWidget):
    """Two columns side by side when there is room, else ``main`` above ``side``.

    ``wide_at`` is the width in px from which the columns stand side by side; the pane
    updates it with the zoom so large type gets one column earlier. Add content with
    :meth:`add_main` / :meth:`add_side`: each column ends in a stretch that keeps its
    content at the top (a layout *alignment* would size wrapped text by its size hint
    instead of its height for the real width, and clip it).
    """

    def __init__(self, main_stretch: int = 3, side_stretch: int = 2,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wide_at = 900
        self.main = QWidget()
        self.side = QWidget()
        self.main_column = QVBoxLayout(self.main)
        self.side_column = QVBoxLayout(self.side)
        for column in (self.main_column, self.side_column):
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(12)
            column.addStretch(1)
        self._box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(24)
        self._box.addWidget(self.main, main_stretch)
        self._box.addWidget(self.side, side_stretch)
        self.side.hide()

    def add_main(self, widget: QWidget) -> None:
        self.main_column.insertWidget(self.main_column.count() - 1, widget)

    def add_main_layout(self, layout: QLayout) -> None:
        self.main_column.insertLayout(self.main_column.count() - 1, layout)

    def add_side(self, widget: QWidget) -> None:
        self.side_column.insertWidget(self.side_column.count() - 1, widget)
        self.side.show()

    def add_side_layout(self, layout: QLayout) -> None:
        self.side_column.insertLayout(self.side_column.count() - 1, layout)
        self.side.show()

    @property
    def side_by_side(self) -> bool:
        return self._box.direction() == QBoxLayout.Direction.LeftToRight

    def set_wide_at(self, px: int) -> None:
        self.wide_at = px
        self._update_direction(self.width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._update_direction(event.size().width())
        super().resizeEvent(event)

    def _update_direction(self, width: int) -> None:
        wanted = (QBoxLayout.Direction.LeftToRight if width >= self.wide_at
                  else QBoxLayout.Direction.TopToBottom)
        if self._box.direction() != wanted:
            self._box.setDirection(wanted)


class CardGrid(QWidget):
    """Cards in as many equal columns as fit (at least ``min_card`` px wide each)."""

    def __init__(self, min_card: int = 260, max_columns: int = 4,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.min_card = min_card
        self.max_columns = max_columns
        self._cards: list[QWidget] = []
        self._columns = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(12)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def add_card(self, card: QWidget) -> None:
        self._cards.append(card)
        self._place(max(1, self._columns))

    def cards(self) -> list[QWidget]:
        return list(self._cards)

    def set_order(self, cards: list[ItemCard]) -> None:
        """Show the same cards in another order (without making them again)."""
        if sorted(map(id, cards)) != sorted(map(id, self._cards)):
            raise ValueError("set_order takes the grid's own cards")
        self._cards = list(cards)
        self._place(max(1, self._columns))

    def set_min_card(self, px: int) -> None:
        self.min_card = px
        self._place(self._fit(self.width()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        columns = self._fit(event.size().width())
        if columns != self._columns:
            self._place(columns)
        super().resizeEvent(event)

    def _fit(self, width: int) -> int:
        spacing = self._grid.spacing()
        fit = (width + spacing) // (self.min_card + spacing)
        return max(1, min(self.max_columns, fit, len(self._cards) or 1))

    def _place(self, columns: int) -> None:
        self._columns = columns
        for card in self._cards:
            self._grid.removeWidget(card)
        for index, card in enumerate(self._cards):
            self._grid.addWidget(card, index // columns, index % columns)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)


def field_row(*widgets: QWidget, spacing: int = 8) -> QWidget:
    """Widgets kept together on one line of a wrapping filter bar (a caption and its
    control), so the caption never ends up on another line than what it names."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(spacing)
    for widget in widgets:
        row.addWidget(widget)
    return holder


class Chip(QLabel):
    """A short name as a tag. It asks for its one-line width; only a name longer than
    the space there is breaks onto a second line (instead of running off the card)."""

    def __init__(self, text: str, plain: str, rich: bool = False) -> None:
        super().__init__()
        self.plain = plain
        self.setProperty("role", "chip")
        self.setIndent(0)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        self.setText(text)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        width = (self.fontMetrics().horizontalAdvance(self.plain) + margins.left()
                 + margins.right() + 2)
        return QSize(width, self.heightForWidth(width))


def chips(texts: Iterable[str | tuple[str, str]]) -> QWidget:
    """Short names (industries, cities, clusters) as tags that wrap like words. An item
    is plain text, or ``(rich text, the same as plain text)``."""
    holder = QWidget()
    flow = FlowLayout(holder, spacing=8)
    for text in texts:
        chip = Chip(text, text) if isinstance(text, str) else Chip(text[0], text[1], rich=True)
        flow.addWidget(chip)
    holder.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
    return holder


def dot(color: str, text: str) -> tuple[str, str]:
    """A chip's text: a dot in ``color`` before ``text`` (rich, and plain)."""
    return f"<span style='color:{color}'>●</span>&nbsp;{escape(text)}", f"● {text}"


class ChartPlace:
    """A chart handed to a pane from outside (``set_chart``), kept across the pane's
    page rebuilds: stashed on the pane while the page is cleared, then put back."""

    def __init__(self, owner: QWidget) -> None:
        self.owner = owner
        self.widget: QWidget | None = None

    def set(self, widget: QWidget, layout: QBoxLayout | None) -> None:
        if widget is self.widget:
            return
        if self.widget is not None:
            self.widget.hide()
            self.widget.deleteLater()
        self.widget = widget
        if layout is not None:
            self.place(layout)

    def stash(self) -> None:
        if self.widget is not None:
            self.widget.hide()
            self.widget.setParent(self.owner)

    def place(self, layout: QBoxLayout) -> None:
        if self.widget is not None:
            layout.addWidget(self.widget)
            self.widget.show()


def mark_notes(root: QWidget, kind: str, item_id: str) -> NoteCard | None:
    """Outline the note chosen elsewhere (the search finds notes too); return the first
    card that shows it in full, else any that names it."""
    found: NoteCard | None = None
    for note in root.findChildren(NoteCard):
        on = kind == "data_note" and note.note_id == item_id
        note.set_selected(on)
        if on and (found is None or (note.full and not found.full)):
            found = note
    return found


class SelectionFollower:
    """For a scrolling page of cards: check the card (or outline the note) of the item
    chosen anywhere in the app, and scroll it into view once the page is laid out."""

    def __init__(self, pane: QWidget, page: ScrollPage) -> None:
        self.pane = pane
        self.page = page
        self.cards: list[ItemCard] = []
        self._target: QWidget | None = None
        self._timer = QTimer(pane)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.reveal)

    def follow(self, kind: str, item_id: str) -> bool:
        """Mark the item; True if this page shows it."""
        card = mark_selected(self.cards, kind, item_id)
        note = mark_notes(self.page.paper, kind, item_id)
        self._target = card or note
        if self._target is not None:
            self._timer.start()
        return self._target is not None

    def reveal_later(self) -> None:
        if self._target is not None:
            self._timer.start()

    def reveal(self) -> None:
        target = self._target
        if target is not None and self.pane.isVisible() and self.page.isAncestorOf(target):
            self.page.reveal(target)
