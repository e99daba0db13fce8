"""Going through a set of self-check questions: where the student is, what they picked,
what they got right. Qt-free; the quiz pane shows it and forwards what the student does.

The set is rebuilt from the saved seed and the stage it is about
(:func:`czt_desktop.content.quiz.quiz_set`), so only the answers need saving; every
change to them is saved at once (:class:`czt_desktop.quiz_progress.ProgressStore`).

A save that fails (a full or read-only disk) is never silent: :attr:`QuizSession.save_problem`
says why, and :attr:`QuizSession.on_save_failed` hears of it (the window shows it in
its status bar; the kiosk only logs it). The store can be exchanged while the session
lives (:meth:`QuizSession.use_store`): a kiosk keeps its visitors' answers in memory and
gives the student's store back when it ends.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from czt_desktop.content import Content
from czt_desktop.content.quiz import Question, quiz_set
from czt_desktop.quiz_progress import (
    SCOPE_TIMELINE,
    SCOPES,
    Answer,
    ProgressStore,
    QuizProgress,
)

log = logging.getLogger("czt.quiz")


class QuizSession:
    def __init__(self, content: Content, store: ProgressStore, stage_id: int) -> None:
        self.content = content
        self.store = store
        #: Called with :attr:`save_problem` when a save fails (None: only logged).
        self.on_save_failed: Callable[[str], None] | None = None
        #: Why the last save failed (file and reason), or None when it succeeded.
        self.save_problem: str | None = None
        self.progress = store.load()
        #: Why saved answers could not be used (file, line); cleared by a reset.
        self.load_problems = list(store.messages)
        self.stage_id = stage_id
        self.questions: tuple[Question, ...] = ()
        self.index = 0
        #: The pick (single-answer kinds) or the arrangement (ordering kinds) so far.
        self.chosen = ""
        self.order: list[str] = []
        self._set_key: tuple[int, str, int | None] | None = None
        self._rebuild(force=True)

    # -- what is shown ------------------------------------------------------------------------
    @property
    def scope(self) -> str:
        return self.progress.scope

    @property
    def retrying(self) -> bool:
        return self.progress.retry is not None

    def active(self) -> list[Question]:
        """The questions being gone through: the set, or the missed ones tried again."""
        retry = self.progress.retry
        if retry is None:
            return list(self.questions)
        return [q for q in self.questions if q.id in retry]

    def current(self) -> Question | None:
        """The question shown, or None at the end (the score)."""
        active = self.active()
        return active[self.index] if 0 <= self.index < len(active) else None

    def is_last(self) -> bool:
        return self.index + 1 >= len(self.active())

    def answer(self, question: Question | None = None) -> Answer | None:
        question = question or self.current()
        return self.progress.answers.get(question.id) if question is not None else None

    def is_checked(self) -> bool:
        return self.answer() is not None

    def score(self) -> tuple[int, int]:
        """(right answers, questions) in the set."""
        right = sum(1 for q in self.questions if (a := self.answer(q)) is not None and a.correct)
        return right, len(self.questions)

    def missed(self) -> list[str]:
        """Ids of the set's questions answered wrongly or skipped."""
        return [q.id for q in self.questions if (a := self.answer(q)) is not None
                and not a.correct]

    # -- what the student does ------------------------------------------------------------------
    def set_stage(self, stage_id: int) -> bool:
        """The timeline's stage changed; True if the set changed with it."""
        self.stage_id = stage_id
        return self._rebuild()

    def set_scope(self, scope: str) -> bool:
        if scope not in SCOPES or scope == self.progress.scope:
            return False
        self.progress.scope = scope
        self.progress.retry = None
        self._save()
        return self._rebuild()

    def choose(self, key: str) -> None:
        question = self.current()
        if question is not None and not question.ordering and not self.is_checked() \
                and key in {c.key for c in question.choices}:
            self.chosen = key

    def move(self, key: str, step: int) -> bool:
        """Move an item of an ordering question up (-1) or down (+1)."""
        if key not in self.order or self.is_checked():
            return False
        at = self.order.index(key)
        to = at + step
        if not 0 <= to < len(self.order):
            return False
        self.order[at], self.order[to] = self.order[to], self.order[at]
        return True

    def response(self) -> tuple[str, ...]:
        question = self.current()
        if question is None:
            return ()
        return tuple(self.order) if question.ordering else (self.chosen,) if self.chosen else ()

    def check(self) -> Answer | None:
        """Record the response to the current question; None if there is nothing to check."""
        question = self.current()
        response = self.response()
        if question is None or self.is_checked() or not response:
            return None
        answer = Answer(response, question.is_correct(response))
        self.progress.answers[question.id] = answer
        self._save()
        return answer

    def skip(self) -> None:
        question = self.current()
        if question is not None and not self.is_checked():
            self.progress.answers[question.id] = Answer((), False)
            self._save()
            self.advance()

    def advance(self) -> None:
        self.index += 1
        if self.index >= len(self.active()) and self.progress.retry is not None:
            # The second try is over: back to the whole set, at its end (the score).
            self.progress.retry = None
            self._save()
            self.index = len(self.questions)
        self._start_question()

    def retry(self) -> bool:
        """Go through the missed questions again (their answers are forgotten)."""
        missed = self.missed()
        if not missed:
            return False
        for question_id in missed:
            self.progress.answers.pop(question_id, None)
        self.progress.retry = missed
        self._save()
        self.index = 0
        self._start_question()
        return True

    def new_set(self) -> None:
        self.progress.seed += 1
        self.progress.answers.clear()
        self.progress.retry = None
        self._save()
        self._rebuild(force=True)

    def use_store(self, store: ProgressStore) -> ProgressStore:
        """Keep the answers in ``store`` from now on and show what it holds; returns the
        store used until now (a kiosk swaps in its memory-only store, and gives the
        student's back when it ends). Nothing is saved to either store by the swap."""
        previous, self.store = self.store, store
        self.progress = store.load()
        self.load_problems = list(store.messages)
        self.save_problem = None
        self._set_key = None
        self._rebuild(force=True)
        return previous

    def reset(self) -> None:
        """Forget everything (a kiosk's idle reset): the first set returns. A student's
        file is kept (see :meth:`ProgressStore.clear`)."""
        self.store.clear()
        self.progress = QuizProgress()
        self.load_problems = []
        self._rebuild(force=True)

    # -- inside -----------------------------------------------------------------------------------
    def _rebuild(self, force: bool = False) -> bool:
        stage = self.stage_id if self.progress.scope == SCOPE_TIMELINE else None
        key = (self.progress.seed, self.progress.scope, stage)
        if key == self._set_key and not force:
            return False
        if self._set_key is not None and self.progress.retry is not None:
            # A second try belongs to the set it was started in.
            self.progress.retry = None
            self._save()
        self._set_key = key
        self.questions = quiz_set(self.content, self.progress.seed, stage)
        if self.progress.retry is not None and \
                not set(self.progress.retry) <= {q.id for q in self.questions}:
            self.progress.retry = None
        active = self.active()
        self.index = next((i for i, q in enumerate(active) if q.id not in self.progress.answers),
                          len(active))
        self._start_question()
        return True

    def _start_question(self) -> None:
        question = self.current()
        self.chosen, self.order = "", []
        if question is None:
            return
        answer = self.answer(question)
        response = answer.response if answer is not None else ()
        if question.ordering:
            self.order = list(response) if response else [c.key for c in question.choices]
        else:
            self.chosen = response[0] if response else ""

    def _save(self) -> None:
        if self.store.save(self.progress):
            self.save_problem = None
            return
        problem = self.store.save_problem or "the answers could not be saved"
        self.save_problem = problem
        if self.on_save_failed is None:
            return  # the store has logged it
        try:
            self.on_save_failed(problem)
        except Exception:  # whoever listens must not break the quiz
            log.exception("reporting a failed save of the quiz answers failed")


def session_of(pane: object) -> QuizSession | None:
    """The quiz session a view keeps in its ``session`` attribute, or None (for the
    window and the kiosk, which see the quiz pane only as a widget)."""
    session = getattr(pane, "session", None)
    return session if isinstance(session, QuizSession) else None
