"""The seams hold: a new language is a table row, data columns and a catalogue; a new
stage is a row of data; a language switch re-translates every view once.

The pseudo-language works like Qt's pseudo-localisation: every UI string and every
content text comes out longer, with accented letters, in brackets, so a string that did
not go through the language table or the catalogue stands out in plain English.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from czt_desktop import catalogue, languages
from czt_desktop.content import Content, load_content
from czt_desktop.content.summary import summary_of
from czt_desktop.settings import Preferences, SettingsStore
from czt_desktop.ui import appearance as appearance_module
from czt_desktop.ui.appearance import LANGUAGE, appearance
from czt_desktop.ui.assemble import MainWindow, open_window
from czt_desktop.ui.kiosk.attract import tour
from czt_desktop.ui.panes.disclosure import Disclosure
from czt_desktop.ui.presentation.slides import build_deck
from tests.conftest import ROOT

PSEUDO = "xx"
TS = ROOT / "resources" / "translations" / "czt_desktop_zh_CN.ts"
#: What Qt's pseudo-localisation does to letters, more or less.
_ACCENTS = str.maketrans("aceinorsuyAEINOU", "àçéîñöŕšüýÀÉÎÑÖÜ")
#: Never changed: Qt placeholders, mnemonic ampersands, line breaks.
_KEEP = re.compile(r"(%\d|%n|&&|&(?=\w)|\n)")


def pseudo(text: str) -> str:
    """``Stage`` → ``[Šţàğé ~~]``: 40 % longer, accented, bracketed."""
    if not text:
        return text
    parts = _KEEP.split(text)
    changed = "".join(p if _KEEP.fullmatch(p) else p.translate(_ACCENTS) for p in parts)
    return f"[{changed} {'~' * max(1, len(text) * 2 // 5)}]"


def is_pseudo(text: str) -> bool:
    return "[" in text and "~" in text


def _pseudo_catalogue(folder: Path) -> Path:
    """A catalogue with every string of the code pseudo-translated, compiled by Qt's
    lrelease, as `make translations` makes a real one."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed next to this Python")
    tree = ET.parse(TS)
    root = tree.getroot()
    root.set("language", "en")  # two plural forms
    for message in root.iter("message"):
        translation = message.find("translation")
        assert translation is not None
        source = message.findtext("source") or ""
        for child in list(translation):
            translation.remove(child)
        translation.attrib.clear()
        if message.get("numerus") == "yes":
            translation.text = None
            for _ in range(2):
                ET.SubElement(translation, "numerusform").text = pseudo(source)
        else:
            translation.text = pseudo(source)
    ts = folder / "pseudo.ts"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = folder / "pseudo.qm"
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm


def _pseudo_pack(source: Path, target: Path) -> Path:
    """The bundled content with a ``<field>_xx`` column beside every English one."""
    shutil.copytree(source, target)
    for path in target.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
            header = list(rows[0].keys()) if rows else []
        if not rows:
            continue
        extra = [name[:-3] + f"_{PSEUDO}" for name in header if name.endswith("_en")]
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, [*header, *extra], lineterminator="\n")
            writer.writeheader()
            for row in rows:
                row.update({f"{n[:-3]}_{PSEUDO}": pseudo(row[n]) for n in header
                            if n.endswith("_en")})
                writer.writerow(row)
    manifest = target / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    for base in ("title", "translation_note"):
        data[f"{base}_{PSEUDO}"] = pseudo(data[f"{base}_en"])
    manifest.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return target


@pytest.fixture
def pseudo_language(tmp_path: Path) -> Iterator[languages.Language]:
    """One more row in the language table, as a new language would be added."""
    english = languages.language("en")
    row = english._replace(
        code=PSEUDO, native_name="Ẋẋ", english_name="Pseudo",
        catalogue=str(_pseudo_catalogue(tmp_path)), fallbacks=("en",),
        content_required=False, colon=" ¦ ", list_separator=" + ", open_quote="«",
        close_quote="»", app_title=pseudo(english.app_title))
    languages.register(row)
    appearance_module.catalogue.cache_clear()
    yield row
    languages.unregister(PSEUDO)
    appearance_module.catalogue.cache_clear()
    appearance().configure("en", 100, False)


def _ui_sources() -> set[str]:
    """Every UI string of the code, in English (from the catalogue's sources)."""
    return {m.findtext("source") or "" for m in ET.parse(TS).iter("message")}


def _shown_texts(widget: QWidget) -> list[str]:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    texts = [label.text() for label in widget.findChildren(QLabel)
             if label.isVisibleTo(widget) and label.text().strip()]
    return texts + [box.toPlainText() for box in widget.findChildren(QTextEdit)
                    if box.isVisibleTo(widget)]


def _window(qtbot: QtBot, content: Content, tmp_path: Path, lang: str) -> MainWindow:
    store = SettingsStore(tmp_path / "config")
    window = open_window(content, store, Preferences(language=lang))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    with qtbot.waitActive(window):  # shortcuts only reach the active window
        window.show()
        window.activateWindow()
    window.finish_building()
    return window


# -- a new language --------------------------------------------------------------------------
def test_a_pseudo_language_switches_the_whole_ui(qtbot: QtBot, qapp: QApplication,
                                                 tmp_path: Path,
                                                 pseudo_language: languages.Language) -> None:
    content = load_content(_pseudo_pack(ROOT / "data", tmp_path / "pack"))
    assert content.stages[0].title.get(PSEUDO) == pseudo(content.stages[0].title.get("en"))
    window = _window(qtbot, content, tmp_path, "en")
    window.set_language(PSEUDO)
    assert window.lang == PSEUDO
    assert window.windowTitle() == pseudo_language.app_title
    # Menus and commands: the catalogue's words (the language menu names each language in
    # itself; the stage commands show the content's years and names).
    for key, menu in window.menus.items():
        assert is_pseudo(menu.title()), key
    assert all(is_pseudo(action.text()) for action in window.commands.values())
    assert all(is_pseudo(action.text()) for action in window.stage_actions)
    assert window.language_button.text() == languages.following(PSEUDO).native_name
    # The timeline's stages and markers, from the content's new columns.
    assert all(is_pseudo(band.accessibleName()) for band in window.timeline.bands())
    assert all(is_pseudo(marker.toolTip()) for marker in window.timeline.markers())
    ui_words = {s for s in _ui_sources() if len(s) > 3 and "%" not in s}
    for index, pane in enumerate(window.panes):
        window.show_pane(pane.pane_id)
        assert is_pseudo(window.tabs.tabText(index)), pane.pane_id
        texts = _shown_texts(pane)
        assert any(is_pseudo(t) for t in texts), pane.pane_id
        # No UI word got past the catalogue in plain English.
        assert not ui_words.intersection(texts), (pane.pane_id, ui_words.intersection(texts))
    # Punctuation comes from the row: the source line's colon is the pseudo-language's
    # (the line waits under "Sources and notes").
    window.show_pane("overview")
    for layer in window.pane("overview").findChildren(Disclosure):
        layer.set_expanded(True)
    assert any(" ¦ " in t for t in _shown_texts(window.pane("overview")))
    # Back to a real language: nothing of the pseudo-language stays on screen.
    window.set_language("en")
    window.show_pane("overview")
    assert not any(is_pseudo(t) for t in _shown_texts(window.pane("overview")))


# -- a sixth stage -------------------------------------------------------------------------
def _six_stage_pack(source: Path, target: Path) -> Path:
    """The bundled content with its last stage split in two (2007–2012, 2013–2019): a
    test pack, not a reading of the paper."""
    shutil.copytree(source, target)
    stages = target / "stages.csv"
    with stages.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    header = list(rows[0])
    last = rows[-1]
    sixth = dict(last)
    last["end_year"] = "2012"
    sixth.update(id="6", start_year="2013", title_zh="测试用的第六阶段", title_en="A sixth stage",
                 short_zh="第六阶段", short_en="Sixth stage")
    rows.append(sixth)
    with stages.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    events = target / "events.csv"
    with events.open(encoding="utf-8", newline="") as handle:
        event_rows = list(csv.DictReader(handle))
    for row in event_rows:
        if row["stage_id"] == last["id"] and int(row["year"]) >= 2013:
            row["stage_id"] = "6"
    with events.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(event_rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(event_rows)
    return target


def test_a_sixth_stage_appears_everywhere(qtbot: QtBot, qapp: QApplication,
                                          tmp_path: Path) -> None:
    content = load_content(_six_stage_pack(ROOT / "data", tmp_path / "pack"))
    assert [s.id for s in content.stages] == [1, 2, 3, 4, 5, 6]
    sixth = content.stage(6)
    assert content.events_in_stage(6)
    # Before the window: the first frame's summary and the deck and the kiosk's tour.
    assert len(summary_of(content).stages) == 6
    assert {slide.stage.id for slide in build_deck(content, "en").slides} >= {6}
    assert 6 in {slide.stage_id for slide in tour(content)}
    window = _window(qtbot, content, tmp_path, "en")
    assert len(window.timeline.bands()) == 6
    assert len(window.stage_actions) == 6
    qtbot.keyClick(window, Qt.Key.Key_6)
    assert window.selection.stage == 6
    window.show_pane("overview")
    assert sixth.title.get("en") in _shown_texts(window.pane("overview"))
    milestones = window.charts["milestones"]
    assert len(milestones.bars) == 6  # type: ignore[attr-defined]
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert window.selection.stage == 5


# -- one re-translation per view ---------------------------------------------------------------
def test_a_language_switch_retranslates_each_view_once(qtbot: QtBot, qapp: QApplication,
                                                       content: Content,
                                                       tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot, content, tmp_path, "zh")
    for pane_id in window.pane_ids():  # every pane built, shown once
        window.show_pane(pane_id)
    window.show_pane("overview")
    calls: Counter[int] = Counter()

    def counting(method: Callable[..., object]) -> Callable[..., object]:
        def run(self: object, *args: object) -> object:
            calls[id(self)] += 1
            return method(self, *args)
        return run

    views: list[QWidget] = [window, window.timeline, window.search, *window.panes,
                            *window.charts.values()]
    for cls in {type(v) for v in views}:
        name = "_refresh" if cls in {type(c) for c in window.charts.values()} else \
            "retranslate_ui"
        monkeypatch.setattr(cls, name, counting(getattr(cls, name)))
    subscriptions = appearance().subscriptions()
    before = {id(s): s.deliveries[LANGUAGE] for s in subscriptions}

    window.set_language("en")
    # Qt's own LanguageChange events (the translators changed) have all been delivered.
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()
    on_screen = [window, window.timeline, window.search, window.pane("overview"),
                 window.charts["milestones"]]
    assert all(calls[id(v)] == 1 for v in on_screen), [calls[id(v)] for v in on_screen]
    hidden = [p for p in window.panes if p.pane_id != "overview"]
    assert all(calls[id(p)] == 0 for p in hidden)  # not until they are shown
    for pane in hidden:
        window.show_pane(pane.pane_id)
    QCoreApplication.processEvents()
    assert all(calls[id(v)] == 1 for v in views), {type(v).__name__: calls[id(v)]
                                                   for v in views if calls[id(v)] != 1}
    delivered = [s.deliveries[LANGUAGE] - before.get(id(s), 0) for s in subscriptions
                 if s.view.isVisible()]
    assert delivered and set(delivered) == {1}
    assert tuple(window.pane_ids()) == catalogue.PANE_IDS
