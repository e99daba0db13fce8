"""A UI string in a language other than the one installed: the attract screen invites in
both languages at once ("触摸屏幕开始探索 / Touch to explore").

Qt's ``tr`` answers in the installed language only, so the other language's catalogue
is loaded once (never per call: a QTranslator per call was a leak once) and asked
directly. English is the source language and needs no catalogue.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QTranslator

from czt_desktop.paths import resource_path
from czt_desktop.ui.i18n import CATALOGUES

log = logging.getLogger("czt.ui")

_catalogues: dict[str, QTranslator | None] = {}


def _catalogue(lang: str) -> QTranslator | None:
    if lang not in _catalogues:
        translator: QTranslator | None = None
        name = CATALOGUES.get(lang)
        if name is not None:
            candidate = QTranslator()
            if candidate.load(str(resource_path("translations", name))):
                translator = candidate
            else:
                log.warning("cannot load the %s UI catalogue for the kiosk", lang)
        _catalogues[lang] = translator
    return _catalogues[lang]


def text_in(lang: str, context: str, source: str) -> str:
    """``source`` (English, as in the code) translated into ``lang``; English when the
    catalogue has no translation."""
    if lang == "en":
        return source
    translator = _catalogue(lang)
    translated = translator.translate(context, source) if translator is not None else ""
    return translated or source
