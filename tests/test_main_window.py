"""The first window, driven like a user would: pick stages, switch language, restart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from czt_desktop.content import Content, ContentError
from czt_desktop.settings import Preferences, SettingsStore
from czt_desktop.ui.application import configure_application
from czt_desktop.ui.main_window import MainWindow, Notice

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, qapp: QApplication, content: Content,
                tmp_path: Path) -> MakeWindow:
    def make(prefs: Preferences | None = None, notices: tuple[Notice, ...] = (),
             store: SettingsStore | None = None) -> MainWindow:
        store = store or SettingsStore(tmp_path / "config")
        prefs = prefs or store.load()
        switcher = configure_application(qapp, prefs)
        window = MainWindow(content, store, prefs, switcher, notices)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):  # shortcuts only reach the active window
            window.show()
            window.activateWindow()
        return window

    return make


def page_text(window: MainWindow) -> str:
    return window.page.toPlainText()


def test_lists_the_five_stages_in_order(make_window: MakeWindow, content: Content) -> None:
    window = make_window()
    model = window.stage_model
    assert model.rowCount() == 5
    years = [model.index(r).data(Qt.ItemDataRole.AccessibleTextRole) for r in range(5)]
    assert [y.split()[0] for y in years] == ["1949–1979", "1980–1996", "1997–1999",
                                           "2000–2006", "2007–2019"]
    assert window.current_stage_id == content.stages[0].id
    assert content.stages[0].title.zh in page_text(window)


def test_clicking_a_stage_shows_its_page(make_window: MakeWindow, qtbot: QtBot,
                                         content: Content) -> None:
    window = make_window()
    rect = window.stage_list.visualRect(window.stage_model.index(2))
    with qtbot.waitSignal(window.stage_changed) as signal:
        qtbot.mouseClick(window.stage_list.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
    assert signal.args == [content.stages[2].id]
    text = page_text(window)
    assert content.stages[2].title.zh in text
    assert "五同规划" in text  # a milestone of 1998


def test_keyboard_moves_between_stages(make_window: MakeWindow, qtbot: QtBot,
                                       content: Content) -> None:
    window = make_window()
    window.stage_list.setFocus()
    qtbot.keyClick(window.stage_list, Qt.Key.Key_PageDown)
    assert window.current_stage_id == content.stages[1].id
    qtbot.keyClick(window, Qt.Key.Key_5)
    assert window.current_stage_id == content.stages[4].id
    assert "三干两轨" in page_text(window)
    qtbot.keyClick(window.stage_list, Qt.Key.Key_PageUp)
    assert window.current_stage_id == content.stages[3].id


def test_language_switch_keeps_the_stage(make_window: MakeWindow, qtbot: QtBot,
                                         content: Content) -> None:
    window = make_window()
    window.select_stage(content.stages[3].id)
    assert window.file_menu.title() == "文件(&F)"
    qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)
    assert window.lang == "en"
    assert window.current_stage_id == content.stages[3].id
    assert content.stages[3].title.en in page_text(window)
    assert window.file_menu.title() == "&File"
    assert window.language_button.text() == "中文"
    assert "translation" in window.status_label.text()


def test_first_stage_page_shows_enterprises_and_the_data_note(make_window: MakeWindow,
                                                              content: Content) -> None:
    window = make_window()
    text = page_text(window)
    for enterprise in content.enterprises_in_stage(content.stages[0].id):
        assert enterprise.name.zh in text
    both = [e for e in content.enterprises if len(e.size_classes) == 2]
    assert both and all(content.notes_for("enterprises", e.id) for e in both)
    assert content.notes_for("enterprises", both[0].id)[0].title.zh in text


def test_next_stage_link(make_window: MakeWindow, content: Content) -> None:
    from PySide6.QtCore import QUrl

    window = make_window()
    window.page.anchorClicked.emit(QUrl(f"stage:{content.stages[1].id}"))
    assert window.current_stage_id == content.stages[1].id


def test_settings_survive_a_restart(make_window: MakeWindow, tmp_path: Path,
                                   content: Content) -> None:
    store = SettingsStore(tmp_path / "config")
    window = make_window(store=store)
    window.select_stage(content.stages[2].id)
    window.set_language("en")
    window.close()
    again = make_window(store=SettingsStore(tmp_path / "config"))
    assert again.lang == "en"
    assert again.current_stage_id == content.stages[2].id


def test_content_problems_show_a_banner(make_window: MakeWindow, qtbot: QtBot) -> None:
    problem = ContentError("/media/usb/pack", [])
    notice = Notice("content", problem.folder, 3, "events.csv, row 2, column 'year': …")
    window = make_window(notices=(notice,))
    assert window.banner.isVisible()
    assert "/media/usb/pack" in window.banner.summary
    assert "3" in window.banner.summary
    assert "events.csv, row 2" in window.banner.details
    window.banner.dismiss()
    assert not window.banner.isVisible()


def test_no_banner_without_problems(make_window: MakeWindow) -> None:
    assert not make_window().banner.isVisible()
