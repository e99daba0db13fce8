"""Colours, pens, fonts and sizes of the timeline, made once per theme/zoom/language.

Painting only reads from a :class:`TimelineLook`; nothing is allocated per paint, so a
repaint costs drawing calls and nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen

from czt_desktop.fonts import font_families
from czt_desktop.ui.theme import RING_CITY_COLOR, Theme, TypeScale

#: Rows of markers. Three fit the whole timeline into 1024 px at 100 % text zoom.
LANES = 3
#: Smallest touch target at 100 % text zoom (WCAG 2.2 / museum touch screens).
MIN_TARGET = 44


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved ``t`` (0–1) of the way towards ``b``."""
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * t,
                           a.greenF() + (b.greenF() - a.greenF()) * t,
                           a.blueF() + (b.blueF() - a.blueF()) * t)


def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_on(background: QColor, light: QColor, dark: QColor) -> QColor:
    """Whichever of ``light``/``dark`` reads better on ``background``."""
    return light if contrast(light, background) >= contrast(dark, background) else dark


def _font(lang: str, px: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(font_families(lang))
    font.setPixelSize(px)
    font.setBold(bold)
    return font


class TimelineLook:
    """Everything the timeline paints with, for one theme, text zoom and language."""

    def __init__(self, theme: Theme, scale: TypeScale, lang: str,
                 city_colors: Mapping[str, str]) -> None:
        self.theme = theme
        self.scale = scale
        self.lang = lang
        # Sizes grow with the app's text zoom (TypeScale.body is 16 px at 100 %).
        grow = scale.body / 16
        self.target = max(MIN_TARGET, round(MIN_TARGET * grow))
        self.gap = max(2, round(2 * grow))
        self.pad = round(8 * grow)  # canvas margin left and right
        self.pad_top = round(4 * grow)
        self.header_gap = round(4 * grow)
        self.axis_gap = round(2 * grow)
        self.dot = round(18 * grow)  # event glyph diameter
        self.square = round(22 * grow)  # enterprise glyph side
        self.min_year = 2.0 * grow

        self.paper = QColor(theme.paper)
        self.surface = QColor(theme.surface)
        self.ink = QColor(theme.ink)
        self.muted = QColor(theme.muted)
        self.accent = QColor(theme.accent)
        self.rule = QColor(theme.rule)
        self.selection = QColor(theme.selection)
        self.white = QColor("#FFFFFF")
        n = len(theme.stage_tints)
        self.tints = [QColor(theme.stage_tint(i)) for i in range(n)]
        self.edges = [QColor(theme.stage_edge(i)) for i in range(n)]
        # Unselected stage columns are quieter than the selected one.
        self.tints_quiet = [mix(t, self.paper, 0.5) for t in self.tints]
        self.band_selected = [mix(t, e, 0.18) for t, e in zip(self.tints, self.edges, strict=True)]
        self.hover = mix(self.selection, self.paper, 0.35)
        self.city = {cid: QColor(c) for cid, c in city_colors.items()}
        self.city_other = QColor(RING_CITY_COLOR)
        self.city_text = {cid: readable_on(c, self.white, self.ink) for cid, c in self.city.items()}
        self.city_other_text = readable_on(self.city_other, self.white, self.ink)

        self.focus_pen = QPen(self.ink, 2, Qt.PenStyle.DashLine)
        self.ring_pen = QPen(self.ink, max(3, round(3 * grow)))
        self.outline_pen = QPen(self.accent, max(3, round(3 * grow)))
        self.glyph_edge_pen = QPen(self.surface, max(2, round(2 * grow)))
        self.divider_pen = QPen(self.rule, 1)
        self.badge_pen = QPen(self.ink, max(1.5, 1.5 * grow))
        self.axis_pen = QPen(self.ink, max(1.5, 1.5 * grow))
        self.tick_pen = QPen(self.muted, 1)
        self.stem_pen = QPen(self.accent, max(2, round(2 * grow)))
        self.span_pens = [QPen(e, max(4, round(4 * grow)), Qt.PenStyle.SolidLine,
                               Qt.PenCapStyle.FlatCap) for e in self.edges]
        self.no_pen = QPen(Qt.PenStyle.NoPen)
        self.no_brush = QBrush(Qt.BrushStyle.NoBrush)

        # Stage names and marker labels follow the UI language; years are digits, so
        # they always use the Latin face (the CJK face's digits sit on a taller line).
        self.band_font = _font(lang, scale.body, bold=True)
        self.years_font = _font("en", scale.small)
        self.badge_font = _font("en", max(10, round(scale.small * 0.86)), bold=True)
        self.label_font = _font(lang, scale.small)
        self.letter_font = _font(lang, max(11, round(scale.small * 0.93)), bold=True)
        self.axis_font = _font("en", scale.small)
        self.band_metrics = QFontMetricsF(self.band_font)
        self.years_metrics = QFontMetricsF(self.years_font)
        self.label_metrics = QFontMetricsF(self.label_font)
        self.axis_metrics = QFontMetricsF(self.axis_font)
        self.axis_height = round(6 * grow + self.axis_metrics.ascent()
                                 + self.axis_metrics.descent())

    @property
    def lanes_height(self) -> int:
        return LANES * self.target + (LANES - 1) * self.gap

    @property
    def content_height(self) -> int:
        """Height the timeline needs; it is centred in anything taller."""
        return (self.pad_top + self.target + self.header_gap + self.lanes_height
                + self.axis_gap + self.axis_height + self.pad_top)

    def tint(self, index: int, selected: bool) -> QColor:
        return (self.tints if selected else self.tints_quiet)[index % len(self.tints)]

    def edge(self, index: int) -> QColor:
        return self.edges[index % len(self.edges)]

    def city_colour(self, city_id: str) -> tuple[QColor, QColor]:
        """Fill and letter colour of an enterprise of ``city_id``."""
        if city_id in self.city:
            return self.city[city_id], self.city_text[city_id]
        return self.city_other, self.city_other_text
