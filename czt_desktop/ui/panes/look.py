"""The panes' style sheet: type sizes from the zoom's TypeScale, colours from the Theme.

One sheet per pane, set on the pane, so every label inside picks its size by its
``role`` property (``years``, ``title``, ``lead``, ``heading``, ``body``, ``small``,
``muted``) and the sizes follow the app's zoom.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget

from czt_desktop.ui.theme import Theme, TypeScale

#: A quiz's "your answer" stands out in a warm colour; high contrast keeps white.
WARM_BACKGROUND = {"light": "#FFF6DA"}
WARM_EDGE = {"light": "#C9A227"}


def note_background(theme: Theme) -> str:
    """Data notes are a quiet layer for whoever wants them, not a warning: the paper's
    colour, not a warning yellow that would tell a pupil the content is unreliable."""
    return theme.paper


def note_edge(theme: Theme) -> str:
    return theme.muted


def warm_background(theme: Theme) -> str:
    return WARM_BACKGROUND.get(theme.name, theme.surface)


def warm_edge(theme: Theme) -> str:
    return WARM_EDGE.get(theme.name, theme.ink)


def touch_px(scale: TypeScale) -> int:
    """Smallest side of anything a finger presses: 44 px at 100 % zoom, growing with it."""
    return max(44, round(scale.body * 2.75))


def pane_style_sheet(theme: Theme, scale: TypeScale) -> str:
    touch = touch_px(scale)
    return f"""
QWidget[paneRoot="true"], QWidget#pagePaper, QScrollArea#pageScroll {{
    background: {theme.surface};
}}
QScrollArea#pageScroll {{ border: none; }}
QLabel {{ color: {theme.ink}; font-size: {scale.body}px; }}
QLabel[role="years"] {{ font-size: {scale.display}px; font-weight: bold; }}
QLabel[role="title"] {{ font-size: {scale.title}px; font-weight: bold; }}
QLabel[role="lead"] {{ font-size: {scale.lead}px; }}
QLabel[role="heading"] {{
    font-size: {scale.lead}px; font-weight: bold; color: {theme.ink};
    padding: {scale.body // 2}px 0px 0px 0px; margin: 0px;
}}
QLabel[role="value"] {{ font-size: {scale.title}px; font-weight: bold; }}
QLabel[role="strong"] {{ font-weight: bold; }}
QLabel[role="muted"] {{ color: {theme.muted}; }}
QLabel[role="small"] {{ color: {theme.muted}; font-size: {scale.small}px; }}
QLabel[role="when"] {{ color: {theme.accent}; font-weight: bold; }}
QLabel[role="chip"] {{
    background: {theme.paper}; border: 1px solid {theme.rule}; border-radius: 6px;
    padding: 4px 10px;
}}
QFrame#noteCard {{
    background: {note_background(theme)};
    border: 1px solid {note_edge(theme)};
    border-left: 6px solid {note_edge(theme)};
    border-radius: 6px;
}}
QFrame#noteCard[selected="true"] {{
    border: 3px solid {theme.accent}; border-left: 8px solid {theme.accent};
}}
QFrame#noteCard QLabel {{ background: transparent; }}
QFrame#card {{
    background: {theme.surface}; border: 1px solid {theme.rule}; border-radius: 8px;
}}
QComboBox, QLineEdit, QPushButton {{ font-size: {scale.body}px; min-height: {touch - 6}px; }}
QLineEdit {{
    padding: 2px 8px; background: {theme.surface}; border: 1px solid {theme.muted};
    border-radius: 4px;
}}
QLineEdit:focus {{ border: 2px solid {theme.accent}; }}
QPushButton {{ padding: 2px 16px; }}
QToolButton#disclosureButton {{
    font-size: {scale.body}px; font-weight: bold; min-height: {touch - 4}px;
    padding: 2px 8px 2px 0; border: none; background: transparent; color: {theme.accent};
}}
QTableView {{
    background: {theme.surface}; alternate-background-color: {theme.paper};
    gridline-color: {theme.rule}; border: 1px solid {theme.rule};
    selection-background-color: {theme.selection}; selection-color: {theme.ink};
    font-size: {scale.body}px;
}}
QHeaderView::section {{
    background: {theme.paper}; color: {theme.ink}; font-weight: bold;
    font-size: {scale.body}px; padding: 6px 12px; border: none;
    border-bottom: 2px solid {theme.rule}; min-height: {touch - 12}px;
}}
QSplitter::handle {{ background: {theme.rule}; }}
"""


def fit_controls_to_touch(pane: QWidget, scale: TypeScale) -> None:
    """Every button, combo box and text field of ``pane`` at least a finger high."""
    touch = touch_px(scale)
    for control in pane.findChildren(QWidget):
        if isinstance(control, QAbstractButton | QComboBox | QLineEdit):
            control.setMinimumHeight(touch)


def prepare_root(widget: QWidget) -> None:
    """Mark a pane so the sheet paints its background (plain QWidget subclasses don't)."""
    widget.setProperty("paneRoot", True)
    widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
