"""The charts' look: the matplotlib style file, the bundled fonts, sizes and colours.

Imports matplotlib only inside functions: the app's first paint must not wait for it.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from functools import cache
from typing import TYPE_CHECKING, Any

from czt_desktop.paths import resource_path
from czt_desktop.ui import theme
from czt_desktop.ui.theme import Theme, TypeScale

if TYPE_CHECKING:
    from czt_desktop.content import Content

#: Figure dots per inch at a device pixel ratio of 1: one figure "pixel" is 1/100 inch,
#: so the layout and font sizes below are in the same pixels as the Qt widgets.
BASE_DPI = 100
#: The last resort after the bundled families: matplotlib's own font has the symbols.
SYMBOL_FALLBACK = "DejaVu Sans"


def style_file() -> str:
    return str(resource_path("styles", "czt.mplstyle"))


@cache
def style_params() -> dict[str, Any]:
    """The style file's settings, read once."""
    import matplotlib

    params = matplotlib.rc_params_from_file(style_file(), use_default_template=False)
    return {str(key): value for key, value in params.items()}


def style_context() -> AbstractContextManager[None]:
    """Use while building artists and while saving a file (fonttypes are read then)."""
    import matplotlib

    params: Any = style_params()
    return matplotlib.rc_context(params)


@cache
def register_fonts() -> None:
    """Add the bundled fonts to matplotlib, once per process (it parses the files), and
    to Qt if the app has not (the charts measure text with Qt to wrap it)."""
    from PySide6.QtGui import QFontDatabase

    from czt_desktop.fonts import CJK_FAMILY, register_matplotlib_fonts, register_qt_fonts

    register_matplotlib_fonts("zh")
    if CJK_FAMILY not in QFontDatabase.families():
        register_qt_fonts()


def families(lang: str) -> list[str]:
    """Font families for text in ``lang``: its own bundled family first, then fallbacks.

    Set on every artist, not through the global rcParams: each chart keeps its own
    language whatever another chart or the last call to ``register_matplotlib_fonts``
    left behind.
    """
    from czt_desktop.fonts import font_families

    return [*font_families(lang), SYMBOL_FALLBACK]


def points(px: float) -> float:
    """A Qt pixel size as a matplotlib font size (points) at :data:`BASE_DPI`."""
    return px * 72 / BASE_DPI


def zoom(scale: TypeScale) -> float:
    """Zoom factor of a type scale relative to 100 % (body text is 16 px there)."""
    return scale.body / 16


def city_color(content: Content, city_id: str | None) -> str:
    return theme.city_color(content, city_id)


# -- colour arithmetic (WCAG 2.2) ---------------------------------------------------------
def _rgb(color: str) -> tuple[float, float, float]:
    value = color.lstrip("#")
    r, g, b = (int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(c * 255):02X}" for c in rgb)


def luminance(color: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(color: str, other: str, amount: float) -> str:
    """``color`` moved ``amount`` (0–1) of the way towards ``other``."""
    ca, cb = _rgb(color), _rgb(other)
    r, g, b = (x + (y - x) * amount for x, y in zip(ca, cb, strict=True))
    return _hex((r, g, b))


@cache
def quiet_color(theme: Theme) -> str:
    """Bars that are not selected: the lightest tint of ``muted`` that still has 3:1
    against the paper (WCAG's minimum for chart marks). High contrast keeps the paper
    colour and draws an ink outline instead (see :func:`outline_quiet_bars`)."""
    if outline_quiet_bars(theme):
        return theme.paper
    best = theme.muted
    for step in range(1, 20):
        candidate = mix(theme.muted, theme.paper, step / 20)
        if contrast(candidate, theme.paper) < 3.0:
            break
        best = candidate
    return best


def outline_quiet_bars(theme: Theme) -> bool:
    """In a theme whose muted colour is its ink, grey tints are not available."""
    return theme.muted.upper() == theme.ink.upper()
