"""The table models behind the Enterprises and Plans panes: Qt's model checks, the
filters a teacher uses (city, years, size class, words in either language) and sorting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester

from czt_desktop.content import Content
from czt_desktop.ui.appearance import appearance
from czt_desktop.ui.models import record_table
from czt_desktop.ui.models.enterprise_table import (
    EnterpriseColumn,
    EnterpriseFilterProxy,
    EnterpriseTableModel,
)
from czt_desktop.ui.models.event_table import EventColumn, EventFilterProxy, EventTableModel
from czt_desktop.ui.models.roles import IdRole

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture(autouse=True)
def english_ui(qapp: QApplication) -> None:
    """UI words in English, whatever language an earlier test left installed."""
    appearance().set_language("en")


def ids(model: QSortFilterProxyModel) -> list[str]:
    return [model.index(r, 0).data(IdRole) for r in range(model.rowCount())]


def column_text(model: QSortFilterProxyModel, column: int) -> list[str]:
    return [model.index(r, column).data(DISPLAY) for r in range(model.rowCount())]


@pytest.fixture
def enterprises(content: Content) -> EnterpriseFilterProxy:
    proxy = EnterpriseFilterProxy()
    proxy.setSourceModel(EnterpriseTableModel(content, "zh", proxy))
    return proxy


@pytest.fixture
def events(content: Content) -> EventFilterProxy:
    proxy = EventFilterProxy()
    proxy.setSourceModel(EventTableModel(content, "en", proxy))
    return proxy


# -- Qt's model checks ----------------------------------------------------------------------
def test_enterprise_model_passes_qt_model_checks(qtmodeltester: ModelTester,
                                                 content: Content) -> None:
    qtmodeltester.check(EnterpriseTableModel(content, "zh"))
    qtmodeltester.check(EnterpriseTableModel(content, "en"))


def test_enterprise_proxy_passes_qt_model_checks_while_filtering(
        qtmodeltester: ModelTester, enterprises: EnterpriseFilterProxy) -> None:
    enterprises.sort(EnterpriseColumn.FOUNDED, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(enterprises)
    enterprises.set_city("xiangtan")
    enterprises.set_text("厂")
    qtmodeltester.check(enterprises)
    enterprises.set_text("nothing matches this")
    qtmodeltester.check(enterprises)
    enterprises.clear_filters()
    qtmodeltester.check(enterprises)


def test_event_model_and_proxy_pass_qt_model_checks(qtmodeltester: ModelTester,
                                                    content: Content,
                                                    events: EventFilterProxy) -> None:
    qtmodeltester.check(EventTableModel(content, "zh"))
    events.set_kind("plan")
    events.sort(EventColumn.TITLE)
    qtmodeltester.check(events)
    events.set_stage(3)
    qtmodeltester.check(events)


# -- enterprises --------------------------------------------------------------------------
def test_every_enterprise_is_a_row_with_its_facts(content: Content) -> None:
    model = EnterpriseTableModel(content, "en")
    assert model.rowCount() == len(content.enterprises) == 15
    row = model.row_of("changsha-machine-tool-plant")
    cells = [model.index(row, c).data(DISPLAY) for c in EnterpriseColumn]
    assert cells == ["Changsha Machine Tool Plant", "Changsha", "1951",
                     "large; large, grade 1", "machine tools"]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in EnterpriseColumn]
    assert headers == ["Enterprise", "City", "Built", "Size class", "Industry (from the name)"]


def test_language_switch_changes_the_cells(content: Content) -> None:
    model = EnterpriseTableModel(content, "en")
    row = model.row_of("zhuzhou-glass-plant")
    model.set_language("zh")
    assert model.index(row, EnterpriseColumn.NAME).data(DISPLAY) == "株洲玻璃厂"
    assert model.index(row, EnterpriseColumn.CITY).data(DISPLAY) == "株洲"


def test_filter_by_city(enterprises: EnterpriseFilterProxy, content: Content) -> None:
    enterprises.set_city("zhuzhou")
    expected = {e.id for e in content.enterprises if e.city_id == "zhuzhou"}
    assert set(ids(enterprises)) == expected
    assert len(expected) == 7
    assert set(column_text(enterprises, EnterpriseColumn.CITY)) == {"株洲"}


def test_filter_by_years_is_inclusive_and_order_free(enterprises: EnterpriseFilterProxy) -> None:
    enterprises.set_years(1958, 1958)
    assert sorted(ids(enterprises)) == ["hunan-titanium-alloy-plant",
                                        "xiangtan-iron-and-steel-plant",
                                        "xiangxiang-aluminium-plant",
                                        "zhuzhou-cemented-carbide-plant"]
    enterprises.set_years(1952, 1951)  # "to" before "from": still the range 1951–1952
    assert sorted(ids(enterprises)) == ["changsha-machine-tool-plant", "jiangnan-machinery-plant",
                                        "nanfang-power-machinery-plant"]


def test_filter_by_size_class_keeps_the_plants_listed_in_both(
        enterprises: EnterpriseFilterProxy) -> None:
    enterprises.set_size_class("large")
    large = set(ids(enterprises))
    assert large == {"nanfang-power-machinery-plant", "changsha-machine-tool-plant",
                     "zhuzhou-coal-washing-plant", "changsha-heavy-machinery-plant"}
    enterprises.set_size_class("large-1")
    large_1 = set(ids(enterprises))
    assert len(large_1) == 13
    assert large & large_1 == {"changsha-machine-tool-plant", "changsha-heavy-machinery-plant"}


@pytest.mark.parametrize(("words", "expected"), [
    ("玻璃", {"zhuzhou-glass-plant"}),
    ("GLASS", {"zhuzhou-glass-plant"}),
    ("钛合金", {"hunan-titanium-alloy-plant"}),
    ("titanium", {"hunan-titanium-alloy-plant"}),
    ("湘潭 钢铁", {"xiangtan-iron-and-steel-plant"}),
    ("changsha machinery", {"changsha-heavy-machinery-plant"}),
    ("大一型 长沙", {"changsha-machine-tool-plant", "changsha-heavy-machinery-plant"}),
])
def test_free_text_matches_either_language(enterprises: EnterpriseFilterProxy, words: str,
                                           expected: set[str]) -> None:
    enterprises.set_text(words)
    assert set(ids(enterprises)) == expected


def test_filters_combine(enterprises: EnterpriseFilterProxy) -> None:
    enterprises.set_city("changsha")
    enterprises.set_size_class("large")
    enterprises.set_years(1955, 1959)
    assert ids(enterprises) == ["changsha-heavy-machinery-plant"]
    assert enterprises.is_filtering()
    enterprises.clear_filters()
    assert enterprises.rowCount() == 15
    assert not enterprises.is_filtering()


@pytest.mark.filterwarnings("ignore:Function.*invalidateRowsFilter:DeprecationWarning")
def test_filters_work_on_a_qt_without_end_filter_change(
        enterprises: EnterpriseFilterProxy, monkeypatch: pytest.MonkeyPatch) -> None:
    # PySide6 6.9, which the portable build pins (build_spec/portable-constraints.txt),
    # has no endFilterChange: the proxy filters again with invalidateRowsFilter() there.
    monkeypatch.setattr(record_table, "_END_FILTER_CHANGE", False)
    enterprises.set_city("changsha")
    enterprises.set_size_class("large")
    enterprises.set_years(1955, 1959)
    assert ids(enterprises) == ["changsha-heavy-machinery-plant"]
    enterprises.clear_filters()
    assert enterprises.rowCount() == 15


def test_sorting_by_year_is_numeric_and_by_name_alphabetical(
        enterprises: EnterpriseFilterProxy, content: Content) -> None:
    enterprises.sort(EnterpriseColumn.FOUNDED, Qt.SortOrder.DescendingOrder)
    years = [int(y) for y in column_text(enterprises, EnterpriseColumn.FOUNDED)]
    assert years == sorted((e.founded for e in content.enterprises), reverse=True)
    source = enterprises.sourceModel()
    assert isinstance(source, EnterpriseTableModel)
    source.set_language("en")
    enterprises.sort(EnterpriseColumn.NAME, Qt.SortOrder.AscendingOrder)
    names = column_text(enterprises, EnterpriseColumn.NAME)
    assert names == sorted(names, key=str.casefold)
    assert names[0] == "Changsha Heavy Machinery Plant"


# -- events -------------------------------------------------------------------------------
def test_events_in_the_papers_order_with_date_kind_and_stage(events: EventFilterProxy,
                                                             content: Content) -> None:
    events.sort(EventColumn.DATE, Qt.SortOrder.AscendingOrder)
    assert ids(events) == [e.id for e in content.events]
    row = ids(events).index("economic-zone-minutes-1984")
    assert events.index(row, EventColumn.DATE).data(DISPLAY) == "November 1984"
    assert events.index(row, EventColumn.KIND).data(DISPLAY) == "document"
    assert events.index(row, EventColumn.STAGE).data(DISPLAY) == "Economic zone idea"


def test_event_filters_by_stage_kind_and_words(events: EventFilterProxy,
                                               content: Content) -> None:
    events.set_stage(3)
    assert ids(events) == [e.id for e in content.events_in_stage(3)]
    events.set_kind("plan")
    assert ids(events) == ["five-sames-plan-1998", "xiangjiang-concept-plan-1998"]
    events.clear_filters()
    events.set_text("CDS")
    assert ids(events) == ["world-bank-cds"]
    events.set_text("三干两轨")
    assert ids(events) == ["three-trunks-two-rails-2019"]


def test_sorting_events_by_stage_keeps_the_dates_in_order(events: EventFilterProxy,
                                                          content: Content) -> None:
    events.sort(EventColumn.STAGE, Qt.SortOrder.DescendingOrder)
    got = ids(events)
    assert got[0] in {e.id for e in content.events_in_stage(5)}
    assert got[-1] in {e.id for e in content.events_in_stage(1)}
