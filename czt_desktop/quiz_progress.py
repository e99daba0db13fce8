"""The student's self-check answers, kept between runs in ``quiz-progress.json``.

Qt-free, like :mod:`czt_desktop.settings`, and read and written by the same validated
store (:class:`czt_desktop.json_files.JsonStore`): the file is written atomically, so a
crash or a power cut leaves the old answers or the new ones, never half a file; a file
that cannot be used is never thrown away but renamed to ``quiz-progress.json.broken-
<time>``, reported with the file and line, and the quiz starts afresh. Two instances of
the app answering at the same time keep both their answers (each save merges with the
file under a lock).

What is kept is small: the seed of the current set (a set is rebuilt from it, see
:func:`czt_desktop.content.quiz.quiz_set`), which stages the questions are about, the
answers by question id, and the questions being tried again.

A museum kiosk keeps its visitors' answers apart: :meth:`ProgressStore.for_kiosk` holds
them in memory only, so a kiosk never reads, changes or removes a student's file.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from czt_desktop import paths
from czt_desktop.json_files import FieldProblem, JsonStore

log = logging.getLogger("czt.quiz")

PROGRESS_FILE_NAME = "quiz-progress.json"
PROGRESS_SCHEMA_VERSION = 1

#: Which questions a set draws from: the stage chosen on the timeline, or all stages.
SCOPE_TIMELINE = "timeline"
SCOPE_ALL = "all"
SCOPES = (SCOPE_TIMELINE, SCOPE_ALL)

#: Whose answers a store keeps: a student's (in the file) or a kiosk's (in memory).
STUDENT = "student"
KIOSK = "kiosk"


@dataclass(frozen=True, slots=True)
class Answer:
    """What the student answered; an empty response means the question was skipped."""

    response: tuple[str, ...]
    correct: bool


_ANSWER_SHAPE = "expected a list of texts 'response' and true or false 'correct'"


def _parse_answers(raw: Any) -> dict[str, Answer]:
    if not isinstance(raw, dict):
        raise FieldProblem("expected an object", "answers")
    answers: dict[str, Answer] = {}
    for qid, item in raw.items():
        response = item.get("response") if isinstance(item, dict) else None
        correct = item.get("correct") if isinstance(item, dict) else None
        if (not isinstance(response, list) or not all(isinstance(r, str) for r in response)
                or not isinstance(correct, bool)):
            raise FieldProblem(f"answer {qid!r}: {_ANSWER_SHAPE}", qid)
        answers[qid] = Answer(tuple(response), correct)
    return answers


def _dump_answers(answers: dict[str, Answer]) -> dict[str, Any]:
    return {qid: {"response": list(a.response), "correct": a.correct}
            for qid, a in answers.items()}


def _parse_retry(raw: Any) -> list[str] | None:
    if raw is not None and (not isinstance(raw, list) or not all(isinstance(r, str)
                                                                 for r in raw)):
        raise FieldProblem("expected a list of question ids or null", "retry")
    return list(raw) if raw is not None else None


@dataclass(slots=True)
class QuizProgress:
    seed: int = field(default=0, metadata={"range": (0, None)})
    scope: str = field(default=SCOPE_TIMELINE, metadata={"choices": SCOPES})
    answers: dict[str, Answer] = field(default_factory=dict, metadata={
        "parse": _parse_answers, "dump": _dump_answers})
    #: Ids of the missed questions being tried again, or None.
    retry: list[str] | None = field(default=None, metadata={"parse": _parse_retry})


def merge_progress(base: QuizProgress, mine: QuizProgress, disk: QuizProgress) -> QuizProgress:
    """What to save when another instance saved ``disk`` since this one loaded or saved
    ``base`` and now holds ``mine``.

    Answers to the same set are all kept (this instance's win where both answered the
    same question; one it forgot, when trying again, goes). A new set started in one
    instance replaces the other's old set: its answers belong to other questions.
    """
    seed = mine.seed if mine.seed != base.seed else disk.seed
    if seed == mine.seed == disk.seed:
        answers = dict(disk.answers)
        for qid in base.answers.keys() | mine.answers.keys():
            if mine.answers.get(qid) != base.answers.get(qid):
                if qid in mine.answers:
                    answers[qid] = mine.answers[qid]
                else:
                    answers.pop(qid, None)
    else:
        answers = dict(mine.answers if seed == mine.seed else disk.answers)
    return QuizProgress(
        seed=seed,
        scope=mine.scope if mine.scope != base.scope else disk.scope,
        answers=answers,
        retry=copy.copy(mine.retry if mine.retry != base.retry else disk.retry),
    )


def default_path() -> Path:
    return paths.user_data_dir() / PROGRESS_FILE_NAME


class ProgressStore:
    """Loads, saves and clears :class:`QuizProgress`.

    A student's store (the default) keeps it in ``quiz-progress.json``; a kiosk's
    (:meth:`for_kiosk`) in memory only.
    """

    def __init__(self, path: Path | None = None, *, scope: str = STUDENT) -> None:
        if scope not in (STUDENT, KIOSK):
            raise ValueError(f"unknown progress scope {scope!r}")
        self.scope = scope
        #: The file (None for a kiosk's store, which keeps nothing on disk).
        self.path: Path | None = None if scope == KIOSK else \
            (path if path is not None else default_path())
        self._store: JsonStore[QuizProgress] | None = None
        if self.path is not None:
            self._store = JsonStore(self.path, QuizProgress, what="quiz answers",
                                    fallback="starting the self-check afresh",
                                    version=PROGRESS_SCHEMA_VERSION, logger=log, strict=True,
                                    unknown="ignore", indent=1, merge=merge_progress)
        self._memory = QuizProgress()
        #: Human-readable reports of problems found while loading (file, line, what).
        self.messages: list[str] = []
        #: Why the last :meth:`save` failed (file and reason), or None.
        self.save_problem: str | None = None

    @classmethod
    def for_kiosk(cls) -> ProgressStore:
        """A store for a museum kiosk: visitors' answers live in memory only and go with
        every reset; the student's ``quiz-progress.json`` is never read or touched."""
        return cls(scope=KIOSK)

    @property
    def persistent(self) -> bool:
        return self._store is not None

    def load(self) -> QuizProgress:
        if self._store is None:
            self.messages = []
            return copy.deepcopy(self._memory)
        progress = self._store.load()
        self.messages = list(self._store.messages)
        return progress

    def save(self, progress: QuizProgress) -> bool:
        """Write atomically, merged with answers another instance saved meanwhile;
        False (and :attr:`save_problem`, a log entry) if the file cannot be written."""
        if self._store is None:
            self._memory = copy.deepcopy(progress)
            self.save_problem = None
            return True
        saved = self._store.save(progress)
        self.save_problem = self._store.save_problem
        return saved

    def clear(self) -> None:
        """Forget every answer (a kiosk's idle reset).

        A kiosk's store forgets its memory. A student's file is never removed or
        changed by this: its answers stay for the next start.
        """
        if self._store is None:
            self._memory = QuizProgress()
            return
        log.info("kept the answers in %s: only a kiosk's answers are cleared", self.path)
        # The session starts again from an empty record: what it saves from now on
        # merges into the student's answers instead of replacing them.
        self._store.rebase(QuizProgress())
