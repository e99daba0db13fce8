"""The handout's own words, in the handout's language (not the UI's).

A teacher may work in English and print a Chinese handout, so the installed translator
cannot be used: the Chinese catalogue is loaded on its own and asked directly. Sources
are marked with ``QT_TRANSLATE_NOOP("HandoutWriter", …)`` so ``make translations``
finds them.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QTranslator

from czt_desktop.languages import Language, fill, language
from czt_desktop.paths import resource_path

CONTEXT = "HandoutWriter"


@cache
def _catalogue(lang: str) -> QTranslator | None:
    file_name = language(lang).catalogue
    if not file_name:
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
        return fill(self.translate(CONTEXT, str(source)), *values)

    def translate(self, context: str, source: str) -> str:
        """``source`` of ``context`` in the handout's language (QCoreApplication.translate's
        shape, for the shared words of :mod:`czt_desktop.ui.words`)."""
        catalogue = _catalogue(self.lang)
        return (catalogue.translate(context, source) if catalogue is not None else "") or source

    @property
    def row(self) -> Language:
        return language(self.lang)
