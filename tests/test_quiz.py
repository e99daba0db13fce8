"""The self-check: questions made from the content (right answers, both languages, the
same for a seed), answers kept between runs (atomically, a broken file set aside), and
the pane driven as a student would: pick, order, check, retry, reset, switch language."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from czt_desktop.content import Content
from czt_desktop.content.quiz import (
    CITY,
    KINDS,
    ORDER,
    RANK,
    STAGE,
    YEAR,
    Question,
    has_exact_year,
    question_bank,
    quiz_set,
)
from czt_desktop.quiz_progress import (
    PROGRESS_FILE_NAME,
    SCOPE_ALL,
    Answer,
    ProgressStore,
    QuizProgress,
)
from czt_desktop.settings import Preferences, SettingsStore
from czt_desktop.ui.appearance import appearance
from czt_desktop.ui.assemble import open_window
from czt_desktop.ui.panes.quiz import QuizPane
from czt_desktop.ui.panes.quiz_widgets import ChoiceCard, OrderRow
from czt_desktop.ui.selection import Selection
from tests.conftest import appearance_in

CJK = re.compile(r"[\u4e00-\u9fff]")
SEEDS = (0, 1, 2, 7, 42)


def _event(content: Content, event_id: str):  # type: ignore[no-untyped-def]
    return next(e for e in content.events if e.id == event_id)


def _records_of(content: Content, question: Question) -> list[object]:
    """The records a question says (by its id) it is made from."""
    kind, _, rest = question.id.partition(":")
    keys = rest.split("+")
    if kind in (STAGE, YEAR, ORDER):
        return [_event(content, k) for k in keys]
    if kind == CITY:
        return [next(e for e in content.enterprises if e.id == keys[0])]
    if kind == RANK and rest.startswith("enterprises:"):
        return list(content.enterprises)
    return [next(s for s in content.statistics if s.id == k) for k in keys]


# -- generation -------------------------------------------------------------------------------
@pytest.mark.parametrize("seed", SEEDS)
def test_every_answer_is_right_by_the_content(content: Content, seed: int) -> None:
    bank = question_bank(content, seed)
    assert {q.kind for q in bank} == set(KINDS)
    for q in bank:
        records = _records_of(content, q)
        keys = [c.key for c in q.choices]
        assert len(keys) == len(set(keys)) >= 3, q.id
        if q.ordering:
            assert sorted(keys) == sorted(q.answer), q.id
            assert keys != list(q.answer), f"{q.id} starts already in order"
        else:
            assert len(q.answer) == 1 and q.answer[0] in keys, q.id
        if q.kind == STAGE:
            (event,) = records
            assert q.answer == (str(event.stage_id),)  # type: ignore[attr-defined]
            assert set(keys) <= {str(s.id) for s in content.stages}
        elif q.kind == CITY:
            (enterprise,) = records
            assert q.answer == (enterprise.city_id,)  # type: ignore[attr-defined]
            assert set(keys) <= {c.id for c in content.cities}
        elif q.kind == YEAR:
            (event,) = records
            assert q.answer == (str(event.year),)  # type: ignore[attr-defined]
            assert event.kind in {"plan", "document"}  # type: ignore[attr-defined]
            exact_years = {str(e.year) for e in content.events if has_exact_year(e)}
            assert set(keys) <= exact_years, f"{q.id}: a wrong year is not a real year"
        elif q.kind == ORDER:
            years = [e.year for e in records]  # type: ignore[attr-defined]
            assert years == sorted(years) and len(set(years)) == len(years)
            assert list(q.answer) == [e.id for e in records]  # type: ignore[attr-defined]
        elif q.kind == RANK and q.id.startswith(f"{RANK}:enterprises:"):
            # Cities by how many of the listed enterprises are in each, most first.
            counts = [sum(e.city_id == c for e in records) for c in q.answer]  # type: ignore[attr-defined]
            assert counts == sorted(counts, reverse=True) and sum(counts) == len(records)
        elif q.kind == RANK:
            values = [s.value for s in records]  # type: ignore[attr-defined]
            assert values == sorted(values, reverse=True)
            assert list(q.answer) == [s.city_id for s in records]  # type: ignore[attr-defined]
        for citation in q.citations:
            content.source(citation.source_id)
            assert any(citation.locator == r.locator or r.locator.startswith(citation.locator)
                       for r in records) or q.kind == STAGE


def test_dates_asked_about_are_the_papers_own(content: Content) -> None:
    for seed in SEEDS:
        for q in question_bank(content, seed):
            if q.kind in (YEAR, ORDER):
                for event in _records_of(content, q):
                    assert event.precision in {"year", "month"}  # type: ignore[attr-defined]
                    assert has_exact_year(event)  # type: ignore[arg-type]
    # The year the editors read from the context is never asked about.
    inferred = _event(content, "xiangjiang-concept-plan-1998")
    assert not has_exact_year(inferred)
    assert all("xiangjiang-concept-plan-1998" not in q.id
               for q in question_bank(content) if q.kind in (YEAR, ORDER))


def test_no_question_gives_its_answer_away(content: Content) -> None:
    for q in question_bank(content):
        subject = q.subject.get("zh") + q.subject.get("en") if q.subject else ""
        if q.kind == YEAR:
            assert q.answer[0] not in subject
        if q.kind == CITY:
            city = content.city(q.answer[0]).name
            assert city.get("zh") not in subject and city.get("en") not in subject


def test_explanations_come_from_the_records(content: Content) -> None:
    bank = {q.id: q for q in question_bank(content)}
    city = bank["city:nanfang-power-machinery-plant"]
    assert city.explanation.get("en") == \
        "Nanfang Power Machinery Plant was built in 1951 in Zhuzhou."
    assert city.explanation.get("zh") == "南方动力机械厂于1951年在株洲建。"
    year = bank["year:green-heart-measures-2017"]
    detail = _event(content, "green-heart-measures-2017").detail
    assert detail is not None and detail.get("en") in year.explanation.get("en")
    assert year.explanation.get("en").startswith("The paper dates it 2017: ")
    stage = bank["stage:zhang-ping-proposal-1982"]
    assert "1980–1996" in stage.explanation.get("en") and "stage 2" in stage.explanation.get("en")
    assert stage.citations[0].locator == "§1.2"  # the section covers its paragraph
    rank = next(q for q in bank.values() if q.kind == RANK)
    assert "11,574.22 (100 million yuan)" in rank.explanation.get("en")
    assert "11574.22亿元" in rank.explanation.get("zh")


def test_both_languages_are_filled(content: Content) -> None:
    for q in question_bank(content):
        texts = [q.prompt, q.explanation, *(c.label for c in q.choices)]
        if q.subject is not None:
            texts.append(q.subject)
        for text in texts:
            assert text.get("zh").strip() and text.get("en").strip(), q.id
        assert CJK.search(q.prompt.get("zh")) and not CJK.search(q.prompt.get("en"))
        assert CJK.search(q.explanation.get("zh"))
        assert q.answer_text("en") and q.answer_text("zh")


def test_a_seed_gives_the_same_questions(content: Content) -> None:
    assert quiz_set(content, 5) == quiz_set(content, 5)
    assert question_bank(content, 5) == question_bank(content, 5)
    assert quiz_set(content, 5, 2) == quiz_set(content, 5, 2)
    sets = {tuple(q.id for q in quiz_set(content, seed)) for seed in range(6)}
    assert len(sets) > 1, "new sets should bring other questions"
    ids = [q.id for q in question_bank(content, 3)]
    assert len(ids) == len(set(ids))
    # Only the ordering questions depend on the seed; the others keep their ids.
    plain = {q.id for q in question_bank(content, 0) if q.kind not in (ORDER,)}
    assert plain == {q.id for q in question_bank(content, 9) if q.kind not in (ORDER,)}


@pytest.mark.parametrize("stage_id", [1, 2, 3, 4, 5])
def test_a_set_about_one_stage_asks_only_about_it(content: Content, stage_id: int) -> None:
    questions = quiz_set(content, 0, stage_id)
    assert len(questions) >= 3  # stage 3 has three milestones
    assert all(stage_id in q.stage_ids for q in questions)
    assert len({q.kind for q in questions}) >= 2
    # "Which stage?" in a set titled "this stage" would answer itself.
    assert STAGE not in {q.kind for q in questions}


# -- progress file ----------------------------------------------------------------------------
def test_progress_round_trip(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / PROGRESS_FILE_NAME)
    assert store.load() == QuizProgress()
    progress = QuizProgress(seed=3, scope=SCOPE_ALL,
                            answers={"city:x": Answer(("zhuzhou",), True),
                                     "order:a+b+c": Answer(("b", "a", "c"), False),
                                     "stage:y": Answer((), False)},
                            retry=["order:a+b+c"])
    assert store.save(progress)
    assert not list(tmp_path.glob("*.tmp"))
    assert ProgressStore(store.path).load() == progress
    store.clear()  # a student's answers are never cleared from the file
    assert ProgressStore(store.path).load() == progress


def test_progress_is_kept_in_the_user_data_folder(home: Path) -> None:
    store = ProgressStore()
    assert store.path == home / "data" / "quiz-progress.json"


@pytest.mark.parametrize(("text", "line"), [
    ('{\n  "seed": 1,\n  "answers": {oops}\n}', 3),
    ('{\n "seed": 1,\n "scope": "everything"\n}', 3),
    ('{\n "seed": 1,\n "answers": {\n  "city:x": {"response": "zhuzhou"}\n }\n}', 4),
    ("[1, 2]", 1),
])
def test_a_broken_progress_file_is_kept_and_reported(tmp_path: Path, text: str,
                                                     line: int) -> None:
    path = tmp_path / PROGRESS_FILE_NAME
    path.write_text(text, encoding="utf-8")
    store = ProgressStore(path)
    assert store.load() == QuizProgress()
    (message,) = store.messages
    assert str(path) in message and f"line {line}" in message
    backups = list(tmp_path.glob(f"{PROGRESS_FILE_NAME}.broken-*"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == text
    assert backups[0].name in message
    assert not path.exists()


def test_a_progress_file_that_cannot_be_written_is_reported(tmp_path: Path,
                                                            caplog: pytest.LogCaptureFixture
                                                            ) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    store = ProgressStore(blocker / PROGRESS_FILE_NAME)
    with caplog.at_level("WARNING", logger="czt.quiz"):
        assert not store.save(QuizProgress(seed=1))
    assert "cannot save the quiz answers" in caplog.text


# -- the pane ---------------------------------------------------------------------------------
MakePane = Callable[..., QuizPane]


@pytest.fixture(autouse=True)
def english_ui(qapp: QApplication) -> None:
    appearance().set_language("en")


@pytest.fixture
def selection(content: Content) -> Selection:
    return Selection(content)


@pytest.fixture
def store(tmp_path: Path) -> ProgressStore:
    return ProgressStore(tmp_path / PROGRESS_FILE_NAME)


@pytest.fixture
def make_pane(qtbot: QtBot, content: Content, selection: Selection,
              store: ProgressStore) -> MakePane:
    hosts: list[QWidget] = []

    def make(lang: str = "en", size: tuple[int, int] = (1024, 600),
             pane_store: ProgressStore | None = None, stage: int = 2) -> QuizPane:
        # Stage 2 has every kind but the ranking (stage 1 has no exact years to order).
        selection.set_stage(stage)
        host = QWidget()
        host.setMinimumSize(320, 240)
        column = QVBoxLayout(host)
        column.setContentsMargins(0, 0, 0, 0)
        pane = QuizPane(content, selection, appearance_in(lang), store=pane_store or store)
        column.addWidget(pane)
        qtbot.addWidget(host)
        hosts.append(host)
        host.resize(*size)
        with qtbot.waitActive(host):
            host.show()
            host.activateWindow()
        return pane
    return make


def settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def shown_text(pane: QWidget) -> str:
    settle()
    return "\n".join(w.text() for w in pane.findChildren(QLabel) if w.isVisibleTo(pane))


def go_to(pane: QuizPane, kind: str) -> Question:
    """Show the first question of ``kind`` (as if the ones before were not there)."""
    session = pane.session
    if not any(q.kind == kind for q in session.active()):
        # "Which stage?" is asked only in a set about all the stages.
        pane.scope_combo.setCurrentIndex(pane.scope_combo.findData(SCOPE_ALL))
    session.index = next(i for i, q in enumerate(session.active()) if q.kind == kind)
    session._start_question()
    pane._show()
    question = session.current()
    assert question is not None
    return question


def card_for(pane: QuizPane, key: str) -> ChoiceCard:
    return next(c for c in pane.cards if c.key == key)


def test_answering_right_shows_feedback_and_score(make_pane: MakePane, qtbot: QtBot,
                                                  content: Content) -> None:
    pane = make_pane()
    question = pane.session.current()
    assert question is not None and not question.ordering
    assert pane.kicker.text().startswith("Question 1 of ")
    assert question.prompt.get("en") in shown_text(pane)
    assert not pane.check_button.isEnabled()  # nothing picked yet
    qtbot.mouseClick(card_for(pane, question.answer[0]), Qt.MouseButton.LeftButton)
    assert pane.check_button.isEnabled()
    qtbot.mouseClick(pane.check_button, Qt.MouseButton.LeftButton)
    text = shown_text(pane)
    assert "Right!" in text
    assert question.explanation.get("en") in text
    assert "Source: " + content.source("zhang-paper").citation.get("en").rstrip(".") in text
    total = len(pane.session.questions)
    assert pane.score_label.text() == f"1 of {total} right"
    assert card_for(pane, question.answer[0]).mark.text() == "Right answer"
    assert pane.next_button.isVisible() and pane.next_button.hasFocus()


def test_answering_wrong_names_the_right_answer(make_pane: MakePane, qtbot: QtBot) -> None:
    pane = make_pane()
    question = go_to(pane, STAGE)
    wrong = next(c.key for c in question.choices if c.key != question.answer[0])
    qtbot.mouseClick(card_for(pane, wrong), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pane.check_button, Qt.MouseButton.LeftButton)
    text = shown_text(pane)
    assert "Not quite." in text
    assert f"The right answer: {question.answer_text('en')}" in text
    assert card_for(pane, wrong).mark.text() == "Your answer"
    assert pane.score_label.text().startswith("0 of ")
    assert pane.retry_button.isVisible()


def test_ordering_with_buttons_and_keys(make_pane: MakePane, qtbot: QtBot) -> None:
    pane = make_pane()
    question = go_to(pane, ORDER)
    assert pane.hint_label.isVisible()
    rows = {r.key: r for r in pane.findChildren(OrderRow)}
    assert set(rows) == set(question.answer)
    for row in rows.values():
        assert row.up_button.height() >= 44 and row.down_button.height() >= 44
        assert row.accessibleName().startswith("Place ")
    # Put the items in order: the buttons for the first, Alt+Up/Down for the rest.
    for target, key in enumerate(question.answer):
        while pane.session.order.index(key) > target:
            row = next(r for r in pane.rows if r.key == key)
            if target == 0:
                qtbot.mouseClick(row.up_button, Qt.MouseButton.LeftButton)
            else:
                row.setFocus()
                qtbot.keyClick(row, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
                assert row.hasFocus(), "the moved item keeps the focus"
    assert pane.session.order == list(question.answer)
    assert [r.place_label.text() for r in pane.rows] == [str(i + 1) for i in range(len(rows))]
    assert pane.rows[0].accessibleName().endswith(question.choice(question.answer[0])
                                                  .label.get("en"))
    qtbot.mouseClick(pane.check_button, Qt.MouseButton.LeftButton)
    assert "Right!" in shown_text(pane)
    assert all(r.mark.text() == "Right place" for r in pane.rows)
    assert not pane.rows[0].up_button.isVisible()  # checked: nothing moves any more


def test_a_wrong_order_says_where_each_item_belongs(make_pane: MakePane, qtbot: QtBot) -> None:
    pane = make_pane()
    question = go_to(pane, ORDER)
    qtbot.keyClick(pane, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Not quite." in shown_text(pane)
    start = [c.key for c in question.choices]
    for row in pane.rows:
        right = question.answer.index(row.key) + 1
        expected = "Right place" if start.index(row.key) + 1 == right else \
            f"Belongs in place {right}"
        assert row.mark.text() == expected
    assert "In order: " in shown_text(pane)


def test_keyboard_only(make_pane: MakePane, qtbot: QtBot) -> None:
    pane = make_pane()
    question = pane.session.current()
    assert question is not None and not question.ordering
    first = pane.cards[0]
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Down)
    assert pane.cards[1].hasFocus()
    target = card_for(pane, question.answer[0])
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_Space)
    assert pane.session.chosen == question.answer[0] and target.isChecked()
    qtbot.keyClick(target, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert pane.session.is_checked() and pane.next_button.hasFocus()
    qtbot.keyClick(pane.next_button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert pane.session.index == 1
    first_answer = pane.cards[0] if pane.cards else pane.rows[0]
    assert first_answer.hasFocus()


def test_retry_the_ones_missed(make_pane: MakePane, qtbot: QtBot) -> None:
    pane = make_pane()
    session = pane.session
    total = len(session.questions)
    missed = []
    while session.current() is not None:
        question = session.current()
        assert question is not None
        if session.index % 2:
            qtbot.mouseClick(pane.skip_button, Qt.MouseButton.LeftButton)
            missed.append(question.id)
            continue
        if question.ordering:
            session.order = list(question.answer)
        else:
            pane.choose(question.answer[0])
        qtbot.mouseClick(pane.check_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(pane.next_button, Qt.MouseButton.LeftButton)
    right = total - len(missed)
    assert pane.summary.isVisible()
    assert pane.summary_title.text() == f"You got {right} of {total} right."
    assert pane.retry_button.isVisible()
    qtbot.mouseClick(pane.retry_button, Qt.MouseButton.LeftButton)
    assert [q.id for q in session.active()] == missed
    assert pane.kicker.text().startswith(f"Second try: question 1 of {len(missed)}")
    for _ in missed:
        question = session.current()
        assert question is not None
        if question.ordering:
            session.order = list(question.answer)
        else:
            pane.choose(question.answer[0])
        qtbot.mouseClick(pane.check_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(pane.next_button, Qt.MouseButton.LeftButton)
    assert pane.summary_title.text() == f"You got {total} of {total} right."
    assert not pane.retry_button.isVisible()


def test_progress_is_kept_between_runs(make_pane: MakePane, qtbot: QtBot,
                                       store: ProgressStore) -> None:
    pane = make_pane()
    question = pane.session.current()
    assert question is not None
    pane.choose(question.answer[0])
    qtbot.mouseClick(pane.check_button, Qt.MouseButton.LeftButton)
    saved = json.loads(store.path.read_text(encoding="utf-8"))
    assert saved["answers"][question.id] == {"response": [question.answer[0]], "correct": True}
    again = make_pane(pane_store=ProgressStore(store.path))
    assert again.session.score()[0] == 1
    assert again.session.index == 1  # on at the first question not answered yet


def test_reset_clears_the_answers(make_pane: MakePane, qtbot: QtBot,
                                  store: ProgressStore) -> None:
    kiosk = ProgressStore.for_kiosk()
    pane = make_pane(pane_store=kiosk)
    question = pane.session.current()
    assert question is not None
    pane.choose(question.answer[0])
    qtbot.mouseClick(pane.check_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pane.new_button, Qt.MouseButton.LeftButton)
    pane.reset()
    assert not store.path.exists()  # a kiosk's answers never reach the student's file
    assert kiosk.load() == QuizProgress()
    assert pane.session.progress == QuizProgress()
    assert pane.session.index == 0 and not pane.session.is_checked()
    assert pane.score_label.text().startswith("0 of ")
    assert not pane.feedback.isVisible()


def test_window_reset_to_home_clears_the_quiz(qtbot: QtBot, qapp: QApplication,
                                              content: Content, tmp_path: Path,
                                              store: ProgressStore) -> None:
    settings = SettingsStore(tmp_path / "config")
    prefs = Preferences(language="en")
    window = open_window(content, settings, prefs)
    qtbot.addWidget(window)
    window.show()
    window.finish_building()
    pane = QuizPane(content, window.selection, window.appearance,
                    store=ProgressStore.for_kiosk())
    window.panes.append(pane)  # what registering the pane does
    window.tabs.addTab(pane, pane.title())
    window.show_pane("quiz")
    question = pane.session.current()
    assert question is not None
    store.save(QuizProgress(seed=4, answers={"city:x": Answer(("zhuzhou",), True)}))
    student = store.path.read_bytes()
    pane.choose(question.answer[0])
    pane._check()
    window.reset_to_home()
    assert pane.session.progress.answers == {}
    assert store.path.read_bytes() == student  # the student's answers are untouched


def test_language_switch_keeps_the_current_question(make_pane: MakePane, qtbot: QtBot,
                                                    content: Content) -> None:
    pane = make_pane("zh")
    question = go_to(pane, STAGE)
    wrong = next(c.key for c in question.choices if c.key != question.answer[0])
    pane.choose(wrong)
    card_for(pane, wrong).setFocus()
    assert QApplication.focusWidget() is card_for(pane, wrong)
    assert question.subject is not None and question.subject.get("zh") in shown_text(pane)
    pane.appearance.set_language("en")
    assert pane.session.current() == question
    assert pane.session.chosen == wrong and card_for(pane, wrong).isChecked()
    assert card_for(pane, wrong).hasFocus()
    text = shown_text(pane)
    assert question.subject.get("en") in text and question.subject.get("zh") not in text
    assert question.choice(wrong).label.get("en") in [c.text_label.text() for c in pane.cards]
    qtbot.mouseClick(pane.check_button, Qt.MouseButton.LeftButton)
    pane.appearance.set_language("zh")
    assert question.explanation.get("zh") in shown_text(pane)


def test_the_set_follows_the_timeline_or_covers_all_stages(make_pane: MakePane,
                                                           selection: Selection) -> None:
    pane = make_pane()
    assert all(selection.stage in q.stage_ids for q in pane.session.questions)
    assert pane.scope_combo.currentText() == "This stage (1980–1996)"
    selection.set_stage(4)
    assert all(4 in q.stage_ids for q in pane.session.questions)
    assert pane.scope_combo.currentText() == "This stage (2000–2006)"
    pane.scope_combo.setCurrentIndex(pane.scope_combo.findData(SCOPE_ALL))
    stages = {s for q in pane.session.questions for s in q.stage_ids}
    assert len(stages) > 1
    before = [q.id for q in pane.session.questions]
    selection.set_stage(2)
    assert [q.id for q in pane.session.questions] == before


def test_new_set_brings_other_questions(make_pane: MakePane, qtbot: QtBot) -> None:
    pane = make_pane()
    pane.scope_combo.setCurrentIndex(pane.scope_combo.findData(SCOPE_ALL))
    first = [q.id for q in pane.session.questions]
    qtbot.mouseClick(pane.new_button, Qt.MouseButton.LeftButton)
    assert [q.id for q in pane.session.questions] != first
    assert pane.session.progress.seed == 1


def test_a_broken_progress_file_is_mentioned_in_the_pane(make_pane: MakePane,
                                                         store: ProgressStore) -> None:
    store.path.write_text('{"seed": ', encoding="utf-8")
    pane = make_pane()
    assert pane.notice_label.isVisible()
    assert "could not be read" in pane.notice_label.text()
    assert "line 1" in pane.notice_label.text()
    pane.reset()
    assert not pane.notice_label.isVisible()


def test_every_control_is_named_and_big_enough(make_pane: MakePane) -> None:
    pane = make_pane()
    for kind in (STAGE, ORDER):
        go_to(pane, kind)
        settle()
        controls = [w for w in pane.findChildren(QWidget)
                    if isinstance(w, QAbstractButton | QComboBox | OrderRow)
                    and w.isVisibleTo(pane)]
        assert len(controls) >= 6
        for widget in controls:
            assert widget.accessibleName(), f"{type(widget).__name__} has no accessible name"
            assert widget.height() >= 44, f"{widget.accessibleName()} is {widget.height()} px"
    assert pane.title() == "Check yourself"


def test_a_hidden_pane_catches_up_with_the_stage_when_shown(make_pane: MakePane,
                                                            selection: Selection) -> None:
    pane = make_pane()
    host = pane.parentWidget()
    assert host is not None
    pane.hide()
    before = [q.id for q in pane.session.questions]
    selection.set_stage(5)
    assert [q.id for q in pane.session.questions] == before  # nothing rebuilt while hidden
    pane.show()
    assert all(5 in q.stage_ids for q in pane.session.questions)
    assert pane.scope_combo.currentText() == "This stage (2007–2019)"
