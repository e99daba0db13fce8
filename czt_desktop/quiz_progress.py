"""The student's self-check answers, kept between runs in ``quiz-progress.json``.

Qt-free, like :mod:`czt_desktop.settings`, and just as careful: the file is written
atomically (temp file + ``os.replace``), so a crash or a power cut leaves the old answers
or the new ones, never half a file; a file that cannot be used is never thrown away but
renamed to ``quiz-progress.json.broken-<time>``, reported with the file and line, and
the quiz starts afresh.

What is kept is small: the seed of the current set (a set is rebuilt from it, see
:func:`czt_desktop.content.quiz.quiz_set`), which stages the questions are about, the
answers by question id, and the questions being tried again.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from czt_desktop import paths
from czt_desktop.json_files import JsonFileProblem, read_json, set_aside, write_atomically

log = logging.getLogger("czt.quiz")

PROGRESS_FILE_NAME = "quiz-progress.json"
PROGRESS_SCHEMA_VERSION = 1

#: Which questions a set draws from: the stage chosen on the timeline, or all stages.
SCOPE_TIMELINE = "timeline"
SCOPE_ALL = "all"
SCOPES = (SCOPE_TIMELINE, SCOPE_ALL)


@dataclass(frozen=True, slots=True)
class Answer:
    """What the student answered; an empty response means the question was skipped."""

    response: tuple[str, ...]
    correct: bool


@dataclass(slots=True)
class QuizProgress:
    seed: int = 0
    scope: str = SCOPE_TIMELINE
    answers: dict[str, Answer] = field(default_factory=dict)
    #: Ids of the missed questions being tried again, or None.
    retry: list[str] | None = None


class ProblemInFile(ValueError):
    """The file is JSON but not what this version writes; ``key`` locates the problem."""

    def __init__(self, message: str, key: str = "") -> None:
        super().__init__(message)
        self.key = key


def default_path() -> Path:
    return paths.user_data_dir() / PROGRESS_FILE_NAME


class ProgressStore:
    """Loads, saves and clears :class:`QuizProgress` in one JSON file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else default_path()
        #: Human-readable reports of problems found while loading (file, line, what).
        self.messages: list[str] = []

    def load(self) -> QuizProgress:
        self.messages = []
        try:
            found = read_json(self.path)
        except JsonFileProblem as problem:
            return self._set_aside(str(problem))
        if found is None:
            return QuizProgress()
        data, text = found
        try:
            return _parse(data)
        except ProblemInFile as problem:
            return self._set_aside(f"line {_line_of(text, problem.key)}: {problem}")

    def save(self, progress: QuizProgress) -> bool:
        """Write atomically; False (and a log entry) if the file cannot be written."""
        data = {
            "schema_version": PROGRESS_SCHEMA_VERSION,
            "seed": progress.seed,
            "scope": progress.scope,
            "answers": {qid: {"response": list(a.response), "correct": a.correct}
                        for qid, a in progress.answers.items()},
            "retry": progress.retry,
        }
        try:
            write_atomically(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        except OSError as exc:
            log.warning("cannot save the quiz answers to %s: %s", self.path, exc)
            return False
        return True

    def clear(self) -> None:
        """Forget every answer (a kiosk's idle reset): the file is removed."""
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("cannot remove %s: %s", self.path, exc)

    def _set_aside(self, reason: str) -> QuizProgress:
        kept = set_aside(self.path)
        message = f"{self.path}: {reason}; starting the self-check afresh{kept}"
        self.messages.append(message)
        log.warning("%s", message)
        return QuizProgress()


def _line_of(text: str, key: str) -> int:
    """The line on which ``"key"`` first appears (1 if it does not)."""
    at = text.find(f'"{key}"') if key else -1
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def _parse(data: Any) -> QuizProgress:
    if not isinstance(data, dict):
        raise ProblemInFile("expected a JSON object")
    version = data.get("schema_version", PROGRESS_SCHEMA_VERSION)
    if version != PROGRESS_SCHEMA_VERSION:
        raise ProblemInFile(f"field 'schema_version': {version!r} is not "
                            f"{PROGRESS_SCHEMA_VERSION} (written by another version)",
                            "schema_version")
    seed = data.get("seed", 0)
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ProblemInFile(f"field 'seed': expected a whole number ≥ 0, found {seed!r}", "seed")
    scope = data.get("scope", SCOPE_TIMELINE)
    if scope not in SCOPES:
        raise ProblemInFile(f"field 'scope': expected one of {', '.join(SCOPES)}, "
                            f"found {scope!r}", "scope")
    raw_answers = data.get("answers", {})
    if not isinstance(raw_answers, dict):
        raise ProblemInFile("field 'answers': expected an object", "answers")
    answers: dict[str, Answer] = {}
    for qid, raw in raw_answers.items():
        response = raw.get("response") if isinstance(raw, dict) else None
        correct = raw.get("correct") if isinstance(raw, dict) else None
        if (not isinstance(response, list) or not all(isinstance(r, str) for r in response)
                or not isinstance(correct, bool)):
            raise ProblemInFile(f"answer {qid!r}: expected a list of texts 'response' and "
                                "true or false 'correct'", qid)
        answers[qid] = Answer(tuple(response), correct)
    retry = data.get("retry")
    if retry is not None and (not isinstance(retry, list)
                              or not all(isinstance(r, str) for r in retry)):
        raise ProblemInFile("field 'retry': expected a list of question ids or null", "retry")
    return QuizProgress(seed=seed, scope=scope, answers=answers,
                        retry=list(retry) if retry is not None else None)
