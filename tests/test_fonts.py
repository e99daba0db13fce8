"""Chinese renders on a machine with no CJK font: the bundled font covers every character."""

from __future__ import annotations

import importlib.util
import string
import sys
import warnings
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from PySide6.QtWidgets import QApplication

from czt_desktop.fonts import bundled_font_files, register_matplotlib_fonts, register_qt_fonts

ROOT = Path(__file__).resolve().parent.parent


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


def test_fonts_and_licence_are_bundled() -> None:
    names = [p.name for p in bundled_font_files()]
    assert len(names) == 2  # regular and bold
    licence = (ROOT / "resources" / "fonts" / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence.upper()


def test_project_text_really_contains_chinese() -> None:
    chars = _project_characters()
    assert {"长", "株", "潭", "麓", "钛"} <= chars


@pytest.mark.parametrize("font_file", bundled_font_files(), ids=lambda p: p.name)
def test_every_character_of_content_and_ui_is_in_the_font(qapp: QApplication,
                                                          font_file: Path) -> None:
    raw = QRawFont(str(font_file), 16)
    assert raw.isValid()
    missing = sorted(c for c in _project_characters() if not raw.supportsCharacter(ord(c)))
    assert missing == [], f"{font_file.name} lacks: {''.join(missing)}"


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
