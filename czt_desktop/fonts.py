"""The bundled CJK font: where it is, and registering it for Qt and for matplotlib.

Kiosks and school PCs often have no Chinese font at all; without this Qt draws boxes
and matplotlib warns about missing glyphs.
"""

from __future__ import annotations

import logging
from pathlib import Path

from czt_desktop.paths import resource_path

log = logging.getLogger("czt.ui")

#: Family name of the bundled font as Qt and matplotlib report it.
FALLBACK_FAMILY = "Noto Sans CJK SC"


def bundled_font_files() -> list[Path]:
    folder = resource_path("fonts")
    return sorted(p for p in folder.glob("*") if p.suffix.lower() in {".otf", ".ttf"})


def register_qt_fonts() -> str:
    """Register every bundled font with Qt; returns the family to use for all text."""
    from PySide6.QtGui import QFontDatabase

    family = ""
    for path in bundled_font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.error("Qt could not load the bundled font %s", path)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        family = family or (families[0] if families else "")
    if not family:
        log.error("no bundled font could be registered; Chinese may show as boxes")
        return FALLBACK_FAMILY
    return family


def register_matplotlib_fonts() -> str:
    """Add the bundled fonts to matplotlib and make them the default sans-serif."""
    import matplotlib
    from matplotlib import font_manager

    family = ""
    for path in bundled_font_files():
        font_manager.fontManager.addfont(str(path))
        family = family or font_manager.FontProperties(fname=str(path)).get_name()
    family = family or FALLBACK_FAMILY
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [family, "DejaVu Sans"]
    # The CJK font has no U+2212 minus in some subsets; plain hyphen-minus always works.
    matplotlib.rcParams["axes.unicode_minus"] = False
    return family
