"""The one place a main window is put together: the Appearance configured from the
preferences, then the window, and its settings keeper (the app, ``snapshot``, the
self-test, the benchmarks and the tests all open it here).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from czt_desktop.settings import Preferences, SettingsStore
from czt_desktop.ui.application import configure_application
from czt_desktop.ui.keeper import SettingsKeeper
from czt_desktop.ui.main_window import MainWindow, Notice

if TYPE_CHECKING:
    from czt_desktop.content import Content
    from czt_desktop.content.summary import FrameSummary

__all__ = ["MainWindow", "Notice", "open_window"]


def open_window(content: Content | None, store: SettingsStore, prefs: Preferences,
                notices: tuple[Notice, ...] = (), *, deferred: bool = False,
                frame: FrameSummary | None = None,
                content_source: Callable[[], tuple[Content, tuple[Notice, ...]]] | None = None,
                ) -> MainWindow:
    """A main window for ``prefs`` (not yet shown); see :class:`MainWindow` for a deferred
    window's ``frame`` and ``content_source``. Its settings are saved shortly after every
    change (:class:`~czt_desktop.ui.keeper.SettingsKeeper`, a child of the window)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("create the QApplication before the window")
    appearance = configure_application(app, prefs)
    window = MainWindow(content, store, prefs, appearance, notices, deferred=deferred,
                        frame=frame, content_source=content_source)
    SettingsKeeper(window, store, window)
    return window
