"""Find anything in the content by a few words, in Chinese or English.

Qt-free, so the header's search box, tests and any future command-line tool share it.
The index is built once per :class:`Content`; a query is a linear scan over a few hundred
pre-folded strings, which on this content takes well under a millisecond (see
``tests/test_search.py``), so no inverted index is needed.

Matching rules, chosen for pupils typing into a kiosk:

- case-insensitive, and full-width letters match half-width ones (NFKC);
- substring matching, because Chinese has no spaces between words;
- several words separated by spaces must all match (anywhere in the record, in either
  language);
- a four-digit year (``1958`` or ``1958年``) also matches events and enterprises of that
  year and the stage that contains it;
- a short name of the cluster the content pack lists ("CZT", "Chang-Zhu-Tan") stands for
  the cluster's name in each language (长株潭, Changsha–Zhuzhou–Xiangtan).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from czt_desktop import languages
from czt_desktop.catalogue import KINDS
from czt_desktop.content.model import Content, Text

#: Kinds of hit, in the order they rank when nothing else tells them apart.
KIND_WEIGHTS: dict[str, int] = {k.id: k.search_weight for k in KINDS}

EXACT_TITLE = 1000
TITLE_MATCH = 200
#: Stage and event titles are what a teacher usually looks for.
HEADLINE_TITLE = 100
TITLE_PREFIX = 50
EXACT_YEAR = 150
YEAR_IN_RANGE = 60

#: Punctuation ignored when comparing a query with a whole title (《五同规划》 = 五同规划).
_TITLE_PUNCTUATION = "《》〈〉“”‘’\"'「」『』()（）"
_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−"), "-")
_YEAR = re.compile(r"^(\d{4})年?$")
_SPACES = re.compile(r"\s+")

#: How much of a long text a snippet keeps: characters before the match, and in all
#: (Chinese packs far more into a character than languages written with words).
_SNIPPET_CONTEXT_CJK = (8, 48)
_SNIPPET_CONTEXT_WORDS = (24, 110)


def fold(text: str) -> str:
    """Lower-case, width-folded text **of the same length**, so positions map back.

    A character whose folded form is longer (NFKC turns ``…`` into ``...``) is only
    lower-cased, keeping one character per character.
    """
    out: list[str] = []
    for char in text.translate(_DASHES):
        folded = unicodedata.normalize("NFKC", char).casefold()
        if len(folded) != 1:
            folded = char.lower() if len(char.lower()) == 1 else char
        out.append(folded)
    return "".join(out)


def query_terms(query: str) -> list[str]:
    """The folded words of a query (empty if it has none)."""
    return [t for t in _SPACES.split(fold(query).strip()) if t]


def find_spans(text: str, terms: list[str], *, folded: str | None = None
               ) -> list[tuple[int, int]]:
    """Where the terms occur in ``text``, as sorted, merged ``(start, end)`` spans."""
    folded = fold(text) if folded is None else folded
    spans: list[tuple[int, int]] = []
    for term in terms:
        start = folded.find(term)
        while start >= 0:
            spans.append((start, start + len(term)))
            start = folded.find(term, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str
    id: str
    #: The stage the hit belongs to (events, enterprises, stages), else None.
    stage_id: int | None
    title: Text
    #: A short excerpt around the match in each language (or the record's lead text).
    snippet: Text
    score: float
    #: Languages in which every word of the query was found (codes such as "zh", "en").
    matched_in: tuple[str, ...] = ()


@dataclass(slots=True)
class _Doc:
    kind: str
    id: str
    stage_id: int | None
    title: Text
    #: Searched and used for snippets, in order of preference.
    fields: tuple[Text, ...]
    #: Shown as the snippet when the query matched only the title.
    lead: Text
    order: int
    year: int | None = None
    years: tuple[int, int] | None = None
    #: Per language: title and fields folded and joined, for the match test.
    folded: dict[str, str] = field(default_factory=dict)
    #: Per language: the title folded, with the cluster's name masked (see ``prepare``).
    title_folded: dict[str, str] = field(default_factory=dict)
    title_bare: dict[str, str] = field(default_factory=dict)
    folded_title_unmasked: str = ""
    #: Per language: (original, folded) of the lead and each field, for snippets.
    snippet_sources: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def prepare(self, mask: str) -> None:
        """Fold everything once.

        ``mask`` is the cluster's English name ("changsha-zhuzhou-xiangtan"): nearly every
        English title contains it, so "Zhuzhou" should not rank every stage as a title
        match. Inside titles it is blanked for scoring (the text still matches).
        """
        for lang in languages.codes():
            parts = [self.title.get(lang), *(f.get(lang) for f in self.fields)]
            self.folded[lang] = fold("\n".join(parts))
            title = fold(self.title.get(lang))
            self.title_bare[lang] = _bare(title)
            self.title_folded[lang] = title.replace(mask, " " * len(mask)) if mask else title
            self.folded_title_unmasked += title + "\n"
            self.snippet_sources[lang] = [(t, fold(t)) for t in
                                          (self.lead.get(lang), *(f.get(lang) for f in self.fields))
                                          if t]


def _bare(folded_title: str) -> str:
    return _SPACES.sub(" ", "".join(c for c in folded_title if c not in _TITLE_PUNCTUATION))


def _join(separator: str | None, *parts: Text | None) -> Text:
    """The parts in one line, in every language; ``None`` joins them as a list of names
    (``、`` / ``, ``)."""
    present = [p for p in parts if p is not None and p.variants()]
    return Text.of({
        code: (separator if separator is not None else languages.language(code).list_separator)
        .join(text for p in present if (text := p.get(code)))
        for code in languages.codes()})


def _plain(value: str) -> Text:
    """A text that reads the same in every language (a year, a locator)."""
    return Text.of(dict.fromkeys(languages.codes(), value))


def _year_text(year: int) -> Text:
    """``1958年`` / ``1958``: what each language writes after a bare year."""
    return Text.of({code: f"{year}{'年' if languages.language(code).cjk else ''}"
                    for code in languages.codes()})


class SearchIndex:
    """Every searchable record of one content pack, folded once for fast queries."""

    def __init__(self, content: Content) -> None:
        self._docs: list[_Doc] = []
        self._build(content)
        core = [c.name.get("en") for c in content.cities_with_role("core")]
        mask = fold("-".join(core)) if len(core) > 1 else ""
        for doc in self._docs:
            doc.prepare(mask)
        #: Folded short name -> the cluster's folded name in each language.
        self._short_names: dict[str, dict[str, str]] = {}
        name = content.manifest.cluster_name
        if name is not None:
            per_language = {lang: fold(name.get(lang)) for lang in languages.codes()}
            for short in content.manifest.short_names:
                self._short_names[fold(short)] = per_language

    def __len__(self) -> int:
        return len(self._docs)

    # -- building ------------------------------------------------------------------------
    def _add(self, kind: str, record_id: str, title: Text, fields: tuple[Text | None, ...],
             lead: Text | None = None, *, stage_id: int | None = None,
             year: int | None = None, years: tuple[int, int] | None = None) -> None:
        kept = tuple(f for f in fields if f is not None and f.variants())
        self._docs.append(_Doc(kind, record_id, stage_id, title, kept,
                               lead if lead is not None else (kept[0] if kept else Text()),
                               len(self._docs), year, years))

    def _build(self, content: Content) -> None:
        def city_name(city_id: str | None) -> Text | None:
            return content.city(city_id).name if city_id else None

        for stage in content.stages:
            years = _plain(stage.years_label)
            self._add("stage", str(stage.id), stage.title,
                      (stage.short, stage.outcome, stage.narrative),
                      _join(" · ", years, stage.short), stage_id=stage.id,
                      years=(stage.start_year, stage.end_year))
        for event in content.events:
            self._add("event", event.id, event.title, (event.when, event.detail),
                      _join(" · ", event.when, event.detail), stage_id=event.stage_id,
                      year=event.year, years=(event.year, event.year_end or event.year))
        for ent in content.enterprises:
            self._add("enterprise", ent.id, ent.name, (city_name(ent.city_id), ent.industry),
                      _join(" · ", city_name(ent.city_id), ent.industry,
                            _year_text(ent.founded)),
                      stage_id=ent.stage_id, year=ent.founded)
        for city in content.cities:
            names = [i.name for i in content.industries_of(city.id)]
            lead = _join(None, *names) if names else None
            self._add("city", city.id, city.name, (), lead)
        for base in content.innovation_bases:
            self._add("innovation_base", base.id, base.name, (city_name(base.city_id),))
        for industry in content.industries:
            self._add("industry", industry.id, industry.name, (city_name(industry.city_id),))
        for stat in content.statistics:
            self._add("statistic", stat.id, stat.label,
                      (stat.value_text, stat.when, city_name(stat.city_id)),
                      _join(" · ", city_name(stat.city_id), stat.value_text, stat.when),
                      year=stat.year)
        for problem in content.problems:
            self._add("problem", problem.id, problem.title, (problem.text,))
        for strategy in content.strategies:
            self._add("strategy", strategy.id, strategy.title, (strategy.text,))
        for peer in content.peer_clusters:
            self._add("peer_cluster", peer.id, peer.name, ())
        for fact in content.facts:
            # A fact has no headline of its own: its text is the title, and the snippet
            # shows where in the paper it is, or the match when it is too far in for a
            # cut-short title to show it (see _snippet).
            self._add("fact", fact.id, fact.text, (fact.text,), _plain(fact.locator))
        for note in content.data_notes:
            self._add("data_note", note.id, note.title, (note.text,))

    # -- querying ------------------------------------------------------------------------
    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """The best ``limit`` records matching every word of ``query``, best first."""
        terms = query_terms(query)
        if not terms or limit <= 0:
            return []
        years = [int(m.group(1)) if (m := _YEAR.match(t)) else None for t in terms]
        # The words to look for in each language ("czt" is 长株潭 in Chinese text).
        wanted = {lang: [self._short_names.get(t, {}).get(lang, t) for t in terms]
                  for lang in languages.codes()}
        whole = " ".join(terms)
        scored: list[tuple[float, int, _Doc]] = []
        for doc in self._docs:
            score = self._score(doc, wanted, years, whole)
            if score is not None:
                scored.append((score, doc.order, doc))
        scored.sort(key=lambda item: (-item[0], item[1]))
        return [self._hit(doc, score, wanted) for score, _, doc in scored[:limit]]

    @staticmethod
    def _score(doc: _Doc, wanted: dict[str, list[str]], years: list[int | None],
               whole: str) -> float | None:
        score = float(KIND_WEIGHTS[doc.kind])
        for index, year in enumerate(years):
            in_text = any(wanted[lang][index] in text for lang, text in doc.folded.items())
            if year is not None and doc.year == year:
                score += EXACT_YEAR
            elif year is not None and doc.years and doc.years[0] <= year <= doc.years[1]:
                score += YEAR_IN_RANGE
            elif not in_text:
                return None
        titles = doc.title_folded
        if whole in doc.title_bare.values():
            score += EXACT_TITLE
        elif any(all(t in title for t in wanted[lang]) for lang, title in titles.items()) or (
            # Someone who types the cluster's name ("changsha-zhuzhou") means it.
            "-" in whole and any(all(t in doc.folded_title_unmasked for t in words)
                                 for words in wanted.values())
        ):
            score += TITLE_MATCH
            if doc.kind in ("stage", "event"):
                score += HEADLINE_TITLE
            if any(title.startswith(whole) for title in titles.values()):
                score += TITLE_PREFIX
        return score

    @staticmethod
    def _hit(doc: _Doc, score: float, wanted: dict[str, list[str]]) -> SearchHit:
        matched = tuple(lang for lang, folded in doc.folded.items()
                        if all(t in folded for t in wanted[lang]))
        snippet = Text.of({lang: _snippet(doc, lang, wanted[lang]) for lang in doc.folded})
        return SearchHit(doc.kind, doc.id, doc.stage_id, doc.title, snippet, score, matched)


def _snippet(doc: _Doc, lang: str, terms: list[str]) -> str:
    """The lead or the first field that shows a match, cut around the match."""
    before, width = _SNIPPET_CONTEXT_CJK if languages.language(lang).cjk \
        else _SNIPPET_CONTEXT_WORDS
    sources = doc.snippet_sources[lang]
    if not sources:
        return ""
    if doc.kind == "fact":
        text, folded = sources[-1]
        spans = find_spans(text, terms, folded=folded)
        if spans and spans[0][0] > width // 2:
            return _excerpt(text, spans[0][0], before, width, lang)
        return sources[0][0]
    for text, folded in sources:
        spans = find_spans(text, terms, folded=folded)
        if spans:
            return _excerpt(text, spans[0][0], before, width, lang)
    return _excerpt(sources[0][0], 0, before, width, lang)


def _excerpt(text: str, at: int, before: int, width: int, lang: str) -> str:
    """About ``width`` characters of ``text`` starting a little before position ``at``."""
    # Short texts, and matches near the start, are shown from the beginning.
    start = 0 if at + before <= width - before else max(0, at - before)
    words = bool(languages.language(lang).word_space)  # cut at spaces, not inside words
    if words and start > 0:
        # Start at a word: the space before, or else the next one before the match.
        space = text.rfind(" ", 0, start + 1)
        if space >= 0 and at - space < before * 2:
            start = space + 1
        elif (ahead := text.find(" ", start, at)) >= 0:
            start = ahead + 1
    end = min(len(text), start + width)
    if words and end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > at else end
    return ("…" if start > 0 else "") + text[start:end].strip() + ("…" if end < len(text) else "")
