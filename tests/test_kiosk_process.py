"""Issue 21, the app as a process: SIGTERM, SIGHUP and SIGINT end it as File → Quit does,
from inside Qt's event loop (settings saved, a kiosk left cleanly with its usage session
ended, no traceback), and a second kiosk on a display ends before it opens a window."""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from czt_desktop import app as app_module
from czt_desktop.app import QUIT_SIGNALS, QuitOnSignals, quit_as_asked
from czt_desktop.kiosk.display_lock import ALREADY_RUNNING_EXIT_CODE, DisplayLock
from czt_desktop.settings import SettingsStore
from czt_desktop.ui.assemble import open_window
from tests.kiosk_support import CALM, open_kiosk

__all__ = ["open_kiosk"]

POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


@POSIX_ONLY
def test_signals_reach_the_event_loop(qtbot: QtBot) -> None:
    heard: list[int] = []
    watcher = QuitOnSignals(heard.append)
    before = {number: signal.getsignal(number) for number in QUIT_SIGNALS}
    assert watcher.install()
    try:
        for number in QUIT_SIGNALS:
            os.kill(os.getpid(), number)  # Python would raise KeyboardInterrupt for SIGINT
            qtbot.waitUntil(lambda n=number: n in heard)  # type: ignore[misc]
    finally:
        watcher.uninstall()
    assert heard == list(QUIT_SIGNALS) == watcher.received
    assert {number: signal.getsignal(number) for number in QUIT_SIGNALS} == before


def test_a_signal_quits_as_file_quit_does(qtbot: QtBot, qapp: QApplication, home: Path,
                                          monkeypatch: pytest.MonkeyPatch, content: Any
                                          ) -> None:
    quits: list[bool] = []
    monkeypatch.setattr(QCoreApplication, "quit", lambda: quits.append(True))
    store = SettingsStore(home / "config")
    window = open_window(content, store, store.load())
    qtbot.addWidget(window)
    window.show()
    window.finish_building()
    window.appearance.set_language("zh")
    window.selection.set_stage(4)
    quit_as_asked(window, signal.SIGTERM)
    assert quits == [True] and not window.isVisible()
    saved = json.loads((home / "config" / "settings.json").read_text(encoding="utf-8"))
    assert (saved["language"], saved["stage"]) == ("zh", 4)


@POSIX_ONLY
def test_sigterm_ends_a_running_kiosk_cleanly(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "kiosk.json").write_text(
        json.dumps({**CALM, "default_language": "en"}), encoding="utf-8")
    env = {**os.environ, "CZT_DESKTOP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen([sys.executable, "-m", "czt_desktop", "--kiosk"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    log = home / "log" / "czt-desktop.log"
    try:
        deadline = time.monotonic() + 120
        while app.poll() is None and time.monotonic() < deadline and not (
                log.is_file() and "kiosk mode on" in log.read_text(encoding="utf-8")):
            time.sleep(0.1)
        assert app.poll() is None
        app.send_signal(signal.SIGTERM)
        assert app.wait(timeout=60) == 128 + signal.SIGTERM
        stderr = app.stderr.read().decode() if app.stderr else ""
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        if app.stderr is not None:
            app.stderr.close()
    assert "Traceback" not in stderr
    text = log.read_text(encoding="utf-8")
    assert "SIGTERM received" in text and "kiosk mode off" in text
    # The kiosk was left cleanly (its visitor session ended, its log closed), and the
    # window closed as by File → Quit, saving the account's settings, not the kiosk's
    # language (English) and zoom.
    with sqlite3.connect(home / "data" / "kiosk-usage.sqlite3") as db:
        kinds = [kind for (kind,) in db.execute("SELECT kind FROM events ORDER BY id")]
    assert kinds == ["kiosk-start", "kiosk-stop"]
    saved = json.loads((home / "config" / "settings.json").read_text(encoding="utf-8"))
    assert (saved["language"], saved["zoom_percent"]) == ("zh", 100)


def test_a_second_kiosk_ends_before_it_opens_a_window(
        monkeypatch: pytest.MonkeyPatch, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("DISPLAY", ":4711")
    first = DisplayLock()
    assert first.acquire()
    opened: list[bool] = []
    monkeypatch.setattr(app_module, "_run_app", lambda *_: opened.append(True) or 0)
    options = argparse.Namespace(kiosk=True, verbose=False)
    try:
        assert app_module.run_app(options, []) == ALREADY_RUNNING_EXIT_CODE
    finally:
        first.release()
        for handler in list(logging.getLogger("czt").handlers):
            logging.getLogger("czt").removeHandler(handler)
            handler.close()
    assert opened == []
    assert "already runs on this display" in capsys.readouterr().err
    assert app_module.run_app(options, []) == 0 and opened == [True]
    for handler in list(logging.getLogger("czt").handlers):
        logging.getLogger("czt").removeHandler(handler)
        handler.close()
