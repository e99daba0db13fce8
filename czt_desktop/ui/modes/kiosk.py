"""The museum kiosk: locked full screen for weeks on a touch screen, nobody watching.

What it does, all through the window's public hooks and its own widgets and filters:

- full screen, frameless, on top, cursor hidden; no menu bar, no search fields (a kiosk
  has no keyboard), no exports, larger tabs and language button for fingers; pages
  scroll with a swipe (:class:`~czt_desktop.ui.kiosk.touch_scroll.TouchScrolling`);
- refuses every way out (:class:`~czt_desktop.ui.kiosk.guard.KioskGuard`); staff leave
  with five taps in a corner and the PIN (:class:`~czt_desktop.ui.kiosk.pin_pad.PinPad`),
  which quits the app;
- a visitor who walks away gets "Are you still there?", then the kiosk resets to home in
  the default language and starts the attract loop until the next touch;
- records sessions, views and dwell times in the usage log;
- an unhandled error is logged and resets the kiosk to home; no dialog ever appears.

States: ``waiting`` (home screen, nobody there yet) → idle → ``attract``; ``waiting`` or
``attract`` → a touch → ``visitor``; ``visitor`` → idle → ``countdown`` → a touch →
``visitor``, or time up → reset → ``attract``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QApplication

from czt_desktop.catalogue import DEFAULT_MODE
from czt_desktop.kiosk import usage_log
from czt_desktop.kiosk.config import KioskConfig, KioskConfigStore
from czt_desktop.kiosk.memory import keep_large_blocks_apart, release_free_memory
from czt_desktop.kiosk.pin import PinLock
from czt_desktop.kiosk.usage_log import UsageLog
from czt_desktop.ui.capabilities import Capabilities
from czt_desktop.ui.kiosk.attract import AttractLoop, AttractOverlay
from czt_desktop.ui.kiosk.crash_hook import KioskCrashHook
from czt_desktop.ui.kiosk.exit_gesture import ExitGesture
from czt_desktop.ui.kiosk.guard import KioskGuard
from czt_desktop.ui.kiosk.idle import CountdownOverlay, IdleWatcher
from czt_desktop.ui.kiosk.overlay import Overlay
from czt_desktop.ui.kiosk.pin_pad import PinPad
from czt_desktop.ui.kiosk.touch_scroll import TouchScrolling
from czt_desktop.ui.kiosk.usage_hooks import UsageRecorder
from czt_desktop.ui.modes.base import Mode, ModeHost, ModeOptions, chosen_screen
from czt_desktop.ui.touch_chrome import touch_px

log = logging.getLogger("czt.kiosk")

#: After an idle reset, wait this long before giving freed memory back to the system:
#: the reset's deleted widgets go with the event loop, the attract loop's first view
#: is drawn by then.
TRIM_DELAY_MS = 1500


def quit_application() -> None:
    """End the app after a staff exit (a test replaces this)."""
    QCoreApplication.quit()


def _close_popups() -> None:
    """Close open drop-down lists and menus (each close may reveal the one below)."""
    for _ in range(10):
        popup = QApplication.activePopupWidget()
        if popup is None:
            return
        popup.close()


def auto_zoom(screen_height: int) -> int:
    """Zoom for a screen: a wall screen is read from further away than a desk."""
    if screen_height >= 1400:
        return 150
    if screen_height >= 1000:
        return 125
    return 100


class KioskMode(Mode):
    name = "kiosk"
    #: No menus, no keyboard, no files, no way out; everything a finger large.
    capabilities = Capabilities(menus=False, search=False, exports=False, close=False,
                                touch=True)

    @classmethod
    def prepare_window(cls, window: ModeHost, options: ModeOptions) -> None:
        # Full screen and frameless from the very first frame: a kiosk that boots must
        # not flash a normal window with a title bar before it locks itself. On a
        # computer with two screens, ``--screen N`` picks the touch screen.
        widget = window.as_widget()
        window.cover_screen(chosen_screen(options, widget.screen()))
        widget.setWindowState(Qt.WindowState.WindowFullScreen)
        keep_large_blocks_apart()  # from the first buffers on (see enter())

    def __init__(self, window: ModeHost, options: ModeOptions) -> None:
        super().__init__(window, options)
        self.config_store = KioskConfigStore(options.kiosk_config)
        self.config: KioskConfig = self.config_store.load()
        self.config_messages = list(self.config_store.messages)
        self.lock = PinLock(self.config.pin_hash)
        #: "off" before enter() and after leave(); see the module's list of states.
        self.state = "off"
        self.usage: UsageLog | None = None
        #: The zoom the window had before the kiosk set its own (put back on leaving).
        self._saved_zoom: int | None = None
        self._overlays: list[Overlay] = []

    # -- entering and leaving ------------------------------------------------------------------
    def enter(self) -> None:
        window, config = self.window, self.config
        widget = window.as_widget()
        # First of all: from here on an error is logged and never shown in a dialog.
        self.crash_hook = KioskCrashHook(self.reset_after_error, self)
        self.crash_hook.install()
        # Weeks of visits: screen-sized buffers must not fragment the heap.
        keep_large_blocks_apart()
        self._report_config()
        window.finish_building()  # the attract loop tours the charts
        self._cover_screen()

        self.guard = KioskGuard(widget, self)
        self.guard.install()
        self.touch = TouchScrolling(widget, touch_px(window.appearance.zoom_percent),
                                    window.appearance.theme, self)
        self.touch.install()
        self.gesture = ExitGesture(widget, config.exit_corner, config.exit_taps,
                                   config.exit_tap_seconds, self)
        self.gesture.triggered.connect(self.open_pin_pad)
        self.gesture.install()
        self.idle = IdleWatcher(config.idle_seconds, self)
        self.idle.activity.connect(self._on_activity)
        self.idle.idle.connect(self._on_idle)
        self.idle.install()

        appearance = window.appearance
        self.pin_pad = PinPad(widget, self.lock, appearance,
                              timeout_seconds=config.pin_pad_timeout_seconds,
                              refresh_hash=self.config_store.current_pin_hash,
                              staff_notes=self.config_messages)
        self.pin_pad.accepted.connect(self.staff_exit)
        self.pin_pad.cancelled.connect(self._on_pin_pad_closed)
        self.countdown = CountdownOverlay(widget, config.countdown_seconds, appearance)
        self.countdown.expired.connect(self._on_countdown_expired)
        self.attract_overlay = AttractOverlay(widget, appearance,
                                              first_language=config.default_language)
        self._overlays = [self.attract_overlay, self.countdown, self.pin_pad]
        self.attract = AttractLoop(window, config.attract_seconds_per_slide, self)

        self.recorder: UsageRecorder | None = None
        if config.log_usage:
            self.usage = UsageLog()
            if self.usage.open():
                self.recorder = UsageRecorder(window, self.usage, self)
                self.recorder.connect_window()
                self.usage.note(usage_log.KIOSK_START)
            else:
                self.usage = None

        window.reset_to_home(config.default_language)
        self.state = "waiting"
        self.idle.restart()
        log.info("kiosk mode on (config %s; idle %.1f s, countdown %.1f s, attract %.1f s "
                 "per view, language %s, usage log %s)", self.config_store.path,
                 config.idle_seconds, config.countdown_seconds,
                 config.attract_seconds_per_slide, config.default_language,
                 "on" if self.usage else "off")

    def leave(self) -> None:
        if self.state == "off":
            return
        self.state = "off"
        self.crash_hook.remove()
        self.attract.stop()
        for overlay in self._overlays:
            overlay.dismiss()
            overlay.deleteLater()
        self._overlays = []
        self.idle.remove()
        self.gesture.remove()
        self.touch.remove()
        self.guard.remove()
        if self.usage is not None:
            self.usage.end_session("kiosk-stop")
            self.usage.note(usage_log.KIOSK_STOP)
            if self.recorder is not None:
                self.recorder.disconnect_window()
            self.usage.close()
            self.usage = None
        self._uncover_screen()
        log.info("kiosk mode off")

    def _report_config(self) -> None:
        path = self.config_store.path
        if not self.config_store.found:
            log.warning("no kiosk config at %s: starting locked on safe defaults with no staff "
                        "PIN; staff cannot leave from the screen until one is set with "
                        "'czt-desktop kiosk-pin'", path)
        elif not self.config.has_pin:
            log.warning("no staff PIN in %s: staff cannot leave the kiosk from the screen; "
                        "set one with 'czt-desktop kiosk-pin'", path)

    def _cover_screen(self) -> None:
        """The whole screen, with the kiosk's zoom and no mouse pointer (touch)."""
        window = self.window
        widget = window.as_widget()
        window.dismiss_notices()  # in the log; their "Details…" would open a dialog
        # --screen N: the kiosk fills that screen (a wall screen beside a desk one).
        screen = chosen_screen(self.options, widget.screen())
        self._saved_zoom = window.appearance.zoom_percent
        window.appearance.set_zoom(self.config.zoom_percent or
                                   auto_zoom(screen.size().height()))
        window.cover_screen(screen)
        widget.showFullScreen()
        widget.activateWindow()
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))

    def _uncover_screen(self) -> None:
        if self._saved_zoom is None:
            return
        QGuiApplication.restoreOverrideCursor()
        self.window.appearance.set_zoom(self._saved_zoom)
        self._saved_zoom = None
        self.window.uncover_screen()

    # -- visitors ----------------------------------------------------------------------------
    def _on_activity(self) -> None:
        if self.state == "attract":
            self._stop_attract("touch")
            self._start_session("attract")
        elif self.state == "waiting":
            self._start_session("touch")
        elif self.state == "countdown":
            self.countdown.dismiss()
            self.state = "visitor"

    def _start_session(self, started_by: str) -> None:
        self.state = "visitor"
        if self.recorder is not None:
            self.recorder.start_session(started_by)

    def _end_session(self, reason: str) -> None:
        if self.usage is not None:
            self.usage.end_session(reason)

    def _on_idle(self) -> None:
        if self.pin_pad.isVisible():
            self.pin_pad.cancel()
        _close_popups()  # a drop-down list left open would sit above the overlays
        if self.state == "visitor":
            self.state = "countdown"
            self._open(self.countdown)
        elif self.state == "waiting":
            self._start_attract()

    def _on_countdown_expired(self) -> None:
        if self.state != "countdown":
            return
        self._end_session("idle")
        self._reset_home()
        if self.usage is not None:
            self.usage.note(usage_log.IDLE_RESET)
        self._start_attract()
        # Once the last visit's widgets are deleted (deleteLater, from the event loop).
        QTimer.singleShot(TRIM_DELAY_MS, release_free_memory)

    def _reset_home(self) -> None:
        for overlay in self._overlays:
            overlay.dismiss()
        _close_popups()
        self.window.reset_to_home(self.config.default_language)

    def _start_attract(self) -> None:
        self.state = "attract"
        self.idle.stop()
        if self.usage is not None:
            self.usage.note(usage_log.ATTRACT_START)
        self._open(self.attract_overlay)
        self.attract.covered_bottom = self.attract_overlay.band.height()
        self.attract.start()

    def _stop_attract(self, why: str) -> None:
        self.attract.stop()
        self.attract_overlay.dismiss()
        if self.usage is not None:
            self.usage.note(usage_log.ATTRACT_STOP, why)

    def _open(self, overlay: Overlay) -> None:
        overlay.open()

    # -- staff ----------------------------------------------------------------------------------
    def open_pin_pad(self) -> None:
        if self.state == "attract":
            self._stop_attract("staff")
            self.state = "waiting"
        elif self.state == "countdown":
            self.countdown.dismiss()
            self.state = "visitor"
        self.gesture.enabled = False
        log.info("kiosk: the staff PIN pad was opened")
        self._open(self.pin_pad)

    def _on_pin_pad_closed(self) -> None:
        self.gesture.enabled = True
        self.gesture.sequence.reset()

    def staff_exit(self) -> None:
        """The right PIN: leave the kiosk (so the window may close) and quit the app."""
        log.info("kiosk: staff exit with the PIN")
        self._end_session("staff-exit")
        if self.usage is not None:
            self.usage.note(usage_log.STAFF_EXIT)
        self.window.set_mode(DEFAULT_MODE)
        quit_application()

    # -- errors -----------------------------------------------------------------------------
    def reset_after_error(self, _text: str) -> None:
        """An unhandled error (already logged): back to a fresh home screen."""
        if self.state == "off":
            return
        self.attract.stop()
        self._end_session("error")
        if self.usage is not None:
            self.usage.note(usage_log.ERROR_RESET)
        try:
            self._reset_home()
        finally:
            # Even if the reset itself failed, the kiosk goes on waiting for visitors.
            self.gesture.enabled = True
            self.state = "waiting"
            self.idle.restart()
