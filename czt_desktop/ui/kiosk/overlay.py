"""An in-window overlay: covers the whole main window, dims what is below, keeps the focus.

The kiosk's PIN pad, "Are you still there?" countdown and attract screen are overlays,
not dialogs: nothing can move them, they cannot be left behind another window, and
screen readers see them as part of the window. Sizes follow the window (a museum wall
at 1920×1080 gets bigger type than a 1024×768 screen), colours follow the theme.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QPushButton, QWidget

from czt_desktop.fonts import font_families
from czt_desktop.ui.appearance import LANGUAGE, Appearance, Changes
from czt_desktop.ui.theme import Theme

#: Touch target of the kiosk at 1024×768 (VISUAL.md asks for at least 44 px).
KIOSK_TARGET = 64
#: The design was drawn for a 1024×768 screen; bigger windows scale it up to this.
MAX_UNIT = 2.0


def size_unit(size: QSize) -> float:
    """1.0 at 1024×768; grows with the window so type stays legible from further away."""
    return max(0.75, min(MAX_UNIT, size.width() / 1024, size.height() / 768))


def font_px(px: float, lang: str, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(font_families(lang))
    font.setPixelSize(max(12, round(px)))
    font.setBold(bold)
    return font


def rgba(color: str, alpha: float) -> QColor:
    result = QColor(color)
    result.setAlphaF(alpha)
    return result


class KioskButton(QPushButton):
    """A large push button that keeps its touch size whatever the style says."""

    def __init__(self, text: str = "", parent: QWidget | None = None,
                 *, role: str = "key") -> None:
        super().__init__(text, parent)
        self.setProperty("kioskRole", role)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoDefault(False)
        self.side = KIOSK_TARGET

    def sizeHint(self) -> QSize:
        return super().sizeHint().expandedTo(QSize(self.side, self.side))

    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint().expandedTo(QSize(self.side, self.side))


def button_style(theme: Theme, unit: float) -> str:
    """Style of the overlays' buttons: keys on the card, one primary action in the accent."""
    radius = round(14 * unit)
    border = max(2, round(2 * unit))
    return f"""
QPushButton[kioskRole] {{
    border-radius: {radius}px; padding: {round(8 * unit)}px {round(20 * unit)}px;
    min-height: {round(KIOSK_TARGET * unit)}px; min-width: {round(KIOSK_TARGET * unit)}px;
}}
QPushButton[kioskRole="key"] {{
    background: {theme.surface}; color: {theme.ink}; border: {border}px solid {theme.rule};
    padding: 0px;
}}
QPushButton[kioskRole="key"]:pressed {{ background: {theme.selection}; }}
QPushButton[kioskRole="primary"] {{
    background: {theme.accent}; color: {theme.accent_ink}; border: {border}px solid
    {theme.accent};
}}
QPushButton[kioskRole="primary"]:pressed {{ background: {theme.ink}; }}
QPushButton[kioskRole="quiet"] {{
    background: transparent; color: {theme.accent}; border: {border}px solid {theme.accent};
}}
QPushButton[kioskRole]:focus {{ border: {border + 1}px solid {theme.ink}; }}
QPushButton[kioskRole]:disabled {{
    background: {theme.paper}; color: {theme.muted}; border: {border}px solid {theme.rule};
}}
"""


class Overlay(QWidget):
    """Covers its main window; subclasses lay out their content in ``relayout``."""

    #: How much the window below is dimmed (0: not at all).
    dim = 0.6

    def __init__(self, window: QWidget, appearance: Appearance) -> None:
        super().__init__(window)
        self._window = window
        self.appearance = appearance
        self.unit = size_unit(window.size())
        # Presses, wheels and (as synthesized presses) touches stop here: what is below
        # the overlay is out of reach while it is shown.
        self.setAttribute(Qt.WidgetAttribute.WA_NoMousePropagation)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.hide()
        window.installEventFilter(self)
        self.subscription = appearance.subscribe(self, self._apply_appearance)

    # -- showing ----------------------------------------------------------------------------
    def open(self) -> None:
        self.setGeometry(self._window.rect())
        self._rescale()
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def dismiss(self) -> None:
        self.hide()

    @property
    def lang(self) -> str:
        return self.appearance.lang

    @property
    def theme(self) -> Theme:
        return self.appearance.theme

    def _apply_appearance(self, changes: Changes) -> None:
        if LANGUAGE in changes:
            self.retranslate_ui()
        self.relayout()

    # -- to implement --------------------------------------------------------------------------
    def relayout(self) -> None:
        """Apply fonts and sizes for :attr:`unit`, colours for :attr:`theme`."""

    def retranslate_ui(self) -> None:
        """Re-read every UI string (``self.tr``)."""

    # -- Qt ----------------------------------------------------------------------------------
    def _rescale(self) -> None:
        unit = size_unit(self.size())
        if abs(unit - self.unit) > 0.01 or not self.property("kioskStyled"):
            self.unit = unit
            self.setProperty("kioskStyled", True)
            self.relayout()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._window.rect())
            if self.isVisible():
                self._rescale()
        return False

    def showEvent(self, event: QShowEvent) -> None:
        self._rescale()
        super().showEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.dim > 0:
            painter = QPainter(self)
            painter.fillRect(self.rect(), rgba(self.theme.ink, self.dim))
            painter.end()

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab stays inside the overlay: what is below it is out of reach."""
        chain = [w for w in self.findChildren(QWidget)
                 if w.isVisibleTo(self) and w.isEnabled()
                 and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        if not chain:
            return True
        current = self.focusWidget()
        index = chain.index(current) if current in chain else -1
        target = chain[(index + (1 if next else -1)) % len(chain)]
        target.setFocus(Qt.FocusReason.TabFocusReason if next else
                        Qt.FocusReason.BacktabFocusReason)
        return True
