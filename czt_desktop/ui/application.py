"""Application-wide look and language: fonts, style sheet, translators, window icon."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from czt_desktop.fonts import font_families, register_qt_fonts
from czt_desktop.paths import resource_path
from czt_desktop.settings import Preferences
from czt_desktop.ui.i18n import LanguageSwitcher, language_switcher
from czt_desktop.ui.theme import HIGH_CONTRAST, LIGHT, Theme, TypeScale, style_sheet


def theme_for(high_contrast: bool) -> Theme:
    return HIGH_CONTRAST if high_contrast else LIGHT


def apply_look(app: QApplication, lang: str, zoom_percent: int, high_contrast: bool) -> None:
    """Font, type scale and style sheet for a language, zoom level and theme.

    English puts the Latin face first so quotes and dashes are not CJK full-width;
    Chinese puts the CJK face first so its punctuation is. Each falls back per glyph.
    """
    scale = TypeScale().scaled(zoom_percent)
    font = QFont()
    font.setFamilies(font_families(lang))
    font.setPixelSize(scale.body)
    if font != app.font():
        app.setFont(font)
    sheet = style_sheet(theme_for(high_contrast))
    # Re-polishing every widget is slow (seconds with all panes built): only when needed.
    if sheet != app.styleSheet():
        app.setStyleSheet(sheet)


def configure_application(app: QApplication, prefs: Preferences) -> LanguageSwitcher:
    """Register the bundled fonts, apply the look and install the translators."""
    register_qt_fonts()
    apply_look(app, prefs.language, prefs.zoom_percent, prefs.high_contrast)
    switcher = language_switcher()
    switcher.apply(prefs.language)
    return switcher


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
