"""Turn one file's bytes into rows of strings, or into findings that say what is wrong.

Everything a spreadsheet or a text editor can do to a CSV is caught here: wrong
encoding, byte-order marks, binary files, empty files, broken quoting, short rows.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from czt_desktop.content.findings import Finding, Severity

_BOM = b"\xef\xbb\xbf"
_PANDAS_LINE = re.compile(r"line (\d+)")


@dataclass(frozen=True, slots=True)
class RawTable:
    """The cells of one CSV file, as stripped strings, with spreadsheet row numbers."""

    header: tuple[str, ...]
    rows: tuple[dict[str, str], ...]
    row_numbers: tuple[int, ...]


def read_text(path: Path, display: str, findings: list[Finding]) -> str | None:
    """The file's text, or ``None`` with a finding when it cannot be read as UTF-8 text."""
    if not path.is_file():
        findings.append(Finding(display, "file is missing"))
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        findings.append(Finding(display, f"cannot be read: {exc.strerror or exc}"))
        return None
    if not data.strip():
        findings.append(Finding(display, "file is empty"))
        return None
    if b"\x00" in data[:8192]:
        findings.append(Finding(display, "this is a binary file, not UTF-8 text"))
        return None
    if data.startswith(_BOM):
        # Excel writes one; harmless once removed, so accept it but say so.
        findings.append(
            Finding(
                display,
                "starts with a UTF-8 byte-order mark; it was ignored",
                row=1,
                severity=Severity.WARNING,
            )
        )
        data = data[len(_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        row = data[: exc.start].count(b"\n") + 1
        hint = ""
        try:
            data.decode("gb18030")
            hint = " It looks like GBK/GB18030: save it again as UTF-8."
        except UnicodeDecodeError:
            pass
        findings.append(
            Finding(
                display,
                f"is not UTF-8 text (byte 0x{data[exc.start]:02X} cannot be decoded).{hint}",
                row=row,
            )
        )
        return None


def _record_rows(text: str) -> list[tuple[int, list[str]]]:
    """(first row number, fields) of each non-blank record, counting rows like a spreadsheet."""
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[tuple[int, list[str]]] = []
    previous_end = 0
    for fields in reader:
        start = previous_end + 1
        previous_end = reader.line_num
        if fields:
            records.append((start, fields))
    return records


def read_csv(path: Path, display: str, findings: list[Finding]) -> RawTable | None:
    """Read a CSV with pandas into stripped strings, reporting every structural problem."""
    text = read_text(path, display, findings)
    if text is None:
        return None
    # Imported lazily: pandas costs ~0.6 s, and nothing before the first read needs it.
    import pandas as pd

    try:
        records = _record_rows(text)
    except csv.Error as exc:
        findings.append(Finding(display, f"is not valid CSV: {exc}"))
        return None
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=True,
            index_col=False,
        )
    except pd.errors.EmptyDataError:
        findings.append(Finding(display, "file has no header row"))
        return None
    except pd.errors.ParserError as exc:
        match = _PANDAS_LINE.search(str(exc))
        findings.append(
            Finding(
                display,
                f"is not valid CSV ({str(exc).strip().splitlines()[-1]}); "
                "check the quotes and the number of commas",
                row=int(match.group(1)) if match else None,
            )
        )
        return None

    header = tuple(str(c).strip() for c in frame.columns)
    unnamed = [i for i, c in enumerate(header) if not c or c.startswith("Unnamed:")]
    for index in unnamed:
        findings.append(Finding(display, f"column {index + 1} has no name", row=1))
    data_records = records[1:]
    if len(data_records) != len(frame.index):
        # Should not happen (both parse RFC 4180); fall back to plain positions.
        row_numbers = tuple(range(2, len(frame.index) + 2))
    else:
        row_numbers = tuple(start for start, _ in data_records)
        for (start, fields), _ in zip(data_records, range(len(frame.index)), strict=True):
            if len(fields) < len(header):
                findings.append(
                    Finding(
                        display,
                        f"has {len(fields)} values but the header has {len(header)} columns",
                        row=start,
                    )
                )

    frame = frame.fillna("")
    frame.columns = list(header)
    rows = tuple(
        {name: str(value).strip() for name, value in zip(header, values, strict=True)}
        for values in frame.itertuples(index=False, name=None)
    )
    return RawTable(header=header, rows=rows, row_numbers=row_numbers)
