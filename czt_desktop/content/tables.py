"""A table's typed cells as the loader parsed them, for the checks that span tables."""

from __future__ import annotations

from typing import Any

from czt_desktop.content.schema import TableSpec

Value = str | int | float | tuple[str, ...] | None


class ParsedTable:
    """Typed cell values of one table, keyed by column name, with their row numbers."""

    def __init__(self, spec: TableSpec) -> None:
        self.spec = spec
        self.rows: list[dict[str, Value]] = []
        self.row_numbers: list[int] = []
        #: Ids of every row, valid or not: a reference to a row with a bad cell is not
        #: reported again (the bad cell already is).
        self.all_keys: set[Any] = set()

    def keys(self) -> set[Any]:
        return self.all_keys
