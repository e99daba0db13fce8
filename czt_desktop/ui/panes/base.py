"""What every detail pane has: the content, the shared selection and the app's Appearance."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from czt_desktop.ui.appearance import LANGUAGE, LOOK, Appearance, Changes
from czt_desktop.ui.selection import Selection
from czt_desktop.ui.theme import Theme, TypeScale

if TYPE_CHECKING:
    from czt_desktop.content import Content, Stage
    from czt_desktop.ui.panes.stage_lens import StageLens

#: A button of the stage lens: its words and what it does.
LensAction = tuple[str, Callable[[], object]]


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
        #: The band that says what the pane shows of the picked stage (see make_lens).
        self.lens: StageLens | None = None
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
        self.update_lens()

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

    def stage_lens(self, stage: Stage) -> tuple[str, list[LensAction]]:
        """What this pane shows of ``stage``, in a sentence, and buttons (see
        :mod:`czt_desktop.ui.panes.lens`); panes with a lens implement it."""
        raise NotImplementedError

    # -- provided -----------------------------------------------------------------------
    def make_lens(self) -> StageLens:
        """The pane's stage lens (the pane puts it at its top); it follows the stage."""
        from czt_desktop.ui.panes.stage_lens import StageLens

        self.lens = StageLens(self)
        self.selection.stage_changed.connect(self.update_lens)
        return self.lens

    def showEvent(self, event: QShowEvent) -> None:
        # A pane first shown at the stage it was made at has had no stage change yet.
        if self.lens is not None and not self.lens.kicker.text():
            self.update_lens()
        super().showEvent(event)

    def update_lens(self, *_args: object) -> None:
        if self.lens is None:
            return
        from czt_desktop.ui.panes import lens

        stage = self.content.stage(self.selection.stage)
        text, actions = self.stage_lens(stage)
        self.lens.set_look(self.theme, self.scale, self.content.stages.index(stage))
        self.lens.show_stage(lens.words().kicker(self.content, stage, self.lang), text, actions)

    def reset(self) -> None:
        """Forget what a visitor set here (filters, answers): a kiosk's idle reset.

        Panes with filters clear them; panes with other state override this.
        """
        clear = getattr(self, "clear_filters", None)
        if callable(clear):
            clear()
