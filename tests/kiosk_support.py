"""A main window in kiosk mode for the kiosk tests, with short timers from the config."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from czt_desktop.content import Content
from czt_desktop.settings import SettingsStore
from czt_desktop.ui.assemble import MainWindow, open_window
from czt_desktop.ui.modes import ModeOptions
from czt_desktop.ui.modes import kiosk as kiosk_module

#: Timers short enough that an idle → countdown → attract cycle takes about a second.
FAST: dict[str, Any] = {"idle_seconds": 0.4, "countdown_seconds": 0.5,
                        "attract_seconds_per_slide": 0.2}
#: Timers long enough never to fire during a test.
CALM: dict[str, Any] = {"idle_seconds": 600, "countdown_seconds": 60,
                        "attract_seconds_per_slide": 60}


class KioskFactory:
    """``make(config)`` opens a window in kiosk mode; ``quits`` counts staff exits."""

    def __init__(self, qtbot: QtBot, qapp: QApplication, content: Content, home: Path) -> None:
        self.qtbot, self.qapp, self.content, self.home = qtbot, qapp, content, home
        self.quits: list[bool] = []
        self.windows: list[MainWindow] = []
        self.config_path = home / "config" / "kiosk.json"

    def __call__(self, config: dict[str, Any] | None = None, *,
                 path: Path | None = None) -> MainWindow:
        if config is not None:
            self.config_path.parent.mkdir(parents=True, exist_ok=True)
            self.config_path.write_text(json.dumps(config), encoding="utf-8")
        store = SettingsStore(self.home / "config")
        prefs = store.load()
        window = open_window(self.content, store, prefs)
        self.qtbot.addWidget(window)
        with self.qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        window.finish_building()
        window.set_mode("kiosk", ModeOptions(kiosk_config=path or self.config_path))
        self.windows.append(window)
        return window

    def leave_all(self) -> None:
        for window in self.windows:
            if shiboken6.isValid(window) and window.mode.name == "kiosk":
                window.set_mode("student")


@pytest.fixture
def open_kiosk(qtbot: QtBot, qapp: QApplication, content: Content, home: Path,
               monkeypatch: pytest.MonkeyPatch) -> Iterator[KioskFactory]:
    factory = KioskFactory(qtbot, qapp, content, home)
    monkeypatch.setattr(kiosk_module, "quit_application", lambda: factory.quits.append(True))
    yield factory
    factory.leave_all()


def still_locked(window: MainWindow) -> bool:
    """What a visitor would see: the kiosk window, on screen, full screen, in kiosk mode."""
    return (shiboken6.isValid(window) and window.isVisible() and window.isFullScreen()
            and not window.isMinimized() and window.mode.name == "kiosk")


def visible_dialogs() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def settle(qapp: QApplication, rounds: int = 3) -> None:
    for _ in range(rounds):
        qapp.processEvents()


def wait(qtbot: QtBot, condition: Callable[[], bool], timeout: int = 5000) -> None:
    qtbot.waitUntil(condition, timeout=timeout)
