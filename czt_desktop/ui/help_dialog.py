"""Help → How to use: what to click, the keys, and what every symbol and colour means.

The symbols are drawn by the same code that draws them on the timeline and the map
(:func:`~czt_desktop.ui.timeline.items.paint_event_glyph` …), so the legend can never
show something the timeline does not.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from czt_desktop.content import Content
from czt_desktop.languages import fill, language
from czt_desktop.ui.appearance import Appearance
from czt_desktop.ui.theme import RING_CITY_COLOR, city_colors
from czt_desktop.ui.timeline.items import paint_enterprise_glyph, paint_event_glyph
from czt_desktop.ui.timeline.look import TimelineLook


class GlyphSample(QWidget):
    """One symbol as the timeline or the map draws it."""

    def __init__(self, look: TimelineLook, kind: str, *, stage_index: int = 0,
                 city_id: str = "", letter: str = "", color: str = "") -> None:
        super().__init__()
        self.look, self.kind = look, kind
        self.stage_index, self.city_id, self.letter, self.color = (stage_index, city_id,
                                                                   letter, color)
        side = look.target
        self.setFixedSize(QSize(side + 8, side))
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        look = self.look
        c = QPointF(look.target / 2, self.height() / 2)
        if self.kind == "enterprise":
            paint_enterprise_glyph(p, look, c, self.city_id, self.letter)
        elif self.kind in ("year", "decade", "after"):
            paint_event_glyph(p, look, c, self.stage_index, self.kind)
        elif self.kind == "band":
            rect = QRectF(2, 6, self.width() - 4, self.height() - 12)
            p.setPen(QPen(look.edges[self.stage_index % len(look.edges)], 3))
            p.setBrush(look.tints[self.stage_index % len(look.tints)])
            p.drawRect(rect)
        elif self.kind == "city":
            r = look.dot / 2
            p.setPen(QPen(QColor("#FFFFFF"), 2))
            p.setBrush(QColor(self.color))
            p.drawEllipse(c, r, r)
        p.end()


class HelpDialog(QDialog):
    """How to use the app, its keys, and a legend of the timeline's and map's symbols."""

    def __init__(self, content: Content, appearance: Appearance,
                 keys: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.resize(760, 640)
        lang = appearance.lang
        row = language(lang)
        look = TimelineLook(appearance.theme, appearance.scale, lang, city_colors(content))
        self.setWindowTitle(self.tr("How to use"))

        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(24, 16, 24, 16)
        column.setSpacing(10)

        def heading(text: str) -> None:
            label = QLabel(text)
            label.setObjectName("helpHeading")
            label.setTextFormat(Qt.TextFormat.PlainText)
            font = label.font()
            font.setPixelSize(appearance.scale.lead)
            font.setBold(True)
            label.setFont(font)
            column.addWidget(label)

        def text(words: str) -> QLabel:
            label = QLabel(words)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            return label

        heading(self.tr("How to use"))
        for step in (
            self.tr("Pick a stage on the timeline (or press its number, or PageUp / "
                    "PageDown): every tab below then tells about that stage."),
            self.tr("Pick a dot or a square on the timeline to read about that milestone or "
                    "enterprise."),
            self.tr("The tabs: Overview tells the stage's story; the others show its "
                    "enterprises, plans, figures, the cities today, problems and ideas, a map, "
                    "and questions to check yourself."),
            self.tr("Search (Ctrl+F) finds anything, in Chinese or English."),
            self.tr("Under each text, “The paper's account” opens the paper's own words, and "
                    "“Sources and notes” where each fact comes from."),
        ):
            column.addWidget(text(f"• {step}"))

        heading(self.tr("The timeline's symbols"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        core = [c for c in content.cities if c.role == "core"]
        samples: list[tuple[QWidget, str]] = [
            (GlyphSample(look, "band", stage_index=0),
             self.tr("A stage: its years and name; the stages are told in the paper's "
                     "section 1.")),
            (GlyphSample(look, "year", stage_index=0),
             self.tr("A milestone, in the colour of its stage, at its year.")),
            (GlyphSample(look, "decade", stage_index=0),
             self.tr("A milestone the paper dates only to a decade (“the 1950s”): the line "
                     "ends with a bar.")),
            (GlyphSample(look, "after", stage_index=1),
             self.tr("A milestone the paper dates as “after” a year (“after 2000”): the line "
                     "ends with an arrow.")),
        ]
        for city in core:
            name = city.name.get(lang)
            samples.append((GlyphSample(look, "enterprise", city_id=city.id, letter=name[:1]),
                            fill(self.tr("An enterprise the paper lists, in %1 (the letter "
                                         "and the colour both say which city)."), name)))
        for index, (sample, words) in enumerate(samples):
            grid.addWidget(sample, index, 0)
            grid.addWidget(text(words), index, 1)
        grid.setColumnStretch(1, 1)
        column.addLayout(grid)

        heading(self.tr("Colours"))
        colours = QGridLayout()
        colours.setHorizontalSpacing(12)
        colours_by_city = city_colors(content)
        for index, city in enumerate(core):
            colours.addWidget(GlyphSample(look, "city", color=colours_by_city[city.id]),
                              index, 0)
            colours.addWidget(text(fill(self.tr("%1: the same colour on the timeline, in "
                                                "tables, charts and on the map."),
                                        city.name.get(lang))), index, 1)
        ring = [c.name.get(lang) for c in content.cities if c.role == "ring"]
        if ring:
            colours.addWidget(GlyphSample(look, "city", color=RING_CITY_COLOR), len(core), 0)
            colours.addWidget(text(fill(self.tr("The cities of the “3+5” ring: %1."),
                                        row.join(ring))), len(core), 1)
        colours.setColumnStretch(1, 1)
        column.addLayout(colours)
        column.addWidget(text(self.tr("On the map, a number beside a city counts the "
                                      "enterprises of the picked stage there.")))

        heading(self.tr("Keys"))
        table = QGridLayout()
        table.setHorizontalSpacing(16)
        for index, (shortcut, what) in enumerate(keys):
            table.addWidget(text(shortcut), index, 0)
            table.addWidget(text(what), index, 1)
        table.setColumnStretch(1, 1)
        column.addLayout(table)
        column.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
