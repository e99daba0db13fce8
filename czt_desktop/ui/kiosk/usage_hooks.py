"""Feeds the kiosk's usage log from the window: stage and pane changes, language
switches. Only while a visitor session runs: the attract loop's tour and the idle reset
change stages and panes too, and those are nobody's visit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from czt_desktop.kiosk.usage_log import UsageLog

if TYPE_CHECKING:
    from czt_desktop.ui.modes.base import ModeHost


class UsageRecorder(QObject):
    def __init__(self, window: ModeHost, usage: UsageLog,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.usage = usage
        self._connected = False

    def connect_window(self) -> None:
        if self._connected:
            return
        self._connected = True
        self.window.selection.stage_changed.connect(self._on_stage)
        self.window.pane_changed.connect(self._on_pane)
        self.window.appearance.language_changed.connect(self.usage.set_language)

    def disconnect_window(self) -> None:
        if not self._connected:
            return
        self._connected = False
        self.window.selection.stage_changed.disconnect(self._on_stage)
        self.window.pane_changed.disconnect(self._on_pane)
        self.window.appearance.language_changed.disconnect(self.usage.set_language)

    def on_screen(self) -> dict[str, str]:
        return {"stage": str(self.window.selection.stage), "pane": self.window.current_pane_id}

    def start_session(self, started_by: str) -> None:
        self.usage.start_session(self.window.appearance.lang, started_by, self.on_screen())

    def _on_stage(self, stage_id: int) -> None:
        self.usage.view("stage", str(stage_id))

    def _on_pane(self, pane_id: str) -> None:
        self.usage.view("pane", pane_id)
