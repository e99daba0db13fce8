"""A pane that is one scrolling page of cards, built whole from the content.

Statistics, Today and Analysis work the same way: the page is built again when the
language, zoom or theme changes (it is small, and rebuilding is simpler and safer than
re-texting every label), cards report a tap as a selection, and the page scrolls to
the card of whatever is selected elsewhere. Subclasses fill the page in
:meth:`CardPagePane._fill_page`; the Overview, which keeps one page per stage, builds
its own way and only shares the frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from czt_desktop.ui.appearance import LOOK, Appearance, Changes
from czt_desktop.ui.panes.base import Pane
from czt_desktop.ui.panes.look import pane_style_sheet, prepare_root
from czt_desktop.ui.panes.widgets import ItemCard, ScrollPage, SelectionFollower, clear_layout
from czt_desktop.ui.selection import Selection

if TYPE_CHECKING:
    from czt_desktop.content import Content


class CardPagePane(Pane):
    """The frame: a scroll page, its cards and the follower that scrolls to the chosen one.

    Subclasses set up their own state after ``super().__init__`` and then call
    ``self.refresh()`` to build the page the first time.
    """

    #: A band above the page says what the page shows of the picked stage.
    has_lens: ClassVar[bool] = True
    #: The page itself depends on the stage (it is built again when the stage changes).
    follows_stage: ClassVar[bool] = False

    def __init__(self, content: Content, selection: Selection, appearance: Appearance,
                 parent: QWidget | None = None) -> None:
        super().__init__(content, selection, appearance, parent)
        prepare_root(self)
        self.page = ScrollPage()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        if self.has_lens:
            outer.addWidget(self.make_lens())
        outer.addWidget(self.page)
        self.cards: list[ItemCard] = []
        self.follower = SelectionFollower(self, self.page)
        self._stage_stale = False
        selection.item_changed.connect(self._on_item_changed)
        if self.follows_stage:
            selection.stage_changed.connect(self._on_stage_changed)

    # -- Pane ---------------------------------------------------------------------------
    def apply_appearance(self, changes: Changes) -> None:
        # The page is rebuilt whole either way: once, whatever changed.
        if LOOK in changes:
            self.refresh()
        else:
            self.retranslate_ui()
        self.update_lens()

    def _on_stage_changed(self, _stage_id: int) -> None:
        if self.isVisible():
            self._build()
            self.page.verticalScrollBar().setValue(0)
        else:
            self._stage_stale = True  # built when shown

    def retranslate_ui(self) -> None:
        self._build()

    def refresh(self) -> None:
        self.setStyleSheet(pane_style_sheet(self.theme, self.scale))
        self._build()
        self.update_lens()

    # -- to implement -------------------------------------------------------------------
    def _fill_page(self, column: QVBoxLayout) -> None:
        """Add the page's widgets to ``column`` (empty) and its cards to ``self.cards``."""
        raise NotImplementedError

    def _followed(self, kind: str, item_id: str) -> tuple[str, str]:
        """The card to scroll to for a selection made elsewhere (by default the item's own)."""
        return kind, item_id

    # -- provided -----------------------------------------------------------------------
    def _build(self) -> None:
        position = self.page.verticalScrollBar().value()
        self._before_clear()
        clear_layout(self.page.column)
        self.cards = []
        self._fill_page(self.page.column)
        self.page.column.addStretch(1)
        for card in self.cards:
            card.activated.connect(self.selection.set_item)
        self.follower.cards = self.cards
        # Nothing of this page is selected: stay where the reader was.
        if not self.follower.follow(*self._followed(*self.selection.item)):
            self.page.verticalScrollBar().setValue(position)

    def _before_clear(self) -> None:
        """Take out what the page shows but does not own, before the page goes."""

    def _on_item_changed(self, kind: str, item_id: str) -> None:
        self.follower.follow(*self._followed(kind, item_id))

    def showEvent(self, event: QShowEvent) -> None:
        if self._stage_stale:
            self._stage_stale = False
            self._build()
        super().showEvent(event)
        self.follower.reveal_later()
