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
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QCursor, QFont, QFontMetrics, QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu

from czt_desktop.kiosk import usage_log
from czt_desktop.kiosk.config import KioskConfig, KioskConfigStore
from czt_desktop.kiosk.memory import keep_large_blocks_apart, release_free_memory
from czt_desktop.kiosk.pin import PinLock
from czt_desktop.kiosk.usage_log import UsageLog
from czt_desktop.ui.kiosk.attract import AttractLoop, AttractOverlay
from czt_desktop.ui.kiosk.crash_hook import KioskCrashHook
from czt_desktop.ui.kiosk.exit_gesture import ExitGesture
from czt_desktop.ui.kiosk.guard import KioskGuard
from czt_desktop.ui.kiosk.idle import CountdownOverlay, IdleWatcher
from czt_desktop.ui.kiosk.overlay import Overlay
from czt_desktop.ui.kiosk.pin_pad import PinPad
from czt_desktop.ui.kiosk.touch_scroll import TouchScrolling
from czt_desktop.ui.kiosk.usage_hooks import UsageRecorder
from czt_desktop.ui.modes.base import Mode, ModeOptions, chosen_screen
from czt_desktop.ui.panes.filter_bar import FilterBar

if TYPE_CHECKING:
    from czt_desktop.ui.main_window import MainWindow

log = logging.getLogger("czt.kiosk")

#: Touch target of tabs and the language button at 100 % zoom (VISUAL.md: ≥ 44 px).
TOUCH_PX = 48
#: Their text at 100 % zoom: a little larger than body text, read standing up.
TAB_TEXT_PX = 18
#: When the tabs must shrink to fit the screen: the least padding, the smallest text
#: (the body size), and what each tab and the row need besides their titles.
MIN_TAB_PADDING_PX = 8
BODY_PX = 16
TAB_FRAME_PX = 4
TAB_ROW_SLACK_PX = 8
#: After an idle reset, wait this long before giving freed memory back to the system:
#: the reset's deleted widgets go with the event loop, the attract loop's first view
#: is drawn by then.
TRIM_DELAY_MS = 1500


def _cover(window: MainWindow, screen: QScreen) -> None:
    """Frameless, above other windows, and the size of ``screen``: the size first, as an
    X session without a window manager (a bare ``xinit``) ignores "full screen" and
    would leave the window at its old size."""
    window.setWindowFlags(window.windowFlags() | Qt.WindowType.FramelessWindowHint
                          | Qt.WindowType.WindowStaysOnTopHint)
    window.setScreen(screen)
    window.setGeometry(screen.geometry())


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


def _actions_of(window: MainWindow) -> list[QAction]:
    """Every action of the window: its own and those in its menus, however deep."""
    found: list[QAction] = []
    pending = [*window.actions(), *window.menuBar().actions()]
    while pending:
        action = pending.pop()
        if action in found:
            continue
        found.append(action)
        menu = action.menu()
        if isinstance(menu, QMenu):
            pending.extend(menu.actions())
    return found


@dataclass(slots=True)
class _SavedWindow:
    """What enter() changes on the window, to put back in leave()."""

    flags: Qt.WindowType
    geometry: QByteArray
    maximized: bool
    menu_bar: bool
    search: bool
    export_allowed: bool
    zoom: int
    tab_style: str
    language_button_style: str
    size_grip: bool


class KioskMode(Mode):
    name = "kiosk"

    @classmethod
    def prepare_window(cls, window: MainWindow, options: ModeOptions) -> None:
        # Full screen and frameless from the very first frame: a kiosk that boots must
        # not flash a normal window with a title bar before it locks itself. On a
        # computer with two screens, ``--screen N`` picks the touch screen.
        _cover(window, chosen_screen(options, window.screen()))
        window.setWindowState(Qt.WindowState.WindowFullScreen)
        keep_large_blocks_apart()  # from the first buffers on (see enter())

    def __init__(self, window: MainWindow, options: ModeOptions) -> None:
        super().__init__(window, options)
        self.config_store = KioskConfigStore(options.kiosk_config)
        self.config: KioskConfig = self.config_store.load()
        self.config_messages = list(self.config_store.messages)
        self.lock = PinLock(self.config.pin_hash)
        #: "off" before enter() and after leave(); see the module's list of states.
        self.state = "off"
        self.usage: UsageLog | None = None
        self._saved: _SavedWindow | None = None
        #: Width of the screen the kiosk fills (set when it locks the window down).
        self._screen_width = window.screen().geometry().width()
        self._overlays: list[Overlay] = []
        self._disabled_actions: list[QAction] = []
        self._hidden_fields: list[QLineEdit] = []

    def allows_close(self) -> bool:
        return False

    def allows_export(self) -> bool:
        return False

    # -- entering and leaving ------------------------------------------------------------------
    def enter(self) -> None:
        window, config = self.window, self.config
        # First of all: from here on an error is logged and never shown in a dialog.
        self.crash_hook = KioskCrashHook(self.reset_after_error, self)
        self.crash_hook.install()
        # Weeks of visits: screen-sized buffers must not fragment the heap.
        keep_large_blocks_apart()
        self._report_config()
        window.finish_building()  # the attract loop tours the charts
        self._lock_down_window()

        self.guard = KioskGuard(window, self)
        self.guard.install()
        self.touch = TouchScrolling(window, self._touch_px(), window.theme, self)
        self.touch.install()
        self.gesture = ExitGesture(window, config.exit_corner, config.exit_taps,
                                   config.exit_tap_seconds, self)
        self.gesture.triggered.connect(self.open_pin_pad)
        self.gesture.install()
        self.idle = IdleWatcher(config.idle_seconds, self)
        self.idle.activity.connect(self._on_activity)
        self.idle.idle.connect(self._on_idle)
        self.idle.install()

        lang = window.lang
        self.pin_pad = PinPad(window, self.lock, theme=window.theme, lang=lang,
                              timeout_seconds=config.pin_pad_timeout_seconds,
                              refresh_hash=self.config_store.current_pin_hash,
                              staff_notes=self.config_messages)
        self.pin_pad.accepted.connect(self.staff_exit)
        self.pin_pad.cancelled.connect(self._on_pin_pad_closed)
        self.countdown = CountdownOverlay(window, config.countdown_seconds,
                                          theme=window.theme, lang=lang)
        self.countdown.expired.connect(self._on_countdown_expired)
        self.attract_overlay = AttractOverlay(window, theme=window.theme, lang=lang,
                                              first_language=config.default_language)
        self._overlays = [self.attract_overlay, self.countdown, self.pin_pad]
        self.attract = AttractLoop(window, config.attract_seconds_per_slide, self)
        window.language_changed.connect(self._on_language_changed)

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
        self.window.language_changed.disconnect(self._on_language_changed)
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
        self._restore_window()
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

    def _lock_down_window(self) -> None:
        window = self.window
        bar = window.tabs.tabBar()
        self._saved = _SavedWindow(
            flags=window.windowFlags(), geometry=window.saveGeometry(),
            maximized=window.isMaximized(), menu_bar=window.menuBar().isVisibleTo(window),
            search=window.search.isVisibleTo(window), export_allowed=window.export_allowed,
            zoom=window.zoom_percent, tab_style=bar.styleSheet(),
            language_button_style=window.language_button.styleSheet(),
            size_grip=window.statusBar().isSizeGripEnabled())
        window.export_allowed = False
        for chart in window.charts.values():
            chart.set_export_allowed(False)  # type: ignore[attr-defined]
        window.menuBar().hide()
        # Hidden menus keep their shortcuts on some platforms, and anything may trigger
        # an action: Quit, Export, About, Present must do nothing at all.
        self._disabled_actions = [a for a in _actions_of(window) if a.isEnabled()]
        for action in self._disabled_actions:
            action.setEnabled(False)
        # A kiosk has no keyboard: a search field would only invite a tap that does nothing.
        window.search.hide()
        # Nor the panes' own search fields (their drop-down lists work with a finger).
        self._hidden_fields = [bar.search_edit for bar in window.findChildren(FilterBar)
                               if not bar.search_edit.isHidden()]
        for field in self._hidden_fields:
            field.hide()
        window.statusBar().setSizeGripEnabled(False)
        # Start-up notices are in the log; their "Details…" would open a dialog.
        while window.banner.isVisible():
            window.banner.dismiss()
        # --screen N: the kiosk fills that screen (a wall screen beside a desk one).
        screen = chosen_screen(self.options, window.screen())
        zoom = self.config.zoom_percent or auto_zoom(screen.size().height())
        window.set_zoom(zoom)
        touch = self._touch_px()
        text = round(TAB_TEXT_PX * window.zoom_percent / 100)
        self._screen_width = screen.geometry().width()
        self._style_tabs()
        window.language_button.setStyleSheet(
            f"min-height: {touch}px; min-width: {2 * touch}px; font-size: {text}px; "
            "font-weight: bold;")
        _cover(window, screen)
        window.showFullScreen()
        window.activateWindow()
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))

    def _touch_px(self) -> int:
        """A fingertip at the window's zoom: the least height (or width) of a target."""
        return round(TOUCH_PX * self.window.zoom_percent / 100)

    def _restore_window(self) -> None:
        saved, window = self._saved, self.window
        if saved is None:
            return
        self._saved = None
        QGuiApplication.restoreOverrideCursor()
        window.setWindowFlags(saved.flags)
        window.tabs.tabBar().setStyleSheet(saved.tab_style)
        window.language_button.setStyleSheet(saved.language_button_style)
        window.set_zoom(saved.zoom)
        window.statusBar().setSizeGripEnabled(saved.size_grip)
        for action in self._disabled_actions:
            if shiboken6.isValid(action):
                action.setEnabled(True)
        self._disabled_actions = []
        window.menuBar().setVisible(saved.menu_bar)
        window.search.setVisible(saved.search)
        for field in self._hidden_fields:
            if shiboken6.isValid(field):
                field.show()
        self._hidden_fields = []
        window.export_allowed = saved.export_allowed
        for chart in window.charts.values():
            chart.set_export_allowed(saved.export_allowed)  # type: ignore[attr-defined]
        window.showNormal()
        window.restoreGeometry(saved.geometry)
        if saved.maximized:
            window.showMaximized()

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
        overlay.theme = self.window.theme
        overlay.open()

    def _on_language_changed(self, lang: str) -> None:
        for overlay in self._overlays:
            overlay.set_language(lang)
        self._style_tabs()  # the tab titles' widths changed

    def _style_tabs(self) -> None:
        """Tabs a finger high, with large text, all in one row on the screen: the tab
        bar's scroll arrows are far too small to touch. Where the titles do not fit
        (English on a 1024-pixel screen), less padding first, then smaller text, never
        below the body text."""
        bar = self.window.tabs.tabBar()
        zoom = self.window.zoom_percent / 100
        touch = self._touch_px()
        titles = [bar.tabText(i) for i in range(bar.count())]
        room = self._screen_width - TAB_ROW_SLACK_PX
        text = round(TAB_TEXT_PX * zoom)
        padding = touch // 3
        while True:
            font = QFont(bar.font())
            font.setPixelSize(text)
            metrics = QFontMetrics(font)
            wanted = sum(metrics.horizontalAdvance(t) + 2 * padding + TAB_FRAME_PX
                         for t in titles)
            if wanted <= room:
                break
            if padding > MIN_TAB_PADDING_PX:
                padding -= 2
            elif text > round(BODY_PX * zoom):
                text -= 1
            else:
                break  # the smallest that is still readable: Qt's arrows it is
        bar.setStyleSheet(f"QTabBar::tab {{ min-height: {touch}px; padding: 0px "
                          f"{padding}px; font-size: {text}px; }}")

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
        from czt_desktop.ui.modes import DEFAULT_MODE

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
