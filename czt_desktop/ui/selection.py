"""The one shared selection: which stage, and which item (event, enterprise, …) is chosen.

Every view reads and writes the selection here instead of talking to the other views;
a change made in one view reaches all the others through these signals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from czt_desktop.content import Content


class Selection(QObject):
    stage_changed = Signal(int)
    #: ``(kind, id)``; ``("", "")`` when nothing is selected.
    item_changed = Signal(str, str)

    def __init__(self, content: Content, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self._stage = content.stages[0].id
        self._item: tuple[str, str] = ("", "")

    @property
    def stage(self) -> int:
        return self._stage

    @property
    def item(self) -> tuple[str, str]:
        return self._item

    def set_stage(self, stage_id: int) -> None:
        """Select a stage; an item of another stage is deselected."""
        if stage_id == self._stage or stage_id not in {s.id for s in self._content.stages}:
            return
        self._stage = stage_id
        if self._item != ("", "") and self.stage_of(*self._item) not in (None, stage_id):
            self._item = ("", "")
            self.item_changed.emit("", "")
        self.stage_changed.emit(stage_id)

    def set_item(self, kind: str, item_id: str) -> None:
        """Select an item; an item that belongs to a stage selects its stage too."""
        if (kind, item_id) == self._item:
            return
        stage = self.stage_of(kind, item_id) if kind else None
        if stage is not None and stage != self._stage:
            self._stage = stage
            self.stage_changed.emit(stage)
        self._item = (kind, item_id)
        self.item_changed.emit(kind, item_id)

    def clear_item(self) -> None:
        self.set_item("", "")

    def step_stage(self, step: int) -> None:
        ids = [s.id for s in self._content.stages]
        index = ids.index(self._stage) + step
        if 0 <= index < len(ids):
            self.set_stage(ids[index])

    def stage_of(self, kind: str, item_id: str) -> int | None:
        """The stage an item belongs to, if it belongs to one."""
        if kind == "event":
            found = next((e for e in self._content.events if e.id == item_id), None)
            return found.stage_id if found else None
        if kind == "enterprise":
            ent = next((e for e in self._content.enterprises if e.id == item_id), None)
            return ent.stage_id if ent else None
        return None
