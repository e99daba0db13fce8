"""Start the GUI: logging, crash handling, settings, content, fonts, window."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from czt_desktop import APP_ID, APP_NAME, __version__, paths
from czt_desktop.crash import install_crash_handler
from czt_desktop.logs import setup_logging
from czt_desktop.settings import LANGUAGES, Preferences, SettingsStore

if TYPE_CHECKING:
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


def error_dialogs_allowed(options: argparse.Namespace, platform_name: str) -> bool:
    """A kiosk never shows a dialog, not even before its mode has started (no visitor
    could close it); offscreen nobody could see one. The log has the details."""
    return not getattr(options, "kiosk", False) and \
        platform_name not in {"offscreen", "minimal"}


def run_app(options: argparse.Namespace, unknown: list[str]) -> int:
    log_file = setup_logging(paths.user_log_dir(), verbose=options.verbose)
    log.info("starting %s %s (log: %s)", APP_NAME, __version__, log_file)

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
    return app.exec()
