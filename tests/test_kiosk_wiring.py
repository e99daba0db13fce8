"""Issue 21, the kiosk's Qt-free parts wired into it: the PIN lockout kept across
restarts and its events in the usage log, the PIN pad's texts free of folders, and the
quiz's visitors kept in memory while the student's answers stay as they were."""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from czt_desktop.kiosk.pin import hash_pin, lockout_state_path
from czt_desktop.kiosk.usage_log import default_usage_db
from czt_desktop.quiz_progress import Answer, ProgressStore, QuizProgress
from czt_desktop.quiz_session import session_of
from czt_desktop.ui.assemble import MainWindow
from tests.kiosk_support import CALM, KioskFactory, open_kiosk, settle, still_locked

__all__ = ["open_kiosk"]

PIN = "246813"


def _type(pad: Any, pin: str) -> None:
    for digit in pin:
        pad.press_digit(digit)
    pad.submit()


def _events() -> list[tuple[str, str]]:
    with sqlite3.connect(default_usage_db()) as db:
        return list(db.execute("SELECT kind, detail FROM events ORDER BY id"))


def test_pin_events_are_recorded_and_a_restart_keeps_the_lockout(
        open_kiosk: KioskFactory, qapp: QApplication) -> None:
    config = {**CALM, "pin_hash": hash_pin(PIN, iterations=1_000)}
    window = open_kiosk(config)
    mode: Any = window.mode
    mode.open_pin_pad()
    for _ in range(5):
        _type(mode.pin_pad, "111111")
    assert mode.lock.locked_for() > 0
    assert lockout_state_path(open_kiosk.config_path).is_file()
    kinds = [kind for kind, _ in _events()]
    assert kinds.count("pin-wrong") == 5 and kinds.count("pin-lockout") == 1
    assert "111111" not in repr(_events())  # never the digits typed
    # The kiosk is switched off and on again: a new lock reads what the last one kept.
    options = mode.options
    window.set_mode("student")
    settle(qapp)
    window.set_mode("kiosk", options)
    mode = window.mode
    assert mode.lock.locked_for() > 0  # five new tries are not given by a restart
    mode.open_pin_pad()
    _type(mode.pin_pad, PIN)
    assert open_kiosk.quits == []
    later = time.monotonic() + 3600  # the lockout is over
    mode.lock.clock = lambda: later
    _type(mode.pin_pad, PIN)
    assert open_kiosk.quits == [True]
    assert [kind for kind, _ in _events()][-3:] == ["pin-accepted", "staff-exit", "kiosk-stop"]


def _texts(widget: Any) -> list[str]:
    found = [w.text() for w in widget.findChildren(QLabel)]
    found += [w.text() for w in widget.findChildren(QAbstractButton)]
    found += [w.accessibleName() for w in widget.findChildren(QAbstractButton)]
    return found


def test_the_pin_pad_never_shows_a_folder(open_kiosk: KioskFactory, home: Path,
                                          qapp: QApplication) -> None:
    folder = home / "museum-secret-folder"
    folder.mkdir(parents=True)
    path = folder / "kiosk.json"
    # Problems of every kind the file can have: bad values, an unknown field, a PIN
    # typed in by hand.
    path.write_text('{"idle_seconds": -1, "exit_corner": "middle", "extra": 1,\n'
                    ' "pin_hash": "246813", "countdown_seconds": 600}', encoding="utf-8")
    window = open_kiosk(None, path=path)
    mode: Any = window.mode
    assert any(str(folder) in message for message in mode.config_messages)  # the log
    pad = mode.pin_pad
    mode.open_pin_pad()
    seen = _texts(pad)
    # And the states with a PIN: wrong, then locked.
    mode.lock.set_hash(hash_pin(PIN, iterations=1_000))
    pad.open()
    for _ in range(5):
        _type(pad, "111111")
        seen += _texts(pad)
    notes = pad.notes.text()
    assert "kiosk.json: line 1: field 'idle_seconds'" in notes
    for text in seen:
        assert str(folder) not in text and str(home) not in text, text
        assert "secret" not in text, text
    pad.cancel()
    assert still_locked(window)


def _student_answers(path: Path) -> QuizProgress:
    store = ProgressStore(path)
    progress = store.load()
    assert not store.messages
    return progress


def test_visitors_answers_stay_in_memory_and_the_students_come_back(
        open_kiosk: KioskFactory, home: Path, qapp: QApplication,
        caplog: pytest.LogCaptureFixture) -> None:
    path = home / "data" / "quiz-progress.json"
    mine = QuizProgress(seed=3, answers={"made-up-question": Answer(("a",), True)})
    assert ProgressStore(path).save(mine)
    before = path.read_bytes()
    window: MainWindow = open_kiosk(CALM)
    session = session_of(window.pane_widget("quiz"))
    assert session is not None
    assert not session.store.persistent and session.progress.answers == {}
    window.show_pane("quiz")
    question = session.current()
    assert question is not None
    if question.ordering:
        session.move(session.order[0], 1)
    else:
        session.choose(question.choices[0].key)
    assert session.check() is not None and session.progress.answers
    # A kiosk's failed save is logged, never shown to a visitor.
    session.store.save = lambda _progress: False  # type: ignore[method-assign]
    with caplog.at_level(logging.WARNING, "czt.kiosk"):
        session.new_set()
    assert "could not be kept" in caplog.text
    assert window.statusBar().currentMessage() == ""
    assert path.read_bytes() == before  # the student's file: untouched
    window.set_mode("student")
    settle(qapp)
    assert session.store.persistent and session.progress.seed == 3
    assert set(session.progress.answers) == {"made-up-question"}
    assert _student_answers(path).answers == mine.answers
    assert path.read_bytes() == before
