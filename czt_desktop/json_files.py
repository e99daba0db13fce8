"""The user's own small JSON files (settings, quiz progress, kiosk config): one validated
store for all of them.

What each of those files promises, kept in one place:

- **reading survives anything**: a missing file gives the defaults; a file that is no
  regular file, too large, not UTF-8, not JSON, nested too deeply, holding a number of
  thousands of digits or ``NaN``/``Infinity``, or not a JSON object, is reported (file,
  line) and set aside as ``<name>.broken-<time>`` (never deleted), and the defaults are
  used. :meth:`JsonStore.load` never raises.
- **fields are typed**: the record is a dataclass; each field's type comes from its
  annotation and its rules from its ``metadata`` (``range``, ``choices``, ``check``,
  ``secret``, ``invalid``, ``parse``/``dump``, ``expect``). A bad value is reported as
  ``<file>: line N: field 'x': expected …, found …; using <default>`` and that field's
  default is used (or, for a ``strict`` store, the whole file is set aside).
- **saving loses nothing**: a save takes an advisory lock shared by every instance of the
  app, reads what is on disk, merges (a field this instance did not change keeps the
  other instance's value; unknown keys from a newer version are kept) and writes through
  :mod:`czt_desktop.atomic` (unique temporary file, flushed, renamed, folder flushed).
  A save that fails returns False and says why in :attr:`JsonStore.save_problem`.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import json
import logging
import math
import os
import re
import sys
import time
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Generic, TypeVar

from czt_desktop.atomic import DEFAULT_MODE, describe_os_error, write_text_atomically
from czt_desktop.safe_read import UnsafeFile, read_regular_file

log = logging.getLogger("czt.settings")

#: The largest state file read (settings and kiosk config are < 1 KB, quiz progress a
#: few KB): more is not something this app wrote.
MAX_STATE_BYTES = 1_000_000
#: Digits in a JSON integer: Python refuses to convert more than 4,300, and no setting
#: needs more than a handful.
MAX_INT_DIGITS = 30
#: How long a save waits for another instance to finish its own save.
LOCK_TIMEOUT_SECONDS = 2.0
#: The longest value repeated in a message.
SHOWN_CHARS = 40


class JsonFileProblem(Exception):
    """Why a file could not be used, without its path (callers add the path or not).

    ``line`` (and ``column``) say where the problem is (None when it concerns the whole
    file) and ``reason`` the words without them; ``str()`` gives ``"line N: reason"``.
    """

    def __init__(self, reason: str, line: int | None = None,
                 column: int | None = None) -> None:
        where = f"line {line}" if line is not None else ""
        if where and column is not None:
            where += f", column {column}"
        super().__init__(f"{where}: {reason}" if where else reason)
        self.reason = reason
        self.line = line
        self.column = column


class _BadLiteral(ValueError):
    def __init__(self, message: str, token: str) -> None:
        super().__init__(message)
        self.token = token


def _parse_int(token: str) -> int:
    if len(token.lstrip("-")) > MAX_INT_DIGITS:
        raise _BadLiteral(f"a number with {len(token.lstrip('-')):,} digits is too long",
                          token)
    return int(token)


def _parse_float(token: str) -> float:
    value = float(token)
    if not math.isfinite(value):
        raise _BadLiteral(f"the number {token[:SHOWN_CHARS]} is too large", token)
    return value


def _parse_constant(token: str) -> float:
    raise _BadLiteral(f"{token} is not a number JSON allows", token)


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, max(index, 0)) + 1


def parse_json(text: str) -> Any:
    """Parse JSON text; raises :class:`JsonFileProblem` naming the line for anything
    Python's parser would choke on (syntax, deep nesting, huge numbers, NaN)."""
    try:
        return json.loads(text, parse_int=_parse_int, parse_float=_parse_float,
                          parse_constant=_parse_constant)
    except json.JSONDecodeError as exc:
        raise JsonFileProblem(f"not valid JSON ({exc.msg})", exc.lineno, exc.colno) from exc
    except _BadLiteral as exc:
        raise JsonFileProblem(str(exc), _line_at(text, text.find(exc.token))) from exc
    except RecursionError as exc:
        raise JsonFileProblem("nested too deeply to be read", 1) from exc
    except (ValueError, TypeError, MemoryError) as exc:  # whatever else the parser raises
        raise JsonFileProblem(f"cannot be read as JSON ({exc})", 1) from exc


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise JsonFileProblem("UTF-16 text, not UTF-8: save it again as UTF-8", 1)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # Notepad's byte-order mark: harmless
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise JsonFileProblem(f"not UTF-8 text (byte 0x{data[exc.start]:02X})", line) from exc


def read_json(path: Path, *, max_bytes: int = MAX_STATE_BYTES) -> tuple[Any, str] | None:
    """The file's parsed JSON and its text, or None when there is no such file.

    Raises :class:`JsonFileProblem` (with the line where there is one) for everything
    else; never anything other than that.
    """
    try:
        data = read_regular_file(path, max_bytes=max_bytes)
    except (FileNotFoundError, NotADirectoryError):  # a file where a folder should be
        return None
    except UnsafeFile as exc:
        raise JsonFileProblem(str(exc)) from exc
    except (OSError, ValueError) as exc:
        reason = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
        raise JsonFileProblem(f"cannot be read ({reason})") from exc
    text = _decode(data)
    return parse_json(text), text


def dumps(data: Any, *, indent: int | None = 2) -> str:
    """JSON text for ``data``, Chinese kept readable; characters UTF-8 cannot hold (a
    lone surrogate from a ``\\ud800`` escape in a hand-edited file) stay escaped."""
    text: str = json.dumps(data, ensure_ascii=False, indent=indent)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(data, ensure_ascii=True, indent=indent)
    return text + "\n"


def line_of(text: str, key: str) -> int | None:
    """The line on which ``"key":`` first appears as a key (JSON parsers do not say).

    The key is looked for as written by ``json.dumps`` with and without ASCII escapes.
    """
    if not key:
        return None
    for spelled in (json.dumps(key, ensure_ascii=False), json.dumps(key)):
        match = re.search(re.escape(spelled) + r"\s*:", text)
        if match:
            return _line_at(text, match.start())
    return None


def set_aside(path: Path) -> str:
    """Rename a broken file to ``<name>.broken-<time>`` (never over an earlier one);
    returns the words telling so (``"; the file was kept as …"``), or ``""`` when it
    could not be renamed."""
    stem = f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}"
    backup = path.with_name(stem)
    number = 1
    while backup.exists() or backup.is_symlink():
        number += 1
        backup = path.with_name(f"{stem}-{number}")
    try:
        os.replace(path, backup)
    except OSError as exc:
        log.warning("cannot rename %s to %s: %s", path, backup.name, describe_os_error(exc))
        return ""
    return f"; the file was kept as {backup.name}"


def write_atomically(path: Path, text: str, *, mode: int = DEFAULT_MODE) -> None:
    """Replace ``path`` with ``text`` all at once; raises OSError (the old file stays).

    ``mode`` is the new file's permission before the umask (0o600: the owner's only).
    """
    write_text_atomically(path, text, mode=mode)


# -- one save at a time, across instances ----------------------------------------------------
def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


def try_lock(fd: int) -> bool:
    """Take the advisory lock of an open file without waiting; whether it was taken
    (held until it is unlocked or the descriptor is closed, also by the process ending)."""
    if sys.platform == "win32":
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


@contextlib.contextmanager
def file_lock(path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[bool]:
    """Hold the advisory lock of ``path`` (a ``.<name>.lock`` file beside it) while the
    block runs; yields whether it was obtained.

    Advisory: only this app's instances honour it. Without it after ``timeout`` (an
    instance hung mid-save, a folder that cannot hold the lock file) the block still
    runs: the atomic rename keeps the file whole, only a merge may miss the other save.
    """
    target = lock_path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(target, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError as exc:
        log.info("cannot use the lock file %s (%s); saving without it", target,
                 describe_os_error(exc))
        yield False
        return
    held = False
    try:
        deadline = time.monotonic() + timeout
        while True:
            held = try_lock(fd)
            if held or time.monotonic() >= deadline:
                break
            time.sleep(0.01)
        if not held:
            log.warning("another instance has held %s for %.0f s; saving without it",
                        target, timeout)
        yield held
    finally:
        if held:
            with contextlib.suppress(OSError):
                _unlock(fd)
        os.close(fd)


# -- typed fields ------------------------------------------------------------------------------
class FieldProblem(ValueError):
    """A value does not fit its field; ``key`` locates it in the file (a nested key)."""

    def __init__(self, message: str, key: str = "") -> None:
        super().__init__(message)
        self.key = key


@dataclasses.dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field of a store's record: its type and rules (from the dataclass)."""

    name: str
    default: Any
    #: "bool", "int", "float", "str" or "custom" (``parse`` does the work).
    kind: str
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    #: Extra rule for the value once its type is right: True when acceptable.
    check: Callable[[Any], bool] | None = None
    #: Never repeat the value in a message (someone may have typed a PIN there).
    secret: bool = False
    #: The whole message for a bad value (instead of "expected …, found …; using …").
    invalid: str = ""
    #: Words for the expected type ("a number of seconds").
    expect: str = ""
    parse: Callable[[Any], Any] | None = None
    dump: Callable[[Any], Any] | None = None

    def problem(self, value: Any) -> str | None:
        """Why ``value`` does not fit, or None."""
        if self.kind == "bool":
            return None if isinstance(value, bool) else "expected true or false"
        if self.kind in ("int", "float"):
            wanted = self.expect or ("a whole number" if self.kind == "int" else "a number")
            allowed = (int,) if self.kind == "int" else (int, float)
            if isinstance(value, bool) or not isinstance(value, allowed):
                return f"expected {wanted}"
            if self.low is not None and self.high is not None:
                if not self.low <= value <= self.high:
                    return f"expected a number from {self.low:g} to {self.high:g}"
            elif self.low is not None and not value >= self.low:
                return f"expected {wanted} ≥ {self.low:g}"
        elif self.kind == "str":
            if not isinstance(value, str):
                return "expected text"
            if self.choices and value not in self.choices:
                return f"expected one of {', '.join(self.choices)}"
        if self.check is not None and not self.check(value):
            return f"expected {self.expect or 'a valid value'}"
        return None

    def convert(self, value: Any) -> Any:
        """The record's value for a JSON value; raises :class:`FieldProblem`."""
        if self.parse is not None:
            return self.parse(value)
        problem = self.problem(value)
        if problem:
            raise FieldProblem(problem, self.name)
        return float(value) if self.kind == "float" else value

    def to_json(self, value: Any) -> Any:
        return self.dump(value) if self.dump is not None else value


def _kind(annotation: Any) -> str:
    names = {bool: "bool", int: "int", float: "float", str: "str"}
    return names.get(annotation, "custom")


def field_specs(record: type[Any]) -> tuple[FieldSpec, ...]:
    """The typed fields of a dataclass, their defaults and the rules in their metadata."""
    hints = typing.get_type_hints(record)
    specs = []
    for item in dataclasses.fields(record):
        if item.default is not dataclasses.MISSING:
            default = item.default
        elif item.default_factory is not dataclasses.MISSING:
            default = item.default_factory()
        else:  # pragma: no cover - every stored field has a default
            raise TypeError(f"{record.__name__}.{item.name} has no default")
        meta = item.metadata
        low, high = meta.get("range", (None, None))
        specs.append(FieldSpec(
            name=item.name, default=default, kind=_kind(hints[item.name]), low=low, high=high,
            choices=tuple(meta.get("choices", ())), check=meta.get("check"),
            secret=bool(meta.get("secret", False)), invalid=meta.get("invalid", ""),
            expect=meta.get("expect", ""), parse=meta.get("parse"), dump=meta.get("dump")))
    return tuple(specs)


def shown(value: Any) -> str:
    """A value as a message repeats it: its JSON-ish repr, cut short."""
    text = repr(value)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


R = TypeVar("R")


class _SetAside(Exception):
    """The file as a whole cannot be used (the message says why, with the line)."""


class JsonStore(Generic[R]):
    """One JSON object file holding the fields of the dataclass ``record``.

    ``what`` names the contents in messages ("settings"); ``fallback`` says what happens
    when the file cannot be used ("using default settings"). ``strict``: a bad field
    sets the whole file aside (quiz answers are all or nothing) instead of falling back
    to that field's default. ``unknown``: keys this version does not know are ``"keep"``
    (written back on save), ``"note"`` (reported, not written back) or ``"ignore"``.
    ``merge(base, mine, disk)`` combines this instance's value with the one on disk at
    save time (default: field by field, a field this instance left alone takes the
    disk's value).
    """

    def __init__(self, path: Path, record: type[R], *, what: str, fallback: str,
                 version: int, logger: logging.Logger = log, strict: bool = False,
                 unknown: str = "keep", mode: int = DEFAULT_MODE, indent: int | None = 2,
                 merge: Callable[[R, R, R], R] | None = None,
                 max_bytes: int = MAX_STATE_BYTES) -> None:
        self.path = Path(path)
        self.record = record
        self.what = what
        self.fallback = fallback
        self.version = version
        self.log = logger
        self.strict = strict
        self.unknown = unknown
        self.mode = mode
        self.indent = indent
        self.max_bytes = max_bytes
        self._merge = merge
        self.specs = field_specs(record)
        #: Human-readable problems found by the last :meth:`load` (file, line, field).
        self.messages: list[str] = []
        #: Whether the last :meth:`load` found a file at all.
        self.found = False
        #: Why the last :meth:`save` failed (file and reason), or None.
        self.save_problem: str | None = None
        self._extra: dict[str, Any] = {}
        self._base: R = record()

    # -- reading -----------------------------------------------------------------------------
    def read_object(self) -> tuple[dict[str, Any], str] | None:
        """The file's JSON object and text; None when there is no file. Raises
        :class:`JsonFileProblem` (message without the path) when it is not an object."""
        found = read_json(self.path, max_bytes=self.max_bytes)
        if found is None:
            return None
        data, text = found
        if not isinstance(data, dict):
            raise JsonFileProblem("expected a JSON object {…}", 1)
        return data, text

    def load(self) -> R:
        """The record in the file (defaults where it has none); never raises."""
        self.messages = []
        self._extra = {}
        self.found = False
        try:
            value = self._load()
        except Exception as exc:  # a last resort: a broken file must never stop the app
            self.log.exception("reading %s failed", self.path)
            value = self._set_aside(f"cannot be read ({type(exc).__name__}: {exc})")
        self._base = copy.deepcopy(value)
        return value

    def _load(self) -> R:
        self.found = self.path.exists() or self.path.is_symlink()
        try:
            found = self.read_object()
        except JsonFileProblem as problem:
            return self._set_aside(str(problem))
        if found is None:
            return self.record()
        data, text = found
        try:
            value, self._extra = self._parse(data, text, report=True)
        except _SetAside as problem:
            return self._set_aside(str(problem))
        return value

    def _parse(self, data: dict[str, Any], text: str, *,
               report: bool) -> tuple[R, dict[str, Any]]:
        data = dict(data)
        version = data.pop("schema_version", self.version)
        if version != self.version:
            where = self._where(line_of(text, "schema_version"))
            if self.strict:
                raise _SetAside(f"{where}field 'schema_version': {shown(version)} is not "
                                f"{self.version} (written by another version)")
            if report:
                self._note(f"{where}field 'schema_version': {shown(version)} is not "
                           f"{self.version}; reading the fields this version knows")
        specs = {spec.name: spec for spec in self.specs}
        values: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        for key, raw in data.items():
            spec = specs.get(key)
            if spec is None:
                if self.unknown == "keep":
                    extra[key] = raw
                elif self.unknown == "note" and report:
                    self._note(f"{self._where(line_of(text, key))}unknown field '{key}' "
                               "ignored", level=logging.INFO)
                continue
            try:
                values[key] = spec.convert(raw)
            except FieldProblem as problem:
                where = self._where(line_of(text, problem.key or key))
                if spec.invalid:
                    message = f"{where}field '{key}': {spec.invalid}"
                elif spec.parse is not None:  # its own words say what and where
                    message = f"{where}field '{key}': {problem}"
                else:
                    found = "(value not shown)" if spec.secret else f"found {shown(raw)}"
                    message = f"{where}field '{key}': {problem}, {found}"
                if self.strict:
                    raise _SetAside(message) from problem
                if report:
                    self._note(message if spec.invalid else
                               f"{message}; using {shown(spec.default)}")
        return self.record(**values), extra

    # -- writing -----------------------------------------------------------------------------
    def to_json(self, value: R, extra: dict[str, Any] | None = None) -> str:
        data: dict[str, Any] = {"schema_version": self.version, **(extra or {})}
        for spec in self.specs:
            data[spec.name] = spec.to_json(getattr(value, spec.name))
        return dumps(data, indent=self.indent)

    def save(self, value: R) -> bool:
        """Merge with the file as it is now and write it atomically, under the lock.

        False when it cannot be written; :attr:`save_problem` then names the file and
        the reason (a full or read-only disk), for the window to show.
        """
        self.save_problem = None
        try:
            with file_lock(self.path):
                merged, extra = self._merged_with_disk(value)
                write_text_atomically(self.path, self.to_json(merged, extra), mode=self.mode)
        except (OSError, ValueError, TypeError) as exc:
            reason = describe_os_error(exc) if isinstance(exc, OSError) else \
                f"cannot be written as JSON ({exc})"
            self.save_problem = f"cannot save the {self.what} to {self.path}: {reason}"
            self.log.warning("%s", self.save_problem)
            return False
        # This instance's value is the common ancestor of what it holds and what the
        # file now holds: the next save merges from here.
        self._base = copy.deepcopy(value)
        return True

    def _merged_with_disk(self, value: R) -> tuple[R, dict[str, Any]]:
        try:
            found = self.read_object()
            if found is None:
                return value, self._extra
            disk, extra = self._parse(*found, report=False)
        except (JsonFileProblem, _SetAside) as problem:
            # Broken since it was loaded (a hand edit, another program): kept, not
            # overwritten.
            kept = set_aside(self.path)
            self.log.warning("%s: %s; replaced by this instance's %s%s", self.path, problem,
                             self.what, kept)
            return value, self._extra
        if self._merge is not None:
            return self._merge(self._base, value, disk), extra
        return merge_fields(self._base, value, disk), extra

    def rebase(self, value: R) -> None:
        """Count this instance's changes from ``value`` on (as if it had just been read):
        the next save keeps what is on disk wherever it differs from ``value`` only
        because of the other instance."""
        self._base = copy.deepcopy(value)

    # -- messages ----------------------------------------------------------------------------
    def _where(self, line: int | None) -> str:
        return f"line {line}: " if line else ""

    def _note(self, message: str, *, level: int = logging.WARNING) -> None:
        text = f"{self.path}: {message}"
        self.messages.append(text)
        self.log.log(level, "%s", text)

    def _set_aside(self, reason: str) -> R:
        kept = set_aside(self.path)
        self._note(f"{reason}; {self.fallback}{kept}")
        return self.record()


def merge_fields(base: R, mine: R, disk: R) -> R:
    """Three-way merge of two dataclass records: where this instance (``mine``) changed
    a field since ``base``, its value wins; elsewhere the other instance's (``disk``)."""
    values = {}
    for item in dataclasses.fields(mine):  # type: ignore[arg-type]
        own = getattr(mine, item.name)
        values[item.name] = own if own != getattr(base, item.name) else \
            getattr(disk, item.name)
    return type(mine)(**values)
