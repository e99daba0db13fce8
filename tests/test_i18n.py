"""Switching language back and forth does not pile up translators (a kiosk runs for weeks)."""

from __future__ import annotations

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from czt_desktop.ui.appearance import appearance


def test_translators_are_reused(qapp: QApplication) -> None:
    shared = appearance()
    shared.set_language("zh")
    shared.set_language("en")
    before = len(qapp.findChildren(QTranslator)) + len(shared.findChildren(QTranslator))
    for _ in range(20):
        shared.set_language("zh")
        shared.set_language("en")
    assert len(qapp.findChildren(QTranslator)) + len(shared.findChildren(QTranslator)) == before
    shared.set_language("zh")
    assert QApplication.translate("MainWindow", "&File") == "文件(&F)"
    shared.set_language("en")
    assert QApplication.translate("MainWindow", "&File") == "&File"
