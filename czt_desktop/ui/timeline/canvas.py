"""The scrolled surface of the timeline: stage columns, the year axis, and panning.

It holds the band and marker buttons as children (the view positions them) and paints
what is not a target: the tinted columns, the axis with its ticks and year labels, the
span of decade-long events, and a stem from the selected marker down to its date.
Dragging anywhere, on a button too, pans; a click on empty space picks the stage there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QEvent, QLineF, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QStaticText,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractButton, QApplication, QGestureEvent, QPinchGesture, QWidget

from czt_desktop.ui.timeline.look import TimelineLook


class CanvasHost(Protocol):
    def scroll_x(self) -> int: ...
    def set_scroll_x(self, value: int) -> None: ...
    def click_empty(self, x: float) -> None: ...
    def wheel(self, event: QWheelEvent, canvas_x: float) -> bool: ...
    def pinch(self, factor: float, canvas_x: float) -> None: ...
    def child_focused(self, widget: QWidget) -> None: ...


@dataclass
class AxisPicture:
    """What the canvas paints, in canvas pixels; rebuilt on every layout."""

    columns: list[tuple[int, QRectF]] = field(default_factory=list)  # (stage index, rect)
    dividers: list[QLineF] = field(default_factory=list)  # between stage columns
    axis: QLineF = field(default_factory=QLineF)
    ticks: list[QLineF] = field(default_factory=list)
    major_ticks: list[QLineF] = field(default_factory=list)
    labels: list[tuple[QPointF, QStaticText]] = field(default_factory=list)
    spans: list[tuple[int, QLineF, str]] = field(default_factory=list)  # (stage index, line, key)


class TimelineCanvas(QWidget):
    def __init__(self, look: TimelineLook, host: CanvasHost) -> None:
        super().__init__()
        self.look = look
        self._host = host
        self.picture = AxisPicture()
        self.selected_stage_index = -1
        self.stem: QLineF | None = None
        self.selected_span = ""  # key of the selected decade event, its span is bold
        self._press: QPointF | None = None
        self._press_scroll = 0
        self._panning = False
        self.setObjectName("timelineCanvas")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.grabGesture(Qt.GestureType.PinchGesture)

    def adopt(self, button: QAbstractButton) -> None:
        """Watch a child button so that a drag starting on it pans instead of clicking."""
        button.installEventFilter(self)

    # -- painting -----------------------------------------------------------------------
    def paintEvent(self, e: QPaintEvent) -> None:
        look, pic = self.look, self.picture
        p = QPainter(self)
        p.fillRect(e.rect(), look.paper)
        for index, rect in pic.columns:
            p.fillRect(rect, look.tint(index, index == self.selected_stage_index))
        p.setPen(look.divider_pen)  # visible where the tints are not (high contrast)
        p.drawLines(pic.dividers)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        for index, line, key in pic.spans:
            pen = look.span_pens[index % len(look.span_pens)]
            p.setOpacity(1.0 if key == self.selected_span else 0.45)
            p.setPen(pen)
            p.drawLine(line)
        p.setOpacity(1.0)
        if self.stem is not None:
            p.setPen(look.stem_pen)
            p.drawLine(self.stem)
            p.setBrush(look.accent)
            p.drawEllipse(self.stem.p2(), 4, 4)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setPen(look.tick_pen)
        p.drawLines(pic.ticks)
        p.setPen(look.axis_pen)
        p.drawLine(pic.axis)
        p.drawLines(pic.major_ticks)
        p.setFont(look.axis_font)
        p.setPen(look.muted)
        for point, text in pic.labels:
            p.drawStaticText(point, text)
        p.end()

    # -- panning and clicks on empty space ----------------------------------------------------
    def _start(self, global_pos: QPointF) -> None:
        self._press = global_pos
        self._press_scroll = self._host.scroll_x()
        self._panning = False

    def _drag(self, global_pos: QPointF, button: QAbstractButton | None) -> bool:
        """Pan once the pointer has moved far enough; True while panning."""
        if self._press is None:
            return False
        dx = global_pos.x() - self._press.x()
        if not self._panning and abs(dx) >= QApplication.startDragDistance():
            self._panning = True
            if button is not None:
                button.setDown(False)  # the press becomes a drag, not a click
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        if self._panning:
            self._host.set_scroll_x(round(self._press_scroll - dx))
        return self._panning

    def _finish(self) -> bool:
        """End a press; True if it was a drag (which must not also click)."""
        was_panning = self._panning
        self._press, self._panning = None, False
        if was_panning:
            self.unsetCursor()
        return was_panning

    def eventFilter(self, watched: QObject, e: QEvent) -> bool:
        if not isinstance(watched, QAbstractButton):
            return False
        kind = e.type()
        if isinstance(e, QMouseEvent) and e.button() == Qt.MouseButton.LeftButton:
            if kind == QEvent.Type.MouseButtonPress:
                self._start(e.globalPosition())
            elif kind == QEvent.Type.MouseButtonRelease:
                return self._finish()
        elif (kind == QEvent.Type.MouseMove and isinstance(e, QMouseEvent)
              and e.buttons() & Qt.MouseButton.LeftButton):
            return self._drag(e.globalPosition(), watched)
        elif kind == QEvent.Type.Wheel and isinstance(e, QWheelEvent):
            # Here rather than by propagation, which Qt does only for real wheel events.
            handled = self._host.wheel(e, watched.mapTo(self, e.position()).x())
            if handled:
                e.accept()
            return handled
        elif kind == QEvent.Type.NativeGesture and isinstance(e, QNativeGestureEvent):
            return self._native_gesture(e, watched.mapTo(self, e.position()).x())
        elif kind == QEvent.Type.FocusIn:
            self._host.child_focused(watched)
        return False

    def mousePressEvent(self, e: QMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton:
            self._start(e.globalPosition())
        e.accept()

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        if e.buttons() & Qt.MouseButton.LeftButton:
            self._drag(e.globalPosition(), None)
        e.accept()

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton and self._press is not None \
                and not self._finish():
            self._host.click_empty(e.position().x())
        e.accept()

    # -- wheel and pinch ----------------------------------------------------------------
    def wheelEvent(self, e: QWheelEvent) -> None:
        if self._host.wheel(e, e.position().x()):
            e.accept()
        else:
            e.ignore()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.Gesture and isinstance(e, QGestureEvent):
            pinch = e.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                changed = pinch.changeFlags() & QPinchGesture.ChangeFlag.ScaleFactorChanged
                if changed:
                    self._finish()  # two fingers zoom; they do not also pan
                    centre = self.mapFromGlobal(pinch.centerPoint().toPoint())
                    self._host.pinch(pinch.scaleFactor(), float(centre.x()))
                e.accept(pinch)
                return True
        if e.type() == QEvent.Type.NativeGesture and isinstance(e, QNativeGestureEvent):
            return self._native_gesture(e, e.position().x())
        return super().event(e)

    def _native_gesture(self, e: QNativeGestureEvent, canvas_x: float) -> bool:
        """Trackpad pinch (macOS, libinput): ``value`` is the relative change."""
        if e.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self._host.pinch(1.0 + e.value(), canvas_x)
            e.accept()
            return True
        return False
