"""Application-wide set-up: the bundled fonts, the Appearance (language, theme, zoom) and
the window icon."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from czt_desktop.paths import resource_path
from czt_desktop.settings import Preferences
from czt_desktop.ui.appearance import Appearance, appearance


def configure_application(app: QApplication, prefs: Preferences) -> Appearance:
    """The app's one Appearance, set to the remembered language, zoom and theme (fonts
    registered, translators installed, style sheet applied)."""
    found = appearance()
    if found.parent() is not app:
        raise RuntimeError("configure the application that exists")
    found.configure(prefs.language, prefs.zoom_percent, prefs.high_contrast)
    return found


def set_window_icon(app: QApplication) -> None:
    """The app's icon for the title bar and the task bar.

    The app sets it once its first frame has painted, a few milliseconds after the window
    appears: PySide takes ≈ 2 ms to create its QIcon type, which the first frame does
    not need.
    """
    from PySide6.QtGui import QIcon

    icon = resource_path("icons", "czt-desktop.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
