"""The offline map pane, driven like a visitor would: look, tap a city, resize, switch."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from czt_desktop.content import Content
from czt_desktop.ui.appearance import appearance
from czt_desktop.ui.panes.map_canvas import Projection, scale_bar_km
from czt_desktop.ui.panes.map_pane import MapPane
from czt_desktop.ui.selection import Selection
from czt_desktop.ui.theme import HIGH_CONTRAST
from tests.conftest import appearance_in

MakePane = Callable[..., MapPane]
SIZES = [(1024, 560), (1920, 860)]


@pytest.fixture
def make_pane(qtbot: QtBot, qapp: QApplication, content: Content) -> Iterator[MakePane]:
    # UI words in English (the source language), whatever an earlier test installed.
    appearance().set_language("en")

    def make(lang: str = "en", size: tuple[int, int] = (1024, 560)) -> MapPane:
        selection = Selection(content)
        pane = MapPane(content, selection, appearance_in(lang))
        pane.setMinimumSize(640, 400)  # else offscreen Qt warns it cannot propagate it
        pane.resize(*size)
        qtbot.addWidget(pane)
        with qtbot.waitExposed(pane):
            pane.show()
        keep.append(selection)
        return pane

    keep: list[Selection] = []
    yield make


def text_of(pane: MapPane) -> str:
    return pane.text.toPlainText()


def test_every_city_is_an_accessible_button_named_in_both_languages(
        make_pane: MakePane, content: Content) -> None:
    pane = make_pane()
    assert len(content.cities) == 8
    assert set(pane.canvas.buttons) == {c.id for c in content.cities}
    for city in content.cities:
        button = pane.canvas.buttons[city.id]
        assert button.isVisible()
        assert city.name.get("zh") in button.accessibleName()
        assert city.name.get("en") in button.accessibleName()
        assert button.accessibleDescription()
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert button.width() >= 44 and button.height() >= 44
    # The names are painted beside the dots, in the pane's language.
    assert {label.text for label in pane.canvas.labels} == \
        {c.name.get("en") for c in content.cities}


def test_distances_between_the_three_cities(make_pane: MakePane) -> None:
    pane = make_pane()
    assert pane.canvas.distance_texts() == ["≈ 44 km", "≈ 39 km", "≈ 25 km"]
    text = text_of(pane)
    for km in ("44", "39", "25"):
        assert f"≈ {km} km" in text


def test_the_paper_statement_and_the_data_note_are_visible_beside_the_map(
        make_pane: MakePane, content: Content) -> None:
    pane = make_pane()
    stat = next(s for s in content.statistics if s.id == "distance-between-cities")
    note = content.notes_for("statistics", stat.id)
    place_note = next(n for n in note if "places:changsha-centre" in n.applies_to)
    text = text_of(pane)
    assert stat.value_text.get("en") in text
    assert place_note.title.get("en") in text
    assert place_note.text.get("en") in text
    # Without scrolling: the note starts inside the visible part of the text.
    document = pane.text.document()
    block = document.find(place_note.title.get("en")).block()
    top = document.documentLayout().blockBoundingRect(block).top()
    assert pane.text.verticalScrollBar().value() == 0
    assert top < pane.text.viewport().height()
    assert pane.text.isVisible()
    assert pane.text.geometry().left() >= pane.canvas.geometry().right()  # beside the map


def test_caption_quotes_the_paper_and_draws_no_river(make_pane: MakePane,
                                                     content: Content) -> None:
    pane = make_pane("zh")
    layout_fact = next(f for f in content.facts_about("geography") if "品字形" in f.text.get("zh"))
    words = pane.canvas.words
    assert layout_fact.text.get("zh") in words.core_title  # the map's headline is the quote
    assert "湘江" in words.core_title
    assert layout_fact.locator in words.core_cite
    assert layout_fact.text.get("zh") in pane.canvas.accessibleDescription()  # for screen readers
    ring_fact = content.facts_about("ring")[0]
    assert ring_fact.text.get("zh") in text_of(pane)
    assert content.source("geonames").citation.get("zh") in text_of(pane)


def test_clicking_changsha_selects_it_and_lists_its_industries(
        make_pane: MakePane, qtbot: QtBot, content: Content) -> None:
    pane = make_pane()
    button = pane.canvas.buttons["changsha"]
    with qtbot.waitSignal(pane.selection.item_changed) as signal:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert signal.args == ["city", "changsha"]
    assert pane.selection.item == ("city", "changsha")
    assert button.isChecked()
    assert not pane.canvas.buttons["zhuzhou"].isChecked()
    text = text_of(pane)
    for industry in content.industries_of("changsha"):
        assert industry.name.get("en") in text
    for base in content.innovation_bases_of("changsha"):
        assert base.name.get("en") in text
    # A second click on the same city keeps it selected (a click does not toggle).
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.isChecked()


def test_a_ring_city_says_the_paper_names_no_industries(make_pane: MakePane,
                                                        qtbot: QtBot) -> None:
    pane = make_pane()
    qtbot.mouseClick(pane.canvas.buttons["yiyang"], Qt.MouseButton.LeftButton)
    text = text_of(pane)
    assert "Yiyang" in text
    assert "names no industries" in text
    assert "GeoNames gazetteer" in text  # its position is cited, by name
    assert "1808316" not in text  # the dataset's id is for checking, never shown


def test_keyboard_reaches_and_picks_cities(make_pane: MakePane, qtbot: QtBot) -> None:
    pane = make_pane()
    first = pane.canvas.buttons["changsha"]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(first, Qt.Key.Key_Right)
    focused = QApplication.focusWidget()
    assert focused is pane.canvas.buttons["zhuzhou"]
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert pane.selection.item == ("city", "zhuzhou")
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert pane.selection.item == ("city", "zhuzhou")


def test_selection_from_elsewhere_shows_the_city(make_pane: MakePane,
                                                 content: Content) -> None:
    pane = make_pane()
    pane.selection.set_item("industry", "zhuzhou-food")
    assert pane.canvas.buttons["zhuzhou"].isChecked()
    assert content.industries_of("zhuzhou")[0].name.get("en") in text_of(pane)
    pane.selection.set_item("event", content.events[0].id)
    assert not any(b.isChecked() for b in pane.canvas.buttons.values())


def test_language_switch(make_pane: MakePane, content: Content) -> None:
    pane = make_pane("zh")
    assert "长沙" in {label.text for label in pane.canvas.labels}
    pane.appearance.set_language("en")
    assert "Changsha" in {label.text for label in pane.canvas.labels}
    assert content.facts_about("ring")[0].text.get("en") in text_of(pane)
    assert pane.title() == "Map"


def assert_clean_layout(pane: MapPane) -> None:
    canvas = pane.canvas
    area = QRectF(canvas.rect())
    buttons = [QRectF(b.geometry()) for b in canvas.buttons.values()]
    for rect in buttons:
        assert area.contains(rect), rect
    for i, a in enumerate(buttons):
        for b in buttons[i + 1:]:
            assert not a.intersects(b), (a, b)
    labels = [label.rect for label in (*canvas.labels, *canvas.distance_labels)]
    for i, a in enumerate(labels):
        assert area.contains(a), a
        for b in labels[i + 1:]:
            assert not a.intersects(b), (a, b)
    # No name covers a dot, its own or another city's.
    for city_id, point in canvas.points.items():
        r = canvas.buttons[city_id].radius
        dot = QRectF(point.x() - r, point.y() - r, 2 * r, 2 * r)
        assert not any(label.intersects(dot) for label in labels), city_id
    assert QRectF(pane.rect()).contains(QRectF(canvas.geometry()))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_resize_keeps_every_city_inside_and_apart(make_pane: MakePane, qtbot: QtBot,
                                                  size: tuple[int, int], lang: str) -> None:
    pane = make_pane(lang, size)
    assert_clean_layout(pane)
    pane.resize(860, 560)  # about what the pane gets beside the stage list
    qtbot.waitUntil(lambda: pane.canvas.width() < 600)
    assert_clean_layout(pane)


def test_high_contrast_and_large_text(make_pane: MakePane) -> None:
    pane = make_pane("zh")
    pane.appearance.set_high_contrast(True)
    pane.appearance.set_zoom(150)
    assert_clean_layout(pane)
    assert pane.canvas.theme is HIGH_CONTRAST
    assert all(b.theme is HIGH_CONTRAST for b in pane.canvas.buttons.values())
    image = pane.grab().toImage()
    assert image.width() == pane.width()


def test_projection_distances_and_scale_bar(make_pane: MakePane, content: Content) -> None:
    pane = make_pane()
    canvas = pane.canvas
    a, b = canvas.points["changsha"], canvas.points["zhuzhou"]
    px = math.hypot(b.x() - a.x(), b.y() - a.y())
    km = px / canvas.core_panel.projection.px_per_km
    great_circle = content.distance_km("changsha", "zhuzhou")
    assert great_circle is not None
    assert km == pytest.approx(great_circle, rel=0.01)
    assert scale_bar_km(10.0, 120) == 10
    assert scale_bar_km(1.2, 100) == 50
    projection = Projection([(28.0, 113.0), (29.0, 113.0)], 28.5)
    projection.fit(QRectF(0, 0, 100, 100))
    north, south = projection.to_px(29.0, 113.0), projection.to_px(28.0, 113.0)
    assert north.y() < south.y()  # north is up
    assert north.x() == pytest.approx(south.x())
    assert QPointF(50, 50) == (north + south) / 2


def test_chinese_ui_words(make_pane: MakePane) -> None:
    switcher = appearance()
    try:
        switcher.set_language("zh")
        pane = make_pane("zh")
        assert pane.title() == "地图"
        assert pane.canvas.distance_texts() == ["约44 km", "约39 km", "约25 km"]
        assert "约44 km" in text_of(pane)
    finally:
        switcher.set_language("en")
