"""Issue 21: the kiosk fails closed. Whatever fails while it starts (reading the config,
the PIN lockout, the usage log, an overlay, the guard, covering the screen, even making
the mode at all), the window ends up full screen, without menus, refusing to close, and
the log says why."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from czt_desktop.kiosk.config import KioskConfigStore
from czt_desktop.kiosk.pin import hash_pin
from czt_desktop.kiosk.usage_log import UsageLog
from czt_desktop.ui.assemble import MainWindow
from czt_desktop.ui.kiosk import exit_gesture
from czt_desktop.ui.kiosk.attract import AttractOverlay
from czt_desktop.ui.kiosk.guard import KioskGuard
from czt_desktop.ui.kiosk.pin_pad import PinPad
from czt_desktop.ui.modes import kiosk as kiosk_module
from tests.kiosk_support import CALM, KioskFactory, open_kiosk, settle, still_locked

__all__ = ["open_kiosk"]


def _broken(*_args: Any, **_kwargs: Any) -> Any:
    raise RuntimeError("injected failure")


#: Where a failure is injected, and the part of the kiosk it takes out (None: nothing
#: visible is missing; the kiosk must be locked anyway).
FAILURES: dict[str, tuple[Callable[[pytest.MonkeyPatch], None], str | None]] = {
    "reading the config": (
        lambda mp: mp.setattr(KioskConfigStore, "load", _broken), None),
    "the PIN lockout": (
        lambda mp: mp.setattr(kiosk_module, "lockout_state_path", _broken), None),
    "the usage log": (lambda mp: mp.setattr(UsageLog, "open", _broken), "usage"),
    "the attract overlay": (
        lambda mp: mp.setattr(AttractOverlay, "__init__", _broken), "attract"),
    "the PIN pad": (lambda mp: mp.setattr(PinPad, "__init__", _broken), "pin_pad"),
    "the guard": (lambda mp: mp.setattr(KioskGuard, "install", _broken), None),
    "covering the screen": (
        lambda mp: mp.setattr(MainWindow, "cover_screen", _broken), None),
    "the home screen": (
        lambda mp: mp.setattr(MainWindow, "reset_to_home", _broken), None),
    "making the mode": (
        lambda mp: mp.setattr(kiosk_module.KioskMode, "__init__", _broken), "everything"),
}


def test_a_failure_while_starting_leaves_the_kiosk_locked(
        open_kiosk: KioskFactory, monkeypatch: pytest.MonkeyPatch, qapp: QApplication,
        caplog: pytest.LogCaptureFixture) -> None:
    # One window for every failure (entering the kiosk again is quick; building a
    # window is not): each is injected, the kiosk entered, checked, and left.
    window = open_kiosk({**CALM, "pin_hash": hash_pin("246813", iterations=1_000)})
    options = window.mode.options
    window.set_mode("student")
    for where, (inject, missing) in FAILURES.items():
        caplog.clear()
        with monkeypatch.context() as patch, caplog.at_level(logging.ERROR):
            inject(patch)
            window.set_mode("kiosk", options)
        settle(qapp)
        assert still_locked(window), where
        assert window.windowFlags() & Qt.WindowType.FramelessWindowHint, where
        assert not window.menuBar().isVisible(), where
        assert not window.close(), where
        assert "injected failure" in caplog.text, where  # the log says why
        mode: Any = window.mode
        if where in {"reading the config", "the PIN lockout"}:
            # The safe default: nobody leaves from the screen, not even with the PIN
            # that is in the file.
            mode.open_pin_pad()
            assert not mode.lock.has_pin and not mode.pin_pad.keypad.isVisible(), where
            mode.pin_pad.cancel()
            assert all("/" not in note for note in mode.visitor_notes), where
        if missing == "everything":
            assert type(mode).__name__ == "LockedKiosk"
        elif missing is not None:
            assert getattr(mode, missing) is None, where
            assert mode.state == "waiting", where  # the rest of the kiosk still works
        # Leaving gives the window back whole.
        window.set_mode("student")
        settle(qapp)
        assert window.capabilities.close and window.menuBar().isVisible(), where
        assert not window.isFullScreen(), where


def test_a_part_that_fails_with_the_config_is_made_with_the_safe_defaults(
        open_kiosk: KioskFactory, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    made = exit_gesture.ExitGesture.__init__

    def picky(self: Any, window: Any, corner: str, *args: Any) -> None:
        if corner != "top-left":
            raise ValueError(f"cannot watch the {corner} corner")
        made(self, window, corner, *args)

    monkeypatch.setattr(exit_gesture.ExitGesture, "__init__", picky)
    with caplog.at_level(logging.WARNING, "czt.kiosk"):
        window = open_kiosk({**CALM, "exit_corner": "bottom-right",
                             "pin_hash": hash_pin("246813", iterations=1_000)})
    mode: Any = window.mode
    assert mode.gesture is not None and mode.pin_pad is not None
    assert "the staff exit uses the safe defaults" in caplog.text
    assert still_locked(window)
