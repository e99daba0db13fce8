"""Switching language back and forth does not pile up translators (a kiosk runs for weeks)."""

from __future__ import annotations

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from czt_desktop.ui.i18n import language_switcher


def test_translators_are_reused(qapp: QApplication) -> None:
    switcher = language_switcher()
    switcher.apply("zh")
    switcher.apply("en")
    before = len(qapp.findChildren(QTranslator))
    for _ in range(20):
        switcher.apply("zh")
        switcher.apply("en")
    assert len(qapp.findChildren(QTranslator)) == before
    switcher.apply("zh")
    assert QApplication.translate("MainWindow", "&File") == "文件(&F)"
    switcher.apply("en")
    assert QApplication.translate("MainWindow", "&File") == "&File"
