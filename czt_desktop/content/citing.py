"""Source lines: every record names its source and where in it, and every view cites
them the same way.

``Source: <citation>, §1.2; §2 ¶2`` — each source once, its places once each in the
paper's order (a paragraph is left out when its whole section is cited too). The label
("Source", "From the paper") is the caller's, already translated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Protocol

from czt_desktop.content.model import Content
from czt_desktop.languages import language

_SECTION = re.compile(r"§(\d+(?:\.\d+)*)")
_PARAGRAPH = re.compile(r"¶(\d+)")


class Cited(Protocol):
    """Any record: every one names its source and where in it the record comes from."""

    @property
    def source_id(self) -> str: ...

    @property
    def locator(self) -> str: ...


def locator_key(locator: str) -> tuple[int, tuple[int, ...], int]:
    """Paper order: abstract, introduction, then §1, §1.1, §1.1 ¶1, §1.2 … (a section
    before its paragraphs)."""
    section = _SECTION.search(locator)
    paragraph = _PARAGRAPH.search(locator)
    number = int(paragraph.group(1)) if paragraph else 0
    if section is None:
        return (0 if "摘要" in locator else 1, (), number)
    return (2, tuple(int(n) for n in section.group(1).split(".")), number)


def places(records: Iterable[Cited]) -> dict[str, list[str]]:
    """The places cited, by source (sources in the order first met), each place once,
    in the paper's order; ``§1.2`` covers ``§1.2 ¶1``."""
    found: dict[str, set[str]] = {}
    for record in records:
        found.setdefault(record.source_id, set()).update(
            part for part in record.locator.split("; ") if part)
    return {
        source_id: sorted((p for p in parts
                           if not any(p != other and p.startswith(other + " ") for other in parts)),
                          key=locator_key)
        for source_id, parts in found.items()
    }


def named_places(places: Iterable[str], names: Mapping[str, str]) -> list[str]:
    """Places with the paper's section names in the reader's language (``引言 ¶1`` →
    ``Introduction ¶1``); ``names`` maps the paper's words to the reader's."""
    found = []
    for place in places:
        named = place
        for word, name in names.items():
            named = named.replace(word, name)
        found.append(named)
    return found


def source_line(content: Content, records: Iterable[Cited], lang: str, label: str, *,
                paper_as: str = "", section_names: Mapping[str, str] | None = None) -> str:
    """``来源：<citation>，§2 ¶2; §3.2 ¶1`` / ``Source: <citation>, §2 ¶2; §3.2 ¶1``.

    ``paper_as``: where the paper is cited in full elsewhere on the page (a "Sources"
    list), it is named by these words instead ("From the paper, §1.2").
    """
    row = language(lang)
    parts = []
    labelled = not paper_as
    for source_id, where in places(records).items():
        source = content.source(source_id)
        if paper_as and source.kind == "paper":
            name = paper_as
        else:
            # The citations end with a full stop of their own; the places follow a comma.
            name = source.citation.get(lang).rstrip(".。 ")
            labelled = True
        named = named_places(where, section_names or {})
        parts.append(row.comma.join(filter(None, (name, "; ".join(named)))))
    text = row.join_clauses(parts)
    return row.labelled(label, text) if labelled else text


def place_line(records: Iterable[Cited], lang: str, label: str,
               section_names: Mapping[str, str] | None = None) -> str:
    """``Source: §1.2; §2`` — the short form on cards whose sources are cited in full
    once below them (:func:`citation_lines`)."""
    where = [p for parts in places(records).values() for p in parts]
    return language(lang).labelled(label, "; ".join(named_places(where, section_names or {})))


def citation_lines(content: Content, source_ids: Iterable[str], lang: str, label: str) -> str:
    """The full citation of each source once, one per line."""
    row = language(lang)
    return "\n".join(row.labelled(label, content.source(i).citation.get(lang))
                     for i in dict.fromkeys(source_ids))
