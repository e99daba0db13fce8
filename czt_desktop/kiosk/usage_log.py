"""The kiosk's usage log: visitor sessions, stages and panes viewed (with dwell time),
language, attract-loop interruptions, resets — in SQLite (stdlib ``sqlite3``).

Every record is committed before the call returns, in WAL mode with
``synchronous=FULL``, so a power cut loses nothing that was committed; a session or view
that was still open when the power went is marked ``interrupted`` at the next start.
No visitor data is kept beyond what they looked at and for how long: no names, no
input text. A log that cannot be written never stops the kiosk and never holds up the
window: a write waits at most :data:`BUSY_TIMEOUT_SECONDS` for another program that has
the database locked (``kiosk-report``, a backup), and after a failure the log pauses,
logs one warning, and tries again :data:`RETRY_SECONDS` later (what happened meanwhile
is not recorded; how much is logged when it records again).

Times are stored as UTC ISO 8601 text (``2024-05-01T09:30:00.123+00:00``), durations
in seconds measured with a monotonic clock (a clock change does not distort them).
"""

from __future__ import annotations

import contextlib
import csv
import io
import logging
import os
import sqlite3
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from czt_desktop import paths
from czt_desktop.atomic import write_text_atomically

log = logging.getLogger("czt.kiosk")

USAGE_DB_FILE_NAME = "kiosk-usage.sqlite3"
SCHEMA_VERSION = 1
#: SQLite page cache of the log (KiB).
CACHE_KIB = 256
#: The longest a write waits for a lock another program holds on the database: the
#: window must not freeze (a frame is 16 ms; 50 ms is a hiccup, 5 s was a freeze).
BUSY_TIMEOUT_SECONDS = 0.05
#: After a failed write, how long the log pauses before it tries again.
RETRY_SECONDS = 30.0

# Event kinds (the ``events.kind`` column).
KIOSK_START = "kiosk-start"
KIOSK_STOP = "kiosk-stop"
ATTRACT_START = "attract-start"
#: detail: "touch" (a visitor interrupted it) or "stopped" (the kiosk was left).
ATTRACT_STOP = "attract-stop"
LANGUAGE = "language"
IDLE_RESET = "idle-reset"
ERROR_RESET = "error-reset"
STAFF_EXIT = "staff-exit"
#: A wrong staff PIN; detail: "n/5" (wrong tries in a row). The PIN is never recorded.
PIN_WRONG = "pin-wrong"
#: The PIN pad locked itself; detail: how many seconds.
PIN_LOCKOUT = "pin-lockout"
#: The right staff PIN was entered (the staff exit follows).
PIN_ACCEPTED = "pin-accepted"

VIEW_KINDS = ("stage", "pane")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    seconds REAL,
    end_reason TEXT,
    start_language TEXT NOT NULL,
    started_by TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS views (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    kind TEXT NOT NULL CHECK (kind IN ('stage', 'pane')),
    subject TEXT NOT NULL,
    language TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    seconds REAL
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    session_id INTEGER REFERENCES sessions(id),
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS sessions_started ON sessions(started_at);
CREATE INDEX IF NOT EXISTS views_started ON views(started_at);
CREATE INDEX IF NOT EXISTS events_at ON events(at);
"""


def default_usage_db() -> Path:
    return paths.user_data_dir() / USAGE_DB_FILE_NAME


def utc_now() -> datetime:
    return datetime.now(UTC)


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


class UsageLog:
    """Writes the usage log. Only the kiosk's GUI thread uses one instance."""

    def __init__(self, path: Path | None = None, *, now: Callable[[], datetime] = utc_now,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.path = path if path is not None else default_usage_db()
        self._now = now
        self._clock = clock
        self._db: sqlite3.Connection | None = None
        #: Why nothing is recorded now (the log could not be opened or written), or None.
        self.problem: str | None = None
        #: Monotonic time of the next try after a failure (None: no failure, or given up).
        self._retry_at: float | None = None
        #: Records not written since the last failure.
        self.dropped = 0
        self._opened_once = False
        self._session: int | None = None
        self._session_started = 0.0
        self._language = ""
        #: kind -> (row id, subject, monotonic start) of the view open in the session.
        self._views: dict[str, tuple[int, str, float]] = {}

    # -- opening and closing --------------------------------------------------------------
    def open(self) -> bool:
        """Open (or create) the database; False, with :attr:`problem` set, when it cannot.

        A database another program has locked just now is no reason to give up: then
        this returns True and the log connects at a later write.
        """
        try:
            self._connect()
            return True
        except sqlite3.OperationalError as exc:  # locked, read-only, disk full, …
            self._fail(f"cannot open {self.path}: {exc}")
            if _is_busy(exc):
                return True
            self._retry_at = None  # the kiosk goes on without a log
            return False
        except sqlite3.DatabaseError as exc:  # not a database: keep it, start a new one
            backup = self.path.with_name(
                f"{self.path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
            try:
                os.replace(self.path, backup)
                self._connect()
            except (OSError, sqlite3.Error) as again:
                self._fail(f"cannot open {self.path}: {exc}; {again}")
                return False
            log.warning("usage log %s could not be read (%s); kept as %s, started a new one",
                        self.path, exc, backup.name)
            return True
        except OSError as exc:
            self._fail(f"cannot create {self.path.parent}: {exc}")
            self._retry_at = None
            return False

    def _connect(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: no implicit transactions; every write below commits on
        # its own or inside an explicit BEGIN IMMEDIATE … COMMIT.
        db = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            # FULL: a commit is on the disk when it returns (WAL's NORMAL can lose the
            # last commits in a power cut).
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
            # The log only appends: a small page cache is plenty, and it keeps the
            # kiosk's memory from growing with the log over the weeks (default: 2 MB).
            db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            db.executescript(_SCHEMA)
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            if not self._opened_once:
                # What was open when the app last stopped without closing it (power
                # cut, crash, kill) ended at an unknown time. (Not on a reconnect: the
                # session open now is this run's own.)
                db.execute("BEGIN IMMEDIATE")
                db.execute("UPDATE sessions SET end_reason='interrupted' "
                           "WHERE ended_at IS NULL AND end_reason IS NULL")
                db.execute("COMMIT")
        except BaseException:
            db.close()
            raise
        self._db = db
        self._opened_once = True
        if self.problem is not None:
            log.info("kiosk usage log %s records again; %d record(s) were lost meanwhile",
                     self.path, self.dropped)
        self.problem = None
        self._retry_at = None
        self.dropped = 0

    def close(self) -> None:
        self._close_quietly()

    def _close_quietly(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    def _fail(self, problem: str) -> None:
        if self.problem is None:
            log.warning("kiosk usage log paused: %s; trying again in %.0f s", problem,
                        RETRY_SECONDS)
        self.problem = problem
        self._retry_at = self._clock() + RETRY_SECONDS
        self._close_quietly()

    def _reconnect(self) -> bool:
        """After a pause, try the database again (at most every RETRY_SECONDS)."""
        if self._retry_at is None or self._clock() < self._retry_at:
            return False
        try:
            self._connect()
        except (sqlite3.Error, OSError) as exc:
            self._fail(f"cannot open {self.path}: {exc}")
            return False
        return True

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction, committed at the end; a failure pauses the log."""
        if self._db is None and not self._reconnect():
            self.dropped += 1
            raise _Off
        db = self._db
        assert db is not None
        try:
            db.execute("BEGIN IMMEDIATE")
            yield db
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            self._fail(f"cannot write {self.path}: {exc}")
            self.dropped += 1
            raise _Off from exc

    # -- recording ------------------------------------------------------------------------
    @property
    def in_session(self) -> bool:
        return self._session is not None

    def start_session(self, language: str, started_by: str,
                      views: dict[str, str] | None = None) -> None:
        """A visitor started (``started_by``: "touch" on the home screen, or "attract"
        when they interrupted the attract loop); ``views``: kind -> what is on screen."""
        if self._session is not None:
            self.end_session("restarted")
        now = self._now()
        self._language = language
        with contextlib.suppress(_Off), self._write() as db:
            cursor = db.execute(
                "INSERT INTO sessions (started_at, start_language, started_by) VALUES (?, ?, ?)",
                (stamp(now), language, started_by))
            self._session = cursor.lastrowid
            self._session_started = self._clock()
            for kind, subject in (views or {}).items():
                self._open_view(db, kind, subject, now)

    def view(self, kind: str, subject: str) -> None:
        """The visitor now looks at ``subject`` (a stage id, a pane id)."""
        if self._session is None or kind not in VIEW_KINDS:
            return
        current = self._views.get(kind)
        if current is not None and current[1] == subject:
            return
        now = self._now()
        with contextlib.suppress(_Off), self._write() as db:
            self._close_view(db, kind, now)
            self._open_view(db, kind, subject, now)

    def set_language(self, language: str) -> None:
        """The visitor switched language: the open views go on in the new language."""
        if self._session is None or language == self._language:
            return
        self._language = language
        now = self._now()
        with contextlib.suppress(_Off), self._write() as db:
            db.execute("INSERT INTO events (session_id, at, kind, detail) VALUES (?, ?, ?, ?)",
                       (self._session, stamp(now), LANGUAGE, language))
            for kind, (_row, subject, _start) in list(self._views.items()):
                self._close_view(db, kind, now)
                self._open_view(db, kind, subject, now)

    def end_session(self, reason: str) -> None:
        """The session ended ("idle", "staff-exit", "kiosk-stop", "error", …)."""
        if self._session is None:
            return
        now = self._now()
        session, self._session = self._session, None
        seconds = max(0.0, self._clock() - self._session_started)
        with contextlib.suppress(_Off), self._write() as db:
            for kind in list(self._views):
                self._close_view(db, kind, now)
            db.execute("UPDATE sessions SET ended_at=?, seconds=?, end_reason=? WHERE id=?",
                       (stamp(now), round(seconds, 3), reason, session))
        self._views.clear()

    def note(self, kind: str, detail: str = "") -> None:
        """Something happened (see the event kinds at the top of this module)."""
        with contextlib.suppress(_Off), self._write() as db:
            db.execute("INSERT INTO events (session_id, at, kind, detail) VALUES (?, ?, ?, ?)",
                       (self._session, stamp(self._now()), kind, detail))

    def _open_view(self, db: sqlite3.Connection, kind: str, subject: str,
                   now: datetime) -> None:
        if kind not in VIEW_KINDS:
            return
        cursor = db.execute(
            "INSERT INTO views (session_id, kind, subject, language, started_at) "
            "VALUES (?, ?, ?, ?, ?)", (self._session, kind, subject, self._language, stamp(now)))
        assert cursor.lastrowid is not None
        self._views[kind] = (cursor.lastrowid, subject, self._clock())

    def _close_view(self, db: sqlite3.Connection, kind: str, now: datetime) -> None:
        current = self._views.pop(kind, None)
        if current is None:
            return
        row, _subject, started = current
        db.execute("UPDATE views SET ended_at=?, seconds=? WHERE id=?",
                   (stamp(now), round(max(0.0, self._clock() - started), 3), row))


class _Off(Exception):
    """The log is paused or off; the write is skipped."""


def _is_busy(exc: sqlite3.Error) -> bool:
    """Whether another connection holds the lock (it will let go)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED
    text = str(exc).lower()
    return "locked" in text or "busy" in text


# -- reading: summary and CSV ------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Dwell:
    """How often something was viewed, and for how long (views still open not counted)."""

    subject: str
    views: int
    total_seconds: float
    median_seconds: float


@dataclass(slots=True)
class UsageSummary:
    since: date | None = None
    first: datetime | None = None
    last: datetime | None = None
    sessions: int = 0
    sessions_by_language: dict[str, int] = field(default_factory=dict)
    sessions_from_attract: int = 0
    sessions_interrupted: int = 0
    session_median_seconds: float = 0.0
    session_mean_seconds: float = 0.0
    session_longest_seconds: float = 0.0
    stages: list[Dwell] = field(default_factory=list)
    panes: list[Dwell] = field(default_factory=list)
    language_switches: int = 0
    attract_loops: int = 0
    attract_interrupted: int = 0
    idle_resets: int = 0
    error_resets: int = 0
    staff_exits: int = 0
    wrong_pins: int = 0
    pin_lockouts: int = 0
    sessions_per_day: list[tuple[date, int]] = field(default_factory=list)


def _since_stamp(since: date | None) -> str:
    """The UTC stamp of local midnight at the start of ``since`` (or the dawn of time)."""
    if since is None:
        return ""
    local_midnight = datetime(since.year, since.month, since.day).astimezone()
    return stamp(local_midnight)


def _read_only(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise FileNotFoundError(path)
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)


def _local(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone()


def _dwell(rows: list[tuple[str, float | None]]) -> list[Dwell]:
    by_subject: dict[str, list[float]] = {}
    counts: Counter[str] = Counter()
    for subject, seconds in rows:
        counts[subject] += 1
        if seconds is not None:
            by_subject.setdefault(subject, []).append(seconds)
    return [Dwell(subject, counts[subject], round(sum(by_subject.get(subject, [])), 1),
                  round(statistics.median(by_subject[subject]), 1)
                  if by_subject.get(subject) else 0.0)
            for subject in sorted(counts, key=lambda s: (-counts[s], s))]


def summarize(path: Path, since: date | None = None) -> UsageSummary:
    """What the log says since local midnight of ``since`` (everything when None)."""
    start = _since_stamp(since)
    summary = UsageSummary(since=since)
    with contextlib.closing(_read_only(path)) as db:
        sessions = db.execute(
            "SELECT started_at, ended_at, seconds, end_reason, start_language, started_by "
            "FROM sessions WHERE started_at >= ? ORDER BY started_at", (start,)).fetchall()
        views = db.execute("SELECT kind, subject, seconds FROM views WHERE started_at >= ?",
                           (start,)).fetchall()
        events = db.execute("SELECT at, kind, detail FROM events WHERE at >= ? ORDER BY at",
                            (start,)).fetchall()
    moments = [row[0] for row in sessions] + [row[0] for row in events]
    if moments:
        summary.first, summary.last = _local(min(moments)), _local(max(moments))
    summary.sessions = len(sessions)
    summary.sessions_by_language = dict(Counter(row[4] for row in sessions))
    summary.sessions_from_attract = sum(1 for row in sessions if row[5] == "attract")
    summary.sessions_interrupted = sum(1 for row in sessions if row[3] == "interrupted")
    durations = [row[2] for row in sessions if row[2] is not None]
    if durations:
        summary.session_median_seconds = round(statistics.median(durations), 1)
        summary.session_mean_seconds = round(statistics.fmean(durations), 1)
        summary.session_longest_seconds = round(max(durations), 1)
    summary.stages = _dwell([(s, sec) for kind, s, sec in views if kind == "stage"])
    summary.panes = _dwell([(s, sec) for kind, s, sec in views if kind == "pane"])
    kinds = Counter(kind for _at, kind, _detail in events)
    summary.language_switches = kinds[LANGUAGE]
    summary.attract_loops = kinds[ATTRACT_START]
    summary.attract_interrupted = sum(1 for _at, kind, detail in events
                                      if kind == ATTRACT_STOP and detail == "touch")
    summary.idle_resets = kinds[IDLE_RESET]
    summary.error_resets = kinds[ERROR_RESET]
    summary.staff_exits = kinds[STAFF_EXIT]
    summary.wrong_pins = kinds[PIN_WRONG]
    summary.pin_lockouts = kinds[PIN_LOCKOUT]
    per_day = Counter(_local(row[0]).date() for row in sessions)
    summary.sessions_per_day = sorted(per_day.items())
    return summary


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {rest:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def format_summary(summary: UsageSummary, names: dict[tuple[str, str], str] | None = None,
                   days_shown: int = 14) -> str:
    """The summary as plain text; ``names`` maps ("stage", "1") to a readable name."""
    names = names or {}
    lines: list[str] = []
    period = f"since {summary.since.isoformat()}" if summary.since else "all records"
    lines.append(f"Kiosk usage ({period})")
    if summary.first and summary.last:
        lines.append(f"  recorded from {summary.first:%Y-%m-%d %H:%M} "
                     f"to {summary.last:%Y-%m-%d %H:%M} (local time)")
    if not summary.sessions and not summary.attract_loops and not summary.wrong_pins:
        lines.append("  nothing recorded in this period")
        return "\n".join(lines) + "\n"
    lines.append("")
    lines.append(f"Visitor sessions: {summary.sessions}")
    if summary.sessions:
        languages = ", ".join(f"{lang} {count}"
                              for lang, count in sorted(summary.sessions_by_language.items()))
        lines.append(f"  started in: {languages}")
        lines.append(f"  started by touching the attract loop: {summary.sessions_from_attract}")
        lines.append(f"  length: median {_duration(summary.session_median_seconds)}, "
                     f"mean {_duration(summary.session_mean_seconds)}, "
                     f"longest {_duration(summary.session_longest_seconds)}")
        if summary.sessions_interrupted:
            lines.append(f"  cut short by a power cut or crash: {summary.sessions_interrupted}")
    for title, kind, rows in (("Stages viewed", "stage", summary.stages),
                              ("Panes viewed", "pane", summary.panes)):
        if not rows:
            continue
        lines.append("")
        lines.append(f"{title} (views, total time, median time per view):")
        width = max(len(names.get((kind, r.subject), r.subject)) for r in rows)
        for row in rows:
            label = names.get((kind, row.subject), row.subject)
            lines.append(f"  {label:<{width}}  {row.views:>6}  {_duration(row.total_seconds):>14}"
                         f"  {_duration(row.median_seconds):>12}")
    lines.append("")
    lines.append(f"Language switches: {summary.language_switches}")
    lines.append(f"Attract loops: {summary.attract_loops}, "
                 f"interrupted by a visitor: {summary.attract_interrupted}")
    lines.append(f"Resets after idle: {summary.idle_resets}; after an error: "
                 f"{summary.error_resets}; staff exits: {summary.staff_exits}")
    if summary.wrong_pins or summary.pin_lockouts:
        lines.append(f"Wrong staff PINs: {summary.wrong_pins}; PIN pad lockouts: "
                     f"{summary.pin_lockouts}")
    if summary.sessions_per_day:
        shown = summary.sessions_per_day[-days_shown:]
        lines.append("")
        lines.append("Sessions per day" + (f" (last {len(shown)} days with visitors)"
                                           if len(shown) < len(summary.sessions_per_day) else "")
                     + ":")
        for day, count in shown:
            lines.append(f"  {day:%Y-%m-%d %a}  {count:>5}")
    return "\n".join(lines) + "\n"


CSV_COLUMNS = ("record", "id", "session_id", "kind", "subject", "language", "started_at",
               "ended_at", "seconds", "detail")


class ReportRefused(ValueError):
    """The report would overwrite the usage log itself (the message names both files)."""


#: A cell starting with one of these is a formula to a spreadsheet (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: object) -> object:
    """A cell value a spreadsheet shows as text: text that would start a formula gets a
    leading apostrophe (numbers stay numbers)."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def export_csv(path: Path, out: Path, since: date | None = None) -> int:
    """Every session, view and event since ``since`` as one CSV table; returns the rows.

    Times are UTC ISO 8601, as stored; lines end in CRLF. The file is written all at
    once (a failure leaves an earlier report whole). Raises :class:`ReportRefused` when
    ``out`` is the usage log itself (or its journal).
    """
    for own in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
                path.with_name(path.name + "-journal")):
        if _same_file(out, own):
            raise ReportRefused(f"{out} is the usage log itself ({own.name}); "
                                "choose another file for the CSV")
    start = _since_stamp(since)
    with contextlib.closing(_read_only(path)) as db:
        rows: list[tuple[object, ...]] = []
        rows += [("session", *r) for r in db.execute(
            "SELECT id, id, 'session', started_by, start_language, started_at, ended_at, "
            "seconds, end_reason FROM sessions WHERE started_at >= ?", (start,))]
        rows += [("view", *r) for r in db.execute(
            "SELECT id, session_id, kind, subject, language, started_at, ended_at, seconds, '' "
            "FROM views WHERE started_at >= ?", (start,))]
        rows += [("event", *r) for r in db.execute(
            "SELECT id, session_id, kind, detail, '', at, '', NULL, '' "
            "FROM events WHERE at >= ?", (start,))]
    rows.sort(key=lambda r: (str(r[6]), ("session", "view", "event").index(str(r[0]))))
    text = io.StringIO()
    # CRLF, as RFC 4180 has it: Python's writer quotes a cell holding a line break only
    # when the break is part of the line terminator, and a bare "\r" in a detail must not
    # split a record.
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(csv_safe(value) for value in row)
    write_text_atomically(out, text.getvalue())
    return len(rows)
