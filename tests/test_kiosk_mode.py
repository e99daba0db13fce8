"""Kiosk mode as a visitor would try it: every way out is refused, the window stays."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QContextMenuEvent, QDesktopServices, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QScrollArea,
    QScroller,
)
from pytestqt.qtbot import QtBot

from czt_desktop.app import start_mode
from czt_desktop.cli import _gui_parser
from czt_desktop.ui.assemble import MainWindow
from czt_desktop.ui.panes.widgets import ItemCard
from tests.kiosk_support import (
    CALM,
    KioskFactory,
    open_kiosk,
    settle,
    still_locked,
    visible_dialogs,
    wait,
)

__all__ = ["open_kiosk"]  # the fixture, imported for pytest

K = Qt.Key
M = Qt.KeyboardModifier
ESCAPE_KEYS = [
    (K.Key_F4, M.AltModifier), (K.Key_Q, M.ControlModifier), (K.Key_W, M.ControlModifier),
    (K.Key_Escape, M.NoModifier), (K.Key_F11, M.NoModifier), (K.Key_F5, M.NoModifier),
    (K.Key_E, M.ControlModifier), (K.Key_F, M.ControlModifier), (K.Key_Alt, M.AltModifier),
    (K.Key_F10, M.NoModifier), (K.Key_Menu, M.NoModifier), (K.Key_Plus, M.ControlModifier),
]


def test_kiosk_is_full_screen_frameless_without_menus_cursor_or_exports(
        open_kiosk: KioskFactory) -> None:
    window = open_kiosk(CALM)
    assert still_locked(window)
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert not window.menuBar().isVisible()
    assert not window.search.isVisible()
    window.show_pane("plans")  # its filter lists are there, its search field is not
    assert not any(edit.isVisibleTo(window) for edit in window.findChildren(QLineEdit))
    assert any(combo.isVisibleTo(window) for combo in window.findChildren(QComboBox))
    cursor = QGuiApplication.overrideCursor()
    assert cursor is not None and cursor.shape() == Qt.CursorShape.BlankCursor
    assert not window.capabilities.exports and not window.exports_offered
    assert window.charts and not any(chart.save_button.isVisibleTo(chart)  # type: ignore[attr-defined]
                                     for chart in window.charts.values())
    # Fingers: tabs and the language button are at least 44 px.
    bar = window.tabs.tabBar()
    assert all(bar.tabRect(i).height() >= 44 for i in range(bar.count()))
    assert window.language_button.height() >= 44
    # Events that are no input leave the kiosk as it was.
    QApplication.sendEvent(window, QEvent(QEvent.Type.User))
    assert window.mode.state == "waiting"  # type: ignore[attr-defined]


def test_escape_keys_are_refused(open_kiosk: KioskFactory, qtbot: QtBot,
                                 qapp: QApplication) -> None:
    window = open_kiosk(CALM)
    guard = window.mode.guard  # type: ignore[attr-defined]
    targets = (window, window.timeline.band(1), window.tabs.tabBar())
    for key, modifiers in ESCAPE_KEYS:
        before = guard.refused.get("key", 0)
        for target in targets:
            qtbot.keyClick(target, key, modifiers)
            settle(qapp)
            assert still_locked(window), (key, modifiers)
        assert guard.refused.get("key", 0) >= before + len(targets), (key, modifiers)
    assert window.mode.name == "kiosk"  # F5 did not start the presentation
    assert not window.menuBar().isVisible()
    assert visible_dialogs() == []
    # Ordinary keys still work: the timeline moves between stages with the arrows.
    window.timeline.band(1).setFocus()
    qtbot.keyClick(window.timeline.band(1), K.Key_Right)
    assert window.selection.stage == 2


def test_close_requests_are_refused(open_kiosk: KioskFactory, qapp: QApplication) -> None:
    window = open_kiosk(CALM)
    assert not window.close()
    settle(qapp)
    assert still_locked(window)
    # What the window manager sends for its close button or Alt+F4.
    event = QCloseEvent()
    QApplication.sendEvent(window, event)
    assert not event.isAccepted()
    handle = window.windowHandle()
    assert handle is not None
    handle.close()
    settle(qapp)
    assert still_locked(window)
    window.commands["quit"].trigger()
    settle(qapp)
    assert still_locked(window)


def test_leaving_full_screen_is_undone(open_kiosk: KioskFactory, qtbot: QtBot) -> None:
    window = open_kiosk(CALM)
    window.showNormal()
    wait(qtbot, lambda: still_locked(window))
    window.showMinimized()
    wait(qtbot, lambda: still_locked(window))
    window.hide()
    wait(qtbot, lambda: still_locked(window))
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint


def test_no_context_menu_appears(open_kiosk: KioskFactory, qapp: QApplication) -> None:
    window = open_kiosk(CALM)
    window.show_pane("enterprises")
    settle(qapp)
    # The kiosk hides the field, but a line edit has a context menu of its own to refuse.
    field = window.pane("enterprises").findChildren(QLineEdit)[0]
    # If the guard failed, QLineEdit's menu would run its own event loop: close it.
    safety = QTimer()
    safety.setSingleShot(True)
    safety.timeout.connect(lambda: QApplication.activePopupWidget() and
                           QApplication.activePopupWidget().close())  # type: ignore[union-attr]
    safety.start(500)
    for widget in (field, window.timeline.band(1), window.tabs.tabBar(), window):
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5),
                                  widget.mapToGlobal(QPoint(5, 5)))
        QApplication.sendEvent(widget, event)
        assert QApplication.activePopupWidget() is None
    assert window.mode.guard.refused["context-menu"] >= 4  # type: ignore[attr-defined]
    safety.stop()
    assert still_locked(window)


def test_no_dialog_and_no_link_out(open_kiosk: KioskFactory, qtbot: QtBot,
                                   qapp: QApplication) -> None:
    window = open_kiosk(CALM)
    window.commands["about"].trigger()  # unreachable: the menus are hidden, their actions off
    window.commands["export_view"].trigger()
    settle(qapp)
    assert visible_dialogs() == []
    stray = QDialog(window)  # a dialog that opens anyway is closed at once
    stray.open()
    wait(qtbot, lambda: visible_dialogs() == [])
    assert still_locked(window)
    label = QLabel('<a href="https://example.org">out</a>', window.centralWidget())
    label.setOpenExternalLinks(True)
    label.show()
    settle(qapp)
    assert not label.openExternalLinks()
    # Opened anyway: dropped without reaching the desktop (offscreen Qt would warn).
    assert QDesktopServices.openUrl(QUrl("https://example.org"))
    window.set_mode("student")
    assert label.openExternalLinks()  # put back when the kiosk is left


def test_leaving_the_kiosk_restores_the_window(open_kiosk: KioskFactory,
                                               qapp: QApplication) -> None:
    window = open_kiosk(CALM)
    window.set_mode("student")
    settle(qapp)
    assert window.isVisible() and not window.isFullScreen()
    assert not window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.menuBar().isVisible() and window.search.isVisible()
    window.show_pane("enterprises")
    assert window.pane("enterprises").search_edit.isVisible()  # type: ignore[attr-defined]
    assert QGuiApplication.overrideCursor() is None
    assert window.exports_offered
    assert window.commands["about"].isEnabled() and window.commands["quit"].isEnabled()
    assert all(chart.save_button.isVisibleTo(chart)  # type: ignore[attr-defined]
               for chart in window.charts.values())
    # The guard is gone: keys reach the app again.
    window.show_pane("overview")
    assert window.capabilities.close


def test_kiosk_flag_without_a_config_starts_locked(
        open_kiosk: KioskFactory, home: Path, caplog: pytest.LogCaptureFixture) -> None:
    window = open_kiosk(CALM)
    window.set_mode("student")
    (home / "config" / "kiosk.json").unlink()
    options, unknown = _gui_parser().parse_known_args(["--kiosk"])
    assert unknown == []
    with caplog.at_level(logging.WARNING, "czt.kiosk"):
        start_mode(window, options, shown=True)
    assert still_locked(window)
    mode = window.mode
    assert not mode.config.has_pin  # type: ignore[attr-defined]
    assert "no kiosk config at" in caplog.text and "kiosk-pin" in caplog.text
    assert not window.close()
    open_kiosk.windows.append(window)


def test_corrupt_config_gives_defaults_and_names_the_file(
        open_kiosk: KioskFactory, home: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = home / "config" / "kiosk.json"
    path.parent.mkdir(parents=True)
    path.write_text('{"idle_seconds": 600,\n "pin_hash": ', encoding="utf-8")
    with caplog.at_level(logging.WARNING, "czt.kiosk"):
        window = open_kiosk(None)
    mode = window.mode
    assert still_locked(window)
    assert mode.config.idle_seconds == 90  # type: ignore[attr-defined]
    messages = mode.config_messages  # type: ignore[attr-defined]
    assert messages and str(path) in messages[0] and "line 2" in messages[0]
    assert str(path) in caplog.text
    assert list(path.parent.glob("kiosk.json.broken-*"))
    # Staff see the problem on the PIN pad (no dialog), with the file's name only: a
    # visitor may be looking too.
    mode.open_pin_pad()  # type: ignore[attr-defined]
    notes = mode.pin_pad.notes.text()  # type: ignore[attr-defined]
    assert notes.startswith("kiosk.json: line 2") and str(path.parent) not in notes
    assert visible_dialogs() == []


@pytest.mark.parametrize(("lang", "screen_width"), [("zh", 800), ("en", 1024)])
def test_every_tab_fits_on_the_screen_without_tiny_scroll_arrows(
        open_kiosk: KioskFactory, qapp: QApplication, lang: str, screen_width: int) -> None:
    window = open_kiosk(CALM)
    mode = window.mode
    mode._screen_width = screen_width  # type: ignore[attr-defined]  # a projector-sized screen
    window.appearance.set_language(lang)
    qapp.processEvents()
    bar = window.tabs.tabBar()
    needed = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
    assert needed <= screen_width
    assert all(bar.tabSizeHint(i).height() >= 44 for i in range(bar.count()))


def _swipe_up(window: MainWindow, qtbot: QtBot, start: QPoint, distance: int) -> None:
    """A finger pressed at ``start`` (window coordinates) and pulled up."""
    handle = window.windowHandle()
    button, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(handle, button, none, start)
    for step in range(1, 11):
        qtbot.wait(15)
        QTest.mouseMove(handle, start - QPoint(0, distance * step // 10))
    QTest.mouseRelease(handle, button, none, start - QPoint(0, distance))


def _page_scroller(window: MainWindow) -> QScrollArea:
    window.show_pane("overview")
    pane = window.pane("overview")
    return next(a for a in pane.findChildren(QScrollArea) if a.isVisible())


def test_a_swipe_scrolls_the_page_and_a_tap_still_presses_a_card(
        open_kiosk: KioskFactory, qtbot: QtBot, qapp: QApplication) -> None:
    window = open_kiosk(CALM)
    area = _page_scroller(window)
    settle(qapp)
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    assert bar.width() >= 44  # a finger can take the scroll bar too
    _swipe_up(window, qtbot, area.viewport().mapTo(window, QPoint(300, 300)), 200)
    wait(qtbot, lambda: bar.value() >= 150)
    # A drag over text scrolls instead of selecting it.
    labels = [w for w in area.findChildren(QLabel) if w.text()]
    selectable = Qt.TextInteractionFlag.TextSelectableByMouse
    assert labels and not any(w.textInteractionFlags() & selectable for w in labels)
    # Once the page has stopped gliding (a tap while it glides only stops it), a tap is
    # still a tap: it selects the card under the finger.
    scroller = QScroller.scroller(area.viewport())
    wait(qtbot, lambda: scroller.state() == QScroller.State.Inactive)
    card = next(c for c in area.findChildren(ItemCard) if c.isVisible())
    area.ensureWidgetVisible(card)  # how far a flick glides depends on its speed
    settle(qapp)
    centre = card.visibleRegion().boundingRect().center()
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, card.mapTo(window, centre))
    wait(qtbot, lambda: window.selection.item == (card.kind, card.item_id))


def test_after_the_kiosk_a_drag_selects_text_again(
        open_kiosk: KioskFactory, qtbot: QtBot, qapp: QApplication) -> None:
    window = open_kiosk(CALM)
    window.set_mode("student")
    settle(qapp)
    area = _page_scroller(window)
    settle(qapp)
    bar = area.verticalScrollBar()
    assert bar.width() < 44 and bar.styleSheet() == ""
    labels = [w for w in area.findChildren(QLabel)
              if w.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse]
    assert labels  # students copy text from the pages
    _swipe_up(window, qtbot, area.viewport().mapTo(window, QPoint(300, 300)), 200)
    qtbot.wait(300)
    assert bar.value() == 0
