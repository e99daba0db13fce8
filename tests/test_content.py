"""The bundled content against the paper: counts, years, figures and data notes."""

from __future__ import annotations

import re

import pytest

from czt_desktop.content import Content, Event
from tests.conftest import PAPER

STAGE_YEARS = [(1949, 1979), (1980, 1996), (1997, 1999), (2000, 2006), (2007, 2019)]

#: The paper's enterprise list (§1.1): name, city, year, and the classes it appears in.
ENTERPRISES = {
    "南方动力机械厂": ("zhuzhou", 1951, {"large"}),
    "长沙机床厂": ("changsha", 1951, {"large", "large-1"}),
    "株洲洗煤厂": ("zhuzhou", 1959, {"large"}),
    "长沙重型机械厂": ("changsha", 1959, {"large", "large-1"}),
    "江南机械厂": ("xiangtan", 1952, {"large-1"}),
    "湘潭纺织印染厂": ("xiangtan", 1954, {"large-1"}),
    "株洲冶炼厂": ("zhuzhou", 1956, {"large-1"}),
    "株洲化工厂": ("zhuzhou", 1956, {"large-1"}),
    "湘潭电机厂": ("xiangtan", 1956, {"large-1"}),
    "株洲电厂": ("zhuzhou", 1957, {"large-1"}),
    "株洲硬质合金厂": ("zhuzhou", 1958, {"large-1"}),
    "湖南钛合金厂": ("xiangtan", 1958, {"large-1"}),
    "湘乡铝厂": ("xiangtan", 1958, {"large-1"}),
    "湘潭钢铁厂": ("xiangtan", 1958, {"large-1"}),
    "株洲玻璃厂": ("zhuzhou", 1959, {"large-1"}),
}

#: Every year (and month) the paper gives a milestone in §1, in the paper's order.
MILESTONES = [
    (1982, None, "议案"), (1984, 11, "会议纪要"), (1985, 1, "规划办公室"),
    (1997, 3, "领导小组"), (1998, None, "五同规划"), (1998, None, "湘江生态经济带的概念性规划"),
    (1999, None, "推进长株潭一体化"), (2002, None, "长株潭产业一体化规划"),
    (2002, None, "湘江生态经济带开发建设总体规划"), (2002, None, "长株潭城市群区域规划"),
    (2003, None, "湘江生态经济带建设"), (2004, None, "老工业基地改造规划"),
    (2005, None, "十一五"), (2005, 10, "长株潭城市群区域发展规划"), (2005, 10, "3+5"),
    (2006, None, "四个一"), (2007, None, "综合配套改革试验区"), (2008, None, "2008-2020"),
    (2008, None, "示范区"), (2009, None, "两型办"), (2011, None, "生态绿心地区总体规划"),
    (2012, None, "保护条例"), (2014, None, "自主创新示范区"), (2015, None, "2014"),
    (2016, None, "中国制造2025"), (2017, None, "规划管理办法"), (2019, 7, "三干两轨"),
]


def test_five_stages_with_the_papers_years(content: Content) -> None:
    assert [(s.start_year, s.end_year) for s in content.stages] == STAGE_YEARS
    assert [s.id for s in content.stages] == [1, 2, 3, 4, 5]


def test_the_papers_enterprise_list(content: Content) -> None:
    found = {e.name.get("zh"): (e.city_id, e.founded, set(e.size_classes))
             for e in content.enterprises}
    assert found == ENTERPRISES
    # 4 listed as 大型 and 13 as 大一型 in the paper: 17 listings of 15 enterprises.
    assert sum("large" in e.size_classes for e in content.enterprises) == 4
    assert sum("large-1" in e.size_classes for e in content.enterprises) == 13


def _says(event: Event, words: str) -> bool:
    return words in event.title.get("zh") + (event.detail.get("zh") if event.detail else "")


@pytest.mark.parametrize(("year", "month", "words"), MILESTONES)
def test_every_milestone_year_of_the_paper(content: Content, year: int, month: int | None,
                                           words: str) -> None:
    matches = [e for e in content.events_in_year(year) if _says(e, words)]
    assert matches, f"no event in {year} mentions {words}"
    if month is not None:
        assert any(e.month == month for e in matches)


def test_decade_dated_items_keep_the_papers_vagueness(content: Content) -> None:
    idea = [e for e in content.events if _says(e, "毛泽东城")]
    assert idea and all(e.precision == "decade" and e.when.get("zh") == "20世纪50年代"
                        for e in idea)


def test_2019_gdp_figures(content: Content) -> None:
    gdp = {s.city_id: s.value for s in content.statistics_for("gdp", scope="city", year=2019)}
    assert gdp == {"changsha": 11574.22, "zhuzhou": 3003.13, "xiangtan": 2257.6}
    (cluster,) = content.statistics_for("gdp", scope="cluster", year=2019)
    assert cluster.value == 16835.0 and cluster.unit == "亿元"
    shares = {s.city_id: s.value for s in content.statistics_for(
        "gdp_share_of_province", scope="city", year=2019)}
    assert shares == {"changsha": 28.58, "zhuzhou": 7.42, "xiangtan": 5.57}
    (share,) = content.statistics_for("gdp_share_of_province", scope="cluster", year=2019)
    assert share.value == 42.34 and share.qualifier == "approx"


def test_the_share_contradiction_is_a_visible_note(content: Content) -> None:
    shares = content.statistics_for("gdp_share_of_province", scope="city", year=2019)
    assert round(sum(s.value for s in shares), 2) == 41.57  # the paper's own figures, kept
    notes = [n for s in shares for n in content.notes_for("statistics", s.id)]
    assert any("41.57" in n.text.get("zh") and "42.34" in n.text.get("zh") for n in notes)


def test_other_known_inconsistencies_have_notes(content: Content) -> None:
    texts = " ".join(n.title.get("zh") + n.text.get("zh") for n in content.data_notes)
    assert "GPD" in texts
    assert "两级" in texts
    for name in ("长沙机床厂", "长沙重型机械厂"):
        enterprise = next(e for e in content.enterprises if e.name.get("zh") == name)
        assert content.notes_for("enterprises", enterprise.id)


def test_land_people_and_output_shares(content: Content) -> None:
    texts = {s.metric: s.value_text.get("zh") for s in content.statistics_for(scope="cluster")}
    assert texts["land_share_of_province"] == "1/7"
    assert texts["population_share_of_province"] == "1/5"
    shares = content.statistics_for("gdp_share_of_province")
    assert "4成" in {s.value_text.get("zh") for s in shares}


def test_industries_and_innovation_bases(content: Content) -> None:
    assert len(content.industries_of("changsha")) == 9
    assert len(content.industries_of("zhuzhou")) == 10
    assert len(content.industries_of("xiangtan")) == 6
    assert content.industries_of("changsha")[0].name.get("zh") == "工程机械"
    bases = {b.city_id: b.name.get("zh") for b in content.innovation_bases}
    assert bases == {"changsha": "长沙麓谷创新谷", "zhuzhou": "株洲中国动力谷",
                     "xiangtan": "湘潭智造谷"}


def test_ring_cities_peers_problems_strategies(content: Content) -> None:
    assert {c.name.get("zh") for c in content.cities_with_role("ring")} == {
        "岳阳", "常德", "衡阳", "益阳", "娄底"}
    peers = [p.name.get("zh") for p in content.peer_clusters]
    for name in ("长三角城市群", "珠三角城市群", "京津冀地区", "中原城市群", "关中城市群"):
        assert name in peers
    assert len(content.problems) == 2
    assert len(content.strategies) >= 3
    assert content.facts_about("geography")


def test_every_record_is_sourced_and_bilingual(content: Content) -> None:
    for record in (*content.events, *content.enterprises, *content.statistics,
                   *content.data_notes, *content.facts):
        assert content.source(record.source_id)
        assert record.locator
    assert content.manifest.translation_note.get("en")


def test_lookups(content: Content) -> None:
    stage = content.stage_for_year(1998)
    assert stage is not None and stage.id == 3
    assert content.stage_for_year(1900) is None
    assert len(content.enterprises_in_city("zhuzhou")) == 7
    assert [e.name.get("zh") for e in content.enterprises_founded_in(1956)] == [
        "株洲冶炼厂", "株洲化工厂", "湘潭电机厂"]
    assert content.first_year == 1949 and content.last_year == 2019


@pytest.mark.skipif(not PAPER.is_file(), reason="the source paper is not beside the checkout")
def test_every_year_in_the_papers_history_is_in_the_content(content: Content) -> None:
    text = PAPER.read_text(encoding="utf-8")
    history = text[text.index("1 长株潭城市群发展历程"):text.index("2 长株潭城市群发展现状")]
    years = {int(y) for y in re.findall(r"(\d{4})\s*年", history)}
    known = {e.year for e in content.events} | {e.founded for e in content.enterprises}
    known |= {y for s in content.stages for y in (s.start_year, s.end_year)}
    # "2004-2010年" and "2008-2020年" are spans inside plan titles, not milestones.
    assert years - known <= {2010, 2020}


@pytest.mark.skipif(not PAPER.is_file(), reason="the source paper is not beside the checkout")
def test_chinese_quotes_of_documents_are_in_the_paper(content: Content) -> None:
    paper = re.sub(r"\s+", "", PAPER.read_text(encoding="utf-8"))
    for event in content.events:
        for title in re.findall(r"《[^》]+》", event.title.get("zh")):
            assert re.sub(r"\s+", "", title) in paper, title


def test_places_are_sourced_and_the_distance_note_is_there(content: Content) -> None:
    assert {p.city_id for p in content.places} == {c.id for c in content.cities}
    assert all(content.source(p.source_id).kind == "dataset" for p in content.places)
    assert content.distance_km("changsha", "xiangtan") == pytest.approx(39.4, abs=0.1)
    assert content.distance_km("changsha", "zhuzhou") == pytest.approx(44.3, abs=0.1)
    assert content.notes_for("statistics", "distance-between-cities")


def test_the_data_readme_counts_match_the_data() -> None:
    """The files table in data/README.md says how many rows each file has: keep it true."""
    import csv
    import re

    from czt_desktop.paths import bundled_data_dir

    folder = bundled_data_dir()
    readme = (folder / "README.md").read_text(encoding="utf-8")
    stated = {m.group(1): int(m.group(2))
              for m in re.finditer(r"^\| `(\w+\.csv)` \|.*\| (\d+) \|$", readme, re.M)}
    csvs = sorted(p.name for p in folder.glob("*.csv"))
    assert sorted(stated) == csvs
    for name, count in stated.items():
        with (folder / name).open(encoding="utf-8", newline="") as handle:
            rows = sum(1 for row in csv.reader(handle) if row) - 1
        assert rows == count, name
    assert f"the same {len(csvs)} CSV files" in readme
