"""UI words many views share (panes, charts, tables, the handout), translated in one
context (``PaneWords``), and the source lines they print.

Content text comes from the content in the view's language; these are only the
app's own words around it (labels, the source line), so they go through Qt's
translator like every other UI string.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication

from czt_desktop.content import Content, Event, citing
from czt_desktop.content.citing import Cited
from czt_desktop.languages import language

#: How a text is translated: ``QCoreApplication.translate`` (the UI's language), or a
#: handout's own catalogue (a handout may be printed in another language than the UI's).
Translate = Callable[[str, str], str]


def source_word() -> str:
    return QCoreApplication.translate("PaneWords", "Source")


def data_note_word() -> str:
    return QCoreApplication.translate("PaneWords", "Note on the data")


def see_above_word() -> str:
    """The kicker of a note shown again in short; ``%1`` is :func:`data_note_word`."""
    return QCoreApplication.translate("PaneWords", "%1 (in full above)")


def section_names(translate: Translate = QCoreApplication.translate) -> dict[str, str]:
    """The paper's own names of its unnumbered sections, in the UI's language (or a
    handout's: ``translate``); its numbered sections are §1 … in every language."""
    return {"摘要": translate("PaneWords", "Abstract"),
            "引言": translate("PaneWords", "Introduction")}


def source_line(content: Content, records: Iterable[Cited], lang: str) -> str:
    """``Source: <citation>, <places>`` (see :mod:`czt_desktop.content.citing`)."""
    return citing.source_line(content, records, lang, source_word(),
                              section_names=section_names())


def citation_lines(content: Content, source_ids: Iterable[str], lang: str) -> str:
    """The full citation of each source once, for the foot of a page whose cards give
    only where in the source they come from (:func:`place_line`)."""
    return citing.citation_lines(content, source_ids, lang, source_word())


def place_line(records: Iterable[Cited], lang: str) -> str:
    """The short form used on cards whose full citation is given once below them."""
    return citing.place_line(records, lang, source_word(), section_names())


def size_class_label(code: str, translate: Translate = QCoreApplication.translate) -> str:
    """大型 / 大一型 as the paper names the two classes of enterprise (one English term for
    each everywhere: the data's translation says "large, grade 1" too)."""
    labels = {
        "large": translate("PaneWords", "large"),
        "large-1": translate("PaneWords", "large, grade 1"),
    }
    return labels.get(code, code)


def size_classes_text(codes: tuple[str, ...], lang: str,
                      translate: Translate = QCoreApplication.translate) -> str:
    return language(lang).join_clauses(size_class_label(c, translate) for c in codes)


def event_kind_label(kind: str) -> str:
    """The kinds of ``events.csv`` (data/README.md) in plain words."""
    labels = {
        "idea": QCoreApplication.translate("PaneWords", "idea"),
        "context": QCoreApplication.translate("PaneWords", "national context"),
        "project": QCoreApplication.translate("PaneWords", "state projects"),
        "proposal": QCoreApplication.translate("PaneWords", "motion"),
        "document": QCoreApplication.translate("PaneWords", "document"),
        "plan": QCoreApplication.translate("PaneWords", "plan"),
        "body": QCoreApplication.translate("PaneWords", "body set up"),
        "policy": QCoreApplication.translate("PaneWords", "policy"),
        "designation": QCoreApplication.translate("PaneWords", "designation"),
        "construction": QCoreApplication.translate("PaneWords", "construction"),
        "study": QCoreApplication.translate("PaneWords", "study"),
        "statement": QCoreApplication.translate("PaneWords", "statement"),
    }
    return labels.get(kind, kind)


#: The order kinds are offered in a filter: from ideas to action.
EVENT_KIND_ORDER = ("idea", "proposal", "study", "plan", "document", "body", "policy",
                    "designation", "construction", "statement", "project", "context")


def event_kinds(events: tuple[Event, ...]) -> list[str]:
    present = {e.kind for e in events}
    known = [k for k in EVENT_KIND_ORDER if k in present]
    return known + sorted(present - set(known))
