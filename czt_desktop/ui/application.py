"""Application-wide look and language: fonts, style sheet, translators."""

from __future__ import annotations

from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from czt_desktop.fonts import register_qt_fonts
from czt_desktop.paths import resource_path
from czt_desktop.settings import Preferences
from czt_desktop.ui.i18n import LanguageSwitcher, language_switcher
from czt_desktop.ui.theme import HIGH_CONTRAST, LIGHT, TypeScale, style_sheet


def configure_application(app: QApplication, prefs: Preferences) -> LanguageSwitcher:
    """Register the bundled font, apply the theme and install the translators."""
    family = register_qt_fonts()
    font = QFont(family)
    scale = TypeScale().scaled(prefs.zoom_percent)
    font.setPixelSize(scale.body)
    app.setFont(font)
    theme = HIGH_CONTRAST if prefs.high_contrast else LIGHT
    app.setStyleSheet(style_sheet(theme, scale, family))
    icon = resource_path("icons", "czt-desktop.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    switcher = language_switcher()
    switcher.apply(prefs.language)
    return switcher
