"""Issue 21, the kiosk's Qt-free parts: the PIN lockout (item 8), the usage log that
must never freeze the window, and kiosk-report's output."""

from __future__ import annotations

import csv
import errno
import io
import logging
import sqlite3
import sys
from pathlib import Path

import pytest

from czt_desktop import atomic
from czt_desktop.kiosk import usage_log
from czt_desktop.kiosk.commands import kiosk_pin_command, kiosk_report_command
from czt_desktop.kiosk.pin import (
    ESCALATION_RESET_SECONDS,
    LOCKOUT_STEPS,
    MAX_WRONG_PINS,
    PIN_LOCKOUT,
    PIN_WRONG,
    PinLock,
    PinResult,
    hash_pin,
    lockout_state_path,
    new_pin_problem,
    verify_pin,
)
from czt_desktop.kiosk.usage_log import UsageLog, csv_safe, summarize

PIN = "246813"


class Clock:
    """Monotonic and wall clocks a test moves: together, or the wall one alone."""

    def __init__(self) -> None:
        self.mono = 500.0
        self.wall = 1_700_000_000.0

    def monotonic(self) -> float:
        return self.mono

    def time(self) -> float:
        return self.wall

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.wall += seconds


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_pin(PIN, iterations=1_000)  # quick to check; same code path


@pytest.fixture
def clock() -> Clock:
    return Clock()


def _lock(stored: str, path: Path, clock: Clock, **kwargs: object) -> PinLock:
    return PinLock(stored, state_path=path, clock=clock.monotonic, wall_clock=clock.time,
                   **kwargs)  # type: ignore[arg-type]


def _wrong_round(lock: PinLock) -> PinResult:
    results = [lock.check("000000") for _ in range(MAX_WRONG_PINS)]
    assert results[:-1] == [PinResult.WRONG] * (MAX_WRONG_PINS - 1)
    return results[-1]


# -- item 8: the lockout ---------------------------------------------------------------------
def test_a_restart_does_not_lift_the_lockout(tmp_path: Path, stored: str, clock: Clock) -> None:
    path = lockout_state_path(tmp_path / "kiosk.json")
    assert path == tmp_path / "kiosk-lockout.json"
    assert _wrong_round(_lock(stored, path, clock)) is PinResult.LOCKED
    clock.advance(20)
    again = _lock(stored, path, clock)  # the kiosk was switched off and on
    assert again.locked_for() == pytest.approx(LOCKOUT_STEPS[0] - 20)
    assert again.check(PIN) is PinResult.LOCKED
    assert path.stat().st_mode & 0o077 == 0


def test_wrong_tries_in_a_row_survive_a_restart_too(tmp_path: Path, stored: str,
                                                    clock: Clock) -> None:
    path = tmp_path / "kiosk-lockout.json"
    first = _lock(stored, path, clock)
    for _ in range(3):
        first.check("111111")
    again = _lock(stored, path, clock)
    assert again.attempts_left == MAX_WRONG_PINS - 3


def test_lockouts_get_longer_and_a_right_pin_starts_again(tmp_path: Path, stored: str,
                                                          clock: Clock) -> None:
    lock = _lock(stored, tmp_path / "kiosk-lockout.json", clock)
    seen = []
    for _ in range(len(LOCKOUT_STEPS) + 1):
        assert _wrong_round(lock) is PinResult.LOCKED
        seen.append(round(lock.locked_for()))
        clock.advance(lock.locked_for() + 1)
    assert seen == [60, 300, 900, 3600, 3600]
    assert lock.check(PIN) is PinResult.ACCEPTED
    _wrong_round(lock)
    assert round(lock.locked_for()) == 60


def test_a_quiet_day_starts_the_escalation_again(tmp_path: Path, stored: str,
                                                 clock: Clock) -> None:
    lock = _lock(stored, tmp_path / "kiosk-lockout.json", clock)
    _wrong_round(lock)
    clock.advance(lock.locked_for() + 1)
    _wrong_round(lock)
    assert round(lock.locked_for()) == 300
    clock.advance(ESCALATION_RESET_SECONDS + 1)
    _wrong_round(lock)
    assert round(lock.locked_for()) == 60


def test_moving_the_clock_cannot_stretch_a_lockout(tmp_path: Path, stored: str,
                                                   clock: Clock) -> None:
    path = tmp_path / "kiosk-lockout.json"
    _wrong_round(_lock(stored, path, clock))
    clock.wall -= 365 * 86_400  # set back a year while the kiosk was off
    assert _lock(stored, path, clock).locked_for() <= LOCKOUT_STEPS[0]
    clock.wall += 2 * 365 * 86_400  # and forward: the lockout is over
    assert _lock(stored, path, clock).locked_for() == 0
    # Within one run the monotonic clock counts: a wall-clock jump changes nothing.
    lock = _lock(stored, tmp_path / "other.json", clock)
    _wrong_round(lock)
    clock.wall += 86_400
    assert lock.locked_for() == pytest.approx(LOCKOUT_STEPS[0])


def test_wrong_pins_and_lockouts_are_logged_and_recorded(
        tmp_path: Path, stored: str, clock: Clock, caplog: pytest.LogCaptureFixture) -> None:
    usage = UsageLog(tmp_path / "usage.sqlite3")
    assert usage.open()
    lock = _lock(stored, tmp_path / "kiosk-lockout.json", clock, on_event=usage.note)
    with caplog.at_level(logging.WARNING, logger="czt.kiosk"):
        _wrong_round(lock)
    usage.close()
    assert caplog.text.count("wrong staff PIN") == MAX_WRONG_PINS
    assert "locked for 60 s" in caplog.text
    assert "000000" not in caplog.text  # never the PIN typed
    summary = summarize(tmp_path / "usage.sqlite3")
    assert (summary.wrong_pins, summary.pin_lockouts) == (MAX_WRONG_PINS, 1)
    with sqlite3.connect(tmp_path / "usage.sqlite3") as db:
        kinds = [row[0] for row in db.execute("SELECT kind FROM events ORDER BY id")]
    assert kinds == [PIN_WRONG] * MAX_WRONG_PINS + [PIN_LOCKOUT]


def test_a_failing_recorder_does_not_open_the_kiosk(stored: str, clock: Clock) -> None:
    def broken(kind: str, detail: str) -> None:
        raise RuntimeError("log gone")

    lock = PinLock(stored, clock=clock.monotonic, on_event=broken)
    assert _wrong_round(lock) is PinResult.LOCKED
    assert lock.check(PIN) is PinResult.LOCKED


def test_an_unwritable_lockout_file_still_locks_for_this_run(tmp_path: Path, stored: str,
                                                             clock: Clock) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    lock = _lock(stored, blocker / "kiosk-lockout.json", clock)
    assert _wrong_round(lock) is PinResult.LOCKED
    assert lock.locked_for() > 0


def test_new_pins_need_six_digits_but_old_short_ones_still_work(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert new_pin_problem("12345") == "the PIN must have 6 to 12 digits"
    assert new_pin_problem("123456") is None
    path = tmp_path / "kiosk.json"
    monkeypatch.setattr(sys, "stdin", io.StringIO("1234\n"))
    assert kiosk_pin_command(["--config", str(path), "--pin-stdin"]) == 1
    assert "6 to 12 digits" in capsys.readouterr().err and not path.exists()
    old = hash_pin("1234", iterations=1_000)  # written by an earlier version
    assert verify_pin("1234", old)
    assert PinLock(old).check("1234") is PinResult.ACCEPTED


# -- the usage log never freezes the window and never switches off for good -------------------
def _hold_lock(db: Path) -> sqlite3.Connection:
    other = sqlite3.connect(db, isolation_level=None, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    return other


def test_a_locked_usage_log_pauses_and_records_again(tmp_path: Path, clock: Clock,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    db = tmp_path / "usage.sqlite3"
    usage = UsageLog(db, clock=clock.monotonic)
    assert usage.open()
    other = _hold_lock(db)
    with caplog.at_level(logging.WARNING, logger="czt.kiosk"):
        usage.note(usage_log.IDLE_RESET)  # busy: skipped, not raised, not waited out
        usage.note(usage_log.IDLE_RESET)
    assert usage.problem is not None and usage.dropped == 2
    assert caplog.text.count("usage log paused") == 1
    other.execute("ROLLBACK")
    other.close()
    usage.note(usage_log.IDLE_RESET)  # still pausing
    clock.advance(usage_log.RETRY_SECONDS)
    usage.note(usage_log.STAFF_EXIT)  # tries again, and records
    usage.close()
    assert usage.problem is None
    assert summarize(db).staff_exits == 1 and summarize(db).idle_resets == 0


def test_a_usage_log_locked_at_start_is_opened_later(tmp_path: Path, clock: Clock) -> None:
    db = tmp_path / "usage.sqlite3"
    sqlite3.connect(db).close()
    other = _hold_lock(db)
    usage = UsageLog(db, clock=clock.monotonic)
    assert usage.open()  # the kiosk keeps its log object
    assert usage.problem is not None
    other.execute("ROLLBACK")
    other.close()
    clock.advance(usage_log.RETRY_SECONDS)
    usage.note(usage_log.KIOSK_START)
    usage.close()
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT kind FROM events").fetchall() == [(usage_log.KIOSK_START,)]


# -- kiosk-report ----------------------------------------------------------------------------
def _log_with(db: Path, detail: str) -> None:
    usage = UsageLog(db)
    assert usage.open()
    usage.note(usage_log.ATTRACT_STOP, detail)
    usage.close()


@pytest.mark.parametrize("damage", ["not a database", "no tables", "bad times", "bad types"])
def test_a_damaged_usage_log_gets_a_message_not_a_traceback(
        tmp_path: Path, damage: str, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "usage.sqlite3"
    if damage == "not a database":
        db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    elif damage == "no tables":
        sqlite3.connect(db).close()
        with sqlite3.connect(db) as con:
            con.execute("CREATE TABLE other (x)")
    else:
        _log_with(db, "touch")
        with sqlite3.connect(db) as con:
            if damage == "bad times":
                con.execute("UPDATE events SET at = '2024-99-99 nonsense'")
            else:
                con.execute("INSERT INTO sessions (started_at, seconds, start_language, "
                            "started_by) VALUES ('2024-05-01T09:00:00+00:00', 'long', 'zh', "
                            "'touch')")
                con.execute("INSERT INTO sessions (started_at, seconds, start_language, "
                            "started_by) VALUES ('2024-05-01T09:01:00+00:00', 3, 'zh', "
                            "'touch')")
    assert kiosk_report_command(["--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert f"cannot read {db}" in err and "Traceback" not in err


def test_the_csv_report_cannot_start_a_formula(tmp_path: Path) -> None:
    db = tmp_path / "usage.sqlite3"
    for detail in ("=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "plain"):
        _log_with(db, detail)
    out = tmp_path / "report.csv"
    assert kiosk_report_command(["--db", str(db), "--csv", str(out)]) == 0
    with out.open(encoding="utf-8", newline="") as handle:
        subjects = [row["subject"] for row in csv.DictReader(handle)]
    assert subjects == ["'=HYPERLINK(\"http://x\")", "'+1", "'-1", "'@SUM(A1)", "'\tx",
                        "'\rx", "plain"]
    assert csv_safe(-3.5) == -3.5 and csv_safe(None) == ""


def test_the_csv_report_never_overwrites_the_log(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "usage.sqlite3"
    _log_with(db, "touch")
    before = db.read_bytes()
    for out in (db, tmp_path / "." / "usage.sqlite3", tmp_path / "usage.sqlite3-wal"):
        assert kiosk_report_command(["--db", str(db), "--csv", str(out)]) == 1
        assert "is the usage log itself" in capsys.readouterr().err
    assert db.read_bytes() == before
    assert summarize(db).attract_interrupted == 1


def test_a_failed_csv_report_leaves_the_earlier_one_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "usage.sqlite3"
    _log_with(db, "touch")
    out = tmp_path / "report.csv"
    out.write_text("last week's report\n", encoding="utf-8")

    def full(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full)
    assert kiosk_report_command(["--db", str(db), "--csv", str(out)]) == 1
    assert "the disk is full" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "last week's report\n"
    assert sorted(p.name for p in tmp_path.iterdir() if "report" in p.name) == ["report.csv"]
