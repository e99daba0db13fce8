"""Issue 21: the kiosk's window watchdog and the one-kiosk-per-display lock, offscreen.

The window manager is played by a fake here; tests/test_kiosk_x11.py runs the real
thing (Xvfb and openbox) where it is installed.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from czt_desktop.kiosk import x11
from czt_desktop.kiosk.display_lock import (
    ALREADY_RUNNING_EXIT_CODE,
    DisplayLock,
    display_key,
    refuse_second_kiosk,
)
from czt_desktop.ui.kiosk import watchdog as watchdog_module
from czt_desktop.ui.kiosk.watchdog import WindowWatchdog

LOCKED = Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint


class FakeWindowManager:
    """What an EWMH window manager would say of one window, and what it was asked."""

    def __init__(self) -> None:
        self.alive = True
        self.current = 0
        self.desktop = 0
        self.state = {"ABOVE", "FULLSCREEN"}
        self.above: list[int] = []
        self.asked: list[str] = []
        self.broken = False

    def close(self) -> None:
        self.alive = False

    def wm_present(self) -> bool:
        return True

    def current_desktop(self) -> int | None:
        return self.current

    def desktop_of(self, window: int) -> int | None:
        return self.desktop

    def state_of(self, window: int) -> set[str] | None:
        if self.broken:
            raise RuntimeError("the window manager went away")
        return set(self.state)

    def pid_of(self, window: int) -> int | None:
        return os.getpid() + 1  # another program's

    def windows_above(self, window: int) -> list[int]:
        return list(self.above)

    def move_to_desktop(self, window: int, desktop: int) -> bool:
        self.asked.append(f"desktop {desktop}")
        self.desktop = desktop
        return True

    def add_state(self, window: int, first: str, second: str = "") -> bool:
        self.asked.append(f"state {first} {second}".strip())
        self.state |= {first, second} - {""}
        return True

    def activate(self, window: int) -> bool:
        self.asked.append("activate")
        self.above = []  # raised above the others
        return True


@pytest.fixture
def watched(qtbot: QtBot) -> Iterator[tuple[QWidget, FakeWindowManager, WindowWatchdog]]:
    window = QWidget()
    window.setWindowFlags(window.windowFlags() | LOCKED)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.showFullScreen()
        window.activateWindow()
    wm = FakeWindowManager()
    dog = WindowWatchdog(window, hints=wm, grace_seconds=0.01, tick_ms=10)
    dog.start()
    yield window, wm, dog
    dog.stop()


def test_the_watchdog_takes_the_window_back(
        watched: tuple[QWidget, FakeWindowManager, WindowWatchdog], qtbot: QtBot,
        caplog: pytest.LogCaptureFixture) -> None:
    window, wm, dog = watched
    assert dog.problems() == []
    with caplog.at_level(logging.WARNING, "czt.kiosk"):
        wm.current = 2  # the desktop was switched
        qtbot.waitUntil(lambda: wm.desktop == 2 and dog.problems() == [])
        wm.desktop = 1  # the window was sent to another desktop
        qtbot.waitUntil(lambda: wm.desktop == 2 and dog.problems() == [])
        wm.state.discard("ABOVE")  # "always on top" taken away
        qtbot.waitUntil(lambda: "ABOVE" in wm.state)
        wm.above = [4242]  # another program's window over it
        qtbot.waitUntil(lambda: dog.counts[watchdog_module.COVERED] == 1 and not wm.above)
        window.showNormal()
        qtbot.waitUntil(window.isFullScreen)
        window.hide()
        qtbot.waitUntil(lambda: window.isVisible() and window.isFullScreen())
        window.setWindowFlags(Qt.WindowType.Window)  # the flags changed behind its back
        qtbot.waitUntil(lambda: (window.windowFlags() & LOCKED) == LOCKED
                        and window.isVisible())
    assert "desktop 2" in wm.asked and "state ABOVE FULLSCREEN" in wm.asked
    for problem in (watchdog_module.OTHER_DESKTOP, watchdog_module.NOT_ON_TOP,
                    watchdog_module.COVERED, watchdog_module.NOT_FULL_SCREEN,
                    watchdog_module.HIDDEN, watchdog_module.FLAGS):
        assert dog.counts[problem] >= 1, problem
    assert "taking it back" in caplog.text


def test_a_failing_watchdog_does_not_take_the_kiosk_with_it(
        watched: tuple[QWidget, FakeWindowManager, WindowWatchdog], qtbot: QtBot,
        caplog: pytest.LogCaptureFixture) -> None:
    window, wm, dog = watched
    with caplog.at_level(logging.ERROR, "czt.kiosk"):
        wm.broken = True
        qtbot.waitUntil(lambda: "could not look at the window" in caplog.text)
    assert dog.running and window.isVisible()
    wm.broken = False
    dog.stop()
    assert not wm.alive and not dog.running


def test_x11_is_only_used_where_it_is_there(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    assert x11.connect() is None  # no display
    monkeypatch.setattr(x11, "_load", lambda: None)
    assert x11.connect(":0") is None  # no libxcb (Wayland only, Windows, macOS)
    assert watchdog_module.window_manager_hints() is None  # offscreen: Qt alone


def test_x11_without_a_server_is_none() -> None:
    if x11._load() is None:
        pytest.skip("libxcb is not installed")
    assert x11.connect(":4711") is None  # no X server there


def test_the_display_key_names_the_display() -> None:
    assert display_key({"DISPLAY": ":0"}) == display_key({"DISPLAY": ":0.1"}) == "x11-0"
    assert display_key({"DISPLAY": "kiosk-pc:10.0"}) == "x11-kiosk-pc-10"
    assert display_key({"WAYLAND_DISPLAY": "wayland-1"}) == "wayland-wayland-1"
    assert display_key({"WAYLAND_DISPLAY": "wayland-1", "DISPLAY": ":0",
                        "QT_QPA_PLATFORM": "wayland"}) == "wayland-wayland-1"
    assert display_key({}) == "default"
    offscreen = display_key({"QT_QPA_PLATFORM": "offscreen"})
    assert offscreen.endswith(str(os.getpid()))  # offscreen kiosks never clash
    assert display_key({"DISPLAY": "../../etc:0"}) == "x11-.._.._etc-0"


def test_one_kiosk_per_display(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                               caplog: pytest.LogCaptureFixture) -> None:
    first = DisplayLock("x11-7", tmp_path)
    assert first.acquire() and first.held
    second = DisplayLock("x11-7", tmp_path)
    assert not second.acquire()
    assert DisplayLock("x11-8", tmp_path).acquire()  # another display
    with caplog.at_level(logging.ERROR, "czt.kiosk"):
        assert refuse_second_kiosk(second) == ALREADY_RUNNING_EXIT_CODE
    said = capsys.readouterr().err + caplog.text
    assert f"process {os.getpid()}" in said and "already runs on this display" in said
    first.release()
    assert second.acquire()  # the first one ended: the next kiosk may start
    second.release()
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    assert DisplayLock("x11-9", blocker).acquire()  # no lock file possible: not refused
