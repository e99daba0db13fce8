"""The data behind a chart as a table model: what a screen reader or keyboard user reads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class ChartTable:
    """Column headers and rows of cell text, in the chart's language.

    ``keys`` names what each row stands for (``("stage", "3")``, ``("enterprise", id)``)
    so choosing a row can select it elsewhere; ``numeric`` columns are right-aligned.
    """

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    keys: tuple[tuple[str, str], ...] = ()
    numeric: frozenset[int] = field(default_factory=frozenset)


class ChartTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = ChartTable((), ())

    def set_table(self, table: ChartTable) -> None:
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    @property
    def table(self) -> ChartTable:
        return self._table

    def key(self, row: int) -> tuple[str, str]:
        keys = self._table.keys
        return keys[row] if 0 <= row < len(keys) else ("", "")

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._table.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._table.rows) and 0 <= column < len(self._table.headers)):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.AccessibleTextRole):
            return self._table.rows[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (Qt.AlignmentFlag.AlignRight if column in self._table.numeric
                          else Qt.AlignmentFlag.AlignLeft)
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers: Sequence[str] = self._table.headers
            return headers[section] if 0 <= section < len(headers) else None
        return str(section + 1)
