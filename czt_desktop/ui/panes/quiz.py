"""Check yourself: a question at a time, made from the content, with feedback that
explains the answer and cites the source.

The questions come from :mod:`czt_desktop.content.quiz` (a set is rebuilt from its seed
and the stage it is about); the answers are kept by :mod:`czt_desktop.quiz_progress`
between runs and cleared by :meth:`QuizPane.reset` (a kiosk's idle reset). The set
follows the stage chosen on the timeline unless the student asks for all stages.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from czt_desktop.content import Content, Stage
from czt_desktop.content.quiz import CITY, ORDER, RANK, STAGE, YEAR, Question
from czt_desktop.quiz_progress import SCOPE_ALL, SCOPE_TIMELINE, ProgressStore
from czt_desktop.quiz_session import QuizSession
from czt_desktop.ui.appearance import Appearance
from czt_desktop.ui.panes import lens
from czt_desktop.ui.panes.base import LensAction, Pane
from czt_desktop.ui.panes.flow_layout import FlowLayout
from czt_desktop.ui.panes.look import (
    fit_controls_to_touch,
    pane_style_sheet,
    prepare_root,
    touch_px,
    warm_background,
    warm_edge,
)
from czt_desktop.ui.panes.quiz_widgets import ChoiceCard, OrderRow, TouchPushButton
from czt_desktop.ui.panes.widgets import Columns, ScrollPage, clear_layout, field_row, label
from czt_desktop.ui.selection import Selection
from czt_desktop.ui.theme import Theme, TypeScale
from czt_desktop.ui.words import source_line

#: The page is no wider than this many body-text heights (long lines tire the eye).
MAX_WIDTH_EM = 80


def quiz_style_sheet(theme: Theme, scale: TypeScale) -> str:
    """What the quiz adds to the panes' sheet: the answer texts, marks and feedback."""
    return f"""
QLabel[role="subject"] {{ font-size: {scale.lead}px; font-weight: bold; }}
QLabel[role="choice"] {{ font-size: {scale.body}px; background: transparent; }}
QLabel[role="mark"] {{
    font-size: {scale.small}px; font-weight: bold; color: {theme.ink};
    background: transparent;
}}
QLabel[role="place"] {{
    font-size: {scale.lead}px; font-weight: bold; color: {theme.accent};
    background: transparent;
}}
QLabel[role="score"] {{ font-size: {scale.lead}px; font-weight: bold; }}
QFrame#orderRow {{
    background: {theme.surface}; border: 1px solid {theme.rule}; border-radius: 8px;
}}
QFrame#orderRow:focus {{ border: 2px dashed {theme.accent}; }}
QFrame#quizFeedback, QFrame#quizSummary {{
    background: {theme.paper}; border: 1px solid {theme.rule};
    border-left: 6px solid {theme.accent}; border-radius: 6px;
}}
QFrame#quizFeedback[verdict="wrong"] {{
    background: {warm_background(theme)}; border: 1px solid {warm_edge(theme)};
    border-left: 6px solid {warm_edge(theme)};
}}
QFrame#quizFeedback QLabel, QFrame#quizSummary QLabel {{ background: transparent; }}
QPushButton#orderMove {{ font-size: {scale.lead}px; font-weight: bold; padding: 0px; }}
QPushButton#orderMove:disabled {{ color: {theme.rule}; border: 1px solid {theme.rule}; }}
QPushButton#quizPrimary {{
    background: {theme.accent}; color: {theme.accent_ink}; font-weight: bold;
    border: 1px solid {theme.accent}; border-radius: 6px; padding: 2px 20px;
}}
QPushButton#quizPrimary:focus {{ border: 3px solid {theme.ink}; }}
QPushButton#quizPrimary:disabled {{
    background: {theme.rule}; color: {theme.muted}; border-color: {theme.rule};
}}
"""


class QuizPane(Pane):
    pane_id = "quiz"

    def __init__(self, content: Content, selection: Selection, appearance: Appearance,
                 parent: QWidget | None = None, *, store: ProgressStore | None = None) -> None:
        super().__init__(content, selection, appearance, parent)
        prepare_root(self)
        self.session = QuizSession(content, store if store is not None else ProgressStore(),
                                   selection.stage)
        self.cards: list[ChoiceCard] = []
        self.rows: list[OrderRow] = []
        self._built_for = ""
        self._stage_pending = False

        self.page = ScrollPage()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.make_lens())
        outer.addWidget(self.page)
        self.page.column.setContentsMargins(32, 16, 32, 24)
        self.columns = Columns(main_stretch=3, side_stretch=2)
        # Split by the stretch factors, not by what the texts would like: the question
        # gets the wider column whatever the length of a button's caption.
        for part in (self.columns.main, self.columns.side):
            part.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._build_question_column()
        self._build_side_column()
        self.page.column.addWidget(self.columns)
        self.page.column.addStretch(1)

        # Ctrl+Enter checks (or goes on) from anywhere in the pane; Enter picks a choice.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._check_or_next)

        selection.stage_changed.connect(self._on_stage_changed)
        self.retranslate_ui()
        self.refresh()

    # -- building ---------------------------------------------------------------------------
    def _build_question_column(self) -> None:
        self.kicker = label("", "small")
        self.prompt_label = label("", "lead")
        self.subject_label = label("", "subject")
        self.hint_label = label("", "muted")
        self.answers = QWidget()
        self.answers_layout = QVBoxLayout(self.answers)
        self.answers_layout.setContentsMargins(0, 4, 0, 0)
        self.answers_layout.setSpacing(8)
        self.summary = QFrame()
        self.summary.setObjectName("quizSummary")
        box = QVBoxLayout(self.summary)
        box.setContentsMargins(20, 16, 16, 16)
        box.setSpacing(8)
        self.summary_title = label("", "title")
        self.summary_text = label("", "body")
        box.addWidget(self.summary_title)
        box.addWidget(self.summary_text)
        main: tuple[QWidget, ...] = (self.kicker, self.prompt_label, self.subject_label,
                                     self.hint_label, self.answers, self.summary)
        for widget in main:
            self.columns.add_main(widget)

    def _build_side_column(self) -> None:
        self.notice_label = label("", "small")
        self.score_label = label("", "score")
        touch = touch_px(self.scale)
        self.check_button = TouchPushButton("", touch)
        self.check_button.setObjectName("quizPrimary")
        self.check_button.clicked.connect(self._check)
        self.skip_button = TouchPushButton("", touch)
        self.skip_button.clicked.connect(self._skip)
        self.next_button = TouchPushButton("", touch)
        self.next_button.setObjectName("quizPrimary")
        self.next_button.clicked.connect(self._advance)
        actions = QWidget()
        row = QHBoxLayout(actions)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        for button in (self.check_button, self.skip_button, self.next_button):
            row.addWidget(button)
        row.addStretch(1)

        self.feedback = QFrame()
        self.feedback.setObjectName("quizFeedback")
        box = QVBoxLayout(self.feedback)
        box.setContentsMargins(20, 12, 16, 12)
        box.setSpacing(6)
        self.verdict_label = label("", "heading")
        self.right_answer_label = label("", "strong")
        self.explanation_label = label("", "body")
        self.source_label = label("", "small")
        for widget in (self.verdict_label, self.right_answer_label, self.explanation_label,
                       self.source_label):
            box.addWidget(widget)

        self.scope_caption = QLabel()
        self.scope_combo = QComboBox()
        self.scope_caption.setBuddy(self.scope_combo)
        self.scope_combo.currentIndexChanged.connect(self._scope_chosen)
        self.retry_button = TouchPushButton("", touch)
        self.retry_button.clicked.connect(self._retry)
        self.new_button = TouchPushButton("", touch)
        self.new_button.clicked.connect(self._new_set)
        tools = QWidget()
        flow = FlowLayout(tools, spacing=12)
        flow.addWidget(field_row(self.scope_caption, self.scope_combo))
        flow.addWidget(self.retry_button)
        flow.addWidget(self.new_button)

        side: tuple[QWidget, ...] = (self.notice_label, self.score_label, actions,
                                     self.feedback)
        for part in side:
            self.columns.add_side(part)
        self.columns.side_column.insertSpacing(self.columns.side_column.count() - 1, 16)
        self.columns.add_side(tools)

    # -- Pane -------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Check yourself")

    def retranslate_ui(self) -> None:
        self.check_button.setText(self.tr("Check"))
        self.check_button.setAccessibleName(self.tr("Check my answer"))
        self.check_button.setToolTip(self.tr("Check my answer (Ctrl+Enter)"))
        self.skip_button.setText(self.tr("Skip"))
        self.skip_button.setAccessibleName(self.tr("Skip this question"))
        self.retry_button.setText(self.tr("Retry the ones I missed"))
        self.retry_button.setAccessibleName(self.tr("Retry the ones I missed"))
        self.new_button.setText(self.tr("New set"))
        self.new_button.setAccessibleName(self.tr("Start a new set of questions"))
        self.scope_caption.setText(self.tr("Questions about"))
        self.scope_combo.setAccessibleName(self.tr("Which stages the questions are about"))
        self.score_label.setAccessibleName(self.tr("Score"))
        self.feedback.setAccessibleName(self.tr("Feedback"))
        self._fill_scope_combo()
        self._built_for = ""  # the content text changes language: rebuild the answers
        self._show(keep_focus=True)

    def refresh(self) -> None:
        self.setStyleSheet(pane_style_sheet(self.theme, self.scale)
                           + quiz_style_sheet(self.theme, self.scale))
        touch = touch_px(self.scale)
        for button in self.findChildren(TouchPushButton):
            button.touch = touch
        fit_controls_to_touch(self, self.scale)
        self.columns.set_wide_at(self.scale.body * 50)
        self._fit_margins()
        self._built_for = ""  # cards take their size and colours when built
        self._show(keep_focus=True)

    def reset(self) -> None:
        """Forget every answer (a kiosk's idle reset): back to the first question."""
        self.session.reset()
        self._fill_scope_combo()
        self._show()

    # -- what the student does ------------------------------------------------------------------
    def _on_stage_changed(self, stage_id: int) -> None:
        if not self.isVisible():
            # A presenter switches stages all the time with another pane in front: catch
            # up when this pane is shown, instead of rebuilding it on every switch.
            self._stage_pending = True
            return
        self._stage_pending = False
        self._fill_scope_combo()
        if self.session.set_stage(stage_id):
            self._show()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stage_pending:
            self._on_stage_changed(self.selection.stage)
        super().showEvent(event)

    def stage_lens(self, stage: Stage) -> tuple[str, list[LensAction]]:
        return lens.words().quiz(self.session.scope == SCOPE_ALL), []

    def _scope_chosen(self) -> None:
        scope = self.scope_combo.currentData()
        if isinstance(scope, str) and self.session.set_scope(scope):
            self._show()
        self.update_lens()

    def choose(self, key: str) -> None:
        """Pick a choice of the current question (before it is checked)."""
        self.session.choose(key)
        self._update_answers()

    def move_item(self, key: str, step: int) -> None:
        """Move an item of an ordering question up (-1) or down (+1); the focus stays
        with it (on the row if the button pressed can no longer move it)."""
        focused = QApplication.focusWidget()
        if not self.session.move(key, step):
            return
        self._update_answers()
        row = next(r for r in self.rows if r.key == key)
        if focused is not None and row.isAncestorOf(focused) and not focused.isEnabled():
            row.setFocus(Qt.FocusReason.OtherFocusReason)

    def _check(self) -> None:
        if self.session.check() is None:
            return
        self._show()
        self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
        # A screen reader says the verdict and why, without the student hunting for it.
        QAccessible.updateAccessibility(
            QAccessibleAnnouncementEvent(self.feedback, self._feedback_text()))

    def _check_or_next(self) -> None:
        if self.session.current() is None:
            return
        if self.session.is_checked():
            self._advance()
        else:
            self._check()

    def _skip(self) -> None:
        self._step(self.session.skip)

    def _advance(self) -> None:
        self._step(self.session.advance)

    def _retry(self) -> None:
        self._step(self.session.retry)

    def _new_set(self) -> None:
        self._step(self.session.new_set)

    def _step(self, move: Callable[[], object]) -> None:
        """Move the session on, show where it is now, and put the focus on its start."""
        if move() is False:  # nothing to retry: stay where the student is
            return
        self._show()
        self._focus_first()

    def _focus_first(self) -> None:
        if self.cards:
            self.cards[0].setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.rows:
            self.rows[0].setFocus(Qt.FocusReason.OtherFocusReason)
        elif not self.retry_button.isHidden():
            self.retry_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.new_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- showing ----------------------------------------------------------------------------------
    def _fill_scope_combo(self) -> None:
        stage = self.content.stage(self.selection.stage)
        combo = self.scope_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("This stage (%1)").replace("%1", stage.years_label),
                      SCOPE_TIMELINE)
        combo.addItem(self.tr("All stages"), SCOPE_ALL)
        combo.setCurrentIndex(max(0, combo.findData(self.session.scope)))
        combo.blockSignals(False)

    def _kind_name(self, kind: str) -> str:
        names = {
            ORDER: self.tr("Put in order"),
            STAGE: self.tr("Which stage?"),
            CITY: self.tr("Which city?"),
            RANK: self.tr("Rank the cities"),
            YEAR: self.tr("Which year?"),
        }
        return names.get(kind, kind)

    def _show(self, keep_focus: bool = False) -> None:
        """Bring every widget in line with the session (question, answer, language)."""
        session = self.session
        question = session.current()
        right, total = session.score()
        self.score_label.setText(self.tr("%1 of %2 right").replace("%1", str(right))
                                 .replace("%2", str(total)))
        missed = bool(session.missed())
        # Offered only when there is something to retry: a greyed button is clutter.
        self.retry_button.setVisible(missed and not session.retrying)
        problems = "\n".join(session.load_problems)
        self.notice_label.setText(
            self.tr("Your saved answers could not be read, so the self-check starts afresh.")
            + "\n" + problems if problems else "")
        self.notice_label.setVisible(bool(problems))

        for widget in (self.kicker, self.prompt_label, self.answers):
            widget.setVisible(question is not None)
        self.summary.setVisible(question is None)
        if question is None:
            self._show_summary(right, total, missed)
            for widget in (self.subject_label, self.hint_label, self.check_button,
                           self.skip_button, self.next_button, self.feedback):
                widget.hide()
            self._clear_answers()
            return

        lang = self.lang
        active = session.active()
        template = (self.tr("Second try: question %1 of %2") if session.retrying
                    else self.tr("Question %1 of %2"))
        position = template.replace("%1", str(session.index + 1)) \
            .replace("%2", str(len(active)))
        self.kicker.setText(f"{position} · {self._kind_name(question.kind)}")
        self.prompt_label.setText(question.prompt.get(lang))
        self.subject_label.setText(question.subject.get(lang) if question.subject else "")
        self.subject_label.setVisible(question.subject is not None)
        checked = session.is_checked()
        self.hint_label.setText(self.tr(
            "Move an item with its arrow buttons, or select it and press Alt+Up or Alt+Down."))
        self.hint_label.setVisible(question.ordering and not checked)

        self.check_button.setVisible(not checked)
        self.skip_button.setVisible(not checked)
        self.next_button.setVisible(checked)
        self.next_button.setText(self.tr("See my score") if session.is_last()
                                 else self.tr("Next question"))
        self.next_button.setAccessibleName(self.next_button.text())
        self._show_feedback(question)

        build_key = f"{question.id}|{lang}|{self.theme.name}|{self.scale.body}"
        if build_key != self._built_for:
            focus = self._focused_key() if keep_focus else None
            self._build_answers(question)
            self._built_for = build_key
            self._restore_focus(focus)
        self._update_answers()

    def _show_summary(self, right: int, total: int, missed: bool) -> None:
        if total == 0:
            self.summary_title.setText(self.tr("No questions here yet"))
            self.summary_text.setText(self.tr("Choose all stages to get questions."))
            return
        self.summary_title.setText(self.tr("You got %1 of %2 right.")
                                   .replace("%1", str(right)).replace("%2", str(total)))
        self.summary_text.setText(
            self.tr("Try the ones you missed again, or start a new set.") if missed
            else self.tr("Every answer is right! Start a new set for more questions."))

    def _feedback_text(self) -> str:
        parts = [w.text() for w in (self.verdict_label, self.right_answer_label,
                                    self.explanation_label) if not w.isHidden()]
        return " ".join(p for p in parts if p)

    def _show_feedback(self, question: Question) -> None:
        answer = self.session.answer(question)
        self.feedback.setVisible(answer is not None)
        if answer is None:
            return
        lang = self.lang
        if answer.correct:
            verdict = self.tr("Right!")
        elif not answer.response:
            verdict = self.tr("Skipped.")
        else:
            verdict = self.tr("Not quite.")
        self.verdict_label.setText(verdict)
        wanted = "right" if answer.correct else "wrong"
        if self.feedback.property("verdict") != wanted:
            self.feedback.setProperty("verdict", wanted)
            # A dynamic property only restyles after a re-polish.
            self.feedback.style().unpolish(self.feedback)
            self.feedback.style().polish(self.feedback)
        show_answer = not answer.correct and not question.ordering
        self.right_answer_label.setText(
            self.tr("The right answer: %1").replace("%1", question.answer_text(lang))
            if show_answer else "")
        self.right_answer_label.setVisible(show_answer)
        self.explanation_label.setText(question.explanation.get(lang))
        self.source_label.setText(source_line(self.content, question.citations, lang))

    def _clear_answers(self) -> None:
        clear_layout(self.answers_layout)
        self.cards, self.rows = [], []
        self._built_for = ""

    def _build_answers(self, question: Question) -> None:
        self._clear_answers()
        touch = touch_px(self.scale)
        lang = self.lang
        if question.ordering:
            by_key = {c.key: c for c in question.choices}
            for key in self.session.order:
                row = OrderRow(key, by_key[key].label.get(lang), touch)
                row.move_requested.connect(self.move_item)
                self.rows.append(row)
            return  # laid out by _update_answers
        count = len(question.choices)
        for number, choice in enumerate(question.choices, start=1):
            text = choice.label.get(lang)
            card = ChoiceCard(choice.key, text, self.theme, touch)
            card.setAccessibleName(self.tr("Choice %1 of %2: %3").replace("%1", str(number))
                                   .replace("%2", str(count)).replace("%3", text))
            card.activated.connect(lambda _kind, key: self.choose(key))
            self.cards.append(card)
            self.answers_layout.addWidget(card)
            # Now, not when the layout gets round to it: the focus may be given to it.
            card.show()

    def _focused_key(self) -> tuple[str, str] | None:
        """Which answer widget has the focus (to give it back after a rebuild)."""
        focused = QApplication.focusWidget()
        for card in self.cards:
            if focused is card:
                return ("card", card.key)
        for row in self.rows:
            if focused is row.up_button:
                return ("up", row.key)
            if focused is row.down_button:
                return ("down", row.key)
            if focused is row:
                return ("row", row.key)
        return None

    def _restore_focus(self, focus: tuple[str, str] | None) -> None:
        if focus is None:
            return
        where, key = focus
        for card in self.cards:
            if card.key == key:
                card.setFocus(Qt.FocusReason.OtherFocusReason)
        for row in self.rows:
            if row.key == key:
                target = {"up": row.up_button, "down": row.down_button}.get(where, row)
                target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_answers(self) -> None:
        """Picks, places and marks on the built answer widgets (no rebuild)."""
        session = self.session
        question = session.current()
        if question is None:
            return
        answer = session.answer(question)
        checked = answer is not None
        self.check_button.setEnabled(bool(session.response()))
        if question.ordering:
            self._place_rows(question, checked)
            return
        for card in self.cards:
            card.setChecked(card.key == session.chosen)
            mark, edge = "", ""
            if checked and card.key in question.answer:
                mark, edge = self.tr("Right answer"), self.theme.accent
            elif checked and card.key == session.chosen:
                mark, edge = self.tr("Your answer"), warm_edge(self.theme)
            card.set_mark(mark, edge)
            card.setAccessibleDescription(mark)

    def _place_rows(self, question: Question, checked: bool) -> None:
        """The order rows in the student's order, numbered and named to match."""
        by_key = {r.key: r for r in self.rows}
        order = self.session.order
        for row in self.rows:
            self.answers_layout.removeWidget(row)
        self.rows = [by_key[k] for k in order]
        count = len(order)
        for place, row in enumerate(self.rows, start=1):
            self.answers_layout.addWidget(row)
            row.show()
            row.set_place(place, count, locked=checked)
            row.setAccessibleName(self.tr("Place %1 of %2: %3").replace("%1", str(place))
                                  .replace("%2", str(count)).replace("%3", row.text))
            row.up_button.setAccessibleName(self.tr("Move up: %1").replace("%1", row.text))
            row.down_button.setAccessibleName(self.tr("Move down: %1").replace("%1", row.text))
            mark = ""
            if checked:
                right = question.answer.index(row.key) + 1
                mark = (self.tr("Right place") if right == place else
                        self.tr("Belongs in place %1").replace("%1", str(right)))
            row.set_mark(mark)
            row.setAccessibleDescription(mark or self.tr("Alt+Up or Alt+Down moves it"))
        # Tab goes down the list as it is shown, not in the order the rows were made.
        chain: list[QWidget] = []
        for row in self.rows:
            chain += [row, row.up_button, row.down_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- layout ------------------------------------------------------------------------------------
    def _fit_margins(self) -> None:
        side = max(32, (self.width() - self.scale.body * MAX_WIDTH_EM) // 2)
        self.page.column.setContentsMargins(side, 16, side, 24)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_margins()
