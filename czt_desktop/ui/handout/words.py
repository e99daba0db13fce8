"""The handout's own words, in the handout's language (not the UI's).

A teacher may work in English and print a Chinese handout, so the installed translator
cannot be used: the Chinese catalogue is loaded on its own and asked directly. Sources
are marked with ``QT_TRANSLATE_NOOP("HandoutWriter", …)`` so ``make translations``
finds them.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QTranslator

from czt_desktop.paths import resource_path
from czt_desktop.ui.i18n import CATALOGUES

CONTEXT = "HandoutWriter"


@cache
def _catalogue(lang: str) -> QTranslator | None:
    file_name = CATALOGUES.get(lang)
    if file_name is None:
        return None
    translator = QTranslator()
    return translator if translator.load(str(resource_path("translations", file_name))) \
        else None


class HandoutWords:
    """``words("Milestones")`` → the word in ``lang`` (English is the source language;
    an untranslated string stays English rather than failing)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, source: object, *values: object) -> str:
        catalogue = _catalogue(self.lang)
        source = str(source)  # QT_TRANSLATE_NOOP is typed as returning object
        text = (catalogue.translate(CONTEXT, source) if catalogue is not None else "") or source
        # Qt-style %1…%9, highest first so %1 does not eat the start of %10.
        for number, value in reversed(list(enumerate(values, start=1))):
            text = text.replace(f"%{number}", str(value))
        return text

    @property
    def colon(self) -> str:
        return "：" if self.lang == "zh" else ": "

    @property
    def list_separator(self) -> str:
        return "、" if self.lang == "zh" else ", "
