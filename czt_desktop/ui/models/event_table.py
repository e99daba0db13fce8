"""The dated events of §1 (plans, documents, bodies, policies …) as a table, and the
proxy that filters them by stage, kind and free text."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
)

from czt_desktop.content import Content, Event
from czt_desktop.ui.models.record_table import RecordFilterProxy, RecordTableModel
from czt_desktop.ui.models.roles import AnyIndex, IdRole, KindRole, SearchRole, SortRole, StageRole
from czt_desktop.ui.words import event_kind_label


class EventColumn(IntEnum):
    DATE = 0
    TITLE = 1
    KIND = 2
    STAGE = 3


def _header(column: EventColumn) -> str:
    return {
        EventColumn.DATE: QCoreApplication.translate("EventTableModel", "Date"),
        EventColumn.TITLE: QCoreApplication.translate("EventTableModel", "What happened"),
        EventColumn.KIND: QCoreApplication.translate("EventTableModel", "Kind"),
        EventColumn.STAGE: QCoreApplication.translate("EventTableModel", "Stage"),
    }[column]


class EventTableModel(RecordTableModel):
    """One row per event, in the paper's chronological order (``content.events``)."""

    COLUMNS = EventColumn

    def __init__(self, content: Content, lang: str, parent: QObject | None = None) -> None:
        super().__init__(content, lang, content.events, parent)

    def header(self, column: int) -> str:
        return _header(EventColumn(column))

    def event_at(self, row: int) -> Event:
        event: Event = self.record_at(row)
        return event

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = index.row()
        event = self._rows[row]
        column = EventColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(event, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == EventColumn.STAGE:
                stage = self._content.stage(event.stage_id)
                return f"{stage.years_label} {stage.title.get(self._lang)}"
            return self._text(event, column)
        if role == SortRole:
            # Dates (and stages) sort in the paper's order: by date, and events dated
            # alike in the order the paper tells them. Row order is exactly that.
            if column == EventColumn.DATE:
                return row
            if column == EventColumn.STAGE:
                return event.stage_id * 1000 + row
            return self._text(event, column)
        if role == IdRole:
            return event.id
        if role == StageRole:
            return event.stage_id
        if role == KindRole:
            return event.kind
        if role == SearchRole:
            return self._search_text(event)
        return None

    def _text(self, event: Event, column: EventColumn) -> str:
        if column == EventColumn.DATE:
            return event.when.get(self._lang)
        if column == EventColumn.TITLE:
            return event.title.get(self._lang)
        if column == EventColumn.KIND:
            return event_kind_label(event.kind)
        return self._content.stage(event.stage_id).short.get(self._lang)

    def _search_text(self, event: Event) -> str:
        words = [*event.when.variants(), *event.title.variants(),
                 event_kind_label(event.kind), str(event.year)]
        if event.detail:
            words += event.detail.variants()
        return " ".join(words).casefold()


class EventFilterProxy(RecordFilterProxy):
    """Filters by stage, kind and free text (zh or en)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stage = 0
        self._kind = ""

    @property
    def stage(self) -> int:
        return self._stage

    @property
    def kind(self) -> str:
        return self._kind

    def set_stage(self, stage_id: int) -> None:
        """Only events of stage ``stage_id``; ``0`` for every stage."""
        self._change(lambda: setattr(self, "_stage", stage_id))

    def set_kind(self, kind: str) -> None:
        """Only events of ``kind`` (``plan``, ``document`` …); ``""`` for every kind."""
        self._change(lambda: setattr(self, "_kind", kind))

    def clear_filters(self) -> None:
        def reset() -> None:
            self._stage, self._kind, self._text = 0, "", ""
        self._change(reset)

    def is_filtering(self) -> bool:
        return bool(self._stage or self._kind or self._text)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if model is None:
            return False
        index = model.index(source_row, 0, source_parent)
        if self._stage and model.data(index, StageRole) != self._stage:
            return False
        if self._kind and model.data(index, KindRole) != self._kind:
            return False
        return self._text_matches(model, index)  # type: ignore[arg-type]
