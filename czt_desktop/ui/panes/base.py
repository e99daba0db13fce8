"""What every detail pane has: the content, the shared selection and the app's Appearance."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtWidgets import QWidget

from czt_desktop.ui.appearance import LANGUAGE, LOOK, Appearance, Changes
from czt_desktop.ui.selection import Selection
from czt_desktop.ui.theme import Theme, TypeScale

if TYPE_CHECKING:
    from czt_desktop.content import Content


class Pane(QWidget):
    """Base class of the detail panes.

    Subclasses set ``pane_id`` (an id of :data:`czt_desktop.catalogue.PANES`), build
    their widgets in ``__init__``, and implement ``title``, ``retranslate_ui`` and
    ``refresh``. They react to ``selection.stage_changed`` / ``selection.item_changed``
    and write user choices back with ``selection.set_stage`` / ``selection.set_item``.

    Language, theme and zoom come from the Appearance: a pane re-translates (and
    re-styles) once per change, and a pane that is not on screen when the change comes
    does so when it is next shown.
    """

    pane_id: ClassVar[str] = ""

    def __init__(self, content: Content, selection: Selection, appearance: Appearance,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.selection = selection
        self.appearance = appearance
        self.setObjectName(f"pane-{self.pane_id}")
        self.subscription = appearance.subscribe(self, self.apply_appearance)

    # -- the Appearance -----------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.appearance.lang

    @property
    def theme(self) -> Theme:
        return self.appearance.theme

    @property
    def scale(self) -> TypeScale:
        return self.appearance.scale

    def apply_appearance(self, changes: Changes) -> None:
        """The language and/or the look changed (once per change; see the class)."""
        if LANGUAGE in changes:
            self.retranslate_ui()
        if LOOK in changes:
            self.refresh()

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

    def set_chart(self, widget: QWidget, slot: str | None = None) -> None:
        """Show a chart of :data:`czt_desktop.catalogue.CHARTS` in the pane, at ``slot``
        (panes without charts have no place for one)."""
        raise ValueError(f"the {self.pane_id} pane has no place for a chart")

    # -- provided -----------------------------------------------------------------------
    def reset(self) -> None:
        """Forget what a visitor set here (filters, answers): a kiosk's idle reset.

        Panes with filters clear them; panes with other state override this.
        """
        clear = getattr(self, "clear_filters", None)
        if callable(clear):
            clear()
