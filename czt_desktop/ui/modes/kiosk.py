"""The museum kiosk: locked full screen for weeks on a touch screen, nobody watching.

What it does, all through the window's public hooks and its own widgets and filters:

- full screen, frameless, on top, cursor hidden; no menu bar, no search fields (a kiosk
  has no keyboard), no exports, larger tabs and language button for fingers; pages
  scroll with a swipe (:class:`~czt_desktop.ui.kiosk.touch_scroll.TouchScrolling`);
- refuses every way out (:class:`~czt_desktop.ui.kiosk.guard.KioskGuard`) and takes the
  window back when the desktop moves, hides or covers it
  (:class:`~czt_desktop.ui.kiosk.watchdog.WindowWatchdog`); staff leave with five taps
  in a corner and the PIN (:class:`~czt_desktop.ui.kiosk.pin_pad.PinPad`), which quits
  the app;
- a visitor who walks away gets "Are you still there?", then the kiosk resets to home in
  the default language and starts the attract loop until the next touch;
- records sessions, views, dwell times and staff PIN events in the usage log;
- keeps visitors' quiz answers in memory only (the student's store comes back after);
- an unhandled error is logged and resets the kiosk to home; no dialog ever appears.

It fails closed. The lock (:class:`~czt_desktop.ui.kiosk.lockdown.Lockdown`) comes first
and each of its steps runs on its own; every other part (touch scrolling, staff exit,
idle reset and attract loop, usage log, quiz) is made in :meth:`KioskMode._part`, which
logs a part that fails, tries it once more with the safe defaults when the config may
be to blame, and else leaves it out: the kiosk is then less friendly, never unlocked. A
config that cannot be read at all gives the safe defaults (no staff PIN). If the mode
cannot even be made, :class:`LockedKiosk` stands in for it (see :meth:`Mode.fallback`).

States: ``waiting`` (home screen, nobody there yet) → idle → ``attract``; ``waiting`` or
``attract`` → a touch → ``visitor``; ``visitor`` → idle → ``countdown`` → a touch →
``visitor``, or time up → reset → ``attract``.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication

from czt_desktop.catalogue import DEFAULT_MODE
from czt_desktop.kiosk import usage_log
from czt_desktop.kiosk.config import KioskConfig, KioskConfigStore
from czt_desktop.kiosk.memory import keep_large_blocks_apart, release_free_memory
from czt_desktop.kiosk.pin import PinLock, lockout_state_path
from czt_desktop.kiosk.usage_log import UsageLog
from czt_desktop.quiz_progress import ProgressStore
from czt_desktop.quiz_session import QuizSession, session_of
from czt_desktop.ui.capabilities import Capabilities
from czt_desktop.ui.kiosk.app_filter import AppEventFilter
from czt_desktop.ui.kiosk.attract import AttractLoop, AttractOverlay
from czt_desktop.ui.kiosk.exit_gesture import ExitGesture
from czt_desktop.ui.kiosk.guard import KioskGuard
from czt_desktop.ui.kiosk.idle import CountdownOverlay, IdleWatcher
from czt_desktop.ui.kiosk.lockdown import Lockdown
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
#: The safe defaults: locked, no staff PIN.
SAFE_DEFAULTS = KioskConfig()


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


@contextlib.contextmanager
def _made(parent: QObject) -> Iterator[list[QObject]]:
    """Collects what a part makes; if the part fails, takes it all away again."""
    made: list[QObject] = []
    try:
        yield made
    except BaseException:
        for thing in reversed(made):
            with contextlib.suppress(Exception):
                if isinstance(thing, AppEventFilter):
                    thing.remove()
                if isinstance(thing, Overlay):
                    thing.dismiss()
                thing.deleteLater()
        raise


class KioskMode(Mode):
    name = "kiosk"
    #: No menus, no keyboard, no files, no way out; everything a finger large; the
    #: visitors' language and the kiosk's zoom are not the student's settings.
    capabilities = Capabilities(menus=False, search=False, exports=False, close=False,
                                touch=True, remember=False)

    @classmethod
    def prepare_window(cls, window: ModeHost, options: ModeOptions) -> None:
        # Full screen and frameless from the very first frame: a kiosk that boots must
        # not flash a normal window with a title bar before it locks itself. On a
        # computer with two screens, ``--screen N`` picks the touch screen.
        widget = window.as_widget()
        try:
            window.cover_screen(chosen_screen(options, widget.screen()))
        except Exception:
            log.exception("kiosk: could not cover the screen before the first frame")
        widget.setWindowState(Qt.WindowState.WindowFullScreen)
        keep_large_blocks_apart()  # from the first buffers on (see enter())

    @classmethod
    def fallback(cls, window: ModeHost, options: ModeOptions) -> Mode:
        return LockedKiosk(window, options)

    def __init__(self, window: ModeHost, options: ModeOptions) -> None:
        super().__init__(window, options)
        #: "off" before enter() and after leave(); see the module's list of states.
        self.state = "off"
        # Every part is absent until enter() has made it (and stays absent if it fails).
        self.lockdown: Lockdown | None = None
        self.touch: TouchScrolling | None = None
        self.gesture: ExitGesture | None = None
        self.pin_pad: PinPad | None = None
        self.idle: IdleWatcher | None = None
        self.countdown: CountdownOverlay | None = None
        self.attract_overlay: AttractOverlay | None = None
        self.attract: AttractLoop | None = None
        self.usage: UsageLog | None = None
        self.recorder: UsageRecorder | None = None
        self._overlays: list[Overlay] = []
        #: The language, stage and pane before the kiosk (put back on leaving: what the
        #: visitors chose is not the account's to keep).
        self._window_before: tuple[str, int, str] | None = None
        #: The quiz's session, the student's store and its save hook (put back on leaving).
        self._student_quiz: tuple[QuizSession, ProgressStore,
                                  Callable[[str], None] | None] | None = None
        self.config_store: KioskConfigStore | None = None
        self.config: KioskConfig = SAFE_DEFAULTS
        #: Problems with the config, for the log (full paths).
        self.config_messages: list[str] = []
        #: The same for the PIN pad, which a visitor may see: file names, no folders.
        self.visitor_notes: list[str] = []
        #: Whether the PIN pad may read a new PIN hash from the config when it opens
        #: (not after a failure: then no PIN is accepted until the kiosk restarts).
        self._pin_from_file = True
        try:
            self.config_store = KioskConfigStore(options.kiosk_config)
            self.config = self.config_store.load()
            self.config_messages = list(self.config_store.messages)
            self.visitor_notes = self.config_store.visitor_safe_notes()
        except Exception:
            self.config = SAFE_DEFAULTS
            self._pin_from_file = False
            log.exception("kiosk: the kiosk config could not be read; staying locked on the "
                          "safe defaults (no staff PIN)")
            self.visitor_notes = ["The kiosk config could not be read: the safe defaults "
                                  "are used (no staff PIN). Details are in the app log."]
        self.lock = self._make_lock()

    def _make_lock(self) -> PinLock:
        """The PIN check, its lockout kept beside the config across restarts."""
        try:
            state = lockout_state_path(self.config_store.path) \
                if self.config_store is not None else None
            return PinLock(self.config.pin_hash, state_path=state,
                           on_event=self._record_pin_event)
        except Exception:
            log.exception("kiosk: the PIN lockout could not be set up; no staff PIN is "
                          "accepted until the kiosk restarts")
            self._pin_from_file = False
            return PinLock("")

    @property
    def guard(self) -> KioskGuard | None:
        return self.lockdown.guard if self.lockdown is not None else None

    # -- entering and leaving ------------------------------------------------------------------
    def enter(self) -> None:
        """Lock first, then each optional part on its own; never raises."""
        self._part("remembering the window", lambda _config: self._remember_window(),
                   configured=False)
        self.lockdown = Lockdown(self.window, self.reset_after_error, self)
        self.lockdown.engage(self._screen(), self._zoom())
        # Weeks of visits: screen-sized buffers must not fragment the heap.
        self._part("the memory settings", lambda _config: keep_large_blocks_apart(),
                   configured=False)
        self._part("the config report", lambda _config: self._report_config(),
                   configured=False)
        # The attract loop tours the charts; built after the zoom, once.
        self._part("the panes", lambda _config: self.window.finish_building(),
                   configured=False)
        self._part("touch scrolling", self._make_touch, configured=False)
        self._part("the staff exit", self._make_staff_exit)
        self._part("the idle reset and attract loop", self._make_visitors)
        self._part("the usage log", self._make_usage_log)
        self._part("the kiosk's quiz store", lambda _config: self._use_kiosk_quiz(),
                   configured=False)
        self._part("the home screen",
                   lambda config: self.window.reset_to_home(config.default_language))
        self.state = "waiting"
        if self.idle is not None:
            self.idle.restart()
        config = self.config
        log.info("kiosk mode on (config %s; idle %.1f s, countdown %.1f s, attract %.1f s "
                 "per view, language %s, usage log %s)",
                 self.config_store.path if self.config_store is not None else "unreadable",
                 config.idle_seconds, config.countdown_seconds,
                 config.attract_seconds_per_slide, config.default_language,
                 "on" if self.usage else "off")

    def _screen(self) -> QScreen:
        widget = self.window.as_widget()
        try:
            return chosen_screen(self.options, widget.screen())
        except Exception:
            log.exception("kiosk: cannot choose the screen; using the window's")
            return widget.screen()

    def _zoom(self) -> int:
        try:
            return self.config.zoom_percent or auto_zoom(self._screen().size().height())
        except Exception:
            log.exception("kiosk: cannot choose the zoom; using 100 %")
            return 100

    def _part(self, what: str, make: Callable[[KioskConfig], object], *,
              configured: bool = True) -> bool:
        """Make one optional part of the kiosk with the config; if that fails and the
        config may be to blame (``configured``), with the safe defaults; else leave it
        out. Logged either way; never raises. Whether the part is there."""
        try:
            make(self.config)
            return True
        except Exception:
            log.exception("kiosk: %s failed%s", what,
                          " with the configured settings" if configured else "")
        if not configured or self.config == SAFE_DEFAULTS:
            log.error("kiosk: going on without %s; the kiosk stays locked", what)
            return False
        try:
            make(SAFE_DEFAULTS)
        except Exception:
            log.exception("kiosk: %s failed with the safe defaults too; going on without "
                          "it, the kiosk stays locked", what)
            return False
        log.warning("kiosk: %s uses the safe defaults instead of the configured settings",
                    what)
        return True

    def _make_touch(self, _config: KioskConfig) -> None:
        window = self.window
        touch = TouchScrolling(window.as_widget(), touch_px(window.appearance.zoom_percent),
                               window.appearance.theme, self)
        touch.install()
        self.touch = touch

    def _make_staff_exit(self, config: KioskConfig) -> None:
        widget = self.window.as_widget()
        with _made(self) as made:
            gesture = ExitGesture(widget, config.exit_corner, config.exit_taps,
                                  config.exit_tap_seconds, self)
            made.append(gesture)
            pad = PinPad(widget, self.lock, self.window.appearance,
                         timeout_seconds=config.pin_pad_timeout_seconds,
                         refresh_hash=self.config_store.current_pin_hash
                         if self.config_store is not None and self._pin_from_file else None,
                         staff_notes=self.visitor_notes)
            made.append(pad)
            pad.accepted.connect(self.staff_exit)
            pad.cancelled.connect(self._on_pin_pad_closed)
            gesture.triggered.connect(self.open_pin_pad)
            gesture.install()
        self.gesture, self.pin_pad = gesture, pad
        self._overlays.append(pad)

    def _make_visitors(self, config: KioskConfig) -> None:
        window = self.window
        widget, appearance = window.as_widget(), window.appearance
        with _made(self) as made:
            idle = IdleWatcher(config.idle_seconds, self)
            made.append(idle)
            countdown = CountdownOverlay(widget, config.countdown_seconds, appearance)
            made.append(countdown)
            attract_overlay = AttractOverlay(widget, appearance,
                                             first_language=config.default_language)
            made.append(attract_overlay)
            attract = AttractLoop(window, config.attract_seconds_per_slide, self)
            made.append(attract)
            idle.activity.connect(self._on_activity)
            idle.idle.connect(self._on_idle)
            countdown.expired.connect(self._on_countdown_expired)
            idle.install()
        self.idle, self.countdown = idle, countdown
        self.attract_overlay, self.attract = attract_overlay, attract
        # Below the PIN pad: staff can always reach it.
        self._overlays[:0] = [attract_overlay, countdown]

    def _make_usage_log(self, config: KioskConfig) -> None:
        if not config.log_usage:
            return
        usage = UsageLog()
        if not usage.open():
            return
        self.usage = usage
        try:
            recorder = UsageRecorder(self.window, usage, self)
            recorder.connect_window()
            self.recorder = recorder
            usage.note(usage_log.KIOSK_START)
        except Exception:
            self.usage, self.recorder = None, None
            with contextlib.suppress(Exception):
                usage.close()
            raise

    def _record_pin_event(self, kind: str, detail: str) -> None:
        """A wrong PIN, a lockout or the right PIN (never the digits) in the usage log."""
        if self.usage is not None:
            self.usage.note(kind, detail)

    def _use_kiosk_quiz(self) -> None:
        """Visitors' answers in memory only; the student's file is left alone."""
        window = self.window
        if "quiz" not in window.pane_ids():
            return
        session = session_of(window.pane_widget("quiz"))
        if session is None:
            log.warning("kiosk: the quiz pane has no session to give a kiosk store")
            return
        student = session.use_store(ProgressStore.for_kiosk())
        self._student_quiz = (session, student, session.on_save_failed)
        session.on_save_failed = self._quiz_save_failed

    def _quiz_save_failed(self, problem: str) -> None:
        log.warning("kiosk: a visitor's quiz answer could not be kept: %s", problem)

    def _give_back_student_quiz(self) -> None:
        if self._student_quiz is None:
            return
        session, store, hook = self._student_quiz
        self._student_quiz = None
        session.use_store(store)
        session.on_save_failed = hook
        if "quiz" in self.window.pane_ids():
            from czt_desktop.ui.panes.base import Pane

            pane = self.window.pane_widget("quiz")
            if isinstance(pane, Pane):
                pane.retranslate_ui()  # shows the student's answers again

    def leave(self) -> None:
        if self.state == "off":
            return
        self.state = "off"
        steps: list[Callable[[], object]] = []
        if self.attract is not None:
            steps.append(self.attract.stop)
        for overlay in self._overlays:
            steps.extend((overlay.dismiss, overlay.deleteLater))
        steps.extend(part.remove for part in (self.idle, self.gesture, self.touch)
                     if part is not None)
        steps.append(self._close_usage_log)
        steps.append(self._give_back_student_quiz)
        steps.append(self._give_back_window)
        if self.lockdown is not None:
            steps.append(self.lockdown.release)
        for step in steps:
            try:
                step()
            except Exception:
                log.exception("kiosk: leaving the kiosk: a step failed")
        self._overlays = []
        log.info("kiosk mode off")

    def _remember_window(self) -> None:
        window = self.window
        self._window_before = (window.appearance.lang, window.selection.stage,
                               window.current_pane_id)

    def _give_back_window(self) -> None:
        if self._window_before is None:
            return
        lang, stage, pane = self._window_before
        self._window_before = None
        window = self.window
        window.appearance.set_language(lang)
        window.selection.set_stage(stage)
        if pane in window.pane_ids():
            window.show_pane(pane)

    def _close_usage_log(self) -> None:
        usage, recorder = self.usage, self.recorder
        self.usage = self.recorder = None
        if usage is None:
            return
        try:
            usage.end_session("kiosk-stop")
            usage.note(usage_log.KIOSK_STOP)
            if recorder is not None:
                recorder.disconnect_window()
        finally:
            usage.close()

    def _report_config(self) -> None:
        if self.config_store is None:
            return
        path = self.config_store.path
        if not self.config_store.found:
            log.warning("no kiosk config at %s: starting locked on safe defaults with no staff "
                        "PIN; staff cannot leave from the screen until one is set with "
                        "'czt-desktop kiosk-pin'", path)
        elif not self.config.has_pin:
            log.warning("no staff PIN in %s: staff cannot leave the kiosk from the screen; "
                        "set one with 'czt-desktop kiosk-pin'", path)

    # -- visitors ----------------------------------------------------------------------------
    def _on_activity(self) -> None:
        if self.state == "attract":
            self._stop_attract("touch")
            self._start_session("attract")
        elif self.state == "waiting":
            self._start_session("touch")
        elif self.state == "countdown":
            if self.countdown is not None:
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
        if self.pin_pad is not None and self.pin_pad.isVisible():
            self.pin_pad.cancel()
        _close_popups()  # a drop-down list left open would sit above the overlays
        if self.state == "visitor" and self.countdown is not None:
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
        if self.attract is None or self.attract_overlay is None:
            return
        self.state = "attract"
        if self.idle is not None:
            self.idle.stop()
        if self.usage is not None:
            self.usage.note(usage_log.ATTRACT_START)
        self._open(self.attract_overlay)
        self.attract.covered_bottom = self.attract_overlay.band.height()
        self.attract.start()

    def _stop_attract(self, why: str) -> None:
        if self.attract is not None:
            self.attract.stop()
        if self.attract_overlay is not None:
            self.attract_overlay.dismiss()
        if self.usage is not None:
            self.usage.note(usage_log.ATTRACT_STOP, why)

    def _open(self, overlay: Overlay) -> None:
        overlay.open()

    # -- staff ----------------------------------------------------------------------------------
    def open_pin_pad(self) -> None:
        if self.pin_pad is None:
            return
        if self.state == "attract":
            self._stop_attract("staff")
            self.state = "waiting"
        elif self.state == "countdown":
            if self.countdown is not None:
                self.countdown.dismiss()
            self.state = "visitor"
        if self.gesture is not None:
            self.gesture.enabled = False
        log.info("kiosk: the staff PIN pad was opened")
        self._open(self.pin_pad)

    def _on_pin_pad_closed(self) -> None:
        if self.gesture is not None:
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
        if self.attract is not None:
            self.attract.stop()
        self._end_session("error")
        if self.usage is not None:
            self.usage.note(usage_log.ERROR_RESET)
        try:
            self._reset_home()
        finally:
            # Even if the reset itself failed, the kiosk goes on waiting for visitors.
            if self.gesture is not None:
                self.gesture.enabled = True
            self.state = "waiting"
            if self.idle is not None:
                self.idle.restart()


class LockedKiosk(Mode):
    """What stands in for the kiosk when :class:`KioskMode` cannot even be made (the
    reason is in the log): the window locked full screen, without menus, refusing to
    close, and nothing else. Without a PIN pad staff stop it from outside
    (docs/KIOSK.md, section 6); a restart tries the whole kiosk again."""

    name = "kiosk"
    capabilities = KioskMode.capabilities

    def __init__(self, window: ModeHost, options: ModeOptions) -> None:
        super().__init__(window, options)
        self.state = "off"
        self.lockdown: Lockdown | None = None

    @property
    def guard(self) -> KioskGuard | None:
        return self.lockdown.guard if self.lockdown is not None else None

    def enter(self) -> None:
        self.state = "locked"
        widget = self.window.as_widget()
        self.lockdown = Lockdown(self.window, self._after_error, self)
        try:
            screen = chosen_screen(self.options, widget.screen())
        except Exception:
            screen = widget.screen()
        self.lockdown.engage(screen, auto_zoom(screen.size().height()))
        log.critical("kiosk: running locked with nothing but the lock (no staff exit, no "
                     "idle reset, no usage log); see the error above")

    def _after_error(self, _text: str) -> None:
        """Already logged; nothing to reset."""

    def leave(self) -> None:
        if self.lockdown is not None:
            self.lockdown.release()
            self.lockdown = None
        self.state = "off"
