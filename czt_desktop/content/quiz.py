"""Self-check questions made from the content, in Chinese and English.

Qt-free (the pane, the tests and any future printout share it). Every question names
the records it is made from: its id is built from their ids (stable across runs and
seeds), its answer and explanation come from their fields, and it cites their source
and locator. Wrong choices come from the content too: other stages, other cities, years
of other events.

Five kinds:

- ``order``: put three or four milestones in order, earliest first;
- ``stage``: which stage does this milestone belong to;
- ``city``: which city is this enterprise in;
- ``rank``: rank the cities by GDP in the latest year the paper gives per city;
- ``year``: in which year does the paper date this plan (or document).

Dates are only asked about where the paper's own words give the year: an event whose
``precision`` is ``year`` or ``month`` *and* whose quoted detail contains that year.
That leaves out the 1950s, "after 2000" and the like (``precision`` ``decade`` or
``after``) and years the editors inferred from the context (see the data note
``xiangjiang-concept-plan-year``).

Randomness (which milestones make an ordering question, the starting order of the
items, which questions make a set) comes from :class:`random.Random` seeded with a
string, so a seed gives the same questions on every run and machine.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from czt_desktop.content.model import Content, Enterprise, Event, Stage, Statistic, Text
from czt_desktop.languages import language

ORDER = "order"
STAGE = "stage"
CITY = "city"
RANK = "rank"
YEAR = "year"
#: Every kind, in the order a set mixes them.
KINDS: tuple[str, ...] = (STAGE, ORDER, CITY, YEAR, RANK)
#: Kinds answered by putting every choice in order (the others: by picking one).
ORDERING_KINDS = frozenset({ORDER, RANK})

#: Questions in a set unless the caller asks otherwise.
DEFAULT_SET_SIZE = 8
#: Milestones in an ordering question, at most (at least three).
ORDER_ITEMS = 4
#: Choices of a single-answer question, at most (the answer and its distractors).
MAX_CHOICES = 4

_FOUR_DIGITS = re.compile(r"\d{4}")


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a record used by a question comes from (``source_id`` + ``locator``)."""

    source_id: str
    locator: str


@dataclass(frozen=True, slots=True)
class Choice:
    """A possible answer, or an item to put in order; ``key`` is a record's id."""

    key: str
    label: Text


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    kind: str
    prompt: Text
    #: The record asked about (a milestone, an enterprise), shown under the prompt.
    subject: Text | None
    #: The choices in the order they are shown; for an ordering kind, the items in the
    #: order they start in (never already the right one).
    choices: tuple[Choice, ...]
    #: The key of the right choice; for an ordering kind, every key in the right order.
    answer: tuple[str, ...]
    explanation: Text
    citations: tuple[Citation, ...]
    #: The stages the question is about (for a set about one stage).
    stage_ids: tuple[int, ...]

    @property
    def ordering(self) -> bool:
        return self.kind in ORDERING_KINDS

    def is_correct(self, response: Sequence[str]) -> bool:
        return tuple(response) == self.answer

    def choice(self, key: str) -> Choice:
        return next(c for c in self.choices if c.key == key)

    def answer_text(self, lang: str) -> str:
        """The right answer in words: the choice, or the items in order."""
        labels = [self.choice(key).label.get(lang) for key in self.answer]
        return " → ".join(labels)


# -- helpers ------------------------------------------------------------------------------
def _cite(records: Iterable[Event | Enterprise | Stage | Statistic]) -> tuple[Citation, ...]:
    """Each place once; a paragraph is left out when its whole section is cited too
    (``§1.2`` covers ``§1.2 ¶1``)."""
    found = list(dict.fromkeys(Citation(r.source_id, r.locator) for r in records))
    return tuple(c for c in found
                 if not any(o.source_id == c.source_id and c.locator.startswith(o.locator + " ")
                            for o in found))


def _rng(seed: int, *parts: object) -> random.Random:
    # A str seed is hashed with SHA-512: the same on every run, unlike hash().
    return random.Random(":".join(str(p) for p in (seed, *parts)))


def _sentence(text: str, lang: str) -> str:
    """The text ending as a sentence (no doubled full stop after a closing quote)."""
    return language(lang).sentence(text)


def _texts(zh: str, en: str) -> Text:
    return Text(zh, en)


def has_exact_year(event: Event) -> bool:
    """The paper's own words give this event's year (see the module docstring)."""
    if event.precision not in {"year", "month"}:
        return False
    detail = event.detail.get('zh') if event.detail is not None else ""
    return str(event.year) in detail


def _stage_number(content: Content, stage_id: int) -> int:
    return [s.id for s in content.stages].index(stage_id) + 1


def _stage_label(stage: Stage) -> Text:
    """Years and the short name the timeline shows on the stage's band."""
    return Text(f"{stage.years_label}　{stage.short.get('zh')}",
                f"{stage.years_label}  {stage.short.get('en')}")


def _year_label(year: int) -> Text:
    return Text(f"{year}年", str(year))


def _years_in(text: Text) -> set[int]:
    return {int(y) for y in _FOUR_DIGITS.findall(text.get('zh') + " " + text.get('en'))}


def _start_order(keys: Sequence[str], rng: random.Random) -> list[str]:
    """A shuffled order that is never already the right one."""
    shuffled = list(keys)
    rng.shuffle(shuffled)
    if shuffled == list(keys) and len(keys) > 1:
        shuffled = shuffled[1:] + shuffled[:1]
    return shuffled


# -- the kinds ----------------------------------------------------------------------------
def stage_question(content: Content, event: Event) -> Question | None:
    """Which stage does ``event`` belong to? None if its title gives the answer away."""
    stage = content.stage(event.stage_id)
    if any(stage.contains(year) for year in _years_in(event.title)):
        return None
    stages = list(content.stages)
    if len(stages) < 2:
        return None
    here = stages.index(stage)
    # The nearest stages are the hardest to tell apart; shown in time order.
    nearest = sorted(stages, key=lambda s: (abs(stages.index(s) - here), stages.index(s)))
    shown = sorted(nearest[:MAX_CHOICES], key=stages.index)
    number = _stage_number(content, stage.id)
    title, when = event.title, event.when
    explanation = _texts(
        f"{title.get('zh')}（{when.get('zh')}）属于第{number}阶段（{stage.years_label}）：{stage.title.get('zh')}。",
        f"{title.get('en')} ({when.get('en')}) belongs to stage {number}, {stage.years_label}: "
        f"{_sentence(stage.title.get('en'), 'en')}",
    )
    return Question(
        id=f"{STAGE}:{event.id}",
        kind=STAGE,
        prompt=_texts("这件事属于哪个阶段？", "Which stage does this milestone belong to?"),
        subject=event.title,
        choices=tuple(Choice(str(s.id), _stage_label(s)) for s in shown),
        answer=(str(stage.id),),
        explanation=explanation,
        citations=_cite((event, stage)),
        stage_ids=(stage.id,),
    )


def city_question(content: Content, enterprise: Enterprise) -> Question | None:
    """Which city is ``enterprise`` in? Choices: the cities the enterprise list names,
    topped up with the other core cities. None if the name contains a city's name."""
    listed = {e.city_id for e in content.enterprises}
    candidates = [c for c in content.cities if c.id in listed]
    candidates += [c for c in content.cities_with_role("core") if c not in candidates]
    if enterprise.city_id not in {c.id for c in candidates} or len(candidates) < 2:
        return None
    names = enterprise.name.get('zh') + " " + enterprise.name.get('en')
    if any(c.name.get('zh') in names or c.name.get('en') in names for c in candidates):
        return None  # "Zhuzhou Glass Plant" answers its own question
    others = [c for c in candidates if c.id != enterprise.city_id][:MAX_CHOICES - 1]
    shown = [c for c in content.cities if c.id == enterprise.city_id or c in others]
    city = content.city(enterprise.city_id)
    name = enterprise.name
    explanation = _texts(
        f"{name.get('zh')}于{enterprise.founded}年在{city.name.get('zh')}建。",
        f"{name.get('en')} was built in {enterprise.founded} in {city.name.get('en')}.",
    )
    return Question(
        id=f"{CITY}:{enterprise.id}",
        kind=CITY,
        prompt=_texts("这家企业在哪个城市？", "In which city is this enterprise?"),
        subject=name,
        choices=tuple(Choice(c.id, c.name) for c in shown),
        answer=(city.id,),
        explanation=explanation,
        citations=_cite((enterprise,)),
        stage_ids=(enterprise.stage_id,),
    )


def year_question(content: Content, event: Event) -> Question | None:
    """In which year does the paper date this plan or document? Only for events whose
    year the paper states and whose title does not contain it. The wrong years are the
    nearest years of other exactly dated events."""
    if event.kind not in {"plan", "document"} or not has_exact_year(event):
        return None
    if str(event.year) in event.title.get('zh') or str(event.year) in event.title.get('en'):
        return None
    other_years = sorted({e.year for e in content.events if has_exact_year(e)} - {event.year})
    if not other_years:
        return None
    nearest = sorted(other_years, key=lambda y: (abs(y - event.year), y))[:MAX_CHOICES - 1]
    years = sorted([event.year, *nearest])
    what = ("这项规划", "this plan") if event.kind == "plan" else ("这份文件", "this document")
    detail = event.detail or event.title
    explanation = _texts(
        f"论文记为{event.when.get('zh')}：{_sentence(detail.get('zh'), 'zh')}",
        f"The paper dates it {event.when.get('en')}: {_sentence(detail.get('en'), 'en')}",
    )
    return Question(
        id=f"{YEAR}:{event.id}",
        kind=YEAR,
        prompt=_texts(f"论文记载{what[0]}是哪一年的？",
                      f"In which year does the paper date {what[1]}?"),
        subject=event.title,
        choices=tuple(Choice(str(y), _year_label(y)) for y in years),
        answer=(str(event.year),),
        explanation=explanation,
        citations=_cite((event,)),
        stage_ids=(event.stage_id,),
    )


def order_question(content: Content, events: Sequence[Event], seed: int) -> Question | None:
    """Put ``events`` (three or more, all in different years) in order."""
    ordered = sorted(events, key=lambda e: e.sort_key)
    if len(ordered) < 3 or len({e.year for e in ordered}) != len(ordered):
        return None
    keys = [e.id for e in ordered]
    question_id = f"{ORDER}:{'+'.join(keys)}"
    start = _start_order(keys, _rng(seed, question_id))
    by_id = {e.id: e for e in ordered}
    explanation = _texts(
        "正确顺序：" + "；".join(f"{e.when.get('zh')}，{e.title.get('zh')}"
                            for e in ordered) + "。",
        "In order: " + "; ".join(f"{e.when.get('en')}, {e.title.get('en')}"
                                 for e in ordered) + ".",
    )
    return Question(
        id=question_id,
        kind=ORDER,
        prompt=_texts("按时间先后排列这些事件，最早的放在最上面。",
                      "Put these milestones in order, earliest first."),
        subject=None,
        choices=tuple(Choice(k, by_id[k].title) for k in start),
        answer=tuple(keys),
        explanation=explanation,
        citations=_cite(ordered),
        stage_ids=tuple(sorted({e.stage_id for e in ordered})),
    )


def rank_question(content: Content, seed: int) -> Question | None:
    """Rank the cities by GDP in the latest year the paper gives GDP for single cities."""
    by_city = [s for s in content.statistics_for("gdp", scope="city")
               if s.year is not None and s.city_id]
    years = sorted({s.year for s in by_city if s.year is not None})
    if not years:
        return None
    year = years[-1]
    figures = sorted((s for s in by_city if s.year == year), key=lambda s: -s.value)
    values = [s.value for s in figures]
    if len(figures) < 3 or len(set(values)) != len(values):
        return None  # a tie has no single right order
    keys = [s.city_id or "" for s in figures]
    question_id = f"{RANK}:" + "+".join(s.id for s in figures)
    start = _start_order(keys, _rng(seed, question_id))
    names = {s.city_id: content.city(s.city_id or "").name for s in figures}
    when = figures[0].when or _year_label(year)
    explanation = _texts(
        f"{when.get('zh')}GDP："
        + "，".join(f"{names[s.city_id].get('zh')}{s.value_text.get('zh')}" for s in figures)
        + "。",
        f"GDP in {when.get('en')}: "
        + "; ".join(f"{names[s.city_id].get('en')} {s.value_text.get('en')}" for s in figures)
        + ".",
    )
    stage = content.stage_for_year(year)
    return Question(
        id=question_id,
        kind=RANK,
        prompt=_texts(f"按{when.get('zh')}GDP从高到低排列这些城市。",
                      f"Rank the cities by GDP in {when.get('en')}, largest first."),
        subject=None,
        choices=tuple(Choice(k, names[k]) for k in start),
        answer=tuple(keys),
        explanation=explanation,
        citations=_cite(figures),
        stage_ids=(stage.id,) if stage is not None else (),
    )


def enterprise_rank_question(content: Content, seed: int) -> Question | None:
    """Rank the cities by how many of the enterprises the paper lists are in each: the
    counting a pupil can do on the Enterprises tab (and the chart shows)."""
    counts: dict[str, int] = {}
    for enterprise in content.enterprises:
        counts[enterprise.city_id] = counts.get(enterprise.city_id, 0) + 1
    keys = sorted(counts, key=lambda c: -counts[c])
    values = [counts[k] for k in keys]
    if len(keys) < 3 or len(set(values)) != len(values):
        return None  # a tie has no single right order
    question_id = f"{RANK}:enterprises:" + "+".join(keys)
    start = _start_order(keys, _rng(seed, question_id))
    names = {k: content.city(k).name for k in keys}
    total = len(content.enterprises)
    explanation = _texts(
        f"论文列出的{total}家企业中："
        + "，".join(f"{names[k].get('zh')}{counts[k]}家" for k in keys) + "。",
        f"Of the {total} enterprises the paper lists: "
        + ", ".join(f"{names[k].get('en')} {counts[k]}" for k in keys) + ".",
    )
    return Question(
        id=question_id,
        kind=RANK,
        prompt=_texts("按论文列出的企业数量从多到少排列这些城市。",
                      "Rank the cities by how many of the enterprises the paper lists are "
                      "there, most first."),
        subject=None,
        choices=tuple(Choice(k, names[k]) for k in start),
        answer=tuple(keys),
        explanation=explanation,
        citations=_cite(content.enterprises),
        stage_ids=tuple(sorted({e.stage_id for e in content.enterprises})),
    )


def _one_per_year(events: Sequence[Event], rng: random.Random) -> list[Event]:
    """One event for each year (chosen at random among events of the same year)."""
    by_year: dict[int, list[Event]] = {}
    for event in events:
        by_year.setdefault(event.year, []).append(event)
    return [rng.choice(group) for _year, group in sorted(by_year.items())]


def order_questions(content: Content, seed: int) -> list[Question]:
    """One ordering question per stage that has three exactly dated years, and one across
    the stages (one milestone from each of up to four stages)."""
    questions: list[Question] = []
    dated = [e for e in content.events if has_exact_year(e)]
    per_stage: dict[int, list[Event]] = {}
    for stage in content.stages:
        rng = _rng(seed, ORDER, stage.id)
        candidates = _one_per_year([e for e in dated if e.stage_id == stage.id], rng)
        per_stage[stage.id] = candidates
        if len(candidates) >= 3:
            picked = rng.sample(candidates, min(ORDER_ITEMS, len(candidates)))
            question = order_question(content, picked, seed)
            if question is not None:
                questions.append(question)
    rng = _rng(seed, ORDER, "across")
    with_events = [s for s in content.stages if per_stage[s.id]]
    if len(with_events) >= 3:
        stages = sorted(rng.sample(with_events, min(ORDER_ITEMS, len(with_events))),
                        key=lambda s: s.start_year)
        question = order_question(content, [rng.choice(per_stage[s.id]) for s in stages], seed)
        if question is not None:
            questions.append(question)
    return questions


# -- banks and sets -----------------------------------------------------------------------
def question_bank(content: Content, seed: int = 0) -> tuple[Question, ...]:
    """Every question the content allows for ``seed`` (only ordering questions and the
    starting orders depend on the seed)."""
    questions: list[Question] = []
    for event in content.events:
        for make in (stage_question, year_question):
            found = make(content, event)
            if found is not None:
                questions.append(found)
    for enterprise in content.enterprises:
        found = city_question(content, enterprise)
        if found is not None:
            questions.append(found)
    questions += order_questions(content, seed)
    for make_rank in (rank_question, enterprise_rank_question):
        rank = make_rank(content, seed)
        if rank is not None:
            questions.append(rank)
    return tuple(questions)


def quiz_set(content: Content, seed: int = 0, stage_id: int | None = None,
             size: int = DEFAULT_SET_SIZE) -> tuple[Question, ...]:
    """A mixed set of up to ``size`` questions, about one stage or (None) all of them.

    The kinds take turns, so a set is not all "which city"; within a kind the questions
    are drawn at random for the seed. A set about one stage has no "which stage?"
    question: the set's own title would give every answer away.
    """
    bank = [q for q in question_bank(content, seed)
            if stage_id is None or (stage_id in q.stage_ids and q.kind != STAGE)]
    rng = _rng(seed, "set", stage_id if stage_id is not None else "all")
    pools: dict[str, list[Question]] = {kind: [] for kind in KINDS}
    for question in bank:
        pools.setdefault(question.kind, []).append(question)
    for pool in pools.values():
        rng.shuffle(pool)
    kinds = [k for k in pools if pools[k]]
    rng.shuffle(kinds)
    picked: list[Question] = []
    while kinds and len(picked) < size:
        for kind in list(kinds):
            if len(picked) >= size:
                break
            picked.append(pools[kind].pop())
            if not pools[kind]:
                kinds.remove(kind)
    return tuple(picked)
