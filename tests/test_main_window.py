"""The main window, driven like a user would: stages, panes, search, language, zoom, restart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from czt_desktop.content import Content
from czt_desktop.settings import Preferences, SettingsStore
from czt_desktop.ui.about_dialog import AboutDialog
from czt_desktop.ui.application import configure_application, set_window_icon
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
        window.finish_building()  # what the first paint triggers in the running app
        return window

    return make


def test_opens_on_the_first_stage_with_every_pane(make_window: MakeWindow,
                                                  content: Content) -> None:
    window = make_window()
    assert window.selection.stage == content.stages[0].id
    assert window.pane_ids() == ["overview", "enterprises", "plans", "statistics", "today",
                                 "analysis", "map", "quiz"]
    assert window.tabs.tabText(0) == "概览"
    assert len(window.timeline.bands()) == 5


def test_presenter_keys_move_between_stages(make_window: MakeWindow, qtbot: QtBot,
                                            content: Content) -> None:
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.selection.stage == content.stages[1].id
    qtbot.keyClick(window, Qt.Key.Key_5)
    assert window.selection.stage == content.stages[4].id
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert window.selection.stage == content.stages[3].id


def test_clicking_a_stage_band_selects_it(make_window: MakeWindow, qtbot: QtBot,
                                          content: Content) -> None:
    window = make_window()
    band = window.timeline.band(content.stages[2].id)
    with qtbot.waitSignal(window.selection.stage_changed):
        qtbot.mouseClick(band, Qt.MouseButton.LeftButton)
    assert window.selection.stage == content.stages[2].id


def test_picking_an_enterprise_marker_opens_the_enterprises_pane(
        make_window: MakeWindow, qtbot: QtBot, content: Content) -> None:
    window = make_window()
    enterprise = content.enterprises[0]
    qtbot.mouseClick(window.timeline.marker("enterprise", enterprise.id),
                     Qt.MouseButton.LeftButton)
    assert window.selection.item == ("enterprise", enterprise.id)
    assert window.current_pane_id == "enterprises"


def test_search_result_selects_it_and_opens_its_pane(make_window: MakeWindow, qtbot: QtBot,
                                                     content: Content) -> None:
    window = make_window()
    event = next(e for e in content.events if "三干两轨" in e.title.get("zh"))
    window.search.hit_chosen.emit("event", event.id, event.stage_id)
    assert window.selection.stage == event.stage_id
    assert window.selection.item == ("event", event.id)
    assert window.current_pane_id == "overview"


def test_ctrl_f_puts_the_cursor_in_the_search_field(make_window: MakeWindow,
                                                   qtbot: QtBot) -> None:
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.field.hasFocus()


def test_language_switch_keeps_stage_pane_and_selection(make_window: MakeWindow,
                                                        qtbot: QtBot,
                                                        content: Content) -> None:
    window = make_window()
    enterprise = content.enterprises[3]
    window.selection.set_item("enterprise", enterprise.id)
    window.show_pane("enterprises")
    assert window.file_menu.title() == "文件(&F)"
    qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)
    assert window.lang == "en"
    assert window.selection.item == ("enterprise", enterprise.id)
    assert window.selection.stage == enterprise.stage_id
    assert window.current_pane_id == "enterprises"
    assert window.file_menu.title() == "&File"
    assert window.tabs.tabText(0) == "Overview"
    assert window.language_button.text() == "中文"
    assert "translation" in window.status_label.text()


def test_one_zoom_scales_everything(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = make_window()
    before = window.scale.body
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom_percent == 110
    assert window.scale.body > before
    assert window.timeline.scale == window.scale
    assert all(p.scale == window.scale for p in window.panes)
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom_percent == 100


def test_high_contrast_theme(make_window: MakeWindow) -> None:
    window = make_window()
    window.contrast_action.trigger()
    assert window.high_contrast
    assert window.theme.name == "high-contrast"
    assert all(p.theme.name == "high-contrast" for p in window.panes)


def test_settings_survive_a_restart(make_window: MakeWindow, tmp_path: Path,
                                    content: Content) -> None:
    store = SettingsStore(tmp_path / "config")
    window = make_window(store=store)
    window.selection.set_stage(content.stages[2].id)
    window.show_pane("statistics")
    window.set_language("en")
    window.set_zoom(125)
    window.close()
    again = make_window(store=SettingsStore(tmp_path / "config"))
    assert again.lang == "en"
    assert again.selection.stage == content.stages[2].id
    assert again.current_pane_id == "statistics"
    assert again.zoom_percent == 125


def test_charts_are_built_into_their_panes(make_window: MakeWindow) -> None:
    window = make_window()
    window.build_charts()
    assert set(window.charts) >= {"enterprises", "gdp", "shares"}
    for chart in window.charts.values():
        assert chart.window() is window


def test_export_view_as_image(make_window: MakeWindow, tmp_path: Path) -> None:
    window = make_window()
    target = tmp_path / "view.png"
    assert window.export_view(target)
    image = QImage(str(target))
    assert image.width() == window.width() and image.height() == window.height()


def test_about_lists_sources_and_licences(make_window: MakeWindow, qtbot: QtBot,
                                          content: Content) -> None:
    window = make_window()
    dialog = AboutDialog(content, "zh", window)
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert "浅析长株潭城市群一体化协同发展" in text
    assert "GeoNames" in text
    assert "SIL Open Font License" in text or "开源字体许可" in text


def test_content_problems_show_a_banner(make_window: MakeWindow) -> None:
    notice = Notice("content", "/media/usb/pack", 3, "events.csv, row 2, column 'year': …")
    window = make_window(notices=(notice,))
    assert window.banner.isVisible()
    assert "/media/usb/pack" in window.banner.summary
    assert "events.csv, row 2" in window.banner.details
    window.banner.dismiss()
    assert not window.banner.isVisible()


def test_no_banner_without_problems(make_window: MakeWindow) -> None:
    assert not make_window().banner.isVisible()


def test_keys_work_at_once_without_clicking_first(make_window: MakeWindow, qtbot: QtBot,
                                                  content: Content) -> None:
    window = make_window()
    assert not window.search.field.hasFocus()
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_3)
    assert window.selection.stage == content.stages[2].id


def test_a_pane_hidden_during_a_language_switch_is_right_when_shown(
        make_window: MakeWindow) -> None:
    from PySide6.QtWidgets import QLabel

    window = make_window()
    window.set_language("en")
    window.set_zoom(125)
    window.show_pane("today")
    # Let the replaced widgets go (deleteLater) as the event loop would.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    today = window.pane("today")
    texts = " ".join(label.text() for label in today.findChildren(QLabel))
    assert "Changsha" in texts
    assert "长沙" not in texts
    assert today.scale == window.scale


def _deferred_window(qtbot: QtBot, qapp: QApplication, tmp_path: Path,
                     content: Content | None, **kwargs: Any) -> MainWindow:
    """A window as `czt-desktop` starts it: first frame now, the rest once painted."""
    store = SettingsStore(tmp_path / "config")
    prefs = store.load()
    window = MainWindow(content, store, prefs, configure_application(qapp, prefs),
                        deferred=True, **kwargs)
    qtbot.addWidget(window)
    return window


def test_a_deferred_window_paints_the_stages_first_then_builds_itself(
        qtbot: QtBot, qapp: QApplication, content: Content, tmp_path: Path) -> None:
    """What `czt-desktop` does at start: a light first frame, then the real window."""
    from czt_desktop.ui.first_frame import FirstFrame

    window = _deferred_window(qtbot, qapp, tmp_path, content)
    assert isinstance(window.centralWidget(), FirstFrame)
    assert not window.is_built
    window.set_mode("classroom")  # asked for before the window exists: kept for later
    assert window.mode_name == "student"
    frame_image = window.first_paint_widget().grab().toImage()
    assert not frame_image.isNull()
    window.resize(1024, 768)
    window.show()
    qtbot.waitUntil(lambda: window.is_built, timeout=10_000)
    assert len(window.timeline.bands()) == 5
    assert window.mode_name == "classroom"
    window.set_mode("student")
    qtbot.waitUntil(lambda: len(window.panes) == 8, timeout=10_000)


def test_a_window_started_from_the_summary_loads_the_content_after_its_first_frame(
        qtbot: QtBot, qapp: QApplication, content: Content, tmp_path: Path) -> None:
    from czt_desktop.content.summary import summary_of

    loads: list[int] = []

    def source() -> tuple[Content, tuple[Notice, ...]]:
        loads.append(1)
        return content, (Notice("content", "/media/usb/pack", 1, "events.csv, row 2: …"),)

    window = _deferred_window(qtbot, qapp, tmp_path, None, frame=summary_of(content),
                              content_source=source)
    assert not loads  # nothing loaded before the first frame is on screen
    window.resize(1024, 768)
    window.show()
    qtbot.waitUntil(lambda: window.is_built, timeout=10_000)
    assert loads == [1]
    assert window.content is content
    assert window.banner.isVisible() and "/media/usb/pack" in window.banner.summary


def test_a_kiosk_start_is_full_screen_and_frameless_from_its_first_frame(
        qtbot: QtBot, qapp: QApplication, content: Content, tmp_path: Path) -> None:
    from czt_desktop.ui.modes import ModeOptions, mode_class

    window = _deferred_window(qtbot, qapp, tmp_path, content)
    mode_class("kiosk").prepare_window(window, ModeOptions())
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.mode_name == "student"  # the kiosk itself starts once the window is built


def test_the_app_icon_is_set_for_title_and_task_bars(qapp: QApplication) -> None:
    set_window_icon(qapp)  # the running app does this once its first frame has painted
    assert not qapp.windowIcon().isNull()
