"""Issue 21, nothing lost: settings saved shortly after they change, and a save that fails
(settings, quiz answers) said in the window."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from czt_desktop.content import Content
from czt_desktop.quiz_session import session_of
from czt_desktop.settings import SettingsStore
from czt_desktop.ui import keeper as keeper_module
from czt_desktop.ui.assemble import MainWindow, open_window
from czt_desktop.ui.keeper import SettingsKeeper

#: ``make_window(panes=True)``: a window (with its panes, without charts) and its keeper.
OpenWindow = Callable[..., tuple[MainWindow, SettingsKeeper]]


@pytest.fixture
def make_window(qtbot: QtBot, content: Content, home: Path,
                monkeypatch: pytest.MonkeyPatch) -> Iterator[OpenWindow]:
    monkeypatch.setattr(keeper_module, "SAVE_DELAY_MS", 50)

    def make(panes: bool = True) -> tuple[MainWindow, SettingsKeeper]:
        store = SettingsStore(home / "config")
        window = open_window(content, store, store.load())
        qtbot.addWidget(window)
        window.show()
        if panes:
            window.build_panes()  # the charts are not needed here
        keeper = window.findChild(SettingsKeeper)
        assert keeper is not None
        return window, keeper

    yield make


def _saved(home: Path) -> dict[str, object]:
    path = home / "config" / "settings.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def test_settings_are_saved_shortly_after_they_change(make_window: OpenWindow, home: Path,
                                                      qtbot: QtBot) -> None:
    window, keeper = make_window()
    qtbot.waitUntil(lambda: not keeper.pending)  # building the window changes nothing
    saves = keeper.saves
    # A burst of changes is one save, with all of them.
    window.appearance.set_language("en")
    window.appearance.set_zoom(110)
    window.selection.set_stage(3)
    window.show_pane("plans")
    assert keeper.pending
    qtbot.waitUntil(lambda: keeper.saves == saves + 1)
    assert not keeper.pending
    saved = _saved(home)
    assert (saved["language"], saved["zoom_percent"], saved["stage"], saved["pane"]) == \
        ("en", 110, 3, "plans")
    window.selection.set_stage(5)  # each of them alone, too
    qtbot.waitUntil(lambda: _saved(home).get("stage") == 5)


def test_a_failed_settings_save_is_said_once(make_window: OpenWindow, home: Path,
                                             qtbot: QtBot) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config").write_text("a file where the folder should be", encoding="utf-8")
    window, keeper = make_window(panes=False)
    shown: list[str] = []
    window.show_message = lambda text, _ms=8000: shown.append(text)  # type: ignore[method-assign]
    window.selection.set_stage(2)
    qtbot.waitUntil(lambda: len(shown) == 1)
    # In the window's language (Chinese by default), with the file and the reason.
    assert shown[0].startswith("无法保存你的设置")
    assert "settings.json: part of the path is a file" in shown[0]
    window.selection.set_stage(3)
    qtbot.waitUntil(lambda: not keeper.pending)
    assert len(shown) == 1  # not at every change


def test_a_failed_quiz_save_is_said_in_the_window(make_window: OpenWindow, home: Path,
                                                  qapp: QApplication) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "data").write_text("a file where the folder should be", encoding="utf-8")
    window, _keeper = make_window()
    window.show_pane("quiz")
    qapp.processEvents()
    session = session_of(window.pane_widget("quiz"))
    assert session is not None and session.on_save_failed is not None
    question = session.current()
    assert question is not None
    if question.ordering:
        session.move(session.order[0], 1)
    else:
        session.choose(question.choices[0].key)
    session.check()
    assert session.save_problem is not None and "quiz answers" in session.save_problem
    message = window.statusBar().currentMessage()
    assert message.startswith("无法保存你的答题记录") and "quiz-progress.json" in message
