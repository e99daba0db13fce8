"""What the content tables have in common: rows of records in one language, and a
proxy with undoable filters plus a free-text filter in both languages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)

from czt_desktop.content import Content
from czt_desktop.ui.models.roles import AnyIndex, SearchRole, SortRole

#: Qt 6.10 pairs beginFilterChange() with endFilterChange(direction) and deprecates
#: invalidateRowsFilter(); older Qt (PySide6 6.9, which the portable build pins for its
#: glibc 2.28 wheels: build_spec/portable-constraints.txt) has no endFilterChange.
_END_FILTER_CHANGE = hasattr(QSortFilterProxyModel, "endFilterChange")


class RecordTableModel(QAbstractTableModel):
    """One row per record (each with an ``id``); subclasses set ``COLUMNS`` and
    implement ``header`` and ``data``."""

    COLUMNS: ClassVar[type[IntEnum]]

    def __init__(self, content: Content, lang: str, rows: Sequence[Any],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self._rows = tuple(rows)
        self._lang = lang

    def header(self, column: int) -> str:
        raise NotImplementedError

    @property
    def lang(self) -> str:
        return self._lang

    def set_language(self, lang: str) -> None:
        """Show the rows in ``lang``; also re-reads the translated headers."""
        self._lang = lang
        last_column = len(self.COLUMNS) - 1
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, last_column))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last_column)

    def record_at(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, record_id: str) -> int:
        return next((r for r, record in enumerate(self._rows) if record.id == record_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.header(section)
        return None


class RecordFilterProxy(QSortFilterProxyModel):
    """Sorts by the model's ``SortRole``; subclasses add their filters through
    ``_change`` and check them in ``filterAcceptsRow`` (with ``_text_matches``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.setSortRole(SortRole)
        self.setSortLocaleAware(True)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    @property
    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        """Words to find in the row, in either language, case-insensitive."""
        self._change(lambda: setattr(self, "_text", text.strip().casefold()))

    def _change(self, apply: Callable[[], None]) -> None:
        if _END_FILTER_CHANGE:
            self.beginFilterChange()
            apply()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            apply()
            self.invalidateRowsFilter()

    def _text_matches(self, model: QAbstractTableModel, index: QModelIndex) -> bool:
        if not self._text:
            return True
        haystack = str(model.data(index, SearchRole) or "")
        return all(word in haystack for word in self._text.split())
