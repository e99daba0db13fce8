"""Qt translators for the UI language: our strings and Qt's own (dialog buttons etc.).

Source strings are English; Chinese comes from ``resources/translations/*.qm``, built
from the ``.ts`` files by ``make translations``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from czt_desktop.paths import resource_path

log = logging.getLogger("czt.ui")

#: Our catalogue per UI language (English needs none: it is the source language).
CATALOGUES = {"zh": "czt_desktop_zh_CN.qm"}
QT_CATALOGUES = {"zh": ("qtbase_zh_CN",)}


class LanguageSwitcher:
    """Installs the translators of one language at a time (use :func:`language_switcher`).

    Installing or removing a translator makes Qt send ``LanguageChange`` to every
    widget; widgets also re-read their strings when the window switches language.
    """

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        #: Loaded once per language and reused: a new QTranslator per switch (parented
        #: to the app) kept every loaded catalogue alive, ~100 KB a switch.
        self._loaded: dict[str, list[QTranslator]] = {}
        self.language = "en"

    def apply(self, lang: str) -> None:
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication before choosing a language")
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = []
        self.language = lang
        QLocale.setDefault(
            QLocale(QLocale.Language.Chinese if lang == "zh" else QLocale.Language.English)
        )
        if lang not in CATALOGUES:
            return
        if lang not in self._loaded:
            self._loaded[lang] = self._load(app, lang)
        self._installed = list(self._loaded[lang])
        for translator in self._installed:
            QCoreApplication.installTranslator(translator)

    @staticmethod
    def _load(app: QCoreApplication, lang: str) -> list[QTranslator]:
        loaded: list[QTranslator] = []
        ours = QTranslator(app)
        path = resource_path("translations", CATALOGUES[lang])
        if ours.load(str(path)):
            loaded.append(ours)
        else:
            log.error("cannot load the UI translation %s", path)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in QT_CATALOGUES.get(lang, ()):
            theirs = QTranslator(app)
            if theirs.load(name, qt_dir):
                loaded.append(theirs)
        return loaded


_switcher: LanguageSwitcher | None = None


def language_switcher() -> LanguageSwitcher:
    """The process's one switcher: translators installed by another would linger."""
    global _switcher
    if _switcher is None:
        _switcher = LanguageSwitcher()
    return _switcher
