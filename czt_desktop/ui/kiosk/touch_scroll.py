"""Swipe to scroll, as on a phone: the kiosk's pages follow a finger.

A desktop window scrolls with a wheel or a thin scroll bar; on a touch screen nobody
finds either, and dragging a finger over a page would select its text instead. While
installed, every scrolling page of the window (also pages made later) scrolls with a
drag and keeps gliding after a flick (``QScroller``), text is not selectable (a drag
scrolls; a tap still presses a card or a button), and vertical scroll bars are a
finger wide. :meth:`remove` puts all of it back for the desktop modes.

The drag gesture is the left mouse button's: touch screens that report themselves as
a mouse work too, and Qt turns real touches into mouse events for these widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QHeaderView,
    QLabel,
    QScroller,
    QScrollerProperties,
    QWidget,
)

from czt_desktop.ui.kiosk.app_filter import AppEventFilter
from czt_desktop.ui.theme import LIGHT, Theme
from czt_desktop.ui.timeline.view import PANS_BY_DRAG

#: Dynamic properties that hold what was changed, to put back: a scroll area's scroll
#: bar style sheet, a label's text interaction flags.
_BAR_STYLE = "kioskBarStyle"
_TEXT_FLAGS = "kioskTextFlags"
_SELECTABLE = (Qt.TextInteractionFlag.TextSelectableByMouse
               | Qt.TextInteractionFlag.TextSelectableByKeyboard)


def bar_style(width: int, theme: Theme) -> str:
    """A plain vertical scroll bar ``width`` pixels wide with a handle at least as long
    as it is wide, and no arrow buttons (too small to touch, and a swipe does better)."""
    margin = 4
    radius = (width - 2 * margin) // 2  # a pill inside the margin
    return (
        f"QScrollBar:vertical {{ width: {width}px; background: {theme.paper}; "
        f"margin: 0px; border: none; }}"
        f"QScrollBar::handle:vertical {{ background: {theme.rule}; min-height: {width}px; "
        f"border-radius: {radius}px; margin: {margin}px; }}"
        f"QScrollBar::handle:vertical:pressed {{ background: {theme.accent}; }}"
        "QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical "
        "{ height: 0px; border: none; background: none; }"
        "QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }")


class TouchScrolling(AppEventFilter):
    """Install with :meth:`install` (after the window's pages are built); a scroll area
    or label made later is adopted when it is first polished.

    What it changed is kept on the widgets themselves (dynamic properties), not in a
    list here: pages are rebuilt at every stage switch for weeks, and a list would keep
    a Python wrapper of every label that ever was.
    """

    def __init__(self, window: QWidget, bar_width: int, theme: Theme = LIGHT,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.bar_width = bar_width
        self.theme = theme

    @property
    def areas(self) -> list[QAbstractScrollArea]:
        """The scroll areas that scroll with a swipe now."""
        return [area for area in self.window.findChildren(QAbstractScrollArea)
                if area.property(_BAR_STYLE) is not None]

    def _on_install(self) -> None:
        for area in self.window.findChildren(QAbstractScrollArea):
            self._adopt_area(area)
        for label in self.window.findChildren(QLabel):
            self._adopt_label(label)

    def _on_remove(self) -> None:
        for area in self.areas:
            QScroller.ungrabGesture(area.viewport())
            area.verticalScrollBar().setStyleSheet(str(area.property(_BAR_STYLE)))
            area.setProperty(_BAR_STYLE, None)
        for label in self.window.findChildren(QLabel):
            flags = label.property(_TEXT_FLAGS)
            if flags is not None:
                label.setTextInteractionFlags(Qt.TextInteractionFlag(int(flags)))
                label.setProperty(_TEXT_FLAGS, None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish:
            if isinstance(watched, QAbstractScrollArea):
                self._adopt_area(watched)
            elif isinstance(watched, QLabel):
                self._adopt_label(watched)
        return False

    def _belongs(self, widget: QWidget) -> bool:
        # Only the window's own pages: a drop-down list's popup is a window of its own.
        return widget.window() is self.window

    def _adopt_area(self, area: QAbstractScrollArea) -> None:
        # A table's header is a scroll area too: a drag there resizes a column.
        if isinstance(area, QHeaderView) or area.property(PANS_BY_DRAG) \
                or area.property(_BAR_STYLE) is not None or not self._belongs(area):
            return
        viewport = area.viewport()
        QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        scroller = QScroller.scroller(viewport)
        properties = scroller.scrollerProperties()
        # A page that stops at its ends (no rubber band): calmer for a crowd.
        off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
        properties.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, off)
        properties.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy,
                                   off)
        scroller.setScrollerProperties(properties)
        bar = area.verticalScrollBar()
        area.setProperty(_BAR_STYLE, bar.styleSheet())
        bar.setStyleSheet(bar_style(self.bar_width, self.theme))

    def _adopt_label(self, label: QLabel) -> None:
        flags = label.textInteractionFlags()
        if not flags & _SELECTABLE or not self._belongs(label):
            return
        label.setProperty(_TEXT_FLAGS, flags.value)
        label.setTextInteractionFlags(flags & ~_SELECTABLE)
