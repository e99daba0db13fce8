"""A pen and a highlighter to draw over the slide with a mouse, a pen tablet or a finger.

The overlay covers the whole presentation. While no tool is on it lets every click
and tap through to the slide (next/previous by thirds); while a tool is on it takes
the pointer, shows a cross-hair cursor and a badge naming the tool, and draws. The
presentation clears it when the slide changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtCore import QEvent, QPointF, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QLabel, QWidget

from czt_desktop.fonts import font_families
from czt_desktop.ui.theme import LIGHT, Theme

#: Ink colours from the Okabe–Ito set: vermilion reads on paper and on a washed-out
#: projector; yellow under a multiply blend leaves the text beneath fully legible.
PEN_COLOR = "#D55E00"
HIGHLIGHTER_COLOR = "#F0E442"
#: Stroke widths at 1024×768 (scaled with the screen).
PEN_WIDTH = 5.0
HIGHLIGHTER_WIDTH = 26.0
#: Pointer ids of the devices that are not touch points.
MOUSE_ID = -1
TABLET_ID = -2


class Tool(Enum):
    OFF = "off"
    PEN = "pen"
    HIGHLIGHTER = "highlighter"


@dataclass(slots=True)
class Stroke:
    tool: Tool
    path: QPainterPath = field(default_factory=QPainterPath)


class PenOverlay(QWidget):
    """Transparent drawing layer; ``set_tool`` switches it on and off."""

    tool_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("penOverlay")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground, True)
        self.tool = Tool.OFF
        self.strokes: list[Stroke] = []
        #: Strokes being drawn, by pointer (mouse, tablet, or a touch point's id).
        self._live: dict[int, Stroke] = {}
        self._factor = 1.0
        self._lang = "zh"
        self.badge = QLabel(self)
        self.badge.setObjectName("penBadge")
        self.badge.setTextFormat(Qt.TextFormat.PlainText)
        self.badge.hide()
        self.set_theme(LIGHT)
        self._apply_tool()

    # -- public -------------------------------------------------------------------------
    def set_tool(self, tool: Tool) -> None:
        if tool == self.tool:
            return
        self.tool = tool
        self._live.clear()
        self._apply_tool()
        self.tool_changed.emit(tool.value)

    def toggle(self, tool: Tool) -> None:
        """The tool's key: on, or off again if it is the tool in use."""
        self.set_tool(Tool.OFF if self.tool == tool else tool)

    @property
    def active(self) -> bool:
        return self.tool != Tool.OFF

    def clear(self) -> None:
        if self.strokes or self._live:
            self.strokes.clear()
            self._live.clear()
            self.update()

    def set_scale(self, factor: float) -> None:
        """Stroke widths and the badge follow the screen size (1.0 at 1024×768)."""
        self._factor = factor
        self._style_badge()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self._style_badge()  # the language's own font family first
        self.retranslate_ui()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.badge.setStyleSheet(
            f"#penBadge {{ background: {theme.accent}; color: {theme.accent_ink}; "
            f"border-radius: 6px; }}")

    def retranslate_ui(self) -> None:
        if self.tool == Tool.PEN:
            text = self.tr("Pen on · P to stop · C to clear")
        elif self.tool == Tool.HIGHLIGHTER:
            text = self.tr("Highlighter on · H to stop · C to clear")
        else:
            text = ""
        self.badge.setText(text)
        self.badge.setAccessibleName(text)
        self.setAccessibleName(self.tr("Drawing layer"))
        self._place_badge()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- state ------------------------------------------------------------------------------
    def _apply_tool(self) -> None:
        on = self.active
        # Off: clicks and taps go through to the slide (next/previous by thirds).
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, not on)
        if on:
            self.setCursor(Qt.CursorShape.CrossCursor)
        else:
            self.unsetCursor()
        self.badge.setVisible(on)
        self.retranslate_ui()
        self.update()

    def _style_badge(self) -> None:
        font = QFont()
        font.setFamilies(font_families(self._lang))
        font.setPixelSize(max(12, round(18 * self._factor)))
        font.setBold(True)
        self.badge.setFont(font)
        pad = round(8 * self._factor)
        self.badge.setContentsMargins(pad, pad // 2, pad, pad // 2)
        self._place_badge()

    def _place_badge(self) -> None:
        self.badge.adjustSize()
        margin = round(16 * self._factor)
        self.badge.move(self.width() - self.badge.width() - margin, margin)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place_badge()
        super().resizeEvent(event)

    # -- strokes ------------------------------------------------------------------------------
    def _begin(self, pointer: int, pos: QPointF) -> None:
        stroke = Stroke(self.tool)
        stroke.path.moveTo(pos)
        # A tap alone leaves a dot: a path needs some length for the round cap to show.
        stroke.path.lineTo(pos + QPointF(0.01, 0.0))
        self._live[pointer] = stroke
        self.strokes.append(stroke)
        self.update()

    def _extend(self, pointer: int, pos: QPointF) -> None:
        stroke = self._live.get(pointer)
        if stroke is not None:
            stroke.path.lineTo(pos)
            self.update()

    def _end(self, pointer: int, pos: QPointF) -> None:
        self._extend(pointer, pos)
        self._live.pop(pointer, None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.active and event.button() == Qt.MouseButton.LeftButton:
            self._begin(MOUSE_ID, event.position())
            event.accept()
        else:
            event.ignore()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.active and event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(MOUSE_ID, event.position())
            event.accept()
        else:
            event.ignore()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.active and event.button() == Qt.MouseButton.LeftButton:
            self._end(MOUSE_ID, event.position())
            event.accept()
        else:
            event.ignore()

    def tabletEvent(self, event: QTabletEvent) -> None:
        # Accepted, so Qt does not also send the mouse events it would make of it.
        if not self.active:
            event.ignore()
            return
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(TABLET_ID, event.position())
        elif kind == QEvent.Type.TabletMove and event.buttons():
            self._extend(TABLET_ID, event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end(TABLET_ID, event.position())
        event.accept()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                    QEvent.Type.TouchCancel):
            if not self.active or not isinstance(event, QTouchEvent):
                event.ignore()
                return False
            self._touch(event)
            event.accept()
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        if event.type() == QEvent.Type.TouchCancel:
            self._live.clear()
            return
        for point in event.points():
            state = point.state()
            if state == point.State.Pressed:
                self._begin(point.id(), point.position())
            elif state == point.State.Updated:
                self._extend(point.id(), point.position())
            elif state == point.State.Released:
                self._end(point.id(), point.position())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.strokes:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipRect(event.rect() if not event.rect().isNull() else QRect(self.rect()))
        # Highlighter under the pen, multiplied so that the text beneath stays dark.
        highlighter = QColor(HIGHLIGHTER_COLOR)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
        marker = QPen(highlighter, HIGHLIGHTER_WIDTH * self._factor, Qt.PenStyle.SolidLine,
                      Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(marker)
        for stroke in self.strokes:
            if stroke.tool == Tool.HIGHLIGHTER:
                painter.drawPath(stroke.path)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        pen = QPen(QColor(PEN_COLOR), PEN_WIDTH * self._factor, Qt.PenStyle.SolidLine,
                   Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for stroke in self.strokes:
            if stroke.tool == Tool.PEN:
                painter.drawPath(stroke.path)
        painter.end()
