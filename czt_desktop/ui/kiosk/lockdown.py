"""The part of the kiosk that must never fail: the window locked.

Full screen, frameless, above other windows, no mouse pointer; every way out refused
(:class:`~czt_desktop.ui.kiosk.guard.KioskGuard`); the window watched and taken back
when something moves it (:class:`~czt_desktop.ui.kiosk.watchdog.WindowWatchdog`);
unhandled errors logged and turned into a reset instead of a dialog
(:class:`~czt_desktop.ui.kiosk.crash_hook.KioskCrashHook`).

Each step runs on its own: one that fails is logged and the others still run, and if
any failed the window is made full screen without menus once more by the plainest
means there are. The mode's capabilities (applied by the window before the kiosk is
entered) already refuse to close it. Everything else the kiosk does (the PIN pad, the
idle reset, the attract loop, the usage log) is optional by comparison: when it fails,
the kiosk is less friendly, never less locked.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QCursor, QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow

from czt_desktop.ui.kiosk.crash_hook import KioskCrashHook
from czt_desktop.ui.kiosk.guard import KioskGuard
from czt_desktop.ui.kiosk.watchdog import WindowWatchdog

if TYPE_CHECKING:
    from czt_desktop.ui.modes.base import ModeHost

log = logging.getLogger("czt.kiosk")

_LOCKED_FLAGS = Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint


class Lockdown(QObject):
    """:meth:`engage` when the kiosk starts, :meth:`release` when staff leave."""

    def __init__(self, window: ModeHost, on_error: Callable[[str], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self._on_error = on_error
        self.crash_hook: KioskCrashHook | None = None
        self.guard: KioskGuard | None = None
        self.watchdog: WindowWatchdog | None = None
        #: The steps that failed (logged); empty when all went well.
        self.failed: list[str] = []
        self._saved_zoom: int | None = None
        self._covered = False
        self._pointer_hidden = False
        #: The window's flags before :meth:`last_resort` changed them (to put back).
        self._flags_before: Qt.WindowType | None = None

    def engage(self, screen: QScreen, zoom_percent: int) -> None:
        """Lock the window on ``screen``; never raises."""
        steps: tuple[tuple[str, Callable[[], None]], ...] = (
            ("the error handler", self._hook_errors),
            ("the zoom", lambda: self._zoom(zoom_percent)),
            ("full screen", lambda: self._cover(screen)),
            ("hiding the pointer", self._hide_pointer),
            ("the guard", self._guard),
            ("the window watchdog", self._watch),
        )
        for what, step in steps:
            try:
                step()
            except Exception:
                self.failed.append(what)
                log.exception("kiosk: %s failed; the kiosk stays locked", what)
        if self.failed:
            self.last_resort()

    def last_resort(self) -> None:
        """Full screen, frameless, on top and without menus by the plainest means."""
        widget = self.window.as_widget()

        def no_menus() -> None:
            if isinstance(widget, QMainWindow):
                widget.menuBar().setVisible(False)

        def frameless_on_top() -> None:
            if (widget.windowFlags() & _LOCKED_FLAGS) != _LOCKED_FLAGS:
                if self._flags_before is None:
                    self._flags_before = widget.windowFlags()
                widget.setWindowFlags(widget.windowFlags() | _LOCKED_FLAGS)

        steps: tuple[Callable[[], object], ...] = (no_menus, frameless_on_top,
                                                   widget.showFullScreen,
                                                   widget.activateWindow)
        for step in steps:
            try:
                step()
            except Exception:
                log.exception("kiosk: locking the window failed")

    # -- the steps ------------------------------------------------------------------------
    def _hook_errors(self) -> None:
        # First of all: from here on an error is logged and never shown in a dialog.
        self.crash_hook = KioskCrashHook(self._on_error, self)
        self.crash_hook.install()

    def _zoom(self, percent: int) -> None:
        appearance = self.window.appearance
        self._saved_zoom = appearance.zoom_percent
        appearance.set_zoom(percent)

    def _cover(self, screen: QScreen) -> None:
        """The whole screen (``--screen N``: a wall screen beside a desk one)."""
        window = self.window
        widget = window.as_widget()
        window.dismiss_notices()  # in the log; their "Details…" would open a dialog
        window.cover_screen(screen)
        self._covered = True
        widget.showFullScreen()
        widget.activateWindow()

    def _hide_pointer(self) -> None:
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
        self._pointer_hidden = True

    def _guard(self) -> None:
        self.guard = KioskGuard(self.window.as_widget(), self)
        self.guard.install()

    def _watch(self) -> None:
        self.watchdog = WindowWatchdog.for_window(self.window.as_widget(), self)
        self.watchdog.start()

    # -- undoing --------------------------------------------------------------------------
    def release(self) -> None:
        """Undo every step that was done; never raises."""
        steps: list[Callable[[], object]] = []
        if self.watchdog is not None:
            steps.append(self.watchdog.stop)
        if self.guard is not None:
            steps.append(self.guard.remove)
        if self.crash_hook is not None:
            steps.append(self.crash_hook.remove)
        if self._pointer_hidden:
            steps.append(QGuiApplication.restoreOverrideCursor)
        if self._saved_zoom is not None:
            saved = self._saved_zoom
            steps.append(lambda: self.window.appearance.set_zoom(saved))
        if self._covered:
            steps.append(self.window.uncover_screen)
        if self._flags_before is not None:
            widget, flags = self.window.as_widget(), self._flags_before
            steps.extend((lambda: widget.setWindowFlags(flags), widget.showNormal))
        elif not self._covered:
            steps.append(self.window.as_widget().showNormal)
        self.watchdog = self.guard = self.crash_hook = None
        self._pointer_hidden = self._covered = False
        self._saved_zoom = None
        self._flags_before = None
        for step in steps:
            try:
                step()
            except Exception:
                log.exception("kiosk: undoing the lock failed")
