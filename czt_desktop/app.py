"""Start the GUI: logging, crash handling, settings, content, fonts, window; and end it
cleanly when the system asks (SIGTERM, SIGHUP, SIGINT)."""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import signal
import socket
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from czt_desktop import APP_ID, APP_NAME, __version__, paths
from czt_desktop.crash import install_crash_handler
from czt_desktop.logs import setup_logging
from czt_desktop.settings import LANGUAGES, Preferences, SettingsStore

if TYPE_CHECKING:
    from PySide6.QtCore import QSocketNotifier

    from czt_desktop.content import Content, ContentError
    from czt_desktop.ui.assemble import MainWindow, Notice

log = logging.getLogger("czt.cli")

#: The garbage collector is paused while the app starts (cli.main) and switched on after
#: the first paint, or after this long at the latest.
GC_PAUSE_LIMIT_MS = 5000


def choose_content(requested: Path | None) -> tuple[Content, ContentError | None]:
    """The requested content pack if it is valid, else the bundled content (and why)."""
    from czt_desktop.content import ContentError
    from czt_desktop.content.cache import load_content_cached

    cache = paths.user_cache_dir()
    candidate = requested or paths.content_folder_beside_executable()
    if candidate is not None:
        try:
            return load_content_cached(candidate, cache), None
        except ContentError as problem:
            log.error("%s\n%s", problem, problem.report())
            print(f"{APP_NAME}: {problem}; using the bundled content instead.\n"
                  f"{problem.report()}", file=sys.stderr)
            return load_content_cached(paths.bundled_data_dir(), cache), problem
    return load_content_cached(paths.bundled_data_dir(), cache), None


def apply_start_options(
    prefs: Preferences, options: argparse.Namespace, stage_ids: list[int]
) -> tuple[Preferences, list[str]]:
    """Start options override remembered settings; bad values are reported, not fatal."""
    problems: list[str] = []
    changes: dict[str, object] = {}
    if options.lang is not None:
        if options.lang in LANGUAGES:
            changes["language"] = options.lang
        else:
            problems.append(f"--lang {options.lang} (use {' or '.join(LANGUAGES)})")
    if options.stage is not None:
        ids = [str(i) for i in stage_ids]
        if options.stage in ids:
            changes["stage"] = int(options.stage)
        else:
            problems.append(f"--stage {options.stage} (use {ids[0]}–{ids[-1]})")
    return replace(prefs, **changes), problems  # type: ignore[arg-type]


def start_mode(window: MainWindow, options: argparse.Namespace, *, shown: bool) -> None:
    """The mode asked for on the command line (the window starts as a student's):
    call with ``shown=False`` before the window is shown, and ``True`` after."""
    name = "kiosk" if getattr(options, "kiosk", False) else \
        "classroom" if getattr(options, "present", False) else None
    if name is None:
        return
    from czt_desktop.ui.modes import ModeOptions, mode_class

    mode_options = ModeOptions(kiosk_config=getattr(options, "kiosk_config", None),
                               screen=getattr(options, "screen", None))
    if shown:
        window.set_mode(name, mode_options)
    else:
        mode_class(name).prepare_window(window, mode_options)


#: What ends the app as File → Quit does: a service manager stopping it (SIGTERM), the
#: terminal it ran in closing (SIGHUP), Ctrl+C (SIGINT). Windows has no SIGHUP.
QUIT_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))


class QuitOnSignals:
    """Runs ``on_signal(number)`` from Qt's event loop when a :data:`QUIT_SIGNALS` comes.

    A Python signal handler runs only when the interpreter next gets control, and while
    Qt waits for events it does not: the signal would wait for the next mouse move. So
    the handler Python installs in C writes the signal's number to a socket
    (:func:`signal.set_wakeup_fd`), and a :class:`QSocketNotifier` on the other end wakes
    the event loop, which calls ``on_signal`` between two events, where the window is in
    a state to be saved. Must be installed from the main thread, after the application
    object exists.
    """

    def __init__(self, on_signal: Callable[[int], None]) -> None:
        self._on_signal = on_signal
        self._sockets: tuple[socket.socket, socket.socket] | None = None
        self._notifier: QSocketNotifier | None = None
        self._previous_fd = -1
        self._previous: dict[int, object] = {}
        #: The signals received, in order (for the log and the tests).
        self.received: list[int] = []

    def install(self) -> bool:
        """False (and a note in the log) where signals cannot be watched this way."""
        from PySide6.QtCore import QSocketNotifier

        try:
            reader, writer = socket.socketpair()
            reader.setblocking(False)
            writer.setblocking(False)
            self._previous_fd = signal.set_wakeup_fd(writer.fileno(),
                                                     warn_on_full_buffer=False)
        except (OSError, ValueError) as exc:  # not the main thread, no sockets
            log.info("quitting on a signal is not available here (%s)", exc)
            return False
        self._sockets = (reader, writer)
        for number in QUIT_SIGNALS:
            # The number reaches the socket in any case; this only keeps Python from
            # acting on the signal itself (KeyboardInterrupt, or dying on SIGTERM).
            self._previous[number] = signal.signal(number, self._noted)
        self._notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._ready)
        return True

    def uninstall(self, *, default: bool = False) -> None:
        """Stop watching; the earlier handlers come back, or with ``default`` the
        system's (a signal while the app shuts down then ends it at once, quietly)."""
        if self._sockets is None:
            return
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        with contextlib.suppress(ValueError, OSError):
            signal.set_wakeup_fd(self._previous_fd)
        for number, previous in self._previous.items():
            with contextlib.suppress(ValueError, OSError, TypeError):
                signal.signal(number, signal.SIG_DFL if default or previous is None
                              else previous)  # type: ignore[arg-type]
        self._previous.clear()
        for end in self._sockets:
            end.close()
        self._sockets = None

    def _noted(self, _number: int, _frame: FrameType | None) -> None:
        """Python's handler: nothing to do, the socket carries the signal."""

    def _ready(self) -> None:
        if self._sockets is None:
            return
        numbers: list[int] = []
        with contextlib.suppress(BlockingIOError, InterruptedError, OSError):
            while chunk := self._sockets[0].recv(64):
                numbers.extend(chunk)
        for number in dict.fromkeys(n for n in numbers if n in QUIT_SIGNALS):
            self.received.append(number)
            try:
                self._on_signal(number)
            except Exception:  # the crash handler would show a dialog; this is enough
                log.exception("quitting after signal %d failed", number)


def quit_as_asked(window: MainWindow, number: int) -> None:
    """End the app as File → Quit does: the window closed, which saves the settings. A
    kiosk is left first, as after a staff exit: it ends its visitor session, closes its
    usage log and gives the window back as it was before (so what is saved is the
    account's, not its visitors'). The app then exits with 128 + ``number``
    (see :func:`run_app`)."""
    from PySide6.QtCore import QCoreApplication

    from czt_desktop.catalogue import DEFAULT_MODE

    name = signal.Signals(number).name if number in QUIT_SIGNALS else str(number)
    log.info("%s received: quitting", name)
    try:
        if not window.capabilities.close:
            window.set_mode(DEFAULT_MODE)  # the kiosk leaves; the window may close
        window.close()  # saves the settings, as File → Quit
    finally:
        QCoreApplication.quit()


def error_dialogs_allowed(options: argparse.Namespace, platform_name: str) -> bool:
    """A kiosk never shows a dialog, not even before its mode has started (no visitor
    could close it); offscreen nobody could see one. The log has the details."""
    return not getattr(options, "kiosk", False) and \
        platform_name not in {"offscreen", "minimal"}


def run_app(options: argparse.Namespace, unknown: list[str]) -> int:
    log_file = setup_logging(paths.user_log_dir(), verbose=options.verbose)
    log.info("starting %s %s (log: %s)", APP_NAME, __version__, log_file)
    if getattr(options, "kiosk", False):
        # One kiosk per display: a second one ends before it opens a window.
        from czt_desktop.kiosk.display_lock import DisplayLock, refuse_second_kiosk

        display_lock = DisplayLock()
        if not display_lock.acquire():
            return refuse_second_kiosk(display_lock)
        try:
            return _run_app(options, unknown)
        finally:
            display_lock.release()
    return _run_app(options, unknown)


def _run_app(options: argparse.Namespace, unknown: list[str]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from czt_desktop.ui.application import set_window_icon
    from czt_desktop.ui.assemble import Notice, open_window
    from czt_desktop.ui.first_paint import FirstPaint, quit_after_first_paint

    QGuiApplication.setApplicationName(APP_NAME)
    QGuiApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    app = QApplication(sys.argv[:1])
    # Until the window exists a signal ends the app as before; then as File → Quit.
    window_made: list[MainWindow] = []
    signals = QuitOnSignals(lambda number: quit_as_asked(window_made[0], number)
                            if window_made else app.quit())
    signals.install()
    dialogs_allowed = error_dialogs_allowed(options, QGuiApplication.platformName())

    # QMessageBox is imported only when a dialog is shown: PySide creating its Python
    # type (and its enums) took ≈ 2 ms before the first paint.
    def show_crash(text: str) -> None:
        if not dialogs_allowed:
            return
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME,
                          "An unexpected error happened. The details were saved in the log.\n"
                          "发生意外错误，详细信息已记录在日志中。")
        box.setDetailedText(text)
        box.exec()

    install_crash_handler(paths.user_log_dir(), show_crash)

    store = SettingsStore(paths.user_config_dir())
    prefs = store.load()

    def content_with_notice() -> tuple[Content, tuple[Notice, ...]]:
        from czt_desktop.content import ContentError

        try:
            content, pack_problem = choose_content(options.data)
        except ContentError as broken:
            # The bundled content itself is broken: nothing sensible can be shown.
            log.critical("%s\n%s", broken, broken.report())
            if dialogs_allowed:
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.critical(None, APP_NAME, f"{broken}\n\n{broken.report()}")
            raise SystemExit(1) from broken
        if pack_problem is None:
            return content, ()
        return content, (Notice("content", pack_problem.folder,
                                sum(1 for f in pack_problem.findings if f.is_error),
                                pack_problem.report()),)

    # With a fresh summary of the content, the window paints its first frame from it
    # and loads the content right after; otherwise the content comes first.
    from czt_desktop.content.summary import read_summary

    shown_folder = options.data or paths.content_folder_beside_executable() or \
        paths.bundled_data_dir()
    frame = read_summary(Path(shown_folder), paths.user_cache_dir())
    content: Content | None = None
    content_notices: tuple[Notice, ...] = ()
    if frame is None:
        try:
            content, content_notices = content_with_notice()
        except SystemExit:
            return 1
        stage_ids = [s.id for s in content.stages]
    else:
        stage_ids = [s.id for s in frame.stages]
    prefs, option_problems = apply_start_options(prefs, options, stage_ids)
    notices: list[Notice] = list(content_notices)
    if store.messages:
        notices.append(Notice("settings", str(store.path), len(store.messages),
                              "\n".join(store.messages)))
    bad_options = [*unknown, *option_problems]
    if bad_options:
        log.warning("ignored command-line options: %s", " ".join(bad_options))
        notices.append(Notice("arguments", " ".join(bad_options), len(bad_options), ""))

    window = open_window(content, store, prefs, tuple(notices), deferred=True, frame=frame,
                         content_source=content_with_notice)
    window_made.append(window)

    def first_frame_painted() -> None:
        set_window_icon(app)
        gc.enable()  # cli.main paused it for the start-up

    FirstPaint(window.first_paint_widget(), first_frame_painted)
    # A window that is never exposed (a locked screen at boot, a broken platform) never
    # paints: the collector must not stay off for the weeks a kiosk runs.
    QTimer.singleShot(GC_PAUSE_LIMIT_MS, gc.enable)
    if options.exit_after_first_paint:
        quit_after_first_paint(window.first_paint_widget())
    if not prefs.welcomed and not getattr(options, "kiosk", False):
        window.show_start()  # the first run: the big picture before anything else
    start_mode(window, options, shown=False)
    window.show()
    start_mode(window, options, shown=True)
    try:
        code = app.exec()
    finally:
        signals.uninstall(default=True)
    # Ended by a signal: saved and closed as File → Quit, but the exit code says why,
    # as the shell's convention has it (128 + the signal: 143 for SIGTERM). A service
    # manager then tells it from a staff exit (0): the kiosk unit restarts after a stray
    # SIGTERM, and counts 143 as a clean stop when it sent it itself.
    return 128 + signals.received[0] if signals.received and code == 0 else code
