"""The classroom presentation, driven like a teacher with a presenter remote would."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from czt_desktop.content import Content
from czt_desktop.settings import SettingsStore
from czt_desktop.ui.appearance import appearance
from czt_desktop.ui.assemble import MainWindow, open_window
from czt_desktop.ui.modes import ModeOptions
from czt_desktop.ui.presentation.pen import Tool
from czt_desktop.ui.presentation.slides import (
    CHART,
    MILESTONES,
    OVERVIEW,
    Slide,
    build_deck,
    charts_for_stage,
    join,
    sentences,
)
from czt_desktop.ui.presentation.window import PresentationWindow
from czt_desktop.ui.selection import Selection
from tests.conftest import appearance_in

MakePresentation = Callable[..., PresentationWindow]


# -- the deck (no Qt) -----------------------------------------------------------------------
def test_slides_module_imports_no_qt() -> None:
    code = ("import sys; import czt_desktop.ui.presentation.slides;"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'matplotlib'))];"
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_each_stage_goes_overview_milestones_chart(content: Content) -> None:
    deck = build_deck(content, "en")
    order = [(s.stage.id, s.kind) for s in deck.slides]
    expected = []
    for stage in content.stages:
        expected += [(stage.id, OVERVIEW), (stage.id, MILESTONES)]
        expected += [(stage.id, CHART)] * len(charts_for_stage(content, stage))
    assert order == expected
    # Unpaged, every milestone of the paper is on a slide, in order.
    shown = [e.id for s in deck.slides for e in s.events]
    assert shown == [e.id for e in content.events]


def test_charts_belong_to_their_stage(content: Content) -> None:
    charts = {s.id: charts_for_stage(content, s) for s in content.stages}
    first, *middle, last = content.stages
    assert charts[first.id] == ("enterprises",)  # the 1950s enterprises
    assert charts[last.id] == ("gdp", "shares")  # the 2019 figures
    assert all(charts[s.id] == ("milestones",) for s in middle)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_narrative_is_split_between_sentences_without_loss(content: Content,
                                                           lang: str) -> None:
    for stage in content.stages:
        pieces = sentences(stage.narrative.get(lang), lang)
        assert len(pieces) > 1
        assert join(pieces, lang) == stage.narrative.get(lang)


def test_long_lists_are_paged_evenly_and_kept_in_order(content: Content) -> None:
    def at_most_four(slide: Slide) -> bool:
        return len(slide.events) <= 4 and len(slide.text) <= 2

    deck = build_deck(content, "en", at_most_four)
    busiest = max(content.stages, key=lambda s: len(content.events_in_stage(s.id)))
    pages = [s for s in deck.slides if s.stage.id == busiest.id and s.kind == MILESTONES]
    counts = [len(p.events) for p in pages]
    assert max(counts) <= 4 and max(counts) - min(counts) <= 1  # no lonely last slide
    assert [p.page for p in pages] == list(range(len(pages)))
    assert {p.pages for p in pages} == {len(pages)}
    assert [e.id for p in pages for e in p.events] == \
        [e.id for e in content.events_in_stage(busiest.id)]
    overview = [s for s in deck.slides if s.stage.id == busiest.id and s.kind == OVERVIEW]
    # Our summary, whole and in order (the paper's text is in the app, one click away).
    assert busiest.summary is not None
    assert join([t for s in overview for t in s.text], "en") == busiest.summary.get("en")


# -- the presentation window on its own -------------------------------------------------------
@pytest.fixture
def make_presentation(qtbot: QtBot, qapp: QApplication, content: Content,
                      tmp_path: Path) -> Iterator[MakePresentation]:
    made: list[PresentationWindow] = []

    def make(lang: str = "en", size: tuple[int, int] = (1024, 768),
             selection: Selection | None = None) -> PresentationWindow:
        # The UI language follows the content language, as in the app.
        window = PresentationWindow(content, selection or Selection(content),
                                    appearance_in(lang))
        qtbot.addWidget(window)
        window.resize(*size)
        with qtbot.waitExposed(window):
            window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.close_by_owner()


def keys(qtbot: QtBot, window: PresentationWindow, *pressed: Qt.Key) -> None:
    for key in pressed:
        qtbot.keyClick(window, key)


def test_presenter_remote_keys_move_through_the_deck(make_presentation: MakePresentation,
                                                     qtbot: QtBot, content: Content) -> None:
    show = make_presentation()
    last = len(show.deck) - 1
    assert show.index == 0 and show.counter.text() == f"1 / {len(show.deck)}"
    for key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Down):
        before = show.index
        keys(qtbot, show, key)
        assert show.index == before + 1, key
    for key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_Up):
        before = show.index
        keys(qtbot, show, key)
        assert show.index == before - 1, key
    assert show.index == 0
    keys(qtbot, show, Qt.Key.Key_Left)  # nothing before the first slide
    assert show.index == 0
    keys(qtbot, show, Qt.Key.Key_End)
    assert show.index == last and show.counter.text() == f"{last + 1} / {last + 1}"
    keys(qtbot, show, Qt.Key.Key_Right)  # nothing after the last one
    assert show.index == last
    keys(qtbot, show, Qt.Key.Key_Home)
    assert show.index == 0


def test_number_keys_jump_to_a_stage_and_move_the_selection(
        make_presentation: MakePresentation, qtbot: QtBot, content: Content) -> None:
    selection = Selection(content)
    show = make_presentation(selection=selection)
    for number, stage in enumerate(content.stages, start=1):
        keys(qtbot, show, getattr(Qt.Key, f"Key_{number}"))
        assert show.index == show.deck.first_of_stage(stage.id)
        assert show.slide.kind == OVERVIEW and show.slide.is_first_page
        assert selection.stage == stage.id
        assert stage.years_label in show.kicker.text()
    # Paging across a stage boundary moves the selection too.
    keys(qtbot, show, Qt.Key.Key_1, Qt.Key.Key_End)
    assert selection.stage == content.stages[-1].id
    # A stage chosen elsewhere (the main window, the timeline) moves the deck.
    selection.set_stage(content.stages[2].id)
    assert show.index == show.deck.first_of_stage(content.stages[2].id)
    # ... but not while the deck already shows that stage.
    keys(qtbot, show, Qt.Key.Key_Right)
    here = show.index
    selection.set_stage(content.stages[2].id)
    assert show.index == here


def test_blanking_the_screen(make_presentation: MakePresentation, qtbot: QtBot) -> None:
    show = make_presentation()
    keys(qtbot, show, Qt.Key.Key_Right)
    for blank_key in (Qt.Key.Key_B, Qt.Key.Key_Period):
        keys(qtbot, show, blank_key)
        assert show.blanked == "black" and show.curtain.isVisible()
        assert show.grab().toImage().pixelColor(500, 400) == QColor("#000000")
        keys(qtbot, show, blank_key)  # again: the slide is back
        assert not show.blanked and not show.curtain.isVisible()
    keys(qtbot, show, Qt.Key.Key_W)
    assert show.blanked == "white"
    assert show.grab().toImage().pixelColor(500, 400) == QColor("#FFFFFF")
    keys(qtbot, show, Qt.Key.Key_B)  # from white straight to black
    assert show.blanked == "black"
    # A next/previous key un-blanks onto the slide the class last saw, without moving.
    keys(qtbot, show, Qt.Key.Key_PageDown)
    assert not show.blanked and show.index == 1
    keys(qtbot, show, Qt.Key.Key_B, Qt.Key.Key_Left)
    assert not show.blanked and show.index == 1
    # A place named outright (Home, End, 1-5) un-blanks and goes there.
    keys(qtbot, show, Qt.Key.Key_Period, Qt.Key.Key_3)
    assert not show.blanked and show.slide.stage.id == 3
    # A click un-blanks too.
    keys(qtbot, show, Qt.Key.Key_B)
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton, pos=QPoint(show.width() - 10, 300))
    assert not show.blanked and show.slide.stage.id == 3


def test_clicks_taps_and_wheel_by_thirds(make_presentation: MakePresentation,
                                         qtbot: QtBot) -> None:
    show = make_presentation()
    right = QPoint(show.width() * 5 // 6, show.height() // 2)
    left = QPoint(show.width() // 6, show.height() // 2)
    middle = QPoint(show.width() // 2, show.height() // 2)
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton, pos=right)
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton, pos=right)
    assert show.index == 2
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton, pos=left)
    assert show.index == 1
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton, pos=middle)  # pointing, not paging
    assert show.index == 1
    # A click on a label of the slide reaches the window too.
    body = next(label for label in show.body_labels() if label.objectName() == "slideBody")
    qtbot.mouseClick(body, Qt.MouseButton.LeftButton,
                     pos=body.mapFrom(show, QPoint(show.width() - 60, body.mapTo(show, QPoint(
                         0, 5)).y())))
    assert show.index == 2
    wheel = QWheelEvent(QPointF(middle), QPointF(show.mapToGlobal(middle)), QPoint(0, 0),
                        QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(show, wheel)
    assert show.index == 3


def _drag(widget: QLabel | PresentationWindow, points: list[QPoint]) -> None:
    """A pressed-button drag through ``points`` (QTest moves carry no buttons)."""
    target = widget
    first, *rest = points
    left, no_mod = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(target, QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(first),
                                               QPointF(target.mapToGlobal(first)), left, left,
                                               no_mod))
    for point in rest:
        QApplication.sendEvent(target, QMouseEvent(
            QEvent.Type.MouseMove, QPointF(point), QPointF(target.mapToGlobal(point)),
            Qt.MouseButton.NoButton, left, no_mod))
    QApplication.sendEvent(target, QMouseEvent(
        QEvent.Type.MouseButtonRelease, QPointF(rest[-1]),
        QPointF(target.mapToGlobal(rest[-1])), left, Qt.MouseButton.NoButton, no_mod))


def test_pen_and_highlighter_draw_and_clear_on_slide_change(
        make_presentation: MakePresentation, qtbot: QtBot) -> None:
    show = make_presentation()
    pen = show.pen
    assert not pen.active
    assert pen.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    keys(qtbot, show, Qt.Key.Key_P)
    assert pen.tool == Tool.PEN and pen.badge.isVisible() and "P" in pen.badge.text()
    assert pen.cursor().shape() == Qt.CursorShape.CrossCursor
    before = show.grab().toImage()
    _drag(pen, [QPoint(300, 400), QPoint(400, 420), QPoint(500, 400), QPoint(600, 450)])
    assert len(pen.strokes) == 1
    assert show.index == 0  # drawing does not page, even in the right third
    after = show.grab().toImage()
    assert after.pixelColor(400, 420) != before.pixelColor(400, 420)
    assert after.pixelColor(400, 420).red() > 150  # the pen's vermilion
    keys(qtbot, show, Qt.Key.Key_H)  # straight to the highlighter
    assert pen.tool == Tool.HIGHLIGHTER
    _drag(pen, [QPoint(100, 300), QPoint(200, 300)])
    assert len(pen.strokes) == 2
    keys(qtbot, show, Qt.Key.Key_C)
    assert pen.strokes == []
    _drag(pen, [QPoint(100, 300), QPoint(200, 300)])
    keys(qtbot, show, Qt.Key.Key_E)
    assert pen.strokes == []
    _drag(pen, [QPoint(100, 300), QPoint(200, 300)])
    keys(qtbot, show, Qt.Key.Key_PageDown)  # keys still page while drawing
    assert show.index == 1 and pen.strokes == []
    # Esc puts the pen down first (like PowerPoint); the presentation stays.
    with qtbot.assertNotEmitted(show.leave_requested):
        keys(qtbot, show, Qt.Key.Key_Escape)
    assert not pen.active and not pen.badge.isVisible()
    keys(qtbot, show, Qt.Key.Key_H, Qt.Key.Key_H)
    assert not pen.active


def test_help_lists_the_keys(make_presentation: MakePresentation, qtbot: QtBot) -> None:
    show = make_presentation()
    keys(qtbot, show, Qt.Key.Key_F1)
    assert show.help_panel.isVisible()
    texts = " ".join(label.text() for label in show.help_panel.findChildren(QLabel))
    assert "Esc" in texts and "Black screen" in texts
    with qtbot.assertNotEmitted(show.leave_requested):
        keys(qtbot, show, Qt.Key.Key_Escape)
    assert not show.help_panel.isVisible()
    with qtbot.waitSignal(show.leave_requested):
        keys(qtbot, show, Qt.Key.Key_Escape)


def _cut_off(window: PresentationWindow) -> list[str]:
    problems = []
    for label in window.body_labels():
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height():
                problems.append(f"{label.objectName()}: {needed} > {label.height()} px high")
        else:
            hint = label.sizeHint()
            if hint.width() > label.width() or hint.height() > label.height():
                problems.append(f"{label.objectName()}: {hint} in {label.size()}")
        bottom = label.mapTo(window, QPoint(0, label.height())).y()
        if bottom > window.height():
            problems.append(f"{label.objectName()} runs off the screen")
    body = window.body_area.findChild(QLabel, "slideBody")
    if body is not None and body.mapTo(window.body_area, QPoint(0, body.height())).y() > \
            window.body_area.height():
        problems.append("the slide runs into the footer")
    return problems


@pytest.mark.parametrize(("lang", "size"), [("zh", (1024, 768)), ("en", (1024, 768)),
                                             ("zh", (1920, 1080)), ("en", (1920, 1080))])
def test_every_text_slide_is_legible_and_nothing_is_cut_off(
        make_presentation: MakePresentation, lang: str, size: tuple[int, int]) -> None:
    show = make_presentation(lang, size)
    checked = 0
    for index, slide in enumerate(show.deck.slides):
        if slide.kind == CHART:
            continue
        show.go_to(index)
        show.frame.layout().activate()
        show.body_layout.activate()
        body = [label for label in show.body_labels()
                if label.objectName() in {"slideBody", "slideWhen"}]
        assert body, index
        # Read from the back of the classroom: body text at least 28 px, titles larger.
        assert min(label.font().pixelSize() for label in body) >= 28
        titles = [label for label in show.body_labels() if label.objectName() == "slideTitle"]
        assert titles and all(t.font().pixelSize() > 28 for t in titles)
        assert _cut_off(show) == [], (index, slide.kind, slide.stage.id)
        # Every fact cites where in the paper it comes from.
        assert slide.stage.locator.split(" ")[0] in show.citation.text()
        checked += 1
    assert checked >= 2 * len(show.content.stages)  # an overview and milestones each


def test_larger_screens_get_larger_type(make_presentation: MakePresentation) -> None:
    small = make_presentation("en", (1024, 768))
    large = make_presentation("en", (1920, 1080))
    assert large.sizes.body > small.sizes.body >= 28
    assert len(large.deck) <= len(small.deck)  # more fits on a larger screen


def test_a_chart_slide_fits_with_the_presentations_own_chart(
        make_presentation: MakePresentation, qtbot: QtBot, content: Content) -> None:
    show = make_presentation("en")
    # The GDP shares chart has the most text (its data note): the hardest to fit.
    index = next(i for i, s in enumerate(show.deck.slides) if s.chart == "shares")
    show.go_to(index)
    chart = show.chart("shares")
    assert chart.isVisible() and chart.parent() is not None
    assert not chart.save_button.isVisible() and not chart.table_button.isVisible()

    def fits() -> None:
        top = chart.canvas.mapTo(show.body_area, QPoint(0, 0)).y()
        assert top + chart.canvas.minimumHeight() <= show.body_area.height()
        assert not show._fit_timer.isActive()

    qtbot.waitUntil(fits, timeout=5000)
    assert "Next" not in show.citation.text()  # the last slide says so instead
    # Clicks on the chart page the slides like anywhere else.
    show.go_to(index - 1)
    assert show.slide.kind == CHART
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton,
                     pos=QPoint(show.width() - 20, show.height() // 2))
    assert show.index == index


def test_language_switch_keeps_the_slide(make_presentation: MakePresentation, qtbot: QtBot,
                                         content: Content) -> None:
    show = make_presentation("zh")
    stage = content.stages[3]
    keys(qtbot, show, Qt.Key.Key_4, Qt.Key.Key_Right)
    while show.slide.kind != MILESTONES:
        keys(qtbot, show, Qt.Key.Key_Right)
    first_event = show.slide.events[0]
    texts = " ".join(label.text() for label in show.body_labels())
    assert first_event.title.get("zh") in texts
    appearance().set_language("en")  # what the main window does first
    show.appearance.set_language("en")
    assert show.slide.stage.id == stage.id and show.slide.kind == MILESTONES
    assert first_event.id in {e.id for e in show.slide.events}
    texts = " ".join(label.text() for label in show.body_labels())
    assert first_event.title.get("en") in texts and first_event.title.get("zh") not in texts
    assert "Source" in show.citation.text()


# -- the classroom mode in the main window -------------------------------------------------------
@pytest.fixture
def main_window(qtbot: QtBot, qapp: QApplication, content: Content,
                tmp_path: Path) -> Iterator[MainWindow]:
    store = SettingsStore(tmp_path / "config")
    prefs = store.load()
    window = open_window(content, store, prefs)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    yield window
    if window.mode.name != "student":
        window.set_mode("student")


def _presentation(window: MainWindow) -> PresentationWindow:
    shown = [w for w in window.findChildren(PresentationWindow) if w.isVisible()]
    assert len(shown) == 1
    return shown[0]


def test_f5_presents_full_screen_and_esc_returns_on_the_same_stage(
        main_window: MainWindow, qtbot: QtBot, content: Content) -> None:
    window = main_window
    window.selection.set_stage(content.stages[1].id)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.mode.name == "classroom"
    show = _presentation(window)
    qtbot.waitUntil(show.isActiveWindow)
    assert show.isFullScreen()
    assert show.geometry() == window.screen().geometry()
    # It opens on the stage the teacher was on.
    assert show.slide.stage.id == content.stages[1].id and show.slide.is_first_page
    # The remote moves the slides; the main window follows.
    qtbot.keyClick(show, Qt.Key.Key_4)
    assert window.selection.stage == content.stages[3].id
    qtbot.keyClick(show, Qt.Key.Key_PageDown)
    with qtbot.waitSignal(window.mode_changed):
        qtbot.keyClick(show, Qt.Key.Key_Escape)
    assert window.mode.name == "student"
    assert not show.isVisible()
    assert window.selection.stage == content.stages[3].id
    qtbot.waitUntil(window.isActiveWindow)
    assert window.timeline.band(content.stages[3].id).hasFocus()


def test_presenting_follows_the_windows_language_and_screen_option(
        main_window: MainWindow, qtbot: QtBot, content: Content,
        caplog: pytest.LogCaptureFixture) -> None:
    window = main_window
    screens = QGuiApplication.screens()
    with caplog.at_level(logging.WARNING, logger="czt.ui.presentation"):
        window.set_mode("classroom", ModeOptions(screen=len(screens) + 3))
    assert "no screen" in caplog.text  # falls back to the main window's screen
    show = _presentation(window)
    assert show.screen() is window.screen()
    assert show.lang == window.lang == "zh"
    qtbot.keyClick(show, Qt.Key.Key_2)
    shown = " ".join(label.text() for label in show.body_labels())
    assert content.stages[1].title.get("zh") in shown
    with qtbot.waitSignal(window.appearance.language_changed):
        qtbot.keyClick(show, Qt.Key.Key_L)  # the presenter switches the whole app
    assert window.lang == "en" and show.lang == "en"
    assert show.slide.stage.id == content.stages[1].id and show.slide.is_first_page
    assert content.stages[1].title.get("en") in " ".join(
        label.text() for label in show.body_labels())
    # The timeline picks a stage: the slides follow.
    window.selection.set_stage(content.stages[4].id)
    assert show.slide.stage.id == content.stages[4].id
    # Closing the slides (Alt+F4) leaves the mode like Esc.
    with qtbot.waitSignal(window.mode_changed):
        show.close()
    assert window.mode.name == "student"
    assert window.findChildren(PresentationWindow) == [] or not show.isVisible()


def test_touch_taps_page_and_fingers_draw(make_presentation: MakePresentation,
                                          qtbot: QtBot) -> None:
    from PySide6.QtTest import QTest

    show = make_presentation()
    screen = QTest.createTouchDevice()
    tap = QPoint(show.width() - 40, show.height() // 2)
    QTest.touchEvent(show, screen).press(0, tap).commit()
    QTest.touchEvent(show, screen).release(0, tap).commit()
    qtbot.waitUntil(lambda: show.index == 1)
    keys(qtbot, show, Qt.Key.Key_P)
    sequence = QTest.touchEvent(show, screen)
    sequence.press(0, QPoint(200, 300)).press(1, QPoint(200, 500)).commit()
    QTest.touchEvent(show, screen).move(0, QPoint(300, 320)).move(1, QPoint(300, 520)).commit()
    QTest.touchEvent(show, screen).release(0, QPoint(350, 330)).release(
        1, QPoint(350, 530)).commit()
    assert len(show.pen.strokes) == 2  # one stroke per finger
    assert show.index == 1
