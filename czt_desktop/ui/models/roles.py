"""Item-data roles the table models share, beyond Qt's own."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex

_USER = Qt.ItemDataRole.UserRole.value
#: The record's id (str), the same in every column.
IdRole = _USER + 1
#: A value that sorts the column the way a reader expects (years as numbers, dates in
#: the paper's order).
SortRole = _USER + 2
#: Every word of the row in both languages, case-folded, for the free-text filter.
SearchRole = _USER + 3
#: Column-independent facts the filters test.
CityRole = _USER + 4
YearRole = _USER + 5
SizeClassesRole = _USER + 6
StageRole = _USER + 7
KindRole = _USER + 8
