"""UI words several panes share, translated in one context (``PaneWords``).

Content text comes from the content in the pane's language; these are only the
app's own words around it (labels, the source line), so they go through Qt's
translator like every other UI string.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from czt_desktop.content import Content, Event


def colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "


def list_separator(lang: str) -> str:
    return "、" if lang == "zh" else ", "


def source_word() -> str:
    return QCoreApplication.translate("PaneWords", "Source")


def data_note_word() -> str:
    return QCoreApplication.translate("PaneWords", "Note on the data")


def see_above_word() -> str:
    """The kicker of a note shown again in short; ``%1`` is :func:`data_note_word`."""
    return QCoreApplication.translate("PaneWords", "%1 (in full above)")


def source_line(content: Content, source_id: str, locator: str, lang: str) -> str:
    """``Source: <citation>, <locator>`` — every record cites where it comes from."""
    # The citations end with a full stop of their own; the locator follows a comma.
    citation = content.source(source_id).citation.get(lang).rstrip(".。 ")
    return f"{source_word()}{colon(lang)}{citation}, {locator}"


def citation_lines(content: Content, source_ids: Iterable[str], lang: str) -> str:
    """The full citation of each source once, for the foot of a page whose cards give
    only where in the source they come from (:func:`locator_line`)."""
    return "\n".join(f"{source_word()}{colon(lang)}{content.source(i).citation.get(lang)}"
                     for i in dict.fromkeys(source_ids))


def locator_line(locator: str, lang: str) -> str:
    """The short form used on cards whose full citation is given once below them."""
    return f"{source_word()}{colon(lang)}{locator}"


def size_class_label(code: str) -> str:
    """大型 / 大一型 as the paper names the two classes of enterprise."""
    labels = {
        "large": QCoreApplication.translate("PaneWords", "large"),
        "large-1": QCoreApplication.translate("PaneWords", "large, class I"),
    }
    return labels.get(code, code)


def size_classes_text(codes: tuple[str, ...], lang: str) -> str:
    separator = "；" if lang == "zh" else "; "
    return separator.join(size_class_label(c) for c in codes)


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
