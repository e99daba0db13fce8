"""Search: the Qt-free index (plain pytest) and the header's search box (pytest-qt)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from czt_desktop.content import Content
from czt_desktop.content.search import SearchHit, SearchIndex, find_spans, fold, query_terms
from czt_desktop.ui.appearance import appearance
from czt_desktop.ui.search_box import HitRole, SearchBox
from tests.conftest import appearance_in


@pytest.fixture(scope="module")
def index(content: Content) -> SearchIndex:
    return SearchIndex(content)


def ids(hits: list[SearchHit], kind: str | None = None) -> list[str]:
    return [h.id for h in hits if kind is None or h.kind == kind]


# -- the index ---------------------------------------------------------------------------
def test_chinese_query_finds_chinese_text_by_substring(index: SearchIndex,
                                                       content: Content) -> None:
    hits = index.search("株洲")
    zhuzhou_plants = {e.id for e in content.enterprises_in_city("zhuzhou")}
    # Every Zhuzhou enterprise, including 南方动力机械厂 whose name lacks the city.
    assert zhuzhou_plants <= set(ids(hits, "enterprise"))
    assert "mao-zedong-city-idea" in ids(hits, "event")
    assert hits[0].kind == "city" and hits[0].id == "zhuzhou"  # exact title first
    assert all("zh" in h.matched_in for h in hits)


def test_english_query_is_case_insensitive_and_needs_every_word(index: SearchIndex) -> None:
    hits = index.search("machine TOOL")
    assert hits[0].id == "changsha-machine-tool-plant"
    assert hits[0].kind == "enterprise"
    assert hits[0].stage_id == 1
    assert "machine tool" in hits[0].snippet.get("en").lower()
    assert index.search("machine zebra") == []


def test_words_may_match_in_different_languages(index: SearchIndex) -> None:
    assert "changsha-machine-tool-plant" in ids(index.search("长沙 machine"))


@pytest.mark.parametrize("short", ["CZT", "czt", "Chang-Zhu-Tan", "changzhutan"])
def test_short_names_of_the_cluster_find_what_its_name_finds(index: SearchIndex,
                                                             short: str) -> None:
    by_name = index.search("长株潭", limit=500)
    by_short = index.search(short, limit=500)
    assert by_name and set(ids(by_short)) == set(ids(by_name))
    # Shown in English, the snippet marks the English name where it matched.
    stage = next(h for h in by_short if h.kind == "stage")
    assert "en" in stage.matched_in
    assert "Changsha–Zhuzhou–Xiangtan" in stage.snippet.get("en") or \
        "Changsha–Zhuzhou–Xiangtan" in stage.title.get("en")
    # With another word, both must match.
    assert set(ids(index.search(f"{short} 1958", limit=500))) < set(ids(by_short))


def test_year_finds_the_enterprises_and_events_of_that_year(index: SearchIndex,
                                                            content: Content) -> None:
    hits = index.search("1958")
    founded = {e.id for e in content.enterprises_founded_in(1958)}
    assert founded and set(ids(hits)[: len(founded)]) == founded
    assert "1" in ids(hits, "stage")  # 1949–1979 contains 1958
    in_1998 = {e.id for e in content.events_in_year(1998)}
    assert in_1998 <= set(ids(index.search("1998年"), "event"))
    # A year and a word: Zhuzhou's plant of 1958 only.
    assert ids(index.search("1958 株洲"), "enterprise") == ["zhuzhou-cemented-carbide-plant"]


def test_exact_titles_and_stage_and_event_titles_rank_first(index: SearchIndex,
                                                            content: Content) -> None:
    hits = index.search("五同规划")
    assert (hits[0].kind, hits[0].id) == ("event", "five-sames-plan-1998")  # title in “”
    hits = index.search("湘江")
    title_hits = [h for h in hits if "湘江" in h.title.get("zh")]
    assert [h.kind for h in title_hits[:3]] == ["event"] * 3
    assert hits[: len(title_hits)] == title_hits or hits[0].kind == "event"
    stage = content.stages[2]
    assert index.search(stage.title.get("en"))[0].id == str(stage.id)
    # "Zhuzhou" in English: the city and its plants before every record that only
    # mentions the cluster "Changsha–Zhuzhou–Xiangtan".
    top = index.search("Zhuzhou")[:9]
    assert top[0].id == "zhuzhou"
    assert sum(h.kind == "enterprise" for h in top) >= 6


def test_covers_every_kind_of_record(index: SearchIndex, content: Content) -> None:
    probes = {
        "statistic": "16835.0",
        "industry": "工程机械",
        "innovation_base": "Lugu",
        "problem": "GPD",
        "strategy": "平衡分配",
        "fact": "品字形",
        "data_note": "typo",
        "peer_cluster": "珠三角",
        "city": "Loudi",
    }
    for kind, query in probes.items():
        assert kind in {h.kind for h in index.search(query)}, (kind, query)
    # Statistics are found by their value text too, in English.
    assert "distance-between-cities" in ids(index.search("less than 40 km"), "statistic")


def test_snippets_show_the_match(index: SearchIndex, content: Content) -> None:
    # A quotation from the paper is its own title; the snippet says where it is from,
    # or shows the match when it lies too far in for a cut-short title to show it.
    hit = next(h for h in index.search("动力谷") if h.kind == "fact")
    assert "动力谷" in hit.title.get("zh")
    assert hit.snippet.get("zh") == next(f for f in content.facts if f.id == hit.id).locator
    hit = next(h for h in index.search("大湘西") if h.kind == "fact")
    assert "大湘西" in hit.snippet.get("zh")
    assert len(hit.snippet.get("zh")) < 60
    plant = index.search("钢铁厂")[0]
    assert plant.snippet.get("zh") == "湘潭 · 钢铁 · 1958年"  # an enterprise's lead
    lugu = next(h for h in index.search("Lugu"))
    assert "Lugu" in lugu.snippet.get("en") or "Lugu" in lugu.title.get("en")


def test_blank_and_odd_queries(index: SearchIndex) -> None:
    assert index.search("") == []
    assert index.search("   ") == []
    assert index.search("株洲", limit=0) == []
    assert len(index.search("the", limit=5)) == 5
    assert ids(index.search("１９５８")) == ids(index.search("1958"))  # full-width digits


def test_fold_keeps_positions() -> None:
    text = "ＡＢＣ…Changsha–Zhuzhou"
    assert len(fold(text)) == len(text)
    assert fold("Changsha–Zhuzhou") == "changsha-zhuzhou"
    assert query_terms("  Machine   TOOL ") == ["machine", "tool"]
    assert find_spans("Machine tools, machine", ["machine"]) == [(0, 7), (15, 22)]


# -- the search box ----------------------------------------------------------------------
@pytest.fixture
def box(qtbot: QtBot, qapp: QApplication, content: Content) -> Iterator[SearchBox]:
    """A search box at the top of a window-sized host, as in the header, in Chinese."""
    host = QWidget()
    host.setMinimumSize(640, 480)  # else offscreen Qt warns that it cannot propagate it
    host.resize(1024, 700)
    column = QVBoxLayout(host)
    search = SearchBox(content, appearance_in("zh"))
    column.addWidget(search)
    column.addStretch(1)
    qtbot.addWidget(host)
    with qtbot.waitActive(host):
        host.show()
        host.activateWindow()
    search.focus_search()
    yield search  # (a generator keeps the host alive for the whole test)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text``: ASCII as key presses, Chinese as an input method commits it."""
    if text.isascii():
        QTest.keyClicks(widget, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)


def shown_hits(box: SearchBox) -> list[SearchHit]:
    model = box.model
    return [model.index(r).data(HitRole) for r in range(model.rowCount())]


def test_field_is_named_and_touch_sized(box: SearchBox) -> None:
    assert box.field.placeholderText() == "搜索…"
    assert box.field.accessibleName()
    assert box.view.accessibleName()
    assert box.field.height() >= 44


def test_typing_chinese_lists_zhuzhou_enterprises_and_events(box: SearchBox,
                                                             qtbot: QtBot) -> None:
    type_text(box.field, "株洲")
    assert box.results_visible()
    hits = shown_hits(box)
    kinds = {h.kind for h in hits}
    assert {"enterprise", "event"} <= kinds
    assert "株洲硬质合金厂" in [box.model.index(r).data() for r in range(len(hits))]
    # Rows are touch targets and lie inside the window.
    row = box.view.visualRect(box.model.index(0))
    assert row.height() >= 44
    assert box.popup.geometry().bottom() <= box.window().height()


def test_english_query_in_the_english_ui(box: SearchBox, qtbot: QtBot) -> None:
    box.appearance.set_language("en")
    type_text(box.field, "machine tool")
    first = box.model.index(0)
    assert first.data() == "Changsha Machine Tool Plant"
    assert "machine tools" in str(first.data(Qt.ItemDataRole.AccessibleTextRole))
    assert str(first.data(Qt.ItemDataRole.AccessibleTextRole)).startswith("Enterprise")


def test_english_query_in_the_chinese_ui_shows_why_it_matched(box: SearchBox,
                                                              qtbot: QtBot) -> None:
    type_text(box.field, "machine tool")
    first = box.model.index(0)
    assert first.data() == "长沙机床厂"
    assert "machine tools" in str(first.data(Qt.ItemDataRole.AccessibleTextRole))


def test_down_and_enter_choose_a_hit(box: SearchBox, qtbot: QtBot) -> None:
    type_text(box.field, "长沙机床厂")
    qtbot.keyClick(box.field, Qt.Key.Key_Down)
    assert box.view.hasFocus()
    assert box.view.currentIndex().row() == 0
    with qtbot.waitSignal(box.hit_chosen) as signal:
        qtbot.keyClick(box.view, Qt.Key.Key_Return)
    assert signal.args == ["enterprise", "changsha-machine-tool-plant", 1]
    assert not box.results_visible()


def test_down_twice_picks_the_second_hit_and_stageless_hits_report_minus_one(
        box: SearchBox, qtbot: QtBot) -> None:
    type_text(box.field, "麓谷")
    hits = shown_hits(box)
    assert len(hits) >= 2
    qtbot.keyClick(box.field, Qt.Key.Key_Down)
    qtbot.keyClick(box.view, Qt.Key.Key_Down)
    with qtbot.waitSignal(box.hit_chosen) as signal:
        qtbot.keyClick(box.view, Qt.Key.Key_Enter)
    second = hits[1]
    assert signal.args == [second.kind, second.id,
                           -1 if second.stage_id is None else second.stage_id]
    assert second.stage_id is not None or signal.args[2] == -1


def test_enter_in_the_field_picks_the_best_hit(box: SearchBox, qtbot: QtBot) -> None:
    type_text(box.field, "五同规划")
    with qtbot.waitSignal(box.hit_chosen) as signal:
        qtbot.keyClick(box.field, Qt.Key.Key_Return)
    assert signal.args == ["event", "five-sames-plan-1998", 3]


def test_clicking_a_row_picks_it(box: SearchBox, qtbot: QtBot) -> None:
    type_text(box.field, "1958")
    rect = box.view.visualRect(box.model.index(0))
    with qtbot.waitSignal(box.hit_chosen) as signal:
        qtbot.mouseClick(box.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args[0] == "enterprise"


def test_escape_closes_and_up_returns_to_the_field(box: SearchBox, qtbot: QtBot) -> None:
    type_text(box.field, "规划")
    qtbot.keyClick(box.field, Qt.Key.Key_Down)
    qtbot.keyClick(box.view, Qt.Key.Key_Up)
    assert box.field.hasFocus()
    assert box.results_visible()
    qtbot.keyClick(box.field, Qt.Key.Key_Down)
    qtbot.keyClick(box.view, Qt.Key.Key_Escape)
    assert not box.results_visible()
    assert box.field.hasFocus()
    assert box.field.text() == "规划"
    qtbot.keyClick(box.field, Qt.Key.Key_Escape)  # a second Esc clears
    assert box.field.text() == ""


def test_typing_in_the_list_goes_on_in_the_field(box: SearchBox, qtbot: QtBot) -> None:
    type_text(box.field, "green")
    qtbot.keyClick(box.field, Qt.Key.Key_Down)
    type_text(box.view, " heart")
    assert box.field.text() == "green heart"
    assert box.field.hasFocus()


def test_no_results_says_so(box: SearchBox, qtbot: QtBot) -> None:
    type_text(box.field, "zebra")
    assert box.results_visible()
    assert box.model.rowCount() == 0
    assert box.popup.message.isVisible()
    assert "没有找到" in box.popup.message.text()
    assert "zebra" in box.popup.message.text()
    box.appearance.set_language("en")
    assert "No results" in box.popup.message.text()


def test_language_switch_rewrites_the_results(box: SearchBox, qtbot: QtBot) -> None:
    type_text(box.field, "长沙机床厂")
    assert box.model.index(0).data() == "长沙机床厂"
    box.appearance.set_language("en")
    assert box.model.index(0).data() == "Changsha Machine Tool Plant"


def test_scale_and_theme_keep_rows_touch_friendly(box: SearchBox, qtbot: QtBot) -> None:
    box.appearance.set_high_contrast(True)
    box.appearance.set_zoom(150)
    type_text(box.field, "株洲")
    assert box.view.visualRect(box.model.index(0)).height() >= 24 * 2
    box.appearance.set_zoom(75)
    assert box.view.visualRect(box.model.index(0)).height() >= 44


def test_clearing_the_field_hides_the_results(box: SearchBox, qtbot: QtBot) -> None:
    type_text(box.field, "株洲")
    box.field.clear()
    assert not box.results_visible()


def test_chinese_ui_words(box: SearchBox, qtbot: QtBot) -> None:
    switcher = appearance()
    try:
        switcher.set_language("zh")
        assert box.field.placeholderText() == "搜索…"
        type_text(box.field, "zebra")
        assert "zebra" in box.popup.message.text()
        assert "No results" not in box.popup.message.text()
        box.field.clear()
        type_text(box.field, "长沙机床厂")
        assert str(box.model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)).startswith("企业")
    finally:
        switcher.set_language("en")
