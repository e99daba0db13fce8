"""The timeline's touch targets: one button per stage and one per event or enterprise.

They are real focusable push buttons, so keyboard focus, screen readers ("radio button,
checked") and touch all work the Qt way; they paint themselves. The shared Selection decides what is
checked: a click only asks for it (``nextCheckState`` does nothing on its own).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QPushButton, QWidget

from czt_desktop.ui.timeline.look import TimelineLook


class KeyHandler(Protocol):
    def claims_key(self, button: TimelineButton, event: QKeyEvent) -> bool:
        """Whether the timeline handles this key (so window shortcuts must not)."""

    def handle_key(self, button: TimelineButton, event: QKeyEvent) -> bool:
        """Act on a key pressed on ``button``; False lets the button handle it."""


class TimelineButton(QPushButton):
    def __init__(self, look: TimelineLook, keys: KeyHandler, parent: QWidget) -> None:
        super().__init__(parent)
        self.look = look
        self._keys = keys
        self._focus_ring = True  # see focusInEvent
        # Checkable and auto-exclusive: screen readers announce a "radio button", one of
        # a row, checked or not, which is what choosing a stage or an item is.
        self.setCheckable(True)
        self.setAutoExclusive(True)
        self.setAutoDefault(False)  # Enter is ours, also inside a dialog
        # Roving tab stop: the view gives Qt.StrongFocus to one band and one marker.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def nextCheckState(self) -> None:
        """The Selection, not the click, decides what is checked."""

    def event(self, e: QEvent) -> bool:
        if (e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent)
                and self._keys.claims_key(self, e)):
            e.accept()  # deliver as a key press here instead of a window shortcut
            return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if self._keys.handle_key(self, e):
            e.accept()
            return
        mods = e.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods:
            self.click()
            e.accept()
            return
        if e.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            e.ignore()  # not QAbstractButton's focus hopping along the whole window
            return
        super().keyPressEvent(e)

    def focusInEvent(self, e: QFocusEvent) -> None:
        # Like CSS :focus-visible: a ring for keyboard users, none after a click or tap
        # (the chosen item already shows its own outline).
        self._focus_ring = e.reason() != Qt.FocusReason.MouseFocusReason
        super().focusInEvent(e)

    def paint_focus(self, painter: QPainter) -> None:
        if self.hasFocus() and self._focus_ring:
            painter.setPen(self.look.focus_pen)
            painter.setBrush(self.look.no_brush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(2, 2, -2, -2), 6, 6)


class StageBand(TimelineButton):
    """A stage's header: number, short name and years, over its coloured column."""

    def __init__(self, look: TimelineLook, keys: KeyHandler, parent: QWidget,
                 stage_id: int, index: int) -> None:
        super().__init__(look, keys, parent)
        self.stage_id = stage_id
        self.index = index  # 0-based position, picks the stage colours
        self.number = str(index + 1)
        self.short = ""
        self.years = ""
        self._short_shown = ""
        self._text_width = 0.0
        self.setObjectName(f"timelineStage{stage_id}")

    def set_texts(self, short: str, years: str) -> None:
        self.short, self.years = short, years
        self._fit_texts()

    def min_width(self) -> float:
        """Room for both lines of the label: the name, then the number and the years."""
        look = self.look
        line1 = look.band_metrics.horizontalAdvance(self.short)
        return max(look.target, 2 * self._inset() + max(line1, self._line2_width()) + 4)

    def _inset(self) -> float:
        return self.look.pad * 0.75

    def _badge(self) -> float:
        return round(self.look.scale.small * 1.35)

    def _line2_width(self) -> float:
        return self._badge() + self.look.gap * 2 + \
            self.look.years_metrics.horizontalAdvance(self.years)

    def _fit_texts(self) -> None:
        look = self.look
        room = self.width() - 2 * self._inset()
        self._short_shown = look.band_metrics.elidedText(
            self.short, Qt.TextElideMode.ElideRight, max(0.0, room))
        self._text_width = max(look.band_metrics.horizontalAdvance(self._short_shown),
                               self._line2_width())

    def resizeEvent(self, e: object) -> None:
        self._fit_texts()

    def paintEvent(self, e: QPaintEvent) -> None:
        look = self.look
        selected = self.isChecked()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect())
        p.setPen(look.no_pen)
        strong = look.band_selected[self.index % len(look.band_selected)]
        p.setBrush(strong if selected or self.isDown() or self.underMouse()
                   else look.tint(self.index, False))
        p.drawRoundedRect(rect, 6, 6)
        # A bar in the stage colour along the bottom joins the band to its column.
        bar = max(3.0, look.gap * 1.5)
        p.setBrush(look.edge(self.index))
        p.drawRect(QRectF(rect.left(), rect.bottom() - bar, rect.width(), bar))
        if selected:  # not colour alone: a thick outline marks the chosen stage
            half = look.outline_pen.widthF() / 2
            p.setPen(look.outline_pen)
            p.setBrush(look.no_brush)
            p.drawRoundedRect(rect.adjusted(half, half, -half, -half), 6, 6)

        # Keep the label in view while a wide band is scrolled ("sticky" header).
        inset = self._inset()
        visible = self.visibleRegion().boundingRect()
        block = self._text_width + 2 * inset
        x = inset
        if not visible.isEmpty() and block < self.width():
            x += min(max(0.0, float(visible.left())), self.width() - block)

        # Two lines with tight leading, so that a 44 px band holds them at 100 % zoom:
        # the stage's short name, then its number in a circle and its years.
        small = look.scale.small
        height = rect.height() - bar
        line1 = rect.top() + (height - look.scale.body * 0.86 - small * 1.2) / 2 \
            + look.scale.body * 0.86
        line2 = line1 + small * 1.2
        p.setPen(look.ink)
        p.setFont(look.band_font)
        p.drawText(QPointF(x, line1), self._short_shown)

        d = self._badge()
        badge = QRectF(x, line2 - small * 0.4 - d / 2, d, d)
        p.setPen(look.ring_pen if selected else look.badge_pen)
        p.setBrush(look.surface)
        p.drawEllipse(badge.adjusted(1, 1, -1, -1))
        p.setPen(look.ink)
        p.setFont(look.badge_font)
        p.drawText(badge, Qt.AlignmentFlag.AlignCenter, self.number)
        p.setFont(look.years_font)
        p.setPen(look.ink if selected else look.muted)
        p.drawText(QPointF(x + d + look.gap * 2, line2), self.years)
        self.paint_focus(p)
        p.end()


class MarkerButton(TimelineButton):
    """An event (a dot in its stage's colour) or an enterprise (a square in its city's
    colour, with the city's first letter, so colour is never the only cue)."""

    def __init__(self, look: TimelineLook, keys: KeyHandler, parent: QWidget,
                 kind: str, item_id: str, stage_id: int, stage_index: int) -> None:
        super().__init__(look, keys, parent)
        self.kind = kind
        self.item_id = item_id
        self.stage_id = stage_id
        self.stage_index = stage_index
        self.city_id = ""
        self.letter = ""
        self.precision = "year"
        self.label = ""  # shown right of the glyph when the lane has room
        self.full_label = ""
        self.lane = 0
        self.anchor = 0.0  # x of its date on the canvas
        self.setObjectName(f"timeline-{kind}-{item_id}")

    @property
    def key(self) -> tuple[str, str]:
        return self.kind, self.item_id

    def paintEvent(self, e: QPaintEvent) -> None:
        look = self.look
        t = float(look.target)
        selected = self.isChecked()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect())
        if selected or self.isDown() or self.underMouse():
            p.setPen(look.no_pen)
            p.setBrush(look.selection if selected or self.isDown() else look.hover)
            p.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 8, 8)
        c = QPointF(t / 2, t / 2)
        if self.kind == "enterprise":
            paint_enterprise_glyph(p, look, c, self.city_id, self.letter, selected=selected)
        else:
            paint_event_glyph(p, look, c, self.stage_index, self.precision, selected=selected)
        if self.label:
            p.setPen(look.ink)
            p.setFont(look.label_font)
            p.drawText(QRectF(t, 0, rect.width() - t, t),
                       int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                       self.label)
        self.paint_focus(p)
        p.end()


def paint_enterprise_glyph(p: QPainter, look: TimelineLook, c: QPointF, city_id: str,
                           letter: str, *, selected: bool = False) -> None:
    """An enterprise: a square in its city's colour with the city's first letter (so
    colour is never the only cue), centred on ``c``."""
    fill, letter_colour = look.city_colour(city_id)
    s = float(look.square)
    box = QRectF(c.x() - s / 2, c.y() - s / 2, s, s)
    p.setPen(look.glyph_edge_pen)
    p.setBrush(fill)
    p.drawRoundedRect(box, 4, 4)
    p.setPen(letter_colour)
    p.setFont(look.letter_font)
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, letter)
    if selected:
        p.setPen(look.ring_pen)
        p.setBrush(look.no_brush)
        p.drawRoundedRect(box.adjusted(-4, -4, 4, 4), 6, 6)


def paint_event_glyph(p: QPainter, look: TimelineLook, c: QPointF, stage_index: int,
                      precision: str, *, selected: bool = False) -> None:
    """A milestone: a dot in its stage's colour, centred on ``c``; one dated only to a
    decade ("the 1950s") has a tail ending in a bar, one dated "after" a year a tail
    ending in an arrow."""
    t = float(look.target)
    colour = look.edge(stage_index)
    r = look.dot / 2
    if precision in ("decade", "after"):
        pen = look.span_pens[stage_index % len(look.span_pens)]
        p.setPen(pen)
        end = c.x() + t / 2 - 5
        p.drawLine(QPointF(c.x(), c.y()), QPointF(end, c.y()))
        if precision == "decade":
            p.drawLine(QPointF(end, c.y() - r * 0.7), QPointF(end, c.y() + r * 0.7))
        else:
            p.setPen(look.no_pen)
            p.setBrush(colour)
            p.drawPolygon([QPointF(end + 3, c.y()), QPointF(end - 4, c.y() - 5),
                           QPointF(end - 4, c.y() + 5)])
    p.setPen(look.glyph_edge_pen)
    p.setBrush(colour)
    p.drawEllipse(c, r, r)
    if selected:
        p.setPen(look.ring_pen)
        p.setBrush(look.no_brush)
        p.drawEllipse(c, r + 4, r + 4)
