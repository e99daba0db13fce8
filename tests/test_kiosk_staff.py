"""Staff leave the kiosk with five taps in a corner and the PIN; visitors cannot."""

from __future__ import annotations

import io
import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from czt_desktop import paths
from czt_desktop.kiosk.commands import kiosk_pin_command
from czt_desktop.kiosk.pin import hash_pin
from czt_desktop.logs import setup_logging
from czt_desktop.ui.assemble import MainWindow
from tests.kiosk_support import (
    CALM,
    KioskFactory,
    open_kiosk,
    settle,
    still_locked,
    visible_dialogs,
    wait,
)

__all__ = ["open_kiosk"]

LEFT = Qt.MouseButton.LeftButton


class FakeClock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


def tap_corner(qtbot: QtBot, window: MainWindow, times: int = 5,
               where: QPoint | None = None) -> None:
    for _ in range(times):
        qtbot.mouseClick(window, LEFT, pos=where or QPoint(10, 10))


def type_pin(qtbot: QtBot, window: MainWindow, pin: str) -> None:
    pad = window.mode.pin_pad  # type: ignore[attr-defined]
    for digit in pin:
        qtbot.mouseClick(pad.keys[digit], LEFT)
    qtbot.mouseClick(pad.keys["ok"], LEFT)


def test_four_taps_or_taps_elsewhere_do_nothing(open_kiosk: KioskFactory, qtbot: QtBot) -> None:
    window = open_kiosk({**CALM, "pin_hash": hash_pin("2580")})
    pad = window.mode.pin_pad  # type: ignore[attr-defined]
    tap_corner(qtbot, window, 4)
    assert not pad.isVisible()
    tap_corner(qtbot, window, 5, QPoint(window.width() // 2, 10))
    assert not pad.isVisible()
    tap_corner(qtbot, window, 5)
    assert pad.isVisible()
    assert pad.width() == window.width() and pad.height() == window.height()
    assert visible_dialogs() == []  # an overlay, not a dialog
    qtbot.mouseClick(pad.cancel_button, LEFT)
    assert not pad.isVisible()
    assert still_locked(window)


def test_the_right_pin_leaves_the_kiosk_and_quits(open_kiosk: KioskFactory,
                                                  qtbot: QtBot) -> None:
    window = open_kiosk({**CALM, "pin_hash": hash_pin("2580"), "exit_corner": "bottom-right"})
    tap_corner(qtbot, window, 5, QPoint(window.width() - 5, window.height() - 5))
    pad = window.mode.pin_pad  # type: ignore[attr-defined]
    assert pad.isVisible()
    keys = pad.keys
    assert all(k.width() >= 44 and k.height() >= 44 for k in keys.values())
    assert all(k.accessibleName() for k in keys.values())
    type_pin(qtbot, window, "2580")
    assert open_kiosk.quits == [True]
    assert window.mode.name == "student" and window.capabilities.close
    assert window.menuBar().isVisible()
    assert QGuiApplication.overrideCursor() is None


def test_wrong_pins_lock_the_pad_for_a_minute(open_kiosk: KioskFactory, qtbot: QtBot,
                                              qapp: QApplication) -> None:
    window = open_kiosk({**CALM, "pin_hash": hash_pin("2580")})
    mode = window.mode
    clock = FakeClock()
    mode.lock.clock = clock  # type: ignore[attr-defined]
    tap_corner(qtbot, window)
    pad = mode.pin_pad  # type: ignore[attr-defined]
    type_pin(qtbot, window, "1111")
    assert pad.isVisible() and "4" in pad.message.text()  # four tries left
    assert pad.entered == 0
    for _ in range(4):
        type_pin(qtbot, window, "1111")
    assert "60" in pad.message.text()
    assert not any(key.isEnabled() for key in pad.keys.values())
    # Closing and opening the pad again does not lift the lock.
    qtbot.mouseClick(pad.cancel_button, LEFT)
    tap_corner(qtbot, window)
    assert pad.isVisible() and not pad.keys["2"].isEnabled()
    clock.now += 30
    wait(qtbot, lambda: "30" in pad.message.text())
    clock.now += 31
    wait(qtbot, pad.keys["2"].isEnabled)
    assert pad.message.text() == ""
    type_pin(qtbot, window, "2580")
    assert open_kiosk.quits == [True]
    settle(qapp)


def test_keyboard_digits_work_on_the_pad(open_kiosk: KioskFactory, qtbot: QtBot) -> None:
    window = open_kiosk({**CALM, "pin_hash": hash_pin("97531")})
    tap_corner(qtbot, window)
    pad = window.mode.pin_pad  # type: ignore[attr-defined]
    seen = set()
    for _ in range(20):  # Tab never leaves the pad for the window below it
        qtbot.keyClick(window.focusWidget() or pad, Qt.Key.Key_Tab)
        focused = window.focusWidget()
        assert focused is pad or pad.isAncestorOf(focused), focused
        seen.add(focused.objectName())
    assert {"pinKey-1", "pinKey-0"} <= seen  # it went round the keys
    qtbot.keyClicks(pad, "975312")
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)
    assert pad.entered == 5
    qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert open_kiosk.quits == [True]


def test_without_a_pin_the_pad_says_how_to_set_one(open_kiosk: KioskFactory,
                                                   qtbot: QtBot) -> None:
    window = open_kiosk(CALM)
    tap_corner(qtbot, window)
    pad = window.mode.pin_pad  # type: ignore[attr-defined]
    assert pad.isVisible()
    assert not pad.keypad.isVisible()
    assert "czt-desktop kiosk-pin" in pad.command.text() and pad.command.isVisible()
    qtbot.mouseClick(pad.cancel_button, LEFT)
    assert still_locked(window)


def test_a_pin_set_while_the_kiosk_runs_works_without_a_restart(
        open_kiosk: KioskFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_kiosk(CALM)
    monkeypatch.setattr(sys, "stdin", io.StringIO("864213\n"))
    assert kiosk_pin_command(["--config", str(open_kiosk.config_path), "--pin-stdin"]) == 0
    tap_corner(qtbot, window)
    type_pin(qtbot, window, "864213")
    assert open_kiosk.quits == [True]


def test_the_pad_closes_itself_when_left_alone(open_kiosk: KioskFactory, qtbot: QtBot) -> None:
    window = open_kiosk({**CALM, "pin_hash": hash_pin("2580"), "pin_pad_timeout_seconds": 0.3})
    tap_corner(qtbot, window)
    pad = window.mode.pin_pad  # type: ignore[attr-defined]
    qtbot.mouseClick(pad.keys["2"], LEFT)
    wait(qtbot, lambda: not pad.isVisible(), 3000)
    assert still_locked(window)


def test_no_plain_pin_is_written_anywhere(open_kiosk: KioskFactory, qtbot: QtBot, home: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    pin, wrong = "4718293605", "4718293604"
    log_file = setup_logging(paths.user_log_dir(), verbose=True)
    try:
        monkeypatch.setattr(sys, "stdin", io.StringIO(pin + "\n"))
        assert kiosk_pin_command(["--pin-stdin"]) == 0
        window = open_kiosk(None)
        tap_corner(qtbot, window)
        pad = window.mode.pin_pad  # type: ignore[attr-defined]
        qtbot.keyClicks(pad, wrong)
        qtbot.keyClick(pad, Qt.Key.Key_Enter)
        type_pin(qtbot, window, pin)
        assert open_kiosk.quits == [True]
    finally:
        for handler in list(logging.getLogger("czt").handlers):
            logging.getLogger("czt").removeHandler(handler)
            handler.close()
    assert log_file is not None and "staff exit" in log_file.read_text(encoding="utf-8")
    written = [p for p in home.rglob("*") if p.is_file()]
    assert any(p.name == "kiosk.json" for p in written)
    assert any(p.name.startswith("kiosk-usage.sqlite3") for p in written)
    for path in written:
        data = path.read_bytes()
        for secret in (pin, wrong):
            assert secret.encode() not in data, path
            assert secret.encode("utf-16-le") not in data, path
