"""The window's first frame: the title and the five stages, painted before the rest exists.

Building the interactive window (search, timeline with fifty markers, menus, panes) and
importing its modules takes longer than Python and Qt take to start. So the window
first shows this light picture of the same header and stage strip, painted from the
content alone, and replaces it with the real widgets right after it is on screen (a few
tenths of a second later). It imports nothing beyond Qt and the theme.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from czt_desktop.content.summary import FrameSummary
from czt_desktop.fonts import font_families
from czt_desktop.ui.theme import Theme, TypeScale

# Text flags as plain numbers (Qt::AlignLeft, AlignVCenter, TextWordWrap): reaching the
# ``Qt`` namespace makes PySide build all of its enums, which costs more than this frame.
ALIGN_LEFT = 0x0001
ALIGN_V_CENTER = 0x0080
WORD_WRAP = 0x1000

#: Roughly the heights of the real header and timeline at 100 % zoom, so that the swap
#: to the real widgets does not make the stages jump.
MENU_BAR_PX = 24
HEADER_PX = 72
STRIP_PX = 220
#: The real timeline gives each marker a 44 px target in one of three lanes.
MARKER_PX = 46
LANES = 3


class FirstFrame(QWidget):
    """A picture of the header and the stage strip (not interactive, nothing to focus)."""

    def __init__(self, summary: FrameSummary, lang: str, theme: Theme, scale: TypeScale,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstFrame")
        self.summary = summary
        self.lang = lang
        self.theme = theme
        self.scale = scale
        self.setAccessibleName(summary.title(lang))

    def _font(self, px: int, bold: bool = False, lang: str | None = None) -> QFont:
        font = QFont(self.font())
        font.setFamilies(font_families(lang or self.lang))
        font.setPixelSize(px)
        font.setBold(bold)
        return font

    def _band_widths(self, total: float, names: list[float]) -> list[float]:
        """Widths close to the real timeline's: room for the stage's markers in three
        lanes, never narrower than the stage's name and years."""
        wanted = [max(name, (-(-stage.markers // LANES) + 1) * MARKER_PX)
                  for stage, name in zip(self.summary.stages, names, strict=True)]
        widths = [total * w / sum(wanted) for w in wanted]
        for _ in range(len(widths)):  # give the narrow ones room, take it from the wide
            short = [i for i, w in enumerate(widths) if w < names[i]]
            if not short:
                break
            need = sum(names[i] - widths[i] for i in short)
            for i in short:
                widths[i] = names[i]
            wide = [i for i in range(len(widths)) if i not in short]
            room = sum(widths[i] for i in wide)
            if room <= need:
                break
            for i in wide:
                widths[i] -= need * widths[i] / room
        return widths

    def paintEvent(self, _event: QPaintEvent) -> None:
        theme, scale = self.theme, self.scale
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        width = self.width()
        painter.fillRect(self.rect(), QColor(theme.paper))

        header = QRectF(0, MENU_BAR_PX * scale.small / 14, width, HEADER_PX * scale.body / 16)
        painter.fillRect(header, QColor(theme.accent))
        painter.setPen(QColor(theme.accent_ink))
        painter.setFont(self._font(scale.lead, bold=True))
        title_box = header.adjusted(24, 8, -(width * 0.5), -8)
        painter.drawText(title_box, ALIGN_V_CENTER | WORD_WRAP,
                         self.summary.title(self.lang))

        name_font = self._font(scale.body, bold=True)
        years_font = self._font(scale.small, lang="en")
        name_metrics = QFontMetricsF(name_font)
        stages = self.summary.stages
        years_metrics = QFontMetricsF(years_font)
        names = [max(name_metrics.horizontalAdvance(s.short(self.lang)),
                     years_metrics.horizontalAdvance(f"{s.id}  {s.years_label}")) + 24
                 for s in stages]
        pad = 8.0
        top = header.bottom() + 8
        strip_h = STRIP_PX * scale.body / 16
        x = pad
        for index, (stage, band_w) in enumerate(
                zip(stages, self._band_widths(width - 2 * pad, names), strict=True)):
            band = QRectF(x + 1, top, band_w - 2, strip_h - 16)
            painter.fillRect(band, QColor(theme.stage_tint(index)))
            painter.setPen(QPen(QColor(theme.stage_edge(index)), 3))
            rule_y = band.top() + scale.body * 2.9
            painter.drawLine(int(band.left()), int(rule_y), int(band.right()), int(rule_y))
            painter.setPen(QColor(theme.ink))
            painter.setFont(name_font)
            text_left = band.left() + 6
            painter.drawText(QRectF(text_left, band.top() + 4, band.width() - 8, scale.body * 1.4),
                             ALIGN_LEFT | ALIGN_V_CENTER,
                             stage.short(self.lang))
            painter.setPen(QColor(theme.muted))
            painter.setFont(years_font)
            painter.drawText(QRectF(text_left, band.top() + 4 + scale.body * 1.4,
                                    band.width() - 8, scale.small * 1.3),
                             ALIGN_LEFT | ALIGN_V_CENTER,
                             f"{stage.id}  {stage.years_label}")
            x += band_w
        axis_y = top + strip_h - 16
        painter.setPen(QPen(QColor(theme.ink), 1.5))
        painter.drawLine(int(pad), int(axis_y), int(width - pad), int(axis_y))
        painter.end()
