"""The detail panes, driven as a user would: read what they show, click rows and cards,
filter, switch language and zoom; every view follows the one shared Selection."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from czt_desktop.content import Content
from czt_desktop.content.quiz import quiz_set
from czt_desktop.settings import PANES
from czt_desktop.ui.appearance import appearance
from czt_desktop.ui.models.enterprise_table import EnterpriseColumn
from czt_desktop.ui.models.event_table import EventColumn
from czt_desktop.ui.models.roles import IdRole
from czt_desktop.ui.panes.analysis import AnalysisPane
from czt_desktop.ui.panes.base import Pane
from czt_desktop.ui.panes.disclosure import Disclosure
from czt_desktop.ui.panes.enterprises import EnterprisesPane
from czt_desktop.ui.panes.overview import OverviewPane
from czt_desktop.ui.panes.plans import PlansPane
from czt_desktop.ui.panes.quiz import QuizPane
from czt_desktop.ui.panes.registry import PANE_CLASSES
from czt_desktop.ui.panes.statistics import StatisticsPane
from czt_desktop.ui.panes.today import TodayPane
from czt_desktop.ui.panes.widgets import ItemCard, NoteCard, chips, clear_layout
from czt_desktop.ui.selection import Selection
from czt_desktop.ui.theme import HIGH_CONTRAST
from tests.conftest import appearance_in

TS = Path(__file__).resolve().parent.parent / "resources" / "translations" / \
    "czt_desktop_zh_CN.ts"

MakePane = Callable[..., Pane]


@pytest.fixture(autouse=True)
def english_ui(qapp: QApplication) -> None:
    """UI words in English, whatever language an earlier test left installed."""
    appearance().set_language("en")


@pytest.fixture
def selection(content: Content) -> Selection:
    return Selection(content)


@pytest.fixture
def make_pane(qtbot: QtBot, content: Content, selection: Selection) -> MakePane:
    hosts: list[QWidget] = []  # qtbot only closes them; the test keeps them alive

    def make(cls: type[Pane], lang: str = "zh", size: tuple[int, int] = (1024, 560)) -> Pane:
        # Hosted like in the window: a window whose minimum size is its own, so the
        # offscreen platform is not asked to follow the pane's changing size hints.
        host = QWidget()
        host.setMinimumSize(320, 240)
        column = QVBoxLayout(host)
        column.setContentsMargins(0, 0, 0, 0)
        pane = cls(content, selection, appearance_in(lang))
        column.addWidget(pane)
        qtbot.addWidget(host)
        hosts.append(host)
        host.resize(*size)
        host.show()
        qtbot.waitExposed(host)
        return pane
    return make


def settle() -> None:
    """Let Qt show rebuilt widgets and lay them out (both are posted events)."""
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def texts(widget: QWidget) -> list[str]:
    settle()
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)] \
        + [box.toPlainText() for box in widget.findChildren(QTextEdit) if box.isVisibleTo(widget)]


def all_text(widget: QWidget) -> str:
    return "\n".join(texts(widget))


def card(pane: QWidget, kind: str, item_id: str) -> ItemCard:
    return next(c for c in pane.findChildren(ItemCard) if (c.kind, c.item_id) == (kind, item_id))


def checked(pane: QWidget) -> list[tuple[str, str]]:
    return [(c.kind, c.item_id) for c in pane.findChildren(ItemCard) if c.isChecked()]


def click_row(qtbot: QtBot, table: QTableView, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def selected_ids(table: QTableView) -> list[str]:
    return [i.data(IdRole) for i in table.selectionModel().selectedRows()]


def row_of(table: QTableView, item_id: str) -> int:
    model = table.model()
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data(IdRole) == item_id)


# -- every pane ---------------------------------------------------------------------------
def test_registry_lists_the_panes_in_tab_order() -> None:
    assert [c.pane_id for c in PANE_CLASSES] == list(PANES)


@pytest.mark.parametrize("cls", PANE_CLASSES)
def test_every_pane_title_is_translated(cls: type[Pane], make_pane: MakePane,
                                        qapp: QApplication) -> None:
    contexts = {c.findtext("name"): {m.findtext("source"): m.findtext("translation")
                                     for m in c.iter("message")}
                for c in ET.parse(TS).iter("context")}
    if cls.__name__ not in contexts:
        pytest.skip("the panes' strings are not merged into the catalogue yet")
    pane = make_pane(cls, "en")
    english = pane.title()
    switcher = appearance()
    try:
        switcher.set_language("zh")
        assert pane.title() == contexts[cls.__name__][english]
        assert pane.title() != english
    finally:
        switcher.set_language("en")


@pytest.mark.parametrize("cls", PANE_CLASSES)
def test_every_control_is_named_and_big_enough_to_touch(cls: type[Pane],
                                                        make_pane: MakePane) -> None:
    pane = make_pane(cls, "en")
    controls = [w for w in pane.findChildren(QWidget)
                if isinstance(w, QAbstractButton | QComboBox | QLineEdit | QTableView)
                and w.isVisibleTo(pane)]
    assert controls
    for widget in controls:
        assert widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text()), \
            f"{type(widget).__name__} has no accessible name"
        if not isinstance(widget, QTableView):
            assert widget.height() >= 44, f"{widget.accessibleName()} is {widget.height()} px"


@pytest.mark.parametrize("cls", PANE_CLASSES)
def test_content_text_follows_the_language(cls: type[Pane], make_pane: MakePane,
                                           content: Content) -> None:
    pane = make_pane(cls, "zh")
    name = content.city("zhuzhou").name if cls is not AnalysisPane else content.problems[0].title
    if cls is OverviewPane:
        name = content.stages[0].title
    if cls is PlansPane:
        name = content.stage(1).short
    if cls is QuizPane:
        first = quiz_set(content, 0, 1)[0]
        name = first.subject or first.choices[0].label
    before = all_text(pane) + _table_text(pane)
    assert name.get("zh") in before
    pane.appearance.set_language("en")
    after = all_text(pane) + _table_text(pane)
    assert name.get("en") in after
    assert name.get("zh") not in after


def _table_text(pane: QWidget) -> str:
    words = []
    for table in pane.findChildren(QTableView):
        model = table.model()
        words += [str(model.index(r, c).data()) for r in range(model.rowCount())
                  for c in range(model.columnCount())]
        words += [str(model.headerData(c, Qt.Orientation.Horizontal))
                  for c in range(model.columnCount())]
    for combo in pane.findChildren(QComboBox):
        words += [combo.itemText(i) for i in range(combo.count())]
    return "\n".join(words)


@pytest.mark.parametrize("cls", PANE_CLASSES)
def test_type_grows_with_zoom_and_theme_applies(cls: type[Pane], make_pane: MakePane) -> None:
    pane = make_pane(cls, "en")

    def biggest() -> int:
        sizes = []
        for text in [*pane.findChildren(QLabel), *pane.findChildren(QTextEdit)]:
            text.ensurePolished()
            sizes.append(text.font().pixelSize())
        return max(sizes)

    settle()
    assert biggest() in (16, 20, 28, 40)
    at_100 = biggest()
    pane.appearance.set_zoom(150)
    assert biggest() == round(at_100 * 1.5)
    pane.appearance.set_high_contrast(True)
    assert HIGH_CONTRAST.surface in pane.styleSheet()


# -- overview -----------------------------------------------------------------------------
def test_overview_shows_the_stage_page(make_pane: MakePane, content: Content,
                                       selection: Selection) -> None:
    pane = make_pane(OverviewPane)
    stage = content.stages[0]
    shown = texts(pane)
    assert stage.years_label in shown
    assert stage.title.get("zh") in shown
    # Our teaching text first; the paper's own text one click away.
    assert stage.headline is not None and stage.headline.get("zh") in shown
    assert stage.summary is not None
    assert any(stage.summary.get("zh") in t for t in shown)
    assert stage.outcome is not None and stage.outcome.get("zh") not in shown
    paper = pane.findChild(Disclosure, "papersAccount")
    assert paper is not None and not paper.expanded
    paper.set_expanded(True)
    assert any(stage.outcome.get("zh") in t for t in texts(pane))
    events = content.events_in_stage(stage.id)
    milestone_titles = [t for t in shown if t in {e.title.get("zh") for e in events}]
    assert milestone_titles == [e.title.get("zh") for e in events]  # all, in order
    assert "长沙机床厂" in all_text(pane)  # an enterprise of the 1950s
    # The notes wait behind "Sources and notes (n)", counted, each still there.
    notes = [n for n in pane.findChildren(NoteCard) if n.note_id == "enterprises-listed-twice"]
    assert notes and not notes[0].isVisibleTo(pane)
    sources = pane.findChild(Disclosure, "sourcesAndNotes")
    assert sources is not None
    # Counted: the source line and each note.
    assert f"（{len(sources.findChildren(NoteCard)) + 1}）" in sources.button.text()
    sources.set_expanded(True)
    assert notes[0].isVisibleTo(pane)
    assert any(t.startswith("来源") or t.startswith("Source") for t in texts(pane))

    selection.set_stage(5)
    shown = texts(pane)
    assert content.stage(5).title.get("zh") in shown
    assert stage.title.get("zh") not in shown
    assert "“三干两轨”正式开工" in shown


def test_overview_headline_fits_above_the_fold_on_a_projector(make_pane: MakePane,
                                                              content: Content,
                                                              selection: Selection) -> None:
    # 1024×768 minus menu, header, a 200 px timeline, the tab bar and the status bar.
    for lang in ("zh", "en"):
        pane = make_pane(OverviewPane, lang, size=(1024, 400))
        assert isinstance(pane, OverviewPane)
        for stage in content.stages:
            selection.set_stage(stage.id)
            settle()
            viewport = pane.page.viewport()
            for label in (pane.years_label, pane.title_label, pane.outcome_label):
                assert label is not None and label.isVisible()
                bottom = label.mapTo(viewport, QPoint(0, label.height())).y()
                assert bottom <= viewport.height(), (lang, stage.id, label.text())
                assert label.height() >= label.heightForWidth(label.width())  # not clipped


def test_clicking_a_milestone_selects_it(make_pane: MakePane, qtbot: QtBot,
                                         selection: Selection) -> None:
    pane = make_pane(OverviewPane)
    target = card(pane, "event", "key-projects-1950s")
    with qtbot.waitSignal(selection.item_changed) as signal:
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    assert signal.args == ["event", "key-projects-1950s"]
    assert checked(pane) == [("event", "key-projects-1950s")]
    target.setFocus()
    qtbot.keyClick(card(pane, "enterprise", "zhuzhou-glass-plant"), Qt.Key.Key_Space)
    assert selection.item == ("enterprise", "zhuzhou-glass-plant")
    assert checked(pane) == [("enterprise", "zhuzhou-glass-plant")]


def test_an_item_selected_elsewhere_is_highlighted_and_scrolled_into_view(
        make_pane: MakePane, qtbot: QtBot, selection: Selection) -> None:
    pane = make_pane(OverviewPane, "en")
    assert isinstance(pane, OverviewPane)
    selection.set_item("event", "three-trunks-two-rails-2019")  # last milestone of stage 5
    target = card(pane, "event", "three-trunks-two-rails-2019")
    assert target.isChecked()
    viewport = pane.page.viewport()

    def in_view() -> bool:
        top = target.mapTo(viewport, QPoint(0, 0)).y()
        return top >= 0 and top + target.height() <= viewport.height()

    qtbot.waitUntil(in_view)


def test_where_it_leads_next_moves_on(make_pane: MakePane, qtbot: QtBot, content: Content,
                                      selection: Selection) -> None:
    pane = make_pane(OverviewPane)
    assert isinstance(pane, OverviewPane) and pane.next_card is not None
    assert content.stage(2).title.get("zh") in pane.next_card.accessibleName()
    qtbot.mouseClick(pane.next_card, Qt.MouseButton.LeftButton)
    assert selection.stage == 2
    selection.set_stage(5)
    assert pane.next_card is None


# -- enterprises ---------------------------------------------------------------------------
def test_enterprise_rows_and_the_shared_selection(make_pane: MakePane, qtbot: QtBot,
                                                  selection: Selection) -> None:
    selection.set_stage(4)
    pane = make_pane(EnterprisesPane)
    assert isinstance(pane, EnterprisesPane)
    table = pane.table
    row = row_of(table, "xiangtan-iron-and-steel-plant")
    with qtbot.waitSignal(selection.item_changed):
        click_row(qtbot, table, row)
    assert selection.item == ("enterprise", "xiangtan-iron-and-steel-plant")
    assert selection.stage == 1  # the enterprise's stage
    selection.set_item("enterprise", "nanfang-power-machinery-plant")
    assert selected_ids(table) == ["nanfang-power-machinery-plant"]
    selection.set_item("event", "planning-office-1985")
    assert selected_ids(table) == []


def test_enterprise_filters_from_the_widgets(make_pane: MakePane, qtbot: QtBot) -> None:
    pane = make_pane(EnterprisesPane, "en")
    assert isinstance(pane, EnterprisesPane)
    pane.city_combo.setCurrentIndex(pane.city_combo.findData("xiangtan"))
    assert pane.proxy.rowCount() == 6
    pane.size_combo.setCurrentIndex(pane.size_combo.findData("large"))
    assert pane.proxy.rowCount() == 0
    assert "0 of 15" in pane.count_label.text()
    pane.clear_button.click()
    assert pane.proxy.rowCount() == 15
    pane.year_from.setCurrentIndex(pane.year_from.findData(1956))
    pane.year_to.setCurrentIndex(pane.year_to.findData(1957))
    assert sorted(_column(pane.table, EnterpriseColumn.FOUNDED)) == \
        ["1956", "1956", "1956", "1957"]
    pane.clear_button.click()
    pane.search_edit.setText("钢铁")  # as an input method commits it (QTest types ASCII)
    assert _ids(pane.table) == ["xiangtan-iron-and-steel-plant"]
    pane.search_edit.clear()
    qtbot.keyClicks(pane.search_edit, "Iron")
    assert _ids(pane.table) == ["xiangtan-iron-and-steel-plant"]


def _column(table: QTableView, column: int) -> list[str]:
    model = table.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _ids(table: QTableView) -> list[str]:
    model = table.model()
    return [model.index(r, 0).data(IdRole) for r in range(model.rowCount())]


def test_clicking_a_header_sorts(make_pane: MakePane, qtbot: QtBot) -> None:
    pane = make_pane(EnterprisesPane, "en")
    assert isinstance(pane, EnterprisesPane)
    header = pane.table.horizontalHeader()
    x = header.sectionViewportPosition(EnterpriseColumn.NAME) + 20
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 10))
    names = _column(pane.table, EnterpriseColumn.NAME)
    assert names == sorted(names, key=str.casefold)


def test_enterprise_selected_elsewhere_is_shown_even_when_filtered_out(
        make_pane: MakePane, selection: Selection) -> None:
    pane = make_pane(EnterprisesPane)
    assert isinstance(pane, EnterprisesPane)
    pane.city_combo.setCurrentIndex(pane.city_combo.findData("xiangtan"))
    selection.set_item("enterprise", "zhuzhou-glass-plant")
    assert selected_ids(pane.table) == ["zhuzhou-glass-plant"]
    assert pane.city_combo.currentData() == ""


def test_language_switch_keeps_filters_and_selection(make_pane: MakePane,
                                                     selection: Selection) -> None:
    pane = make_pane(EnterprisesPane, "zh")
    assert isinstance(pane, EnterprisesPane)
    pane.city_combo.setCurrentIndex(pane.city_combo.findData("changsha"))
    pane.search_edit.setText("机")
    selection.set_item("enterprise", "changsha-heavy-machinery-plant")
    before = _ids(pane.table)
    pane.appearance.set_language("en")
    assert pane.city_combo.currentData() == "changsha"
    assert pane.city_combo.currentText() == "Changsha"
    assert pane.search_edit.text() == "机"
    assert _ids(pane.table) == before
    assert selected_ids(pane.table) == ["changsha-heavy-machinery-plant"]
    assert "Changsha Heavy Machinery Plant" in _column(pane.table, EnterpriseColumn.NAME)


def test_enterprise_notes_are_visible_beside_or_below_the_table(make_pane: MakePane) -> None:
    for size in ((1024, 560), (1920, 860)):
        pane = make_pane(EnterprisesPane, "en", size=size)
        notes = {n.note_id: n for n in pane.findChildren(NoteCard)}
        for note_id in ("enterprises-listed-twice", "industries-read-from-names"):
            assert notes[note_id].isVisible()
            assert notes[note_id].full  # the whole note, not a tooltip
        assert any("§1.1" in t for t in texts(pane))


# -- plans ---------------------------------------------------------------------------------
def test_plans_list_every_dated_event_and_show_the_chosen_one(
        make_pane: MakePane, qtbot: QtBot, content: Content, selection: Selection) -> None:
    pane = make_pane(PlansPane, "zh")
    assert isinstance(pane, PlansPane)
    assert pane.proxy.rowCount() == len(content.events_in_stage(selection.stage))
    pane.show_all_stages()  # "All stages", one click on the pane's stage band
    assert pane.proxy.rowCount() == len(content.events)
    row = row_of(pane.table, "five-sames-plan-1998")
    click_row(qtbot, pane.table, row)
    assert selection.item == ("event", "five-sames-plan-1998")
    assert selection.stage == 3
    detail = all_text(pane.detail)
    assert "交通同环、电力同网" in detail
    assert "§1.3" in detail
    selection.set_item("event", "regional-plan-revised-2015")
    assert selected_ids(pane.table) == ["regional-plan-revised-2015"]
    assert any(n.note_id == "doubled-brackets" for n in pane.detail.findChildren(NoteCard))


def test_plans_filters_by_stage_and_kind(make_pane: MakePane, content: Content,
                                         selection: Selection) -> None:
    pane = make_pane(PlansPane, "en")
    assert isinstance(pane, PlansPane)
    # The stage filter follows the timeline.
    assert pane.following
    selection.set_stage(5)
    assert _ids(pane.table) == [e.id for e in content.events_in_stage(5)]
    pane.kind_combo.setCurrentIndex(pane.kind_combo.findData("document"))
    assert _column(pane.table, EventColumn.KIND) == ["document", "document"]
    pane.kind_combo.setCurrentIndex(0)
    selection.set_stage(2)
    assert _ids(pane.table) == [e.id for e in content.events_in_stage(2)]
    # Picking another stage in the list stops following; the timeline no longer moves it.
    pane.stage_combo.setCurrentIndex(pane.stage_combo.findData(4))
    assert not pane.following
    selection.set_stage(3)
    assert _ids(pane.table) == [e.id for e in content.events_in_stage(4)]
    # "Follow the timeline" (on the pane's stage band) is one click away.
    pane.follow_timeline()
    assert _ids(pane.table) == [e.id for e in content.events_in_stage(3)]
    pane.appearance.set_language("zh")
    assert pane.stage_combo.currentData() == 3
    assert pane.stage_combo.currentText().startswith(content.stage(3).years_label)


# -- statistics ----------------------------------------------------------------------------
def test_statistics_show_every_figure_with_its_year_and_source(make_pane: MakePane,
                                                               content: Content) -> None:
    pane = make_pane(StatisticsPane, "zh")
    shown = all_text(pane)
    for stat in content.statistics:
        assert stat.value_text.get("zh").split(" (")[0] in shown
        assert stat.label.get("zh") in shown
    assert "42.34%" in shown and "1/7" in shown and "4成" in shown and "不足40km" in shown


def test_statistics_show_the_sum_note_next_to_the_shares(make_pane: MakePane) -> None:
    for size in ((1024, 560), (1920, 860)):
        pane = make_pane(StatisticsPane, "en", size=size)
        assert isinstance(pane, StatisticsPane)
        settle()
        notes = {n.note_id: n for n in pane.section_notes["shares"]}
        note = notes["gdp-shares-do-not-add-up"]
        assert note.isVisible() and note.full
        assert "41.57%" in all_text(note)
        cards = pane.section_cards["shares"]
        assert {c.item_id for c in cards} >= {"gdp-share-cluster-2019", "gdp-share-changsha-2019"}
        paper = pane.page.paper
        note_top = note.mapTo(paper, QPoint(0, 0))
        first = cards[0].mapTo(paper, QPoint(0, 0))
        assert note_top.x() > first.x() + cards[0].width()  # beside the figures …
        assert abs(note_top.y() - first.y()) < 40  # … level with them


def test_statistic_cards_select_and_charts_have_a_place(make_pane: MakePane, qtbot: QtBot,
                                                        selection: Selection) -> None:
    pane = make_pane(StatisticsPane, "en")
    assert isinstance(pane, StatisticsPane)
    qtbot.mouseClick(card(pane, "statistic", "gdp-changsha-2019"), Qt.MouseButton.LeftButton)
    assert selection.item == ("statistic", "gdp-changsha-2019")
    assert checked(pane) == [("statistic", "gdp-changsha-2019")]
    chart = QLabel("chart")
    pane.set_chart(chart, "shares")
    pane.appearance.set_language("zh")  # rebuilt page: the chart comes along
    settle()
    assert chart.isVisible()
    assert chart.parentWidget() is not None and pane.isAncestorOf(chart)
    with pytest.raises(ValueError, match="no chart place"):
        pane.set_chart(QLabel(), "pie")


# -- today and analysis --------------------------------------------------------------------
def test_today_shows_each_core_city_with_its_industries_in_order(make_pane: MakePane,
                                                                 content: Content) -> None:
    pane = make_pane(TodayPane, "zh")
    for city in content.cities_with_role("core"):
        city_card = card(pane, "city", city.id)
        shown = texts(city_card)
        industries = [i.name.get("zh") for i in content.industries_of(city.id)]
        assert [t for t in shown if t in industries] == industries
        for base in content.innovation_bases_of(city.id):
            assert base.name.get("zh") in shown
    shown = all_text(pane)
    for fact in content.facts_about("status") + content.facts_about("ring"):
        assert fact.text.get("zh") in shown
    for city in content.cities_with_role("ring"):
        assert city.name.get("zh") in shown


def test_analysis_shows_problems_strategies_and_peer_clusters(make_pane: MakePane,
                                                              content: Content,
                                                              selection: Selection) -> None:
    pane = make_pane(AnalysisPane, "en")
    shown = all_text(pane)
    for record in content.problems + content.strategies:
        assert record.text.get("en") in shown
    for peer in content.peer_clusters:
        assert peer.name.get("en") in shown
    notes = [n for n in pane.findChildren(NoteCard) if n.note_id == "gdp-shares-do-not-add-up"]
    assert len(notes) == 1 and notes[0].full
    selection.set_item("strategy", content.strategies[-1].id)
    assert checked(pane) == [("strategy", content.strategies[-1].id)]


def test_today_lights_up_the_city_of_an_industry_found_elsewhere(make_pane: MakePane,
                                                                  selection: Selection) -> None:
    pane = make_pane(TodayPane, "en")
    selection.set_item("industry", "zhuzhou-ceramics")
    assert checked(pane) == [("city", "zhuzhou")]
    selection.set_item("innovation_base", "xiangtan-smart-manufacturing-valley")
    assert checked(pane) == [("city", "xiangtan")]


@pytest.mark.parametrize("cls", [OverviewPane, EnterprisesPane])
def test_a_chart_has_a_place_and_survives_a_rebuild(cls: type[Pane], make_pane: MakePane,
                                                    selection: Selection) -> None:
    pane = make_pane(cls, "en")
    chart = QLabel("chart")
    chart.setMinimumHeight(120)
    pane.set_chart(chart)  # type: ignore[attr-defined]
    settle()
    assert chart.isVisible() and pane.isAncestorOf(chart)
    selection.set_stage(5)
    pane.appearance.set_language("zh")
    settle()
    assert chart.isVisible() and pane.isAncestorOf(chart)


def test_a_note_found_elsewhere_is_outlined_and_shown(make_pane: MakePane, qtbot: QtBot,
                                                      selection: Selection) -> None:
    pane = make_pane(StatisticsPane, "en")
    assert isinstance(pane, StatisticsPane)
    selection.set_item("data_note", "about-40-nearly-40")
    notes = [n for n in pane.findChildren(NoteCard) if n.note_id == "about-40-nearly-40"]
    assert notes and all(n.property("selected") for n in notes)
    viewport = pane.page.viewport()
    full = next(n for n in notes if n.full)
    qtbot.waitUntil(lambda: 0 <= full.mapTo(viewport, QPoint(0, 0)).y() < viewport.height())
    selection.clear_item()
    assert not any(n.property("selected") for n in notes)


def test_a_rebuilt_page_leaves_none_of_its_layout_items_behind(qapp: QApplication) -> None:
    """A page is rebuilt at every stage switch; in a kiosk that is weeks of rebuilds. Qt
    gives a taken layout item to the caller to delete, and PySide does not."""
    page = QWidget()
    column = QVBoxLayout(page)
    column.addWidget(QLabel("1958"))
    row = QHBoxLayout()
    row.addWidget(QLabel("株洲"))
    column.addLayout(row)
    column.addWidget(chips(["机械", "冶金"]))
    column.addStretch(1)
    tags = column.itemAt(2).widget().layout()
    items = [column.itemAt(i) for i in range(column.count())]
    items += [row.itemAt(0), *(tags.itemAt(i) for i in range(tags.count()))]
    clear_layout(column)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert column.count() == 0
    assert not any(shiboken6.isValid(item) for item in items)
    page.deleteLater()
