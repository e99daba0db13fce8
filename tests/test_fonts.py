"""Chinese renders on a machine with no CJK font: the bundled font covers every character.

English renders with Latin punctuation: the bundled Latin font comes first for English
text and covers every non-CJK character of the English content.
"""

from __future__ import annotations

import csv
import importlib.util
import string
import sys
import unicodedata
import warnings
from pathlib import Path

import matplotlib
import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QRawFont
from PySide6.QtWidgets import QApplication

from czt_desktop.fonts import (
    CJK_FAMILY,
    LATIN_FAMILY,
    bundled_font_files,
    font_families,
    register_matplotlib_fonts,
    register_qt_fonts,
)

ROOT = Path(__file__).resolve().parent.parent
PRINTABLE_ASCII = {chr(cp) for cp in range(0x20, 0x7F)}


def _project_characters() -> set[str]:
    spec = importlib.util.spec_from_file_location(
        "build_font_subset", ROOT / "tools" / "build_font_subset.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    chars: set[str] = module.required_characters(ROOT)
    return chars | set(string.printable.strip())


def _english_characters() -> set[str]:
    """Every character of the English columns (*_en) of data/*.csv, except CJK ones.

    CJK means East Asian Width W or F (hanzi, 《》, full-width （）): English notes
    quote Chinese titles, and those characters fall back to the CJK font by design.
    """
    chars: set[str] = set()
    for path in sorted((ROOT / "data").glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                for column, cell in row.items():
                    if column and column.endswith("_en") and cell:
                        chars.update(cell)
    return {
        c for c in chars if c.isprintable() and unicodedata.east_asian_width(c) not in {"W", "F"}
    }


def _family(font_file: Path) -> str:
    raw = QRawFont(str(font_file), 16)
    assert raw.isValid(), font_file
    return raw.familyName()


def _latin_files() -> list[Path]:
    return [p for p in bundled_font_files() if _family(p) == LATIN_FAMILY]


def test_fonts_and_licence_are_bundled(qapp: QApplication) -> None:
    files = bundled_font_files()
    assert len(files) == 4  # regular and bold of each family
    families = sorted(_family(p) for p in files)
    assert families == sorted([CJK_FAMILY, CJK_FAMILY, LATIN_FAMILY, LATIN_FAMILY])
    licence = (ROOT / "resources" / "fonts" / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence.upper()
    # One licence text, a copyright notice per family.
    assert f"{CJK_FAMILY} (" in licence
    assert f"{LATIN_FAMILY} (" in licence
    assert "Adobe" in licence
    assert "Google LLC" in licence


def test_project_text_really_contains_chinese() -> None:
    chars = _project_characters()
    assert {"长", "株", "潭", "麓", "钛"} <= chars


def test_english_text_really_contains_latin_punctuation() -> None:
    chars = _english_characters()
    assert {"“", "”", "‘", "’", "–"} <= chars
    assert not {"长", "《", "（"} & chars  # CJK is left to the CJK font


@pytest.mark.parametrize("font_file", bundled_font_files(), ids=lambda p: p.name)
def test_every_character_of_content_and_ui_is_in_the_font(qapp: QApplication,
                                                          font_file: Path) -> None:
    """The CJK font must draw everything; the Latin one comes first only for English
    and falls back to the CJK font, so it must have printable ASCII (and see below)."""
    raw = QRawFont(str(font_file), 16)
    assert raw.isValid()
    required = _project_characters() if raw.familyName() == CJK_FAMILY else PRINTABLE_ASCII
    missing = sorted(c for c in required if not raw.supportsCharacter(ord(c)))
    assert missing == [], f"{font_file.name} lacks: {''.join(missing)}"


def test_latin_font_covers_the_english_content(qapp: QApplication) -> None:
    files = _latin_files()
    assert len(files) == 2
    for font_file in files:
        raw = QRawFont(str(font_file), 16)
        missing = sorted(c for c in _english_characters() if not raw.supportsCharacter(ord(c)))
        assert missing == [], f"{font_file.name} lacks: {''.join(missing)}"


def test_font_families_put_the_language_s_own_font_first() -> None:
    assert font_families("en") == [LATIN_FAMILY, CJK_FAMILY]
    assert font_families("zh") == [CJK_FAMILY, LATIN_FAMILY]


def test_english_quotes_hug_the_words_and_chinese_still_renders(qapp: QApplication) -> None:
    """The reported bug: “ ” came from the CJK font, one em wide, in English text."""
    register_qt_fonts()
    font = QFont()
    font.setFamilies(font_families("en"))
    font.setPixelSize(40)
    metrics = QFontMetricsF(font)
    assert metrics.horizontalAdvance("“") < 0.5 * 40
    assert metrics.horizontalAdvance("”") < 0.5 * 40
    # Hanzi fall back to the CJK font: one em wide, not a box from the Latin font.
    assert metrics.horizontalAdvance("长") == pytest.approx(40, abs=1)


def test_qt_uses_the_bundled_family(qapp: QApplication) -> None:
    family = register_qt_fonts()
    assert family in QFontDatabase.families()
    assert QFont(family).exactMatch()


def test_matplotlib_draws_chinese_without_missing_glyphs() -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    family = register_matplotlib_fonts()
    figure = Figure(figsize=(4, 2))
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.bar(["长沙", "株洲", "湘潭"], [11574.22, 3003.13, 2257.6])
    axes.set_title("2019年地区生产总值（亿元）")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" would raise
        canvas.draw()
    assert family.startswith("Noto Sans CJK")


def test_matplotlib_puts_the_latin_font_first_for_english() -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with matplotlib.rc_context():  # leave the global rcParams as other tests expect them
        family = register_matplotlib_fonts("en")
        assert family == LATIN_FAMILY
        chain = [LATIN_FAMILY, CJK_FAMILY, "DejaVu Sans"]
        assert matplotlib.rcParams["font.sans-serif"] == chain
        assert matplotlib.rcParams["font.family"] == chain  # per-glyph fallback needs it
        figure = Figure(figsize=(4, 2))
        canvas = FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        axes.bar(["Changsha", "Zhuzhou", "Xiangtan"], [11574.22, 3003.13, 2257.6])
        axes.set_title("The “Five Sames Plan” – 长株潭 – Xiāngtán")
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a glyph missing from every family would raise
            canvas.draw()
