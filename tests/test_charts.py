"""The embedded charts: built once and updated in place, legible in Chinese and English,
honest about the paper's figures, exportable, and readable without seeing them."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTranslator
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea
from pytestqt.qtbot import QtBot

from czt_desktop.content import Content, load_content
from czt_desktop.content.citing import source_line
from czt_desktop.settings import Preferences
from czt_desktop.ui.application import configure_application
from czt_desktop.ui.charts import (
    ChartView,
    EnterprisesPerYearChart,
    GdpByCityChart,
    GdpShareChart,
    MilestonesPerStageChart,
)
from czt_desktop.ui.charts import style as chart_style
from czt_desktop.ui.charts.wrapping import wrap
from czt_desktop.ui.i18n import language_switcher
from czt_desktop.ui.selection import Selection
from czt_desktop.ui.theme import HIGH_CONTRAST, LIGHT, TypeScale

CHARTS: list[type[ChartView]] = [EnterprisesPerYearChart, MilestonesPerStageChart,
                                  GdpByCityChart, GdpShareChart]
#: Rows of each chart's data table with the bundled content.
TABLE_ROWS = {EnterprisesPerYearChart: 15, MilestonesPerStageChart: 5, GdpByCityChart: 4,
              GdpShareChart: 5}
CJK = re.compile(r"[\u4e00-\u9fff]")

#: The chart titles as the integrator's Chinese catalogue has them: enough to see that
#: titles go through tr() and follow a language switch (the .qm may not have them yet).
CHINESE = {
    ("EnterprisesPerYearChart", "%1 got %2 of the %3 large enterprises built in %4–%5"):
        "%4–%5年兴建的%3家大型企业中，%1有%2家",
    ("MilestonesPerStageChart", "Most milestones came in %1 (%2): %3 of %4"):
        "%1年（%2）的大事最多：%4件中占%3件",
    ("GdpByCityChart", "In %1, %2 alone produced more than twice as much as %3 together"):
        "%1年，%2一市的GDP是%3之和的两倍多",
    ("GdpByCityChart", " and "): "和",
    ("GdpShareChart", "The three cities' shares add up to %1, %2 percentage points less "
                      "than the %3 the paper gives for the cluster"):
        "三市占比相加为%1，比论文给出的城市群占比%3少%2个百分点",
    ("GdpShareChart", "Three cities added up"): "三市相加",
    ("ChartView", "Source"): "来源",
    ("ChartView", "Show data table"): "显示数据表",
}


@pytest.fixture(autouse=True)
def english_ui(qapp: QApplication) -> Iterator[None]:
    """No UI catalogue installed (English), whatever an earlier test left behind; and
    none left behind by these tests."""
    language_switcher().apply("en")
    yield
    language_switcher().apply("en")
    qapp.setStyleSheet("")


class ChineseCatalogue(QTranslator):
    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:  # type: ignore[override]
        return CHINESE.get((context, source))


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[ChineseCatalogue]:
    """The UI in Chinese, as after the window's language switch."""
    catalogue = ChineseCatalogue()
    QCoreApplication.installTranslator(catalogue)
    yield catalogue
    QCoreApplication.removeTranslator(catalogue)


MakeChart = Callable[..., ChartView]


@pytest.fixture
def make_chart(qtbot: QtBot, content: Content) -> Iterator[MakeChart]:
    hosts: list[QScrollArea] = []  # qtbot keeps weak references only

    def make(cls: type[ChartView], lang: str = "zh", size: tuple[int, int] = (900, 440),
             source: Content | None = None) -> ChartView:
        # In a scroll area, as in the panes: a chart whose texts need more height than
        # it has grows and scrolls instead of squeezing its plot.
        host = QScrollArea()
        host.setWidgetResizable(True)
        host.setFrameShape(QFrame.Shape.NoFrame)
        qtbot.addWidget(host)
        hosts.append(host)
        chart = cls(source or content, lang)
        host.setWidget(chart)
        host.resize(*size)
        host.show()
        qtbot.waitExposed(host)
        qtbot.wait(20)  # the canvas's requests for height and the idle draw
        chart.canvas.draw()
        return chart

    yield make
    hosts.clear()


def figure_texts(chart: ChartView) -> list[str]:
    from matplotlib.text import Text

    return [t.get_text() for t in chart.figure.findobj(Text) if t.get_visible()
            and t.get_text()]


def window_box(artist: object, chart: ChartView) -> tuple[float, float, float, float]:
    renderer = chart.canvas.get_renderer()  # type: ignore[no-untyped-call]
    box = artist.get_window_extent(renderer)  # type: ignore[attr-defined]
    return float(box.x0), float(box.y0), float(box.x1), float(box.y1)


def overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1


# -- building and drawing -----------------------------------------------------------------
@pytest.mark.parametrize("cls", CHARTS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(900, 440), (1400, 640)], ids=["1024x768", "1920x1080"])
def test_chart_draws_every_text_inside_the_figure_without_overlaps(
        make_chart: MakeChart, request: pytest.FixtureRequest, cls: type[ChartView],
        lang: str, size: tuple[int, int]) -> None:
    if lang == "zh":
        request.getfixturevalue("chinese")  # the window installs the catalogue first
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font(s)" fails the test
        chart = make_chart(cls, lang, size)
    texts = figure_texts(chart)
    if lang == "zh":
        assert CJK.search(chart.title()), chart.title()
        assert any(t.startswith("来源：") for t in texts)
    else:
        assert not CJK.search(chart.title()), chart.title()
        assert any(t.startswith("Source: ") for t in texts)
    fig_box = chart.figure.bbox
    blocks = [m.artist for m in (chart.title_text, chart.subtitle_text, chart.source_text,
                                 *chart._aside, *chart._footer) if m.artist.get_visible()]
    for artist in blocks:
        x0, y0, x1, y1 = window_box(artist, chart)
        assert x0 >= 0 and y0 >= 0 and x1 <= fig_box.x1 + 1 and y1 <= fig_box.y1 + 1, \
            f"{artist.get_text()[:30]!r} is cut off"
    renderer = chart.canvas.get_renderer()  # type: ignore[no-untyped-call]
    plot = chart.ax.get_tightbbox(renderer)
    assert plot is not None
    plot_box = (plot.x0, plot.y0, plot.x1, plot.y1)
    for index, artist in enumerate(blocks):
        assert not overlaps(window_box(artist, chart), plot_box), artist.get_text()[:30]
        for other in blocks[index + 1:]:
            assert not overlaps(window_box(artist, chart), window_box(other, chart))


def test_importing_the_charts_does_not_import_matplotlib() -> None:
    code = ("import sys, czt_desktop.ui.charts; "
            "sys.exit(1 if any(m.startswith('matplotlib') for m in sys.modules) else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr


def test_style_file_matches_the_light_theme() -> None:
    params = chart_style.style_params()

    def hex_of(key: str) -> str:
        return "#" + str(params[key]).lstrip("#").upper()

    assert hex_of("figure.facecolor") == LIGHT.paper
    assert hex_of("axes.facecolor") == LIGHT.paper
    assert hex_of("text.color") == LIGHT.ink
    assert hex_of("grid.color") == LIGHT.rule
    assert params["axes.spines.top"] is False and params["axes.spines.right"] is False
    assert params["pdf.fonttype"] == 3  # see the style file: 42 mislabels the CFF font
    assert params["svg.fonttype"] == "path"


# -- export -------------------------------------------------------------------------------
def _glyph_id(char: str) -> str:
    """How matplotlib's SVG names the outline of ``char`` in the CJK font it uses (the
    bundled one, or the same family installed on the system)."""
    from matplotlib import font_manager

    from czt_desktop.fonts import CJK_FAMILY

    prop = font_manager.FontProperties(family=[CJK_FAMILY])
    font = font_manager.get_font(font_manager.findfont(prop, fallback_to_default=False))
    return f"{font.postscript_name}-{font.get_char_index(ord(char)):x}"


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize("cls", CHARTS, ids=lambda c: c.__name__)
def test_export_writes_png_svg_and_pdf_with_chinese(make_chart: MakeChart, cls: type[ChartView],
                                                     tmp_path: Path) -> None:
    chart = make_chart(cls, "zh")
    size_before = tuple(chart.figure.get_size_inches())

    png = chart.export(tmp_path / "chart.png", size=(900, 400))
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1800, 800)  # 2 px per screen px
    assert png.stat().st_size > 20_000

    svg = chart.export(tmp_path / "chart.svg").read_text(encoding="utf-8")
    assert len(svg) > 20_000
    assert "<text" not in svg  # glyphs are paths: no font needed to view it
    glyph = _glyph_id("长")  # of 长株潭 in the source line
    assert f'id="{glyph}"' in svg and f'xlink:href="#{glyph}"' in svg

    pdf = chart.export(tmp_path / "chart.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    assert b"NotoSansCJKsc-Regular" in pdf
    assert b"/Type3" in pdf and b"/ToUnicode" in pdf  # embedded outlines, searchable

    assert tuple(chart.figure.get_size_inches()) == size_before
    with pytest.raises(ValueError, match="png"):
        chart.export(tmp_path / "chart.jpg")


def test_save_menu_asks_the_window_and_can_be_hidden(make_chart: MakeChart,
                                                     qtbot: QtBot) -> None:
    chart = make_chart(GdpByCityChart, "en")
    with qtbot.waitSignal(chart.export_requested) as signal:
        chart.save_actions["pdf"].trigger()
    assert signal.args == ["pdf"]
    assert chart.suggested_file_name("pdf") == "gdp-by-city-en.pdf"
    assert chart.save_button.isVisible()
    chart.set_export_allowed(False)  # a museum kiosk
    assert not chart.save_button.isVisible()


# -- language, highlight, memory ----------------------------------------------------------
@pytest.mark.parametrize("cls", CHARTS, ids=lambda c: c.__name__)
def test_language_switch_updates_the_same_figure(make_chart: MakeChart, qtbot: QtBot,
                                                 chinese: ChineseCatalogue,
                                                 cls: type[ChartView]) -> None:
    chart = make_chart(cls, "zh")
    figure, title_artist = chart.figure, chart.title_text.artist
    zh_title = chart.title()
    # As the window does it: the translators first (Qt sends LanguageChange), then this.
    QCoreApplication.removeTranslator(chinese)
    chart.set_language("en")
    chart.canvas.draw()
    assert chart.figure is figure and chart.title_text.artist is title_artist
    assert chart.title() != zh_title
    assert title_artist.get_text().replace("\n", " ") == chart.title()
    assert not CJK.search(chart.title())
    assert chart.source_text.raw.startswith("Source: ")
    assert chart.table_button.text() == "Show data table"
    QCoreApplication.installTranslator(chinese)
    chart.set_language("zh")
    assert chart.title() == zh_title
    qtbot.waitUntil(lambda: chart.table_button.text() == "显示数据表")


def test_highlight_stage_recolours_its_bar_on_screen(make_chart: MakeChart,
                                                     content: Content) -> None:
    chart = make_chart(MilestonesPerStageChart, "zh")
    assert isinstance(chart, MilestonesPerStageChart)
    import numpy as np
    from matplotlib.colors import to_hex

    stage = content.stages[2]
    chart.highlight_stage(stage.id)
    colors = [to_hex(bar.get_facecolor()).upper() for bar in chart.bars]
    assert colors[2] == LIGHT.accent
    assert all(c == chart_style.quiet_color(LIGHT) for i, c in enumerate(colors) if i != 2)
    assert chart.labels[2].artist.get_fontweight() == "bold"
    # What the canvas shows: the middle of the highlighted bar has the accent colour.
    pixels = np.asarray(chart.canvas.buffer_rgba())
    x0, y0, x1, y1 = window_box(chart.bars[2], chart)
    row, column = pixels.shape[0] - int((y0 + y1) / 2), int((x0 + x1) / 2)
    shown = "#" + "".join(f"{v:02X}" for v in pixels[row, column, :3])
    assert shown == LIGHT.accent
    chart.highlight_stage(None)
    assert {to_hex(b.get_facecolor()).upper() for b in chart.bars} == {LIGHT.accent}


def test_highlight_redraws_only_the_marks_and_is_fast(make_chart: MakeChart) -> None:
    chart = make_chart(MilestonesPerStageChart, "en")
    full_draws: list[object] = []
    chart.canvas.mpl_connect("draw_event", full_draws.append)
    timings = []
    for stage_id in [1, 2, 3, 4, 5] * 4:
        start = time.perf_counter()
        chart.highlight_stage(stage_id)
        timings.append(time.perf_counter() - start)
    assert full_draws == []  # the text (most of the cost) is not drawn again
    timings.sort()
    assert timings[len(timings) // 2] < 0.05, f"median {timings[len(timings) // 2]:.3f} s"


def test_switching_200_times_creates_no_artists(make_chart: MakeChart) -> None:
    chart = make_chart(MilestonesPerStageChart, "zh")
    ax = chart.ax
    before = (len(chart.figure.findobj()), len(ax.patches), len(ax.texts),
              len(chart.figure.texts))
    for i in range(200):
        chart.highlight_stage(1 + i % 5)
        if i % 20 == 0:
            chart.set_language("en" if chart.lang == "zh" else "zh")
    chart.canvas.draw()
    after = (len(chart.figure.findobj()), len(ax.patches), len(ax.texts),
             len(chart.figure.texts))
    assert after == before


def test_selection_and_chart_follow_each_other(make_chart: MakeChart, qtbot: QtBot,
                                               content: Content) -> None:
    chart = make_chart(MilestonesPerStageChart, "zh")
    assert isinstance(chart, MilestonesPerStageChart)
    selection = Selection(content)
    chart.bind_selection(selection)
    assert chart.stage_id == selection.stage
    selection.set_stage(content.stages[3].id)
    assert chart.stage_id == content.stages[3].id
    # A click on the second bar selects its stage.
    x0, y0, x1, y1 = window_box(chart.bars[1], chart)
    ratio = chart.canvas.device_pixel_ratio
    point = QPoint(int((x0 + x1) / 2 / ratio), int(chart.canvas.height() - (y0 + y1) / 2 / ratio))
    qtbot.mouseClick(chart.canvas, Qt.MouseButton.LeftButton, pos=point)
    assert selection.stage == content.stages[1].id
    assert chart.stage_id == content.stages[1].id
    # Arrow keys on the focused chart move the selection too.
    chart.canvas.setFocus()
    qtbot.keyClick(chart.canvas, Qt.Key.Key_Right)
    assert selection.stage == content.stages[2].id


def test_clicking_a_block_selects_its_enterprise(make_chart: MakeChart, content: Content,
                                                 qtbot: QtBot) -> None:
    chart = make_chart(EnterprisesPerYearChart, "zh")
    assert isinstance(chart, EnterprisesPerYearChart)
    selection = Selection(content)
    chart.bind_selection(selection)
    enterprise, _level = chart.units[0]
    x0, y0, x1, y1 = window_box(chart.blocks[0], chart)
    point = QPoint(int((x0 + x1) / 2), int(chart.canvas.height() - (y0 + y1) / 2))
    qtbot.mouseClick(chart.canvas, Qt.MouseButton.LeftButton, pos=point)
    assert selection.item == ("enterprise", enterprise.id)
    assert chart.blocks[0].get_linewidth() == 3.0
    assert chart.callout.artist.get_text() == enterprise.name.get("zh")  # its name, beside it
    selection.clear_item()
    assert not chart.callout.artist.get_visible()


# -- what a screen reader gets ------------------------------------------------------------
def test_text_alternatives_carry_the_data(make_chart: MakeChart, content: Content) -> None:
    gdp = make_chart(GdpByCityChart, "en")
    text = gdp.text_alternative()
    for value in ("11,574.22", "3,003.13", "2,257.6", "16,835.0"):
        assert value in text
    assert "Changsha" in text and "Source: " in text
    assert gdp.canvas.accessibleDescription() == text
    assert gdp.canvas.accessibleName() == gdp.title()

    shares = make_chart(GdpShareChart, "zh")
    text = shares.text_alternative()
    for value in ("28.58%", "7.42%", "5.57%", "41.57%", "约42.34%"):
        assert value in text
    note = content.notes_for("statistics", "gdp-share-cluster-2019")[0]
    assert note.text.get("zh") in text

    milestones = make_chart(MilestonesPerStageChart, "en")
    assert "Launch (2000–2006): 12" in milestones.text_alternative()

    enterprises = make_chart(EnterprisesPerYearChart, "zh")
    assert "湘潭钢铁厂（湘潭）" in enterprises.text_alternative()


@pytest.mark.parametrize("cls", CHARTS, ids=lambda c: c.__name__)
def test_data_table_toggles_with_the_right_rows(make_chart: MakeChart, qtbot: QtBot,
                                                qtmodeltester: object,
                                                cls: type[ChartView]) -> None:
    chart = make_chart(cls, "en")
    assert chart.table_button.text() == "Show data table"
    qtbot.mouseClick(chart.table_button, Qt.MouseButton.LeftButton)
    assert chart.is_table_shown() and chart.table_view.isVisible()
    assert not chart.canvas.isVisible()
    assert chart.table_button.text() == "Show chart"
    assert chart.table_button.accessibleName() == "Show chart"
    model = chart.table_model
    assert model.rowCount() == TABLE_ROWS[cls]
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    qtbot.mouseClick(chart.table_button, Qt.MouseButton.LeftButton)
    assert chart.canvas.isVisible() and not chart.is_table_shown()


def test_data_table_rows_select_stages(make_chart: MakeChart, qtbot: QtBot,
                                       content: Content) -> None:
    chart = make_chart(MilestonesPerStageChart, "zh")
    selection = Selection(content)
    chart.bind_selection(selection)
    chart.show_table(True)
    model = chart.table_model
    assert [model.index(r, 2).data() for r in range(5)] == ["3", "5", "4", "12", "11"]
    rect = chart.table_view.visualRect(model.index(4, 0))
    qtbot.mouseClick(chart.table_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert selection.stage == content.stages[4].id


def test_buttons_are_touch_sized_under_the_app_style(make_chart: MakeChart,
                                                     qapp: QApplication) -> None:
    configure_application(qapp, Preferences(language="en"))
    chart = make_chart(GdpShareChart, "en")
    for button in (chart.table_button, chart.save_button):
        assert button.height() >= 44 and button.width() >= 44
        assert button.accessibleName()
    assert chart.table_view.accessibleName().startswith("Data table: ")


# -- what the charts say ------------------------------------------------------------------
@pytest.mark.usefixtures("chinese")
def test_gdp_chart_states_the_computed_finding(make_chart: MakeChart) -> None:
    chart = make_chart(GdpByCityChart, "zh")
    assert chart.title() == "2019年，长沙一市的GDP是株洲和湘潭之和的两倍多"
    texts = figure_texts(chart)
    assert "11574.22" in texts and "长株潭地区生产总值：16835.0亿元" in texts


def test_gdp_title_follows_the_data_not_a_fixed_sentence(make_chart: MakeChart,
                                                         data_copy: Path) -> None:
    path = data_copy / "statistics.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "gdp-changsha-2019,gdp,city,changsha,2019,2019年,2019,11574.22",
        "gdp-changsha-2019,gdp,city,changsha,2019,2019年,2019,4000"), encoding="utf-8")
    chart = make_chart(GdpByCityChart, "en", source=load_content(data_copy))
    assert chart.title() == "GDP by city in 2019"  # 4000 < 3003.13 + 2257.6


@pytest.mark.usefixtures("chinese")
def test_share_chart_shows_both_figures_and_the_note(make_chart: MakeChart,
                                                     content: Content) -> None:
    chart = make_chart(GdpShareChart, "zh")
    assert chart.title() == "三市占比相加为41.57%，比论文给出的城市群占比42.34%少0.77个百分点"
    texts = figure_texts(chart)
    for label in ("28.58%", "7.42%", "5.57%", "41.57%", "约42.34%"):
        assert label in texts
    note = content.notes_for("statistics", "gdp-share-cluster-2019")[0]
    body = next(m for m in chart._aside if m.raw == note.text.get("zh"))
    assert body.artist.get_visible()
    assert body.artist.get_text().replace("\n", "") == note.text.get("zh")


def test_scale_and_theme_change_in_place(make_chart: MakeChart) -> None:
    chart = make_chart(MilestonesPerStageChart, "en")
    assert isinstance(chart, MilestonesPerStageChart)
    figure = chart.figure
    size = chart.title_text.artist.get_fontsize()
    chart.set_scale(TypeScale().scaled(150))
    assert chart.title_text.artist.get_fontsize() == pytest.approx(size * 1.5, rel=0.05)
    chart.set_theme(HIGH_CONTRAST)
    chart.highlight_stage(2)
    chart.canvas.draw()
    from matplotlib.colors import to_hex

    assert to_hex(figure.get_facecolor()).upper() == HIGH_CONTRAST.paper
    quiet = chart.bars[0]
    # Grey tints vanish in high contrast: quiet bars are outlined instead.
    assert to_hex(quiet.get_facecolor()).upper() == HIGH_CONTRAST.paper
    assert to_hex(quiet.get_edgecolor()).upper() == HIGH_CONTRAST.ink
    assert chart.figure is figure


def test_quiet_bars_keep_3_to_1_contrast() -> None:
    assert chart_style.contrast(chart_style.quiet_color(LIGHT), LIGHT.paper) >= 3.0
    assert chart_style.contrast(LIGHT.accent, LIGHT.paper) >= 3.0


# -- helpers ------------------------------------------------------------------------------
def test_chinese_wraps_between_hanzi_but_not_before_punctuation() -> None:
    def width(text: str) -> float:
        return float(len(text))

    wrapped = wrap("三市占比相加为41.57%，比论文给出的城市群占比少", 8, width)
    assert all(len(line) <= 9 for line in wrapped.split("\n"))
    assert not any(line.startswith(("，", "%")) for line in wrapped.split("\n"))
    assert wrapped.replace("\n", "") == "三市占比相加为41.57%，比论文给出的城市群占比少"
    assert wrap("Three cities added up", 12, width) == "Three cities\nadded up"


def test_source_line_cites_the_paper_and_its_sections(content: Content) -> None:
    stats = content.statistics_for("gdp", year=2019)
    line = source_line(content, stats, "zh", "来源")
    assert line.startswith("来源：张坤. 浅析长株潭城市群一体化协同发展.")
    assert line.endswith("410128，§2 ¶2; §3.2 ¶1")
