"""The kiosk's watchdog: the window stays where visitors see it.

The guard (:mod:`czt_desktop.ui.kiosk.guard`) refuses what reaches the app; much that
hides a kiosk never does: a desktop switch by a key the window manager keeps, a window
sent to another desktop, "always on top" taken away, another program's window opening
over it or taking the focus. Four times a second the watchdog looks at the window, and
at what the window manager says about it on X11 (EWMH hints, through
:mod:`czt_desktop.kiosk.x11`); whatever is wrong for longer than
:data:`GRACE_SECONDS` is put right: the window is shown full screen again, moved to the
current desktop, put above the others again, raised and given the focus.

A moment of grace, because some changes are brief and harmless (a drop-down list has the
focus, the window manager is still placing the window), and because fighting the window
manager at once, every time, would flicker. When it refuses again and again, the
watchdog tries less often (up to every :data:`MAX_WAIT_SECONDS`) and says so in the log.

Elsewhere than X11 (Windows, Wayland, offscreen) only what Qt knows is looked at:
shown, full screen, not minimised, active.
"""

from __future__ import annotations

import logging
import os
import time
from collections import Counter
from collections.abc import Callable
from typing import Protocol

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from czt_desktop.kiosk.x11 import ALL_DESKTOPS

log = logging.getLogger("czt.kiosk")

#: How often the window is looked at (ms).
TICK_MS = 250
#: How long something may be wrong before it is put right (s).
GRACE_SECONDS = 1.0
#: The longest wait between two tries when the window manager keeps refusing (s).
MAX_WAIT_SECONDS = 30.0

# What can be wrong (the names appear in the log).
HIDDEN = "hidden"
MINIMISED = "minimised"
NOT_FULL_SCREEN = "not full screen"
NOT_ACTIVE = "not active"
OTHER_DESKTOP = "on another desktop"
NOT_ON_TOP = "not on top"
COVERED = "covered"
FLAGS = "window flags"

_KIOSK_FLAGS = Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint


class WindowManagerHints(Protocol):
    """What the watchdog asks of :class:`czt_desktop.kiosk.x11.X11Session`."""

    @property
    def alive(self) -> bool: ...
    def close(self) -> None: ...
    def wm_present(self) -> bool: ...
    def current_desktop(self) -> int | None: ...
    def desktop_of(self, window: int) -> int | None: ...
    def state_of(self, window: int) -> set[str] | None: ...
    def pid_of(self, window: int) -> int | None: ...
    def windows_above(self, window: int) -> list[int]: ...
    def move_to_desktop(self, window: int, desktop: int) -> bool: ...
    def add_state(self, window: int, first: str, second: str = "") -> bool: ...
    def activate(self, window: int) -> bool: ...


def window_manager_hints() -> WindowManagerHints | None:
    """A connection to the X server the app shows on, or None (not on X11)."""
    if QGuiApplication.platformName() != "xcb":
        return None
    try:
        from czt_desktop.kiosk import x11

        return x11.connect()
    except Exception:  # whatever ctypes does on an odd system: go on without
        log.exception("kiosk: cannot ask the window manager; the watchdog uses Qt alone")
        return None


class WindowWatchdog(QObject):
    """:meth:`start` when the kiosk covers the screen, :meth:`stop` when it is left.

    ``hints``: the window manager's view (None: Qt's alone); :meth:`for_window` finds it.
    """

    #: The problems that were just put right.
    taken_back = Signal(list)

    def __init__(self, window: QWidget, parent: QObject | None = None, *,
                 hints: WindowManagerHints | None = None,
                 grace_seconds: float = GRACE_SECONDS, tick_ms: int = TICK_MS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.window = window
        self.hints = hints
        self.grace_seconds = grace_seconds
        self._clock = clock
        #: How often each problem was put right (for the log and the tests).
        self.counts: Counter[str] = Counter()
        self._since: float | None = None
        self._tries = 0
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.check)

    @classmethod
    def for_window(cls, window: QWidget, parent: QObject | None = None) -> WindowWatchdog:
        return cls(window, parent, hints=window_manager_hints())

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._since = None
        self._tries = 0
        self._timer.start()
        log.info("kiosk: the window watchdog runs (%s)",
                 "with the window manager's hints" if self.hints is not None
                 else "with what Qt tells")

    def stop(self) -> None:
        self._timer.stop()
        if self.hints is not None:
            self.hints.close()
            self.hints = None

    # -- looking ---------------------------------------------------------------------------
    def _x_id(self) -> int:
        return int(self.window.winId())

    def problems(self) -> list[str]:
        """What is wrong with the window now (empty: all is well)."""
        window = self.window
        found: list[str] = []
        if not window.isVisible():
            found.append(HIDDEN)
        elif window.isMinimized():
            found.append(MINIMISED)
        elif not window.isFullScreen():
            found.append(NOT_FULL_SCREEN)
        if (window.windowFlags() & _KIOSK_FLAGS) != _KIOSK_FLAGS:
            found.append(FLAGS)
        if QApplication.activeWindow() is not window and \
                QApplication.activePopupWidget() is None:
            found.append(NOT_ACTIVE)
        hints = self.hints
        if hints is None or not hints.alive or not window.isVisible() or \
                not hints.wm_present():
            return found
        wid = self._x_id()
        current, desktop = hints.current_desktop(), hints.desktop_of(wid)
        if current is not None and desktop is not None and \
                desktop not in (current, ALL_DESKTOPS):
            found.append(OTHER_DESKTOP)
        state = hints.state_of(wid)
        if state is not None:
            if "HIDDEN" in state and MINIMISED not in found:
                found.append(MINIMISED)
            if "ABOVE" not in state:
                found.append(NOT_ON_TOP)
            if "FULLSCREEN" not in state and NOT_FULL_SCREEN not in found:
                found.append(NOT_FULL_SCREEN)
        ours = os.getpid()
        if any(hints.pid_of(other) != ours for other in hints.windows_above(wid)):
            found.append(COVERED)
        return found

    def check(self) -> None:
        """One look (the timer's); puts right what has been wrong for long enough."""
        if not shiboken6.isValid(self.window):
            self._timer.stop()
            return
        try:
            found = self.problems()
        except Exception:  # a watchdog that fails must not take the kiosk with it
            log.exception("kiosk: the window watchdog could not look at the window")
            return
        now = self._clock()
        if not found:
            if self._tries >= 3:
                log.info("kiosk: the window is back where it belongs")
            self._since = None
            self._tries = 0
            return
        if self._since is None:
            self._since = now
            return
        wait = min(MAX_WAIT_SECONDS, self.grace_seconds * 2 ** min(self._tries, 6))
        if now - self._since < wait:
            return
        self._since = now
        self._tries += 1
        try:
            self.take_back(found)
        except Exception:
            log.exception("kiosk: the window watchdog could not take the window back")

    # -- putting right --------------------------------------------------------------------
    def take_back(self, problems: list[str]) -> None:
        window = self.window
        self.counts.update(problems)
        if self._tries == 3:
            log.warning("kiosk: the window keeps leaving (%s); the watchdog now tries less "
                        "often (the desktop's settings may be fighting the kiosk, see "
                        "docs/KIOSK.md)", ", ".join(problems))
        elif self._tries < 3:
            log.warning("kiosk: the window was %s; taking it back", ", ".join(problems))
        if FLAGS in problems:
            window.setWindowFlags(window.windowFlags() | _KIOSK_FLAGS)
        if {HIDDEN, MINIMISED, NOT_FULL_SCREEN, FLAGS} & set(problems):
            window.showFullScreen()
        hints = self.hints
        if hints is not None and hints.alive and window.isVisible():
            wid = self._x_id()
            current = hints.current_desktop()
            if OTHER_DESKTOP in problems and current is not None:
                hints.move_to_desktop(wid, current)
            if {NOT_ON_TOP, NOT_FULL_SCREEN} & set(problems):
                hints.add_state(wid, "ABOVE", "FULLSCREEN")
            hints.activate(wid)  # raised, un-minimised and focused by the window manager
        if QGuiApplication.platformName() not in {"offscreen", "minimal"}:
            window.raise_()  # the offscreen platform does not support it (and warns)
        window.activateWindow()
        self.taken_back.emit(list(problems))
