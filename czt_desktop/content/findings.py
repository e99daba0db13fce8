"""What validation reports: one finding per problem, naming file, row and column."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

#: How many findings a report lists before it only counts the rest.
REPORT_LIMIT = 200


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

    def report(self, limit: int | None = REPORT_LIMIT) -> str:
        """The findings, one per line, for a terminal or a details dialog: the first
        ``limit`` (None: all) and how many more there are."""
        return listing(self.findings, limit)


def listing(findings: Sequence[Finding], limit: int | None = REPORT_LIMIT) -> str:
    """One finding per line, at most ``limit`` of them, then a line counting the rest
    (a pack broken in every row must not print a million lines)."""
    shown = findings if limit is None else findings[:limit]
    lines = [str(f) for f in shown]
    rest = len(findings) - len(shown)
    if rest:
        lines.append(f"… and {rest:,} more problem(s) not listed; fix these and check again")
    return "\n".join(lines)
