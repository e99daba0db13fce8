"""What validation reports: one finding per problem, naming file, row and column."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class Severity(Enum):
    ERROR = "error"
    #: Accepted, but worth fixing (e.g. a byte-order mark, an unknown extra column).
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing wrong with a content folder.

    ``row`` counts like a spreadsheet: the header is row 1, the first record row 2.
    """

    file: str
    message: str
    row: int | None = None
    column: str | None = None
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        return f"{where}: {self.severity.value}: {self.message}"


class ContentError(Exception):
    """A content folder cannot be used; ``findings`` lists every reason at once."""

    def __init__(self, folder: str, findings: Iterable[Finding]) -> None:
        self.folder = folder
        self.findings: tuple[Finding, ...] = tuple(findings)
        errors = sum(1 for f in self.findings if f.is_error)
        super().__init__(f"{folder}: {errors} problem(s) in the content")

    def report(self) -> str:
        """Every finding, one per line, for a terminal or a details dialog."""
        return "\n".join(str(f) for f in self.findings)
