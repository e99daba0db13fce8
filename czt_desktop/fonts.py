"""The bundled fonts: where they are, and registering them for Qt and for matplotlib.

Kiosks and school PCs often have no Chinese font at all; without this Qt draws boxes
and matplotlib warns about missing glyphs.

Two families are bundled (see resources/fonts/README.md): Noto Sans CJK SC for Chinese
and Noto Sans for Latin text.  Both have quotes, dashes and ellipses, but the CJK font
draws “ ” ‘ ’ … one em wide, as Chinese typography wants, which in English reads
“ Five Sames Plan ”.  So the family order depends on the language (``font_families``),
and Qt and matplotlib fall back per character to the second family.
"""

from __future__ import annotations

import logging
from pathlib import Path

from czt_desktop.languages import language
from czt_desktop.paths import resource_path

log = logging.getLogger("czt.ui")

#: Family name of the bundled Chinese font as Qt and matplotlib report it.
CJK_FAMILY = "Noto Sans CJK SC"
#: Family name of the bundled Latin font as Qt and matplotlib report it.
LATIN_FAMILY = "Noto Sans"
#: Kept for callers that predate the Latin font: the family used when none registers.
FALLBACK_FAMILY = CJK_FAMILY


def bundled_font_files() -> list[Path]:
    """Every bundled font file (both families, all weights), sorted by name."""
    folder = resource_path("fonts")
    return sorted(p for p in folder.glob("*") if p.suffix.lower() in {".otf", ".ttf"})


def font_families(lang: str) -> list[str]:
    """The bundled families in the order text in ``lang`` ("zh" or "en") should use them.

    English wants Latin punctuation first; Chinese wants the CJK font's full-width
    punctuation first.  Characters the first family lacks (hanzi in an English
    sentence, Latin Extended letters in a Chinese one) come from the second.
    """
    if language(lang).cjk:
        return [CJK_FAMILY, LATIN_FAMILY]
    return [LATIN_FAMILY, CJK_FAMILY]


def register_qt_fonts() -> str:
    """Register every bundled font with Qt; returns the CJK family as Qt names it.

    For language-dependent order, give widgets ``QFont.setFamilies(font_families(lang))``.
    """
    from PySide6.QtGui import QFontDatabase

    cjk_family = ""
    registered = 0
    for path in bundled_font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.error("Qt could not load the bundled font %s", path)
            continue
        registered += 1
        for family in QFontDatabase.applicationFontFamilies(font_id):
            # Return the name exactly as Qt spells it, which is what QFont() matches.
            if not cjk_family and family.startswith(CJK_FAMILY):
                cjk_family = family
    if not registered:
        log.error("no bundled font could be registered; Chinese may show as boxes")
    elif not cjk_family:
        log.error("the bundled CJK font is missing; Chinese may show as boxes")
    return cjk_family or CJK_FAMILY


def register_matplotlib_fonts(lang: str = "zh") -> str:
    """Add the bundled fonts to matplotlib and make them the default sans-serif.

    ``lang`` orders the families as :func:`font_families` does; returns the first one.
    """
    import matplotlib
    from matplotlib import font_manager

    for path in bundled_font_files():
        font_manager.fontManager.addfont(str(path))
    families = font_families(lang)
    # DejaVu Sans (shipped with matplotlib) last: it has the symbols that neither
    # bundled font has (check marks, play triangles).
    fallback_chain = [*families, "DejaVu Sans"]
    matplotlib.rcParams["font.sans-serif"] = fallback_chain
    # matplotlib falls back per glyph only along the entries of font.family; the
    # generic "sans-serif" resolves to one font, so hanzi in an English title would
    # be missing.  Hence the chain itself, not "sans-serif", is the default family.
    matplotlib.rcParams["font.family"] = fallback_chain
    # The Latin font has no U+2212 minus; plain hyphen-minus works in both fonts.
    matplotlib.rcParams["axes.unicode_minus"] = False
    return families[0]
