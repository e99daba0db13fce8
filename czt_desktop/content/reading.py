"""Turn a content folder's files into rows of strings, or into findings that say what is
wrong.

Reading comes first and happens once: :func:`read_pack` takes every file of the pack
into memory (only regular files inside the folder, each within a size limit, without
ever blocking on a FIFO or a device), and everything after it (the start-up cache's
digest, validation, loading) works on those bytes. Everything a spreadsheet or a text
editor can do to a CSV is caught here: wrong encoding (GBK, UTF-16), byte-order marks,
NUL bytes, empty files, broken quoting, short rows, over-long cells, too many rows.
"""

from __future__ import annotations

import csv
import io
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from czt_desktop.content.findings import Finding, Severity
from czt_desktop.content.schema import MAX_CELL_CHARS, MAX_FILE_BYTES, MAX_ROWS
from czt_desktop.safe_read import UnsafeFile, read_regular_file

_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_PANDAS_LINE = re.compile(r"line (\d+)")


@dataclass(frozen=True, slots=True)
class RawTable:
    """The cells of one CSV file, as stripped strings, with spreadsheet row numbers."""

    header: tuple[str, ...]
    rows: tuple[dict[str, str], ...]
    row_numbers: tuple[int, ...]


@dataclass(slots=True)
class Pack:
    """The bytes of a content folder's files, read once, and what kept others out."""

    folder: Path
    #: File name -> bytes, for every file that could be read.
    files: dict[str, bytes] = field(default_factory=dict)
    #: Why a file (or the folder) could not be read: missing, not a regular file, too
    #: large, outside the folder, no permission.
    findings: list[Finding] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return not any(f.is_error for f in self.findings)


def _os_reason(exc: OSError) -> str:
    from czt_desktop.atomic import describe_os_error

    return describe_os_error(exc)


def read_file(folder: Path, name: str, findings: list[Finding], *,
              max_bytes: int = MAX_FILE_BYTES) -> bytes | None:
    """One file of a pack, or None with a finding naming it."""
    try:
        return read_regular_file(folder / name, max_bytes=max_bytes, inside=folder)
    except FileNotFoundError:
        findings.append(Finding(name, "file is missing"))
    except UnsafeFile as exc:
        findings.append(Finding(name, str(exc)))
    except (OSError, ValueError) as exc:
        reason = _os_reason(exc) if isinstance(exc, OSError) else str(exc)
        findings.append(Finding(name, f"cannot be read: {reason}"))
    return None


def read_pack(folder: Path, names: dict[str, int]) -> Pack:
    """The files ``names`` (file name -> size limit) of ``folder``; never raises."""
    pack = Pack(Path(folder))
    display = str(folder)
    try:
        if not os.path.isdir(folder):
            pack.findings.append(Finding(display, "is not a folder"))
            return pack
        # A folder that cannot be listed cannot be trusted to be read either: say so
        # once, instead of once for every file in it.
        with os.scandir(folder):
            pass
    except (OSError, ValueError) as exc:
        reason = _os_reason(exc) if isinstance(exc, OSError) else str(exc)
        pack.findings.append(Finding(display, f"cannot be read: {reason}"))
        return pack
    for name, limit in names.items():
        data = read_file(pack.folder, name, pack.findings, max_bytes=limit)
        if data is not None:
            pack.files[name] = data
    return pack


def pack_file_limits() -> dict[str, int]:
    """Every file a pack holds, with its size limit."""
    from czt_desktop.content.schema import MANIFEST_FILE, MAX_MANIFEST_BYTES, TABLES

    return {MANIFEST_FILE: MAX_MANIFEST_BYTES,
            **{spec.filename: MAX_FILE_BYTES for spec in TABLES}}


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: every other byte of ASCII text is NUL."""
    head = data[:200]
    if len(head) < 4:
        return False
    evens, odds = head[0::2], head[1::2]
    return evens.count(0) >= len(evens) * 0.8 or odds.count(0) >= len(odds) * 0.8


def decode_text(data: bytes, display: str, findings: list[Finding]) -> str | None:
    """The bytes as UTF-8 text, or ``None`` with a finding saying what they are instead."""
    if not data.strip():
        findings.append(Finding(display, "file is empty"))
        return None
    if data.startswith(_UTF16_BOMS) or _looks_like_utf16(data):
        findings.append(Finding(display, "is UTF-16 text, not UTF-8: save it again as "
                                "UTF-8 (in Excel: CSV UTF-8)", row=1))
        return None
    nul = data.find(b"\x00")
    if nul >= 0:
        findings.append(Finding(display, "contains a NUL byte: this is a binary file, not "
                                "UTF-8 text", row=data.count(b"\n", 0, nul) + 1))
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
        row = data.count(b"\n", 0, exc.start) + 1
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


def read_text(path: Path, display: str, findings: list[Finding], *,
              max_bytes: int = MAX_FILE_BYTES) -> str | None:
    """A file's text, or ``None`` with a finding when it cannot be read as UTF-8 text."""
    data = read_file(path.parent, path.name, findings, max_bytes=max_bytes)
    if data is None:
        return None
    return decode_text(data, display, findings)


class _TooManyRows(Exception):
    pass


def _record_rows(text: str, max_records: int) -> list[tuple[int, list[str]]]:
    """(first row number, fields) of each non-blank record, counting rows like a spreadsheet."""
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[tuple[int, list[str]]] = []
    previous_end = 0
    for fields in reader:
        start = previous_end + 1
        previous_end = reader.line_num
        if fields:
            records.append((start, fields))
            if len(records) > max_records:
                raise _TooManyRows
    return records


def _long_cells(records: list[tuple[int, list[str]]], display: str,
                findings: list[Finding]) -> bool:
    """Report every cell over the limit; True if there was one."""
    header = records[0][1] if records else []
    found = False
    for start, fields in records:
        if sum(map(len, fields)) <= MAX_CELL_CHARS:
            continue  # no cell of this record can be over the limit
        for index, cell in enumerate(fields):
            if len(cell) > MAX_CELL_CHARS:
                name = header[index].strip() if index < len(header) and start != records[0][0] \
                    else None
                findings.append(Finding(
                    display, f"a cell has {len(cell):,} characters; at most "
                    f"{MAX_CELL_CHARS:,} are allowed", row=start, column=name or None))
                found = True
    return found


def parse_csv(data: bytes, display: str, findings: list[Finding], *,
              max_rows: int = MAX_ROWS) -> RawTable | None:
    """Parse a CSV file's bytes with pandas into stripped strings, reporting every
    structural problem."""
    text = decode_text(data, display, findings)
    if text is None:
        return None
    try:
        records = _record_rows(text, max_rows + 1)
    except csv.Error as exc:
        findings.append(Finding(display, f"is not valid CSV: {exc}"))
        return None
    except _TooManyRows:
        findings.append(Finding(display, f"has more than {max_rows:,} rows; at most "
                                f"{max_rows:,} are allowed in one table"))
        return None
    if _long_cells(records, display, findings):
        return None
    # Imported lazily: pandas costs ~0.6 s, and nothing before the first read needs it.
    import pandas as pd

    try:
        with warnings.catch_warnings():
            # A row longer than the header: pandas drops its extra cells with a warning;
            # the check of every record's length below reports it with its row.
            warnings.simplefilter("ignore", pd.errors.ParserWarning)
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
    except (ValueError, MemoryError) as exc:  # whatever else the parser gives up on
        findings.append(Finding(display, f"is not valid CSV ({exc})"))
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
        for start, fields in data_records:
            if len(fields) != len(header):
                findings.append(
                    Finding(
                        display,
                        f"has {len(fields)} values but the header has {len(header)} columns",
                        row=start,
                    )
                )

    # With na_filter=False every cell is already a string (a short row's missing
    # cells are ""): one conversion to Python lists, not a pandas lookup per cell.
    values = frame.to_numpy(dtype=object).tolist()
    rows = tuple(
        {name: str(value).strip() for name, value in zip(header, row, strict=True)}
        for row in values
    )
    return RawTable(header=header, rows=rows, row_numbers=row_numbers)


def read_csv(path: Path, display: str, findings: list[Finding]) -> RawTable | None:
    """Read one CSV file safely and parse it (see :func:`parse_csv`)."""
    data = read_file(path.parent, path.name, findings)
    if data is None:
        return None
    return parse_csv(data, display, findings)
