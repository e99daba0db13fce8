"""Start here: the big picture before any paragraph (PEDAGOGY.md, "the big picture
first").

Three cities close together on the Xiang, what share of Hunan they are, the five stages
in a line each, and one clear way in. Everything on it comes from the content: the
paper's statements on the cities' layout (its introduction), its shares of Hunan (§2),
the stages with our one-line headlines; the map sketch places the cities by their
gazetteer coordinates. It fits a 1024×768 projector without scrolling.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from czt_desktop.content import Content, Fact, Statistic, citing
from czt_desktop.fonts import font_families
from czt_desktop.languages import fill, language
from czt_desktop.ui.appearance import Appearance, Changes
from czt_desktop.ui.panes.widgets import clear_layout
from czt_desktop.ui.theme import city_color
from czt_desktop.ui.words import section_names, source_word

#: The paper's sentences on how the cities lie (its introduction), by content id.
LAYOUT_FACTS = ("geography-4", "geography-5")


def _font(lang: str, px: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(font_families(lang))
    font.setPixelSize(px)
    font.setBold(bold)
    return font


class ClusterSketch(QWidget):
    """The three core cities where the gazetteer puts them, joined into the 品 the paper
    speaks of: a sketch, not a map (no river, border or distance is drawn; the Map tab
    has the distances and why they differ from the paper's)."""

    def __init__(self, content: Content, appearance: Appearance,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.appearance = appearance
        self.cities = [c for c in content.cities_with_role("core") if content.place_of(c.id)]
        self.setMinimumSize(QSize(200, 110))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _points(self, rect: QRectF) -> dict[str, QPointF]:
        places = {c.id: self.content.place_of(c.id) for c in self.cities}
        lats = [p.latitude for p in places.values() if p]
        lons = [p.longitude for p in places.values() if p]
        if not lats:
            return {}
        cos = math.cos(math.radians(sum(lats) / len(lats)))
        width = max((max(lons) - min(lons)) * cos, 1e-6)
        height = max(max(lats) - min(lats), 1e-6)
        scale = min(rect.width() / width, rect.height() / height)
        x0 = rect.center().x() - width * scale / 2
        y0 = rect.center().y() - height * scale / 2
        return {cid: QPointF(x0 + (p.longitude - min(lons)) * cos * scale,
                             y0 + (max(lats) - p.latitude) * scale)
                for cid, p in places.items() if p}

    def paintEvent(self, _event: QPaintEvent) -> None:
        theme, scale, lang = (self.appearance.theme, self.appearance.scale,
                              self.appearance.lang)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_font = _font(lang, scale.body, bold=True)
        margin = QFontMetricsF(label_font).height()
        side = QFontMetricsF(label_font).horizontalAdvance("Xiangtan") + margin
        area = QRectF(self.rect()).adjusted(side, margin * 1.5, -side, -margin * 1.5)
        points = self._points(area)
        if len(points) >= 2:
            tint = QColor(theme.accent)
            tint.setAlpha(18)
            p.setPen(QPen(QColor(theme.muted), 1.5))
            p.setBrush(tint)
            p.drawPolygon(QPolygonF(list(points.values())))
        r = scale.body * 0.6
        if not points:
            p.end()
            return
        centre = QPointF(sum(q.x() for q in points.values()) / len(points),
                         sum(q.y() for q in points.values()) / len(points))
        metrics = QFontMetricsF(label_font)
        for city in self.cities:
            point = points.get(city.id)
            if point is None:
                continue
            p.setPen(QPen(QColor(theme.surface), 2))
            p.setBrush(QColor(city_color(self.content, city.id)))
            p.drawEllipse(point, r, r)
            # The name on the side away from the others, so close cities never collide.
            name = city.name.get(lang)
            width, height = metrics.horizontalAdvance(name), metrics.height()
            dx, dy = point.x() - centre.x(), point.y() - centre.y()
            if abs(dx) >= r:  # left or right of the middle: the name on that side
                left = point.x() + r + 6 if dx >= 0 else point.x() - r - 6 - width
                top = point.y() - height / 2
            else:  # straight above or below it
                left = point.x() - width / 2
                top = point.y() + r + 2 if dy >= 0 else point.y() - r - 2 - height
            p.setFont(label_font)
            p.setPen(QColor(theme.ink))
            p.drawText(QRectF(left, top, width + 2, height), int(Qt.AlignmentFlag.AlignLeft),
                       name)
        p.end()


class StartScreen(QWidget):
    """The first screen: the big picture and one way in."""

    #: A stage's line was chosen: show the timeline and panes at that stage.
    stage_chosen = Signal(int)
    #: "How to use" was chosen.
    help_requested = Signal()

    def __init__(self, content: Content, appearance: Appearance,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.content = content
        self.appearance = appearance
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(32, 12, 32, 12)
        self.column.setSpacing(8)
        self.stage_buttons: list[QPushButton] = []
        self.start_button: QPushButton | None = None
        self._build()
        self.subscription = appearance.subscribe(self, self._apply_appearance)

    # -- content ------------------------------------------------------------------------
    def _share(self, metric: str, dated: bool) -> Statistic | None:
        return next((s for s in self.content.statistics
                     if s.metric == metric and s.scope == "cluster"
                     and (s.year is not None) == dated), None)

    def big_numbers(self) -> list[Statistic]:
        """The cluster's shares of Hunan: land, people and output (the share with its
        year where the paper gives one)."""
        found = [self._share("land_share_of_province", False),
                 self._share("population_share_of_province", False),
                 self._share("gdp_share_of_province", True)
                 or self._share("gdp_share_of_province", False)]
        return [s for s in found if s is not None]

    def _cite(self, records: list[Fact] | list[Statistic]) -> str:
        """A short source line: the paper is cited in full under Help → About."""
        return citing.source_line(self.content, records, self.appearance.lang,
                                  source_word(), paper_as=self.tr("From the paper"),
                                  section_names=section_names())

    def _caption(self, stat: Statistic) -> str:
        """What a share is a share of, in a few words (the value says how much)."""
        if stat.metric == "land_share_of_province":
            return self.tr("of Hunan's land")
        if stat.metric == "population_share_of_province":
            return self.tr("of Hunan's people")
        if stat.year is not None:
            return fill(self.tr("of Hunan's GDP in %1"), stat.year)
        return self.tr("of Hunan's GDP")

    # -- building -----------------------------------------------------------------------
    def _apply_appearance(self, _changes: Changes) -> None:
        self._build()

    def _label(self, text: str, px: int, *, bold: bool = False, color: str = "",
               wrap: bool = True) -> QLabel:
        lang = self.appearance.lang
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(wrap)
        label.setFont(_font(lang, px, bold))
        label.setStyleSheet(f"color: {color or self.appearance.theme.ink};"
                            " background: transparent;")
        return label

    def _build(self) -> None:
        clear_layout(self.column)
        self.stage_buttons = []
        theme, scale, lang = (self.appearance.theme, self.appearance.scale,
                              self.appearance.lang)
        row = language(lang)
        self.setStyleSheet(f"QWidget#startScreen {{ background: {theme.paper}; }}"
                           f"QFrame#startCard {{ background: {theme.surface};"
                           f" border: 1px solid {theme.rule}; border-radius: 8px; }}")
        self.column.addWidget(self._label(self.tr("Start here: the big picture"),
                                          scale.title, bold=True))

        # Where: the paper's words on the layout, beside a sketch of the three cities.
        top = QHBoxLayout()
        top.setSpacing(16)
        where = QFrame()
        where.setObjectName("startCard")
        where_column = QVBoxLayout(where)
        where_column.setContentsMargins(16, 12, 16, 12)
        facts = [f for f in self.content.facts_about("geography") if f.id in LAYOUT_FACTS]
        if facts:
            said = row.sentences(row.quote(f.text.get(lang)) if row.is_source
                                 else f.text.get(lang) for f in facts)
            where_column.addWidget(self._label(said, scale.body))
        sketch = ClusterSketch(self.content, self.appearance)
        sketch.setAccessibleName(self.tr("Sketch of where the three cities lie"))
        # What the sketch shows, for a screen reader (and a test): the cities it names.
        sketch.setAccessibleDescription(row.join(c.name.get(lang) for c in sketch.cities))
        self.sketch = sketch
        where_column.addWidget(sketch, 1)
        if facts:
            where_column.addWidget(self._label(self._cite(facts), scale.small,
                                               color=theme.muted))
        top.addWidget(where, 5)

        # How much of Hunan: the paper's shares, large.
        numbers = QFrame()
        numbers.setObjectName("startCard")
        grid = QGridLayout(numbers)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.setVerticalSpacing(4)
        grid.setHorizontalSpacing(16)
        stats = self.big_numbers()
        grid.addWidget(self._label(self.tr("Their share of Hunan Province"), scale.lead,
                                   bold=True), 0, 0, 1, 2)
        for index, stat in enumerate(stats, start=1):
            value = stat.value_text.get(lang)
            grid.addWidget(self._label(value, scale.title, bold=True, color=theme.accent,
                                       wrap=False), index, 0,
                           Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(self._label(self._caption(stat), scale.body), index, 1)
        if stats:
            grid.addWidget(self._label(self._cite(stats), scale.small, color=theme.muted),
                           len(stats) + 1, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(stats) + 2, 1)
        top.addWidget(numbers, 4)
        self.column.addLayout(top, 1)

        # When: the five stages, one line each; each line is a way in.
        self.column.addWidget(self._label(
            fill(self.tr("%1 stages, %2–%3"), len(self.content.stages),
                 self.content.first_year, self.content.last_year), scale.lead, bold=True))
        for number, stage in enumerate(self.content.stages, start=1):
            headline = stage.headline or stage.outcome
            words = f"{number}  {stage.years_label}{row.title_gap}{stage.short.get(lang)}"
            if headline is not None:
                words += f" — {headline.get(lang)}"
            button = QPushButton(words)
            button.setObjectName("startStage")
            index = self.content.stages.index(stage)
            button.setStyleSheet(
                f"QPushButton#startStage {{ text-align: left; padding: 4px 12px;"
                f" font-size: {scale.body}px; color: {theme.ink};"
                f" background: {theme.stage_tint(index)};"
                f" border: none; border-left: 6px solid {theme.stage_edge(index)}; }}"
                f"QPushButton#startStage:focus {{ border: 2px solid {theme.accent};"
                f" border-left: 6px solid {theme.stage_edge(index)}; }}")
            button.setMinimumHeight(max(40, round(scale.body * 2.5)))
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setAccessibleName(words)
            button.clicked.connect(lambda _=False, sid=stage.id: self.stage_chosen.emit(sid))
            self.stage_buttons.append(button)
            self.column.addWidget(button)

        # The way in.
        actions = QHBoxLayout()
        actions.setSpacing(16)
        first = self.content.stages[0]
        self.start_button = QPushButton(fill(self.tr("Start with stage 1, %1 →"),
                                             first.years_label))
        self.start_button.setObjectName("startButton")
        self.start_button.setStyleSheet(
            f"QPushButton#startButton {{ background: {theme.accent}; color: {theme.accent_ink};"
            f" font-size: {scale.lead}px; font-weight: bold; padding: 8px 24px;"
            f" border: 3px solid {theme.accent}; border-radius: 6px; }}"
            # The same border width focused or not, so the text never shifts or clips.
            f"QPushButton#startButton:focus {{ border-color: {theme.ink}; }}")
        self.start_button.setMinimumHeight(max(48, round(scale.lead * 2.4)))
        self.start_button.clicked.connect(lambda: self.stage_chosen.emit(first.id))
        help_button = QPushButton(self.tr("How to use and what the symbols mean"))
        help_button.setObjectName("startHelp")
        help_button.setMinimumHeight(max(44, round(scale.body * 2.6)))
        help_button.clicked.connect(self.help_requested.emit)
        actions.addWidget(self.start_button)
        actions.addWidget(help_button)
        actions.addStretch(1)
        self.column.addLayout(actions)
        self.setAccessibleName(self.tr("Start here: the big picture"))

    def fits(self) -> bool:
        """Everything shows in full at the current size: no widget reaches past the
        screen's edge and no wrapped text is cut short (the screen never scrolls)."""
        bounds = self.rect()
        for widget in self.findChildren(QWidget):
            if not widget.isVisibleTo(self):
                continue
            if not bounds.contains(QRect(widget.mapTo(self, QPoint(0, 0)), widget.size())):
                return False
            if isinstance(widget, QLabel) and widget.wordWrap() and \
                    widget.heightForWidth(widget.width()) > widget.height():
                return False
        return True

    def focus_start(self) -> None:
        if self.start_button is not None:
            self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)
