"""The classroom handout: a real A4 PDF with the bundled fonts embedded, the stages asked
for, the Chinese extractable, nothing written where it cannot be; and the dialog."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from czt_desktop.content import Content
from czt_desktop.content.citing import places
from czt_desktop.settings import Preferences, SettingsStore
from czt_desktop.ui.application import configure_application
from czt_desktop.ui.handout import text_map, write_handout
from czt_desktop.ui.handout.dialog import HandoutDialog, export_handout
from czt_desktop.ui.handout.words import HandoutWords
from czt_desktop.ui.i18n import language_switcher
from czt_desktop.ui.main_window import MainWindow

PDFTOTEXT = shutil.which("pdftotext")
A4_POINTS = (595.28, 841.89)


@pytest.fixture(scope="module")
def one_stage_en(qapp: QApplication, content: Content,
                 tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_handout(content, "en", [2], tmp_path_factory.mktemp("h") / "stage-2.pdf")


@pytest.fixture(scope="module")
def all_stages_zh(qapp: QApplication, content: Content,
                  tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_handout(content, "zh", None, tmp_path_factory.mktemp("h") / "all.pdf")


def page_count(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", data))


def media_boxes(data: bytes) -> list[tuple[float, float]]:
    boxes = re.findall(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    return [(float(x1) - float(x0), float(y1) - float(y0)) for x0, y0, x1, y1 in boxes]


def text_of(path: Path) -> str:
    assert PDFTOTEXT is not None
    done = subprocess.run([PDFTOTEXT, "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True)
    return done.stdout.decode("utf-8")


def squeeze(text: str) -> str:
    """Without whitespace: pdftotext breaks lines where the page did."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("which", ["one_stage_en", "all_stages_zh"])
def test_a_valid_a4_pdf(which: str, request: pytest.FixtureRequest) -> None:
    path: Path = request.getfixturevalue(which)
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    boxes = media_boxes(data)
    assert boxes
    for width, height in boxes:
        assert abs(width - A4_POINTS[0]) < 1.5 and abs(height - A4_POINTS[1]) < 1.5
    pages = page_count(data)
    if which == "one_stage_en":
        assert 1 <= pages <= 4
    else:
        assert 5 <= pages <= 16  # every stage starts a page


def test_more_stages_more_pages(one_stage_en: Path, all_stages_zh: Path) -> None:
    assert page_count(all_stages_zh.read_bytes()) > page_count(one_stage_en.read_bytes())


def test_the_bundled_fonts_are_embedded(one_stage_en: Path, all_stages_zh: Path) -> None:
    for path in (one_stage_en, all_stages_zh):
        data = path.read_bytes()
        assert re.search(rb"/FontFile[23]?\s", data), "no embedded font program"
        assert b"NotoSansCJKsc" in data
        assert b"/ToUnicode" in data  # text can be searched and copied
    assert b"NotoSans-Regular" in one_stage_en.read_bytes()  # Latin text in Noto Sans


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed")
def test_chinese_text_can_be_extracted(all_stages_zh: Path, content: Content) -> None:
    text = squeeze(text_of(all_stages_zh))
    for stage in content.stages:
        assert squeeze(stage.narrative.get("zh"))[:30] in text
        assert squeeze(stage.title.get("zh")) in text
    assert squeeze(content.manifest.title.get("zh")) in text
    assert squeeze(content.enterprises[0].name.get("zh")) in text
    assert squeeze(content.source("zhang-paper").citation.get("zh"))[:20] in text
    # Copying gives the characters written, not look-alikes that share their glyph:
    # radicals for 长/文/工, the figure dash for the en dash, ligatures for "ffi".
    lookalikes = [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF or c == "\u2012"
                  or 0xFB00 <= ord(c) <= 0xFB06]
    assert lookalikes == []
    assert "1949–1979" in text


def test_look_alike_characters_are_mapped_back(qapp: QApplication) -> None:
    pdf = (b"%PDF-1.4\n5 0 obj\n<< /Type /Font /ToUnicode 7 0 R >>\nendobj\n"
           b"7 0 obj\n<< /Length 80 >>\nstream\n2 beginbfrange\n<0001> <0003> [<2ED3> <682A> "
           b"<2012>]\nendbfrange\n1 beginbfchar\n<0004> <2F42>\nendbfchar\nendstream\nendobj\n")
    mapping = {0x2ED3: 0x957F, 0x2012: 0x2013, 0x2F42: 0x6587}
    assert text_map.cmap_codes(pdf) == {0x2ED3, 0x682A, 0x2012, 0x2F42}
    fixed = text_map.remap(pdf, mapping)
    assert len(fixed) == len(pdf)
    assert b"[<957F> <682A> <2013>]" in fixed and b"<0004> <6587>" in fixed


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed")
def test_one_stage_holds_that_stage_only(one_stage_en: Path, content: Content) -> None:
    text = squeeze(text_of(one_stage_en))
    stage = content.stage(2)
    assert squeeze(stage.title.get("en")) in text
    for event in content.events_in_stage(2):
        assert squeeze(event.title.get("en")) in text
    for other in content.stages:
        if other.id != 2:
            assert squeeze(other.title.get("en")) not in text
    assert squeeze(content.manifest.translation_note.get("en")) in text
    assert "Sources" in text and "Page1of" in text
    assert squeeze(content.source("czt-translation").citation.get("en")) in text


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed")
def test_handout_language_does_not_follow_the_ui(qapp: QApplication, content: Content,
                                                 tmp_path: Path) -> None:
    switcher = language_switcher()
    switcher.apply("zh")
    try:
        path = write_handout(content, "en", [1], tmp_path / "en.pdf")
    finally:
        switcher.apply("en")
    text = text_of(path)
    assert "Milestones" in text and "Page 1 of" in text
    assert "Large enterprises built 1951–1959" in text


@pytest.mark.parametrize("where", ["missing-folder", "file-as-folder", "folder"])
def test_nothing_is_written_where_it_cannot_be(qapp: QApplication, content: Content,
                                               tmp_path: Path, where: str) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    target = {"missing-folder": tmp_path / "no" / "such" / "handout.pdf",
              "file-as-folder": blocker / "handout.pdf",
              "folder": tmp_path}[where]
    before = sorted(tmp_path.rglob("*"))
    with pytest.raises(OSError, match="cannot write the handout"):
        write_handout(content, "zh", [1], target)
    assert sorted(tmp_path.rglob("*")) == before


def test_an_existing_file_is_replaced_whole(qapp: QApplication, content: Content,
                                            tmp_path: Path) -> None:
    target = tmp_path / "handout.pdf"
    target.write_bytes(b"old")
    write_handout(content, "en", [3], target)
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["handout.pdf"]  # no temp file left


def test_bad_arguments_are_refused(qapp: QApplication, content: Content,
                                   tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no such stage"):
        write_handout(content, "en", [9], tmp_path / "x.pdf")
    with pytest.raises(ValueError, match="language"):
        write_handout(content, "fr", None, tmp_path / "x.pdf")
    with pytest.raises(ValueError, match="no stage"):
        write_handout(content, "en", [], tmp_path / "x.pdf")
    assert not list(tmp_path.iterdir())


def test_locators_in_the_papers_order() -> None:
    class Record:
        source_id = "zhang-paper"

        def __init__(self, locator: str) -> None:
            self.locator = locator

    records = [Record(x) for x in ("§3.2 ¶1", "§1.2 ¶1", "引言 ¶1", "§1.2", "§2 ¶2",
                                   "§1.10", "§1.5 ¶2; §3.2 ¶1", "摘要")]
    assert places(records) == {"zhang-paper": ["摘要", "引言 ¶1", "§1.2", "§1.5 ¶2", "§1.10",
                                               "§2 ¶2", "§3.2 ¶1"]}


def test_words_fill_placeholders() -> None:
    assert HandoutWords("en")("Page %1 of %2", 3, 12) == "Page 3 of 12"
    assert HandoutWords("zh")("Page %1 of %2", 3, 12) in {"Page 3 of 12", "第3页，共12页"}


# -- the dialog ---------------------------------------------------------------------------------
def test_dialog_offers_this_stage_or_all_in_either_language(qtbot: QtBot,
                                                            content: Content) -> None:
    dialog = HandoutDialog(content, "en", 4, None)
    qtbot.addWidget(dialog)
    assert dialog.stage_ids() == [4]
    assert dialog.language() == "en"
    assert "2000–2006" in dialog.this_stage.text()
    assert dialog.suggested_file_name() == "czt-handout-stage-4-en.pdf"
    dialog.all_stages.click()
    dialog.language_buttons["zh"].click()
    assert dialog.stage_ids() is None and dialog.language() == "zh"
    assert dialog.suggested_file_name() == "czt-handout-all-zh.pdf"
    for button in dialog.findChildren(type(dialog.this_stage)):
        assert button.accessibleName() or button.text()


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication, content: Content, tmp_path: Path) -> MainWindow:
    prefs = Preferences(language="en", stage=3)
    made = MainWindow(content, SettingsStore(tmp_path / "config"), prefs,
                      configure_application(qapp, prefs))
    qtbot.addWidget(made)
    return made


def test_export_from_the_window(window: MainWindow, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(HandoutDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    target = tmp_path / "out" / "my-handout"
    target.parent.mkdir()
    asked: list[str] = []

    def save_name(_parent: object, _title: str, suggested: str, _filter: str
                  ) -> tuple[str, str]:
        asked.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    written = export_handout(window)
    assert asked == ["czt-handout-stage-3-en.pdf"]
    assert written == target.with_name("my-handout.pdf")
    assert written.read_bytes().startswith(b"%PDF")
    assert "Handout saved" in window.statusBar().currentMessage()


def test_export_failure_is_reported_in_the_status_bar(window: MainWindow, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(HandoutDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_args: (str(tmp_path / "gone" / "h.pdf"), ""))
    assert export_handout(window) is None
    assert "Could not save the handout" in window.statusBar().currentMessage()


def test_no_dialog_where_exports_are_not_offered(window: MainWindow,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_self: HandoutDialog) -> int:
        raise AssertionError("a dialog was opened")

    monkeypatch.setattr(HandoutDialog, "exec", refuse)
    window.export_allowed = False
    assert export_handout(window) is None
