"""What every detail pane has: the content, the shared selection, language, zoom, theme."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from czt_desktop.content import Content
from czt_desktop.ui.selection import Selection
from czt_desktop.ui.theme import LIGHT, Theme, TypeScale


class Pane(QWidget):
    """Base class of the detail panes.

    Subclasses set ``pane_id`` (one of ``settings.PANES``), build their widgets in
    ``__init__``, and implement ``title``, ``retranslate_ui`` and ``refresh``. They react
    to ``selection.stage_changed`` / ``selection.item_changed`` and write user choices
    back with ``selection.set_stage`` / ``selection.set_item``.
    """

    pane_id: ClassVar[str] = ""

    def __init__(self, content: Content, selection: Selection, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.selection = selection
        self.lang = lang
        self.theme: Theme = LIGHT
        self.scale = TypeScale()
        self.setObjectName(f"pane-{self.pane_id}")

    # -- to implement -------------------------------------------------------------------
    def title(self) -> str:
        """The pane's tab title in the current UI language (use ``self.tr``)."""
        raise NotImplementedError

    def retranslate_ui(self) -> None:
        """Re-read every UI string (``self.tr``) and content text in ``self.lang``."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Redraw for the current selection, language, scale and theme."""
        raise NotImplementedError

    # -- provided -----------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate_ui()

    def set_scale(self, scale: TypeScale) -> None:
        self.scale = scale
        self.refresh()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
