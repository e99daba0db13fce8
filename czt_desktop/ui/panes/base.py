"""What every detail pane has: the content, the shared selection, language, zoom, theme."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from czt_desktop.ui.i18n import language_switcher
from czt_desktop.ui.selection import Selection
from czt_desktop.ui.theme import LIGHT, Theme, TypeScale

if TYPE_CHECKING:
    from czt_desktop.content import Content


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
        #: (content language, UI language) of the last retranslation: Qt sends
        #: LanguageChange after the window has already re-translated the pane.
        self._translated_as: tuple[str, str] | None = None
        self._retranslate_on_show = False

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
    def reset(self) -> None:
        """Forget what a visitor set here (filters, answers): a kiosk's idle reset.

        Panes with filters clear them; panes with other state override this.
        """
        clear = getattr(self, "clear_filters", None)
        if callable(clear):
            clear()

    def _translation_key(self) -> tuple[str, str]:
        return self.lang, language_switcher().language

    def retranslate_now(self) -> None:
        """Re-translate at once (what the window calls for the pane on screen)."""
        self._translated_as = self._translation_key()
        self._retranslate_on_show = False
        self.retranslate_ui()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate_now()

    def set_scale(self, scale: TypeScale) -> None:
        self.scale = scale
        self.refresh()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        # Hidden panes wait until shown: rebuilding all seven on every switch cost time
        # and, for hidden panes, memory that was never given back.
        if event.type() == QEvent.Type.LanguageChange and \
                self._translated_as != self._translation_key():
            if self.isVisible():
                self.retranslate_now()
            else:
                self._retranslate_on_show = True
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        if self._retranslate_on_show and self._translated_as != self._translation_key():
            self.retranslate_now()
        self._retranslate_on_show = False
        super().showEvent(event)
