"""The attract loop: while nobody is there, the kiosk tours the stages and their charts
under a band that invites passers-by in both languages; any touch ends it.

The tour is the app itself (the shared selection and the window's panes), so a visitor
who touches it lands on what they were just looking at. The tour is made from the
content: every stage's overview and milestones chart, the enterprises chart with the
stages that have enterprises, and the GDP charts with the stage of the latest figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from czt_desktop import languages
from czt_desktop.content import Content
from czt_desktop.ui.appearance import Appearance, translate_in
from czt_desktop.ui.kiosk.overlay import Overlay, font_px, rgba

if TYPE_CHECKING:
    from czt_desktop.ui.modes.base import ModeHost

#: The band's height as a share of the window's (the tour above stays readable).
BAND_SHARE = 0.14


@dataclass(frozen=True, slots=True)
class Slide:
    stage_id: int
    pane_id: str
    #: A chart id (``catalogue.CHARTS``) to scroll to, or None for the top of the pane.
    chart: str | None = None


def tour(content: Content) -> list[Slide]:
    """The slides of one round of the attract loop, in order."""
    years = [s.year for s in content.statistics if s.year is not None]
    latest = max(years) if years else None
    slides: list[Slide] = []
    for stage in content.stages:
        slides.append(Slide(stage.id, "overview"))
        slides.append(Slide(stage.id, "overview", "milestones"))
        if content.enterprises_in_stage(stage.id):
            slides.append(Slide(stage.id, "enterprises", "enterprises"))
        if latest is not None and stage.contains(latest):
            slides.append(Slide(stage.id, "statistics", "gdp"))
            slides.append(Slide(stage.id, "statistics", "shares"))
    return slides


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


class AttractLoop(QObject):
    """Turns the slides every ``seconds``; :meth:`start` and :meth:`stop`."""

    def __init__(self, window: ModeHost, seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        #: Pixels at the bottom of the window hidden by the invitation band: a chart is
        #: scrolled into the part above it.
        self.covered_bottom = 0
        self.slides = tour(window.content)
        self.index = -1
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, round(seconds * 1000)))
        self._timer.timeout.connect(self.next_slide)
        # Scrolling waits for the tab switch's layout: a 0 ms timer runs after it.
        self._scroll = QTimer(self)
        self._scroll.setSingleShot(True)
        self._scroll.setInterval(0)
        self._scroll.timeout.connect(self._scroll_now)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self.index = -1
        self.next_slide()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._scroll.stop()

    @property
    def slide(self) -> Slide | None:
        return self.slides[self.index] if 0 <= self.index < len(self.slides) else None

    def next_slide(self) -> None:
        if not self.slides:
            return
        self.index = (self.index + 1) % len(self.slides)
        slide = self.slides[self.index]
        window = self.window
        window.selection.set_stage(slide.stage_id)
        if slide.pane_id in window.pane_ids():
            window.show_pane(slide.pane_id)
        self._scroll.start()

    def _scroll_now(self) -> None:
        slide = self.slide
        if slide is None or slide.pane_id not in self.window.pane_ids():
            return
        pane = self.window.pane_widget(slide.pane_id)
        chart = self.window.chart_widget(slide.chart) if slide.chart else None
        if chart is None or not pane.isAncestorOf(chart):
            for scroller in pane.findChildren(QScrollArea):
                scroller.verticalScrollBar().setValue(0)
            return
        area = _scroll_area_of(chart)
        page = area.widget() if area is not None else None
        if area is None or page is None:
            return
        viewport = area.viewport()
        window = self.window.as_widget()
        viewport_top = viewport.mapTo(window, QPoint(0, 0)).y()
        visible = min(viewport.height(), window.height() - self.covered_bottom - viewport_top)
        top = chart.mapTo(page, QPoint(0, 0)).y()
        spare = visible - chart.height()
        # A chart that fits sits in the middle of what the band leaves; a taller one
        # shows its title and as much as fits.
        area.verticalScrollBar().setValue(max(0, top - spare // 2 if spare > 0 else top))


class TouchIcon(QWidget):
    """A fingertip's ripple: two rings round a dot, in the accent colour of the band."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.color = "#FFFFFF"

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        center = QPointF(self.rect().center())
        for share, alpha in ((0.48, 0.35), (0.34, 0.65)):
            painter.setPen(QPen(rgba(self.color, alpha), max(2.0, side * 0.04)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(center, side * share, side * share)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.color))
        radius = side * 0.17
        painter.drawEllipse(QRectF(center.x() - radius, center.y() - radius,
                                   2 * radius, 2 * radius))
        painter.end()


class AttractOverlay(Overlay):
    """The invitation band over the tour. It takes every touch, so the first touch only
    wakes the kiosk instead of also pressing whatever was under the finger."""

    dim = 0.0

    def __init__(self, window: QWidget, appearance: Appearance, *,
                 first_language: str = "zh") -> None:
        super().__init__(window, appearance)
        self.setObjectName("kioskAttract")
        self.first_language = first_language
        self.band = QRect()
        self.icon = TouchIcon(self)
        self.primary = QLabel(self)
        self.secondary = QLabel(self)
        self.retranslate_ui()

    def _second_language(self) -> str:
        return languages.following(self.first_language).code

    def retranslate_ui(self) -> None:
        # The invitation in the first language and under it in the next one (a visitor
        # may read either), whatever the language on screen is.
        first = translate_in(self.first_language, "AttractOverlay", "Touch to explore")
        second = translate_in(self._second_language(), "AttractOverlay", "Touch to explore")
        self.primary.setText(first)
        # Until the catalogue has the translation both lines would read the same.
        self.secondary.setText(second if second != first else "")
        self.setAccessibleName(self.tr("Touch to explore"))
        self.relayout()

    def relayout(self) -> None:
        unit, theme = self.unit, self.theme
        height = max(round(110 * unit), round(self.height() * BAND_SHARE))
        self.band = QRect(0, self.height() - height, self.width(), height)
        for label in (self.primary, self.secondary):
            label.setStyleSheet(f"color: {theme.accent_ink}; background: transparent;")
        self.icon.color = theme.accent_ink
        other = self._second_language()
        self.primary.setFont(font_px(min(height * 0.34, 64 * unit), self.first_language,
                                     bold=True))
        self.secondary.setFont(font_px(min(height * 0.2, 36 * unit), other))
        primary = self.primary.sizeHint()
        secondary = self.secondary.sizeHint() if self.secondary.text() else QSize(0, 0)
        icon = round(height * 0.62)
        gap = round(32 * unit)
        total = icon + gap + max(primary.width(), secondary.width())
        left = max(round(24 * unit), (self.width() - total) // 2)
        self.icon.setGeometry(left, self.band.top() + (height - icon) // 2, icon, icon)
        text_left = left + icon + gap
        top = self.band.top() + (height - primary.height() - secondary.height()) // 2
        self.primary.setGeometry(text_left, top, self.width() - text_left, primary.height())
        self.secondary.setGeometry(text_left, top + primary.height(),
                                   self.width() - text_left, secondary.height())
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.band, QColor(self.theme.accent))
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.relayout()
