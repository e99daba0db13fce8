"""The kiosk's usage log (SQLite) and the kiosk-pin / kiosk-report commands."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from czt_desktop.kiosk import usage_log
from czt_desktop.kiosk.commands import kiosk_pin_command, kiosk_report_command
from czt_desktop.kiosk.config import KioskConfigStore
from czt_desktop.kiosk.pin import verify_pin
from czt_desktop.kiosk.usage_log import UsageLog, export_csv, format_summary, summarize


class Clocks:
    """A wall clock and a monotonic clock that tests move together."""

    def __init__(self) -> None:
        self.wall = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
        self.mono = 100.0

    def now(self) -> datetime:
        return self.wall

    def clock(self) -> float:
        return self.mono

    def advance(self, seconds: float) -> None:
        self.wall += timedelta(seconds=seconds)
        self.mono += seconds


@pytest.fixture
def clocks() -> Clocks:
    return Clocks()


def _visit(db: Path, clocks: Clocks) -> None:
    log = UsageLog(db, now=clocks.now, clock=clocks.clock)
    assert log.open()
    log.note(usage_log.KIOSK_START)
    log.note(usage_log.ATTRACT_START)
    clocks.advance(30)
    log.note(usage_log.ATTRACT_STOP, "touch")
    log.start_session("zh", "attract", {"stage": "1", "pane": "overview"})
    clocks.advance(20)
    log.view("stage", "3")
    clocks.advance(40)
    log.view("pane", "statistics")
    clocks.advance(10)
    log.set_language("en")
    clocks.advance(5)
    log.view("stage", "3")  # the same stage again: nothing new
    log.end_session("idle")
    log.note(usage_log.IDLE_RESET)
    log.close()


def test_a_visit_is_recorded_with_dwell_times(tmp_path: Path, clocks: Clocks) -> None:
    db = tmp_path / "usage.sqlite3"
    _visit(db, clocks)
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        sessions = con.execute("SELECT start_language, started_by, seconds, end_reason "
                               "FROM sessions").fetchall()
        views = con.execute("SELECT kind, subject, language, seconds FROM views "
                            "ORDER BY id").fetchall()
        kinds = [r[0] for r in con.execute("SELECT kind FROM events ORDER BY id")]
    assert sessions == [("zh", "attract", 75.0, "idle")]
    assert views == [("stage", "1", "zh", 20.0), ("pane", "overview", "zh", 60.0),
                     ("stage", "3", "zh", 50.0), ("pane", "statistics", "zh", 10.0),
                     ("stage", "3", "en", 5.0), ("pane", "statistics", "en", 5.0)]
    assert kinds == ["kiosk-start", "attract-start", "attract-stop", "language", "idle-reset"]


def test_nothing_is_recorded_outside_a_session(tmp_path: Path, clocks: Clocks) -> None:
    db = tmp_path / "usage.sqlite3"
    log = UsageLog(db, now=clocks.now, clock=clocks.clock)
    log.open()
    log.view("stage", "2")  # the attract loop's tour
    log.set_language("en")
    log.end_session("idle")
    log.close()
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM views").fetchone()[0] == 0
        assert con.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 0


def test_committed_records_survive_a_sudden_stop(tmp_path: Path) -> None:
    """The process dies without closing the log (as in a power cut or a kill)."""
    db = tmp_path / "usage.sqlite3"
    code = (
        "import os, sys; from pathlib import Path\n"
        "from czt_desktop.kiosk.usage_log import UsageLog\n"
        "log = UsageLog(Path(sys.argv[1])); log.open()\n"
        "log.start_session('zh', 'touch', {'stage': '1', 'pane': 'overview'})\n"
        "log.view('stage', '4')\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(db)], check=True)
    log = UsageLog(db)
    assert log.open()  # marks what was open as interrupted
    log.close()
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT end_reason FROM sessions").fetchall() == [("interrupted",)]
        assert con.execute("SELECT subject FROM views WHERE kind='stage' ORDER BY id"
                           ).fetchall() == [("1",), ("4",)]
    assert summarize(db).sessions_interrupted == 1


def test_a_file_that_is_no_database_is_kept_and_a_new_log_started(tmp_path: Path) -> None:
    db = tmp_path / "usage.sqlite3"
    db.write_bytes(b"this is not sqlite" * 100)
    log = UsageLog(db)
    assert log.open()
    log.note(usage_log.KIOSK_START)
    log.close()
    assert len(list(tmp_path.glob("usage.sqlite3.broken-*"))) == 1


def test_an_unwritable_log_switches_itself_off(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    log = UsageLog(blocker / "usage.sqlite3")
    assert not log.open()
    assert log.problem
    log.start_session("zh", "touch", {"stage": "1"})  # must not raise
    log.view("stage", "2")
    log.end_session("idle")
    log.note(usage_log.KIOSK_STOP)


def test_summary_and_csv(tmp_path: Path, clocks: Clocks) -> None:
    db = tmp_path / "usage.sqlite3"
    _visit(db, clocks)
    summary = summarize(db)
    assert summary.sessions == 1
    assert summary.sessions_by_language == {"zh": 1}
    assert summary.sessions_from_attract == 1
    assert summary.session_median_seconds == 75.0
    assert summary.attract_loops == 1 and summary.attract_interrupted == 1
    assert summary.idle_resets == 1 and summary.language_switches == 1
    stage3 = next(d for d in summary.stages if d.subject == "3")
    assert (stage3.views, stage3.total_seconds) == (2, 55.0)
    text = format_summary(summary, {("stage", "3"): "3 Preparation (1997–1999)"})
    assert "Visitor sessions: 1" in text
    assert "3 Preparation (1997–1999)" in text
    assert "interrupted by a visitor: 1" in text
    out = tmp_path / "out" / "usage.csv"
    rows = export_csv(db, out)
    with out.open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert rows == len(table) == 1 + 6 + 5
    assert {r["record"] for r in table} == {"session", "view", "event"}
    assert any(r["kind"] == "stage" and r["subject"] == "3" and r["seconds"] == "50.0"
               for r in table)
    assert summarize(db, date(2030, 1, 1)).sessions == 0
    assert "nothing recorded" in format_summary(summarize(db, date(2030, 1, 1)))


def test_kiosk_report_command(home: Path, clocks: Clocks,
                              capsys: pytest.CaptureFixture[str]) -> None:
    assert kiosk_report_command([]) == 0
    assert "No kiosk usage log" in capsys.readouterr().out
    db = usage_log.default_usage_db()
    assert db == home / "data" / "kiosk-usage.sqlite3"
    _visit(db, clocks)
    out = home / "report.csv"
    assert kiosk_report_command(["--since", "2024-04-30", "--csv", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Kiosk usage (since 2024-04-30)" in printed
    assert "Visitor sessions: 1" in printed
    assert "Early development" in printed  # stage names from the content
    assert f"Wrote 12 records to {out}" in printed
    assert out.read_text(encoding="utf-8").startswith("record,id,session_id,kind")
    with pytest.raises(SystemExit):
        kiosk_report_command(["--since", "yesterday"])


def test_kiosk_pin_from_stdin_stores_only_a_hash(home: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("5829104736\n"))
    assert kiosk_pin_command(["--pin-stdin"]) == 0
    out = capsys.readouterr()
    assert "5829104736" not in out.out + out.err
    path = home / "config" / "kiosk.json"
    assert "5829104736" not in path.read_text(encoding="utf-8")
    assert verify_pin("5829104736", json.loads(path.read_text(encoding="utf-8"))["pin_hash"])
    assert KioskConfigStore(path).load().has_pin


def test_kiosk_pin_asks_twice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kiosk.json"
    path.write_text('{"idle_seconds": 60}', encoding="utf-8")
    answers = iter(["777777", "777778", "24682468", "24682468"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    assert kiosk_pin_command(["--config", str(path)]) == 1
    assert "differ" in capsys.readouterr().err
    assert "pin_hash" not in path.read_text(encoding="utf-8")
    assert kiosk_pin_command(["--config", str(path)]) == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["idle_seconds"] == 60 and verify_pin("24682468", data["pin_hash"])


def test_kiosk_pin_refuses_bad_pins_and_broken_files(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kiosk.json"
    monkeypatch.setattr(sys, "stdin", io.StringIO("12\n"))
    assert kiosk_pin_command(["--config", str(path), "--pin-stdin"]) == 1
    assert not path.exists()
    path.write_text("{broken", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO("123456\n"))
    assert kiosk_pin_command(["--config", str(path), "--pin-stdin"]) == 1
    assert "Fix or move the file" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "{broken"
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    assert kiosk_pin_command(["--config", str(path)]) == 2


def test_cli_dispatches_the_kiosk_commands(home: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "czt_desktop", "kiosk-pin", "--pin-stdin"],
                            input="31415926\n", capture_output=True, text=True, check=False,
                            env={**os.environ, "CZT_DESKTOP_HOME": str(home)})
    assert result.returncode == 0, result.stderr
    assert "31415926" not in result.stdout + result.stderr
    result = subprocess.run([sys.executable, "-m", "czt_desktop", "kiosk-report"],
                            capture_output=True, text=True, check=False,
                            env={**os.environ, "CZT_DESKTOP_HOME": str(home)})
    assert result.returncode == 0 and "No kiosk usage log" in result.stdout
