"""What the in-process benchmarks share: memory reading, settling the event loop and
opening the real main window on the bundled content (imported as ``common`` by the
scripts beside it; Qt is imported inside the functions, after each script has chosen
its platform and home folder)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from czt_desktop.content import Content
    from czt_desktop.ui.main_window import MainWindow


def rss_mb() -> float:
    """This process's resident memory in MB (Linux)."""
    with open("/proc/self/statm", encoding="ascii") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def settle(app: QApplication) -> None:
    """As the event loop would: run posted events, then the deleteLater()s they left."""
    from PySide6.QtCore import QCoreApplication, QEvent

    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def open_main_window(app: QApplication, size: tuple[int, int]) -> tuple[MainWindow, Content]:
    """The app's window with its settings, the cached bundled content, panes and charts."""
    from czt_desktop import paths
    from czt_desktop.content.cache import load_content_cached
    from czt_desktop.settings import SettingsStore
    from czt_desktop.ui.application import configure_application
    from czt_desktop.ui.main_window import MainWindow

    store = SettingsStore(paths.user_config_dir())
    prefs = store.load()
    content = load_content_cached(paths.bundled_data_dir(), paths.user_cache_dir())
    window = MainWindow(content, store, prefs, configure_application(app, prefs))
    window.resize(*size)
    window.show()
    window.finish_building()
    return window, content
