"""The classroom deck: which slides there are, in which order, with what on them.

Pure Python over :class:`~czt_desktop.content.Content` (no Qt), so the order and the
paging rules can be tested without widgets. The window decides what fits on a slide
at the projector's size and tells the builder through a :class:`PageFit`; the builder
then splits the stage's text and the milestones across as many slides as they need.

Per stage, in the paper's order:

1. overview: the years, the title, the stage's headline and our short summary of it
   (teaching text, correct where the paper slips); a content pack without them gets the
   paper's closing summary and its account (the narrative) instead, continued on
   further slides when it is long;
2. milestones: the stage's dated events in order, paged the same way;
3. chart(s): the chart that really is about the stage (see :func:`charts_for_stage`);

then the next stage. Nothing is shortened or reworded: a long text is split between
sentences (or, for a sentence longer than a slide, between words), never cut.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from czt_desktop.content import Content, Event, Stage
from czt_desktop.content.citing import Cited
from czt_desktop.languages import language

T = TypeVar("T")

SlideKind = Literal["overview", "milestones", "chart"]
OVERVIEW: SlideKind = "overview"
MILESTONES: SlideKind = "milestones"
CHART: SlideKind = "chart"

#: Chart keys, as the window's ``charts`` dict names them.
ENTERPRISES_CHART = "enterprises"
MILESTONES_CHART = "milestones"
GDP_CHART = "gdp"
SHARES_CHART = "shares"


@dataclass(frozen=True, slots=True)
class Slide:
    """One slide. ``page``/``pages`` count the slides of the same kind in the stage."""

    kind: SlideKind
    stage: Stage
    page: int = 0
    pages: int = 1
    #: Overview: consecutive pieces of the narrative (whole sentences where possible).
    text: tuple[str, ...] = ()
    #: Overview: index of the first piece in the stage's narrative (to keep the place).
    first_piece: int = 0
    #: Milestones: the events on this slide, in order.
    events: tuple[Event, ...] = ()
    #: Chart: which chart (``ENTERPRISES_CHART`` …).
    chart: str = ""

    @property
    def is_first_page(self) -> bool:
        return self.page == 0

    def records(self) -> tuple[Cited, ...]:
        """What the slide's facts come from, for its source line (charts cite their own)."""
        if self.kind == OVERVIEW:
            return (self.stage,)
        if self.kind == MILESTONES:
            return self.events
        return ()


#: Whether a candidate slide fits on the screen at the required type size.
PageFit = Callable[[Slide], bool]


def _always_fits(_slide: Slide) -> bool:
    return True


# -- splitting text -------------------------------------------------------------------------
_ZH_SENTENCE = re.compile(r"[^。！？]*[。！？]+[”’」』）)]*|[^。！？]+$")
# A sentence ends at . ! or ? (maybe followed by a closing quote or bracket) before a
# space and a capital letter, a digit or an opening quote.
_EN_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"’)]))\s+(?=[A-Z0-9“\"(])")


def sentences(text: str, lang: str) -> list[str]:
    """The sentences of a text; joined with :func:`join` they give the text back."""
    text = text.strip()
    if not text:
        return []
    if language(lang).cjk:
        return [s for s in _ZH_SENTENCE.findall(text) if s]
    return [s for s in _EN_BREAK.split(text) if s]


def join(pieces: Sequence[str], lang: str) -> str:
    return language(lang).sentence_space.join(pieces)


def halves(piece: str, lang: str) -> list[str]:
    """A piece too long for one slide, split near its middle: at a comma or semicolon
    if there is one, else between words (English) or characters (Chinese)."""
    middle = len(piece) // 2
    row = language(lang)
    marks = {row.comma.strip(), row.clause_separator.strip(), row.list_separator.strip()}
    cuts = [i + 1 for i, ch in enumerate(piece) if ch in marks and 0 < i + 1 < len(piece)]
    if row.word_space and not cuts:
        cuts = [i for i, ch in enumerate(piece) if ch == " " and 0 < i < len(piece)]
    cut = min(cuts, key=lambda i: abs(i - middle)) if cuts else middle
    if cut <= 0 or cut >= len(piece):
        return [piece]
    return [piece[:cut].rstrip(), piece[cut:].lstrip()]


# -- paging ---------------------------------------------------------------------------------
def _pages(items: Sequence[T], fits: Callable[[Sequence[T], int], bool]) -> list[list[T]]:
    """Greedy paging: as many items per page as fit; an item that does not fit even
    alone gets a page of its own (the caller splits such items beforehand)."""
    pages: list[list[T]] = []
    current: list[T] = []
    for item in items:
        if current and not fits([*current, item], len(pages)):
            pages.append(current)
            current = []
        current.append(item)
    if current or not pages:
        pages.append(current)
    return pages


def _balanced_pages(items: Sequence[T],
                    fits: Callable[[Sequence[T], int], bool]) -> list[list[T]]:
    """As few pages as greedy paging needs, but with the items spread evenly over them
    (10 + 2 milestones leave a lonely last slide; 6 + 6 do not). Falls back to the
    greedy pages when the even spread does not fit."""
    greedy = _pages(items, fits)
    count = len(greedy)
    if count <= 1:
        return greedy
    pages: list[list[T]] = []
    start = 0
    for number in range(count):
        target = math.ceil((len(items) - start) / (count - number))
        chunk = list(items[start:start + target])
        while len(chunk) > 1 and not fits(chunk, number):
            chunk.pop()
        pages.append(chunk)
        start += len(chunk)
    return pages if start == len(items) and all(pages) else greedy


def _overview_slides(stage: Stage, lang: str, fits: PageFit) -> list[Slide]:
    def candidate(pieces: Sequence[str], page: int) -> Slide:
        return Slide(OVERVIEW, stage, page=page, pages=page + 1, text=tuple(pieces))

    # Split every piece that does not fit on a page of its own (at most a few times).
    told = stage.summary if stage.summary is not None else stage.narrative
    pieces = sentences(told.get(lang), lang)
    for _ in range(6):
        split: list[str] = []
        for piece in pieces:
            alone_on_later_page = candidate([piece], 1)
            split += [piece] if fits(alone_on_later_page) else halves(piece, lang)
        if split == pieces:
            break
        pieces = split
    paged = _balanced_pages(pieces, lambda chunk, page: fits(candidate(chunk, page)))
    slides, first = [], 0
    for number, chunk in enumerate(paged):
        slides.append(Slide(OVERVIEW, stage, page=number, pages=len(paged), text=tuple(chunk),
                            first_piece=first))
        first += len(chunk)
    return slides


def _milestone_slides(content: Content, stage: Stage, fits: PageFit) -> list[Slide]:
    events = content.events_in_stage(stage.id)
    if not events:
        return []

    def candidate(chunk: Sequence[Event], page: int) -> Slide:
        # The heading says "(1/2)" once there are two pages: measure as if there were.
        return Slide(MILESTONES, stage, page=page, pages=max(page + 1, 2), events=tuple(chunk))

    # One page if all fit (no "(1/2)" in the heading), else paged.
    if fits(Slide(MILESTONES, stage, events=events)):
        return [Slide(MILESTONES, stage, events=events)]
    paged = _balanced_pages(list(events), lambda chunk, page: fits(candidate(chunk, page)))
    return [Slide(MILESTONES, stage, page=n, pages=len(paged), events=tuple(chunk))
            for n, chunk in enumerate(paged)]


def charts_for_stage(content: Content, stage: Stage) -> tuple[str, ...]:
    """The charts that are about this stage, judged from the content, not by number.

    * the enterprises chart for a stage whose enterprises it shows (the 1950s);
    * the GDP charts for the stage whose years hold the year of the city figures;
    * otherwise the milestones-per-stage chart, with this stage highlighted.
    """
    charts: list[str] = []
    if content.enterprises_in_stage(stage.id):
        charts.append(ENTERPRISES_CHART)
    for metric, key in (("gdp", GDP_CHART), ("gdp_share_of_province", SHARES_CHART)):
        years = [s.year for s in content.statistics_for(metric, scope="city")
                 if s.year is not None]
        if years and stage.contains(max(years)):
            charts.append(key)
    if not charts and content.events_in_stage(stage.id):
        charts.append(MILESTONES_CHART)
    return tuple(charts)


@dataclass(frozen=True, slots=True)
class Deck:
    """The ordered slides of one language at one screen size."""

    lang: str
    slides: tuple[Slide, ...]
    _first: dict[int, int] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        for index, slide in enumerate(self.slides):
            self._first.setdefault(slide.stage.id, index)

    def __len__(self) -> int:
        return len(self.slides)

    def __getitem__(self, index: int) -> Slide:
        return self.slides[index]

    def first_of_stage(self, stage_id: int) -> int | None:
        return self._first.get(stage_id)

    def stage_ids(self) -> list[int]:
        return list(self._first)

    def find(self, slide: Slide) -> int:
        """Where a slide of another deck (other language or size) is now: the slide of
        the same stage and kind holding the same milestone, chart or part of the text;
        failing that, the first slide of its stage."""
        same = [i for i, s in enumerate(self.slides)
                if s.stage.id == slide.stage.id and s.kind == slide.kind]
        if not same:
            return self.first_of_stage(slide.stage.id) or 0
        if slide.kind == MILESTONES and slide.events:
            wanted = slide.events[0].id
            return next((i for i in same if wanted in {e.id for e in self.slides[i].events}),
                        same[0])
        if slide.kind == CHART:
            return next((i for i in same if self.slides[i].chart == slide.chart), same[0])
        # The narrative is split differently in each language: keep the same share of it.
        if slide.pages <= 1:
            return same[0]
        share = slide.page / slide.pages
        return same[min(len(same) - 1, round(share * len(same)))]


def build_deck(content: Content, lang: str, fits: PageFit | None = None) -> Deck:
    """All slides, stage after stage. ``fits`` says whether a candidate slide fits on
    the screen; without it everything of a kind goes on one slide."""
    check = fits or _always_fits
    slides: list[Slide] = []
    for stage in content.stages:
        slides += _overview_slides(stage, lang, check)
        slides += _milestone_slides(content, stage, check)
        slides += [Slide(CHART, stage, chart=key) for key in charts_for_stage(content, stage)]
    return Deck(lang, tuple(slides))
