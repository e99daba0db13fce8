"""A visitor walks away: "Are you still there?", reset, attract loop, the next touch; the
usage log records it; an error resets the kiosk without a dialog. Timers are shortened
through the kiosk config."""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from czt_desktop.content import Content
from czt_desktop.kiosk.commands import kiosk_report_command
from czt_desktop.kiosk.usage_log import default_usage_db
from czt_desktop.ui.kiosk.attract import tour
from tests.kiosk_support import (
    CALM,
    FAST,
    KioskFactory,
    open_kiosk,
    settle,
    still_locked,
    visible_dialogs,
    wait,
)

__all__ = ["open_kiosk"]

LEFT = Qt.MouseButton.LeftButton


def test_idle_countdown_reset_attract_and_touch(open_kiosk: KioskFactory, qtbot: QtBot,
                                                qapp: QApplication, home: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    window = open_kiosk({**FAST, "default_language": "zh"})
    mode = window.mode
    assert window.lang == "zh" and mode.state == "waiting"  # type: ignore[attr-defined]
    # A visitor: a stage on the timeline, another pane, English.
    qtbot.mouseClick(window.timeline.band(3), LEFT)
    assert mode.state == "visitor"  # type: ignore[attr-defined]
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(window.pane_ids().index("plans")).center())
    qtbot.mouseClick(window.language_button, LEFT)
    assert (window.selection.stage, window.current_pane_id, window.lang) == (3, "plans", "en")
    # They walk away: the countdown, then the reset to home in Chinese, then the tour.
    countdown = mode.countdown  # type: ignore[attr-defined]
    wait(qtbot, countdown.isVisible)
    assert "still there" in countdown.title.text()
    with qtbot.waitSignal(window.reset_done, timeout=3000):
        pass
    assert window.lang == "zh"
    attract = mode.attract_overlay  # type: ignore[attr-defined]
    wait(qtbot, attract.isVisible)
    assert not countdown.isVisible()
    assert mode.state == "attract"  # type: ignore[attr-defined]
    loop = mode.attract  # type: ignore[attr-defined]
    wait(qtbot, lambda: loop.index >= 3)  # it tours stages and panes
    seen_stage = window.selection.stage
    # Nothing on screen can be pressed through the invitation: the first touch wakes.
    qtbot.mouseClick(attract, LEFT, pos=QPoint(window.width() // 2, window.height() // 2))
    assert not attract.isVisible() and not loop.running
    assert mode.state == "visitor"  # type: ignore[attr-defined]
    assert window.selection.stage == seen_stage  # the visitor stays where the tour was
    assert still_locked(window)
    # Leaving closes the log; the report shows what happened.
    window.set_mode("student")
    with sqlite3.connect(default_usage_db()) as con:
        sessions = con.execute("SELECT started_by, end_reason FROM sessions ORDER BY id"
                               ).fetchall()
        views = con.execute("SELECT kind, subject, language FROM views ORDER BY id").fetchall()
        events = [r[0] + ":" + r[1] for r in con.execute(
            "SELECT kind, detail FROM events ORDER BY id")]
    assert sessions == [("touch", "idle"), ("attract", "kiosk-stop")]
    assert ("stage", "3", "zh") in views and ("pane", "plans", "zh") in views
    assert ("stage", "3", "en") in views  # the language switch reopened the views
    assert events[0] == "kiosk-start:" and "language:en" in events
    assert "idle-reset:" in events and "attract-start:" in events
    assert "attract-stop:touch" in events and events[-1] == "kiosk-stop:"
    assert kiosk_report_command([]) == 0
    report = capsys.readouterr().out
    assert "Visitor sessions: 2" in report and "interrupted by a visitor: 1" in report
    settle(qapp)


# Offscreen Qt cannot raise a drop-down list or give it the keyboard, and says so.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_a_touch_during_the_countdown_keeps_the_visit(open_kiosk: KioskFactory,
                                                      qtbot: QtBot) -> None:
    window = open_kiosk({**FAST, "countdown_seconds": 30, "log_usage": False})
    mode = window.mode
    qtbot.mouseClick(window.timeline.band(4), LEFT)
    # The visitor left a drop-down list open: it must not stay above the countdown.
    window.show_pane("enterprises")
    combo = next(c for c in window.pane("enterprises").findChildren(QComboBox)
                 if c.isVisible())
    combo.showPopup()
    assert QApplication.activePopupWidget() is not None
    countdown = mode.countdown  # type: ignore[attr-defined]
    wait(qtbot, countdown.isVisible)
    assert QApplication.activePopupWidget() is None
    qtbot.mouseClick(countdown.stay_button, LEFT)
    assert not countdown.isVisible()
    assert mode.state == "visitor" and window.selection.stage == 4  # type: ignore[attr-defined]
    assert mode.usage is None  # type: ignore[attr-defined]
    assert not default_usage_db().exists()


def test_nobody_there_goes_straight_to_the_attract_loop(open_kiosk: KioskFactory,
                                                        qtbot: QtBot) -> None:
    window = open_kiosk(FAST)
    mode = window.mode
    wait(qtbot, mode.attract_overlay.isVisible)  # type: ignore[attr-defined]
    assert not mode.countdown.isVisible()  # type: ignore[attr-defined]
    qtbot.keyClick(mode.attract_overlay, Qt.Key.Key_Space)  # type: ignore[attr-defined]
    assert mode.state == "visitor"  # type: ignore[attr-defined]


def test_an_error_resets_the_kiosk_without_a_dialog(open_kiosk: KioskFactory, qtbot: QtBot,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    window = open_kiosk(CALM)
    qtbot.mouseClick(window.timeline.band(4), LEFT)
    window.show_pane("plans")

    def broken_slot() -> None:
        raise RuntimeError("a kiosk slot went wrong")

    with caplog.at_level(logging.CRITICAL, "czt.crash"):
        QTimer.singleShot(0, broken_slot)
        wait(qtbot, lambda: window.selection.stage == 1 and window.current_pane_id == "overview")
    assert "a kiosk slot went wrong" in caplog.text and "Traceback" in caplog.text
    assert visible_dialogs() == []
    assert window.mode.state == "waiting"  # type: ignore[attr-defined]
    assert still_locked(window)
    # Errors in other threads reset too (on the GUI thread).
    qtbot.mouseClick(window.timeline.band(2), LEFT)

    def worker() -> None:
        raise ValueError("a worker went wrong")

    with caplog.at_level(logging.CRITICAL, "czt.crash"):
        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
        wait(qtbot, lambda: window.selection.stage == 1)
    assert "a worker went wrong" in caplog.text
    with sqlite3.connect(default_usage_db()) as con:
        reasons = [r[0] for r in con.execute("SELECT end_reason FROM sessions")]
    assert reasons == ["error", "error"]


def test_the_attract_tour_covers_every_stage_and_chart(content: Content) -> None:
    slides = tour(content)
    assert [s.stage_id for s in slides if s.pane_id == "overview" and s.chart is None] == \
        [s.id for s in content.stages]
    assert {s.chart for s in slides} == {None, "milestones", "enterprises", "gdp", "shares"}
    enterprise_stages = {s.stage_id for s in slides if s.chart == "enterprises"}
    assert enterprise_stages == {e.stage_id for e in content.enterprises}
    latest = max(s.year for s in content.statistics if s.year is not None)
    assert all(content.stage(s.stage_id).contains(latest) for s in slides if s.chart == "gdp")


def test_after_an_idle_reset_the_kiosk_gives_freed_memory_back(
        open_kiosk: KioskFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from czt_desktop.ui.modes import kiosk as kiosk_module

    trims: list[bool] = []
    monkeypatch.setattr(kiosk_module, "TRIM_DELAY_MS", 10)
    monkeypatch.setattr(kiosk_module, "release_free_memory", lambda: trims.append(True))
    window = open_kiosk(FAST)
    qtbot.mouseClick(window.timeline.band(2), LEFT)  # a visitor, who then walks away
    with qtbot.waitSignal(window.reset_done, timeout=3000):
        pass
    wait(qtbot, lambda: bool(trims))
    assert still_locked(window)


def test_giving_memory_back_is_harmless_where_it_is_not_possible() -> None:
    from czt_desktop.kiosk import memory

    assert memory.release_free_memory() in (True, False)
    assert memory.release_free_memory() == memory.release_free_memory()
    assert memory.keep_large_blocks_apart() == memory.release_free_memory()


def test_giving_memory_back_also_frees_what_a_visit_left_in_reference_cycles() -> None:
    import gc
    import weakref

    from czt_desktop.kiosk import memory

    class Page:
        me: Page

    page = Page()
    page.me = page  # a cycle: only the garbage collector frees it
    gone = weakref.ref(page)
    del page
    gc.disable()  # so only the kiosk's own collection can free it
    try:
        memory.release_free_memory()
        assert gone() is None
    finally:
        gc.enable()
