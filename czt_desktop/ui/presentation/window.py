"""The full-screen presentation a teacher drives with a presenter remote.

What is on a slide comes from :mod:`czt_desktop.ui.presentation.slides`; this module
sizes the type to the screen (body text 28 px at 1024×768, more on larger screens),
lays each slide out, decides what fits (so long texts continue on the next slide
rather than being cut off), and handles the keys, clicks, taps and wheel a presenter
uses. It talks to the rest of the app only through the shared :class:`Selection`
and its own signals; the classroom mode connects those to the main window.

Frame of every slide::

    ==== ==== #### ==== ====   the five stages, this one in its colour
    Stage 2 of 5 · 1980–1996 · Economic zone idea
    <the slide>
    Source: <citation>, <where in the paper>                       3 / 31
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QScreen,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from czt_desktop import catalogue
from czt_desktop.content import Content, Stage
from czt_desktop.content.citing import Cited, source_line
from czt_desktop.fonts import font_families
from czt_desktop.languages import fill, language
from czt_desktop.ui.appearance import LANGUAGE, Appearance, Changes
from czt_desktop.ui.charts.base import ChartView
from czt_desktop.ui.presentation import keys as key_table
from czt_desktop.ui.presentation.pen import PenOverlay, Tool
from czt_desktop.ui.presentation.slides import (
    CHART,
    MILESTONES,
    MILESTONES_CHART,
    OVERVIEW,
    Deck,
    Slide,
    build_deck,
    join,
)
from czt_desktop.ui.selection import Selection
from czt_desktop.ui.theme import LIGHT, Theme, TypeScale
from czt_desktop.ui.words import section_names

log = logging.getLogger("czt.ui.presentation")

#: The projector the type sizes are set for; larger screens scale everything up.
DESIGN_SIZE = QSize(1024, 768)
#: Charts' type scale at 1024×768, in per cent of the app's 100 % (chart titles 25 px,
#: labels 18-20 px). A chart whose texts leave no room for its plot at that size steps
#: down to no less than ``CHART_MIN_PERCENT`` rather than being cut off.
CHART_PERCENT = 125
CHART_MIN_PERCENT = 90
CHART_STEP_PERCENT = 10
#: The mouse pointer disappears after this long without moving (it distracts on a slide).
CURSOR_IDLE_MS = 2500
#: A wheel "notch"; trackpads send fractions of it.
WHEEL_STEP = 120



@dataclass(frozen=True, slots=True)
class SlideType:
    """Pixel sizes of the slide's texts for one screen size."""

    factor: float
    years: int
    heading: int
    lead: int
    body: int
    kicker: int
    cite: int

    @classmethod
    def for_size(cls, size: QSize) -> SlideType:
        factor = min(size.width() / DESIGN_SIZE.width(), size.height() / DESIGN_SIZE.height())
        factor = max(factor, 0.25)

        def px(base: float) -> int:
            return max(8, round(base * factor))

        # At 1024×768: years 56, headings 40, the closing summary 32, body 28 (read from
        # the back of a classroom), the frame 22 and the source line 16.
        return cls(factor, px(56), px(40), px(32), px(28), px(22), px(16))

    def px(self, base: float) -> int:
        return max(1, round(base * self.factor))

    def chart_percent(self, percent: int = CHART_PERCENT) -> int:
        return max(50, round(percent * self.factor))


class StageStrip(QWidget):
    """The stages as segments along the top edge; the current one in its colour."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stageStrip")
        self._count = max(count, 1)
        self._current = 0
        self._theme = LIGHT

    def set_state(self, current: int, theme: Theme) -> None:
        self._current, self._theme = current, theme
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        gap = max(2, self.height() // 3)
        width = (self.width() - gap * (self._count - 1)) / self._count
        theme = self._theme
        for index in range(self._count):
            box = QRect(round(index * (width + gap)), 0, round(width), self.height())
            if index == self._current:
                painter.fillRect(box, QColor(theme.stage_edge(index)))
            elif theme.rule.upper() != theme.stage_edge(index).upper():
                painter.fillRect(box, QColor(theme.rule))
            else:
                # High contrast draws rules in ink: the other stages only as outlines.
                painter.setPen(QColor(theme.ink))
                painter.drawRect(box.adjusted(0, 0, -1, -1))
        painter.end()


class Curtain(QWidget):
    """What B (black) and W (white) put over the slide."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("blankCurtain")
        self.color = "#000000"
        self.hide()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self.color))
        painter.end()


def _font(lang: str, px: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(font_families(lang))
    font.setPixelSize(px)
    font.setBold(bold)
    return font


def _label(text: str, font: QFont, color: str, name: str, *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setFont(font)
    label.setWordWrap(wrap)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    # A widget style sheet wins over the application's "QWidget { color: … }".
    label.setStyleSheet(f"color: {color};")
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


class PresentationWindow(QWidget):
    """Full-screen slides of the stages, driven by keys, clicks, taps and the wheel."""

    #: Esc (or the window was closed): the classroom mode goes back to the main window.
    leave_requested = Signal()
    #: L: switch the app's language (the mode asks the main window, which tells us).
    language_toggle_requested = Signal()
    #: The index of the slide now shown.
    slide_changed = Signal(int)

    def __init__(self, content: Content, selection: Selection, appearance: Appearance, *,
                 size: QSize | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presentationWindow")
        self.content = content
        self.selection = selection
        self.appearance = appearance
        self.sizes = SlideType.for_size(self.size())
        self.deck: Deck = build_deck(content, self.lang)
        self.index = 0
        self.blanked = ""  # "", "black" or "white"
        self._deck_key: tuple[str, int, int] = ("", 0, 0)
        self._closing_by_owner = False
        self._wheel = 0
        self._charts: dict[str, ChartView] = {}
        #: Each chart's type scale, per cent of the projector size (see _fit_chart).
        self._chart_percent: dict[str, int] = {}
        self._body: QWidget | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)

        self._build_frame()
        self.pen = PenOverlay(self)
        self.pen.set_language(self.lang)
        self.pen.set_theme(self.theme)
        self.pen.tool_changed.connect(self._on_tool_changed)
        self.curtain = Curtain(self)
        self.help_panel = self._build_help()
        self._cursor_timer = QTimer(self)
        self._cursor_timer.setSingleShot(True)
        self._cursor_timer.setInterval(CURSOR_IDLE_MS)
        self._cursor_timer.timeout.connect(self._hide_cursor)
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self._relayout)
        # Charts lay themselves out after they are shown (see _fit_chart).
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(80)
        self._fit_timer.timeout.connect(self._fit_chart)

        selection.stage_changed.connect(self._on_stage_selected)
        # Laid out for the screen it will fill (no resize event reaches a hidden window),
        # so that showing it does not page the deck a second time.
        self.resize(size or DESIGN_SIZE)
        self._relayout()
        self.go_to_stage(selection.stage)
        # The class sees every change at once (the teacher may switch with L).
        self.subscription = appearance.subscribe(self, self._apply_appearance,
                                                 while_hidden=True)

    # -- building ------------------------------------------------------------------------------
    def _build_frame(self) -> None:
        self.frame = QWidget(self)
        self.frame.setObjectName("slideFrame")
        self.strip = StageStrip(len(self.content.stages), self.frame)
        self.kicker = QLabel()
        self.kicker.setObjectName("slideKicker")
        self.kicker.setTextFormat(Qt.TextFormat.PlainText)
        self.body_area = QWidget()
        self.body_area.setObjectName("slideBodyArea")
        self.body_layout = QVBoxLayout(self.body_area)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.footer = QWidget()
        self.footer.setObjectName("slideFooter")
        self.citation = QLabel()
        self.citation.setObjectName("slideCitation")
        self.citation.setTextFormat(Qt.TextFormat.PlainText)
        self.citation.setWordWrap(True)
        self.citation.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        self.counter = QLabel()
        self.counter.setObjectName("slideCounter")
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        row = QHBoxLayout(self.footer)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.citation, 1)
        row.addWidget(self.counter, 0)
        self.column = QVBoxLayout(self.frame)
        self.column.addWidget(self.kicker)
        self.column.addWidget(self.body_area, 1)
        self.column.addWidget(self.footer)
        # Charts wait here (hidden) between their slides: built once, moved in and out.
        self._shelf = QWidget(self)
        self._shelf.hide()

    def _build_help(self) -> QFrame:
        panel = QFrame(self)
        panel.setObjectName("presentationHelp")
        grid = QGridLayout(panel)
        self._help_rows: list[tuple[QLabel, QLabel]] = []
        for row in range(len(key_table.help_rows())):
            keys, what = QLabel(), QLabel()
            keys.setTextFormat(Qt.TextFormat.PlainText)
            what.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(keys, row, 0)
            grid.addWidget(what, row, 1)
            self._help_rows.append((keys, what))
        panel.hide()
        return panel

    def _help_texts(self) -> list[tuple[str, str]]:
        """The key help, from the same table that handles the keys."""
        translate = QCoreApplication.translate
        count = min(len(self.content.stages), len(key_table.DIGITS))
        return [(fill(translate(key_table.CONTEXT, b.shown), count),
                 translate(key_table.CONTEXT, b.what)) for b in key_table.help_rows()]

    # -- public --------------------------------------------------------------------------------
    def present_on(self, screen: QScreen) -> None:
        """Fill ``screen``, without window decorations, and take the keyboard."""
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()  # a newly shown window is on top: no raise_() needed
        self.activateWindow()
        self.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        self._cursor_timer.start()

    def close_by_owner(self) -> None:
        """Close without asking the owner to leave the mode (it is leaving already)."""
        self._closing_by_owner = True
        self.close()

    @property
    def slide(self) -> Slide:
        return self.deck[self.index]

    def go_to(self, index: int) -> None:
        """Show slide ``index`` (clamped); the drawing is cleared, the selection follows."""
        index = max(0, min(index, len(self.deck) - 1))
        if index == self.index and self._body is not None:
            return
        self.index = index
        self.pen.clear()
        self._show_slide()
        if self.selection.stage != self.slide.stage.id:
            self.selection.set_stage(self.slide.stage.id)

    def next_slide(self) -> None:
        self.go_to(self.index + 1)

    def previous_slide(self) -> None:
        self.go_to(self.index - 1)

    def go_to_stage(self, stage_id: int) -> None:
        first = self.deck.first_of_stage(stage_id)
        if first is not None:
            self.go_to(first)

    def set_blank(self, color: str) -> None:
        """"black", "white" or "" (show the slide)."""
        self.blanked = color
        self.curtain.color = "#FFFFFF" if color == "white" else "#000000"
        self.curtain.setVisible(bool(color))
        self.curtain.raise_()
        self.curtain.update()
        self._update_accessible_text()

    @property
    def lang(self) -> str:
        return self.appearance.lang

    @property
    def theme(self) -> Theme:
        return self.appearance.theme

    def _apply_appearance(self, changes: Changes) -> None:
        """Retranslate in place: the same slide (or its nearest match) stays on screen.
        The charts follow the Appearance themselves; the slides' type is the screen's,
        not the app's zoom."""
        self.pen.set_language(self.lang)
        self.pen.set_theme(self.theme)
        if LANGUAGE in changes:
            self._relayout()
        else:
            self._apply_frame_look()
            self._show_slide()

    def chart(self, key: str) -> ChartView:
        """The presentation's own chart widget for ``key`` (built on first use)."""
        chart = self._charts.get(key)
        if chart is None:
            chart = self._charts[key] = self._make_chart(key)
        return chart

    def body_labels(self) -> list[QLabel]:
        """Every text label of the slide on screen (the frame's and the slide's own)."""
        labels = [self.kicker, self.citation, self.counter]
        if self._body is not None:
            labels += self._body.findChildren(QLabel)
        return [label for label in labels if label.isVisibleTo(self)]

    # -- layout --------------------------------------------------------------------------------
    def _frame_metrics(self) -> tuple[int, int, int, int, int]:
        """Margins left/right, top (under the strip), bottom, the gap, the strip height."""
        t = self.sizes
        return t.px(48), t.px(18), t.px(14), t.px(14), t.px(8)

    def _relayout(self) -> None:
        """Sizes, frame and deck for the current size and language; keeps the slide."""
        self._render_timer.stop()
        self.sizes = SlideType.for_size(self.size())
        side, top, bottom, gap, strip = self._frame_metrics()
        self.frame.setGeometry(self.rect())
        self.strip.setGeometry(0, 0, self.width(), strip)
        self.column.setContentsMargins(side, strip + top, side, bottom)
        self.column.setSpacing(gap)
        self._apply_frame_look()
        self.pen.setGeometry(self.rect())
        self.pen.set_scale(self.sizes.factor)
        self.curtain.setGeometry(self.rect())
        self._place_help()

        t = self.sizes
        width = max(self.width() - 2 * side, 100)
        self._counter_width = QFontMetrics(self.counter.font()).horizontalAdvance(
            "888 / 888") + t.px(8)
        self.counter.setFixedWidth(self._counter_width)
        kicker_h = self._line_height(self.kicker)
        self.kicker.setFixedHeight(kicker_h)
        footer_h = self._footer_height(width - self._counter_width)
        self._footer_h = footer_h
        # A chart prints its own source line: its footer holds one line (counter, hint).
        self._chart_footer_h = max(self._line_height(self.counter),
                                   self._line_height(self.citation))
        self.footer.setFixedHeight(footer_h)
        body_h = self.height() - strip - top - bottom - kicker_h - footer_h - 2 * gap
        self._body_box = QSize(width, max(body_h, 50))

        key = (self.lang, self._body_box.width(), self._body_box.height())
        if key != self._deck_key:
            old = self.deck[self.index] if len(self.deck) else None
            self._deck_key = key
            self.deck = build_deck(self.content, self.lang, self._fits)
            self.index = self.deck.find(old) if old is not None else 0
        self._show_slide()

    @staticmethod
    def _line_height(label: QLabel) -> int:
        """The height ``label`` asks for to show one line (a little over the font's).
        The sample has a hanzi (U+4E2D) so the CJK face's line height counts too."""
        probe = QLabel("Ag 0–9 \u4e2d")
        probe.setFont(label.font())
        return probe.sizeHint().height()

    def _footer_height(self, width: int) -> int:
        """Room for the longest source line any slide has (so the slide area, and with
        it the paging, is the same on every slide), or for the next-stage hint."""
        probe = QLabel()
        probe.setFont(self.citation.font())
        probe.setWordWrap(True)
        probe.setTextFormat(Qt.TextFormat.PlainText)
        height = self._line_height(self.counter)
        for stage in self.content.stages:
            # A slide cites the stage and its milestones, or only the milestones (whose
            # paragraphs the stage's whole section no longer covers: a longer line).
            events: list[Cited] = list(self.content.events_in_stage(stage.id))
            for records in ([stage, *events], events):
                probe.setText(self._source_text(records))
                height = max(height, probe.heightForWidth(width))
        return height

    def _fits(self, slide: Slide) -> bool:
        if slide.kind == CHART:
            return True
        body = self._make_body(slide)
        # The probe has no parent: Python deletes it (and its labels) on return.
        needed = body.heightForWidth(self._body_box.width())
        return needed <= self._body_box.height()

    def _apply_frame_look(self) -> None:
        t, theme = self.sizes, self.theme
        self.kicker.setFont(_font(self.lang, t.kicker, bold=True))
        self.citation.setFont(_font(self.lang, t.cite))
        self.counter.setFont(_font(self.lang, t.kicker, bold=True))
        self.kicker.setStyleSheet(f"color: {theme.muted};")
        self.citation.setStyleSheet(f"color: {theme.muted};")
        self.counter.setStyleSheet(f"color: {theme.muted};")
        for keys, what in self._help_rows:
            keys.setFont(_font(self.lang, t.kicker, bold=True))
            what.setFont(_font(self.lang, t.kicker))
        self.help_panel.setStyleSheet(
            f"#presentationHelp {{ background: {theme.surface}; border: {t.px(3)}px solid "
            f"{theme.accent}; border-radius: {t.px(10)}px; }} "
            f"#presentationHelp QLabel {{ color: {theme.ink}; }}")
        grid = self.help_panel.layout()
        if isinstance(grid, QGridLayout):
            grid.setContentsMargins(t.px(28), t.px(20), t.px(28), t.px(20))
            grid.setHorizontalSpacing(t.px(32))
            grid.setVerticalSpacing(t.px(6))
        self.update()

    def _place_help(self) -> None:
        self.help_panel.adjustSize()
        size = self.help_panel.sizeHint().boundedTo(self.size())
        self.help_panel.setGeometry(QRect(
            (self.width() - size.width()) // 2, (self.height() - size.height()) // 2,
            size.width(), size.height()))

    # -- slides --------------------------------------------------------------------------------
    def _show_slide(self) -> None:
        slide = self.slide
        old, self._body = self._body, self._make_body(slide)
        if old is not None:
            self._shelve_charts(old)
            self.body_layout.removeWidget(old)
            old.hide()
            old.deleteLater()
        self.body_layout.addWidget(self._body)
        self._body.show()
        stages = self.content.stages
        position = next(i for i, s in enumerate(stages) if s.id == slide.stage.id)
        self.strip.set_state(position, self.theme)
        self.kicker.setText(self._kicker_text(slide.stage, position))
        self.counter.setText(f"{self.index + 1} / {len(self.deck)}")
        self.counter.setAccessibleName(
            self.tr("Slide %1 of %2").replace("%1", str(self.index + 1))
            .replace("%2", str(len(self.deck))))
        self.citation.setText(self._footer_text(slide))
        self.footer.setFixedHeight(self._chart_footer_h if slide.kind == CHART
                                   else self._footer_h)
        self.retranslate_help()
        self.pen.raise_()
        self.help_panel.raise_()
        self.curtain.raise_()
        self._update_accessible_text()
        self.slide_changed.emit(self.index)

    def _kicker_text(self, stage: Stage, position: int) -> str:
        number = self.tr("Stage %1 of %2").replace("%1", str(position + 1)).replace(
            "%2", str(len(self.content.stages)))
        return f"{number}  ·  {stage.years_label}  ·  {stage.short.get(self.lang)}"

    def _footer_text(self, slide: Slide) -> str:
        if slide.kind != CHART:
            return self._source_text(slide.records())
        # A chart prints its own source line; the footer says where the talk goes next.
        following = self.deck[self.index + 1] if self.index + 1 < len(self.deck) else None
        if following is None:
            return self.tr("Last slide · Esc ends the presentation")
        if following.stage.id != slide.stage.id:
            stage = following.stage
            return self.tr("Next: %1 · %2").replace("%1", stage.years_label).replace(
                "%2", stage.short.get(self.lang))
        return ""

    def _source_text(self, records: Sequence[Cited]) -> str:
        text = source_line(self.content, records, self.lang, self.tr("Source"),
                           section_names=section_names())
        row = language(self.lang)
        if not row.is_source and any(s.kind == "translation" for s in self.content.sources):
            # A translated slide is the editors' translation: say so wherever it is shown.
            text = row.sentences([text, self.tr("English text: our translation.")])
        return text

    def _make_body(self, slide: Slide) -> QWidget:
        body = QWidget()
        body.setObjectName("slideBody_" + slide.kind)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(self.sizes.px(16))
        if slide.kind == OVERVIEW:
            self._fill_overview(column, slide)
        elif slide.kind == MILESTONES:
            self._fill_milestones(column, slide)
        else:
            self._fill_chart(column, slide)
        return body

    def _stage_color(self, stage: Stage) -> str:
        position = next(i for i, s in enumerate(self.content.stages) if s.id == stage.id)
        return self.theme.stage_edge(position)

    def _fill_overview(self, column: QVBoxLayout, slide: Slide) -> None:
        t, theme, lang, stage = self.sizes, self.theme, self.lang, slide.stage
        if slide.is_first_page:
            column.addWidget(_label(stage.years_label, _font(lang, t.years, True),
                                    self._stage_color(stage), "slideYears", wrap=False))
            column.addWidget(_label(stage.title.get(lang), _font(lang, t.heading, True),
                                    theme.ink, "slideTitle"))
            lead = stage.headline or stage.outcome
            if lead is not None:
                column.addLayout(self._lead(lead.get(lang), self._stage_color(stage)))
        else:
            title = self.tr("%1 (continued)").replace("%1", stage.short.get(lang))
            column.addWidget(_label(title, _font(lang, t.lead, True), theme.muted,
                                    "slideTitle"))
        if slide.text:
            column.addWidget(_label(join(slide.text, lang), _font(lang, t.body), theme.ink,
                                    "slideBody"))
        if stage.summary is not None and slide.page == slide.pages - 1:
            # The words above are ours, written from the paper: say so, and where from.
            column.addWidget(_label(fill(self.tr("Our summary of %1 of the paper."),
                                         stage.locator), _font(lang, t.cite), theme.muted,
                                    "slideOurs"))
        column.addStretch(1)

    def _lead(self, text: str, color: str) -> QHBoxLayout:
        """The stage's headline (or the paper's summary), with a rule in its colour."""
        t = self.sizes
        row = QHBoxLayout()
        row.setContentsMargins(0, t.px(4), 0, t.px(4))
        row.setSpacing(t.px(16))
        rule = QFrame()
        rule.setObjectName("slideLeadRule")
        rule.setFixedWidth(t.px(6))
        rule.setStyleSheet(f"background: {color};")
        row.addWidget(rule)
        row.addWidget(_label(text, _font(self.lang, t.lead, True), self.theme.ink,
                             "slideLead"), 1)
        return row

    def _fill_milestones(self, column: QVBoxLayout, slide: Slide) -> None:
        t, theme, lang, stage = self.sizes, self.theme, self.lang, slide.stage
        heading = self.tr("Milestones")
        if slide.pages > 1:
            heading = self.tr("%1 (%2/%3)").replace("%1", heading).replace(
                "%2", str(slide.page + 1)).replace("%3", str(slide.pages))
        column.addWidget(_label(heading, _font(lang, t.heading, True), theme.ink,
                                "slideTitle"))
        grid = QGridLayout()
        grid.setContentsMargins(0, t.px(4), 0, 0)
        grid.setHorizontalSpacing(t.px(28))
        grid.setVerticalSpacing(t.px(14))
        when_font = _font(lang, t.body, True)
        # One column width for all the stage's dates, so pages line up; at most a third.
        metrics = QFontMetrics(when_font)
        widest = max(metrics.horizontalAdvance(e.when.get(lang))
                     for e in self.content.events_in_stage(stage.id))
        when_width = min(widest + t.px(4), self._body_box.width() // 3)
        color = self._stage_color(stage)
        for row, event in enumerate(slide.events):
            when = _label(event.when.get(lang), when_font, color, "slideWhen")
            when.setFixedWidth(when_width)
            grid.addWidget(when, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(_label(event.title.get(lang), _font(lang, t.body), theme.ink,
                                  "slideBody"), row, 1)
        grid.setColumnStretch(1, 1)
        column.addLayout(grid)
        column.addStretch(1)

    def _fill_chart(self, column: QVBoxLayout, slide: Slide) -> None:
        chart = self.chart(slide.chart)
        if slide.chart == MILESTONES_CHART:
            chart.highlight_stage(slide.stage.id)
        column.addWidget(chart, 1)
        chart.show()
        self._fit_timer.start()

    def _shelve_charts(self, body: QWidget) -> None:
        for chart in self._charts.values():
            if chart.parent() is body:
                chart.hide()
                chart.setParent(self._shelf)

    def _make_chart(self, key: str) -> ChartView:
        spec = next(c for c in catalogue.CHARTS if c.id == key)
        self._chart_percent[key] = CHART_PERCENT
        chart: ChartView = catalogue.load(spec.home)(
            self.content, self.appearance, scale=TypeScale().scaled(self.sizes.chart_percent()))
        chart.setParent(self._shelf)
        # On a slide the chart is a picture: no save or table buttons, and clicks and
        # taps on it move the slides like anywhere else.
        chart.as_picture()
        # Check the fit whenever the chart has laid itself out at a new size.
        chart.canvas.installEventFilter(self)
        return chart

    def _update_chart_scales(self) -> None:
        """A new screen size: every chart back to the full size for it (then fitted)."""
        for key, chart in self._charts.items():
            self._chart_percent[key] = CHART_PERCENT
            scale = TypeScale().scaled(self.sizes.chart_percent())
            if chart.scale != scale:
                chart.set_scale(scale)
        if self.slide.kind == CHART:
            self._fit_timer.start()

    def _fit_chart(self) -> None:
        """Make the chart on screen smaller if its texts pushed it past the slide.

        A chart lays itself out once it has its size and then asks for more height if
        its plot got too little; on a slide there is no more height, so the type steps
        down instead (a few steps at most, checked again after each one).
        """
        slide = self.slide
        chart = self._charts.get(slide.chart) if slide.kind == CHART else None
        if chart is None or not chart.isVisible():
            return
        self.body_layout.activate()
        canvas = chart.canvas
        # The canvas is not held to the chart's height: its minimum is what the chart
        # needs at its width. Below it sits the chart's (here empty) button row.
        top = canvas.mapTo(self.body_area, QPoint(0, 0)).y()
        column = chart.layout()
        items = [column.itemAt(i) for i in range(1, column.count())] if column else []
        below = sum(item.sizeHint().height() for item in items if item is not None)
        too_tall = top + canvas.minimumHeight() + below > self.body_area.height()
        percent = self._chart_percent.get(slide.chart, CHART_PERCENT)
        if too_tall and percent > CHART_MIN_PERCENT:
            percent = max(CHART_MIN_PERCENT, percent - CHART_STEP_PERCENT)
            self._chart_percent[slide.chart] = percent
            log.info("chart %s: %d %% of the projector size to fit the slide",
                     slide.chart, percent)
            chart.set_scale(TypeScale().scaled(self.sizes.chart_percent(percent)))
            self._fit_timer.start()
        elif too_tall:
            log.warning("chart %s does not fit the slide even at %d %%", slide.chart, percent)

    # -- language ------------------------------------------------------------------------------
    def retranslate_help(self) -> None:
        for (keys, what), (key_text, what_text) in zip(self._help_rows, self._help_texts(),
                                                        strict=True):
            keys.setText(key_text)
            what.setText(what_text)
        self.help_panel.setAccessibleName(self.tr("Presentation keys"))
        self._place_help()

    def _update_accessible_text(self) -> None:
        self.setAccessibleName(self.tr("Presentation"))
        self.setWindowTitle(f"{self.tr('Presentation')} – "
                            f"{self.content.manifest.title.get(self.lang)}")
        if self.blanked:
            description = self.tr("Screen blanked; press B or any arrow key to show the slide")
        else:
            description = f"{self.counter.accessibleName()}. {self.kicker.text()}"
        self.setAccessibleDescription(description)

    # -- input ---------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        blocked = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | \
            Qt.KeyboardModifier.MetaModifier
        if event.modifiers() & blocked:
            super().keyPressEvent(event)
            return
        if not self._handle_key(Qt.Key(event.key())):
            super().keyPressEvent(event)
            return
        event.accept()

    def _handle_key(self, key: Qt.Key) -> bool:
        """Run the key's command from :mod:`keys`; False for a key that has none."""
        binding = key_table.binding_for(key)
        if binding is None:
            return False
        if binding.command not in {"end", "help"}:
            self.help_panel.hide()
        getattr(self, f"_key_{binding.command}")(key)
        return True

    def _key_end(self, _key: Qt.Key) -> None:
        # Like PowerPoint: Esc first puts the pen down; otherwise it ends the show,
        # blanked or not.
        if self.help_panel.isVisible():
            self.help_panel.hide()
        elif self.pen.active:
            self.pen.set_tool(Tool.OFF)
        else:
            self.leave_requested.emit()

    def _key_help(self, _key: Qt.Key) -> None:
        self.help_panel.setVisible(not self.help_panel.isVisible())
        self.help_panel.raise_()
        self.curtain.raise_()

    def _key_black(self, _key: Qt.Key) -> None:
        self.set_blank("" if self.blanked == "black" else "black")

    def _key_white(self, _key: Qt.Key) -> None:
        self.set_blank("" if self.blanked == "white" else "white")

    def _key_next(self, _key: Qt.Key) -> None:
        if self.blanked:
            self.set_blank("")  # back to the slide the class last saw; then move on
        else:
            self.next_slide()

    def _key_previous(self, _key: Qt.Key) -> None:
        if self.blanked:
            self.set_blank("")
        else:
            self.previous_slide()

    def _key_ends(self, key: Qt.Key) -> None:
        # A place named outright: show it, blanked or not.
        self.set_blank("")
        self.go_to(0 if key == Qt.Key.Key_Home else len(self.deck) - 1)

    def _key_stage(self, key: Qt.Key) -> None:
        self.set_blank("")
        number = key_table.DIGITS[key]
        if number <= len(self.content.stages):
            self.go_to_stage(self.content.stages[number - 1].id)

    def _key_pen(self, key: Qt.Key) -> None:
        self.pen.toggle(Tool.HIGHLIGHTER if key == Qt.Key.Key_H else Tool.PEN)

    def _key_clear(self, _key: Qt.Key) -> None:
        self.pen.clear()

    def _key_language(self, _key: Qt.Key) -> None:
        self.language_toggle_requested.emit()

    def _key_present(self, _key: Qt.Key) -> None:
        """Already presenting: nothing to do."""

    def _key_click(self, _key: Qt.Key) -> None:
        """No key: the mouse handlers do it."""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # Reached only when the pen is off (the overlay takes the pointer otherwise).
        self._show_cursor()
        if self.blanked:
            self.set_blank("")
        elif event.button() == Qt.MouseButton.RightButton:
            self.previous_slide()
        elif event.button() == Qt.MouseButton.LeftButton:
            x = event.position().x()
            if x >= self.width() * 2 / 3:
                self.next_slide()
            elif x <= self.width() / 3:
                self.previous_slide()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._show_cursor()
        super().mouseMoveEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._wheel += event.angleDelta().y()
        while abs(self._wheel) >= WHEEL_STEP:
            if self._wheel > 0:
                self._wheel -= WHEEL_STEP
                self.previous_slide()
            else:
                self._wheel += WHEEL_STEP
                self.next_slide()
        event.accept()

    def _show_cursor(self) -> None:
        if not self.pen.active:
            self.unsetCursor()
            self._cursor_timer.start()

    def _hide_cursor(self) -> None:
        if not self.pen.active:
            self.setCursor(Qt.CursorShape.BlankCursor)

    def _on_tool_changed(self, _tool: str) -> None:
        self._show_cursor()

    def _on_stage_selected(self, stage_id: int) -> None:
        # Another view picked a stage: follow it unless this slide is already of it.
        if self.slide.stage.id != stage_id:
            self.go_to_stage(stage_id)

    # -- events --------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.slide.kind == CHART:
            self._fit_timer.start()  # restarted on each resize: checks once it settles
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()
        self._update_chart_scales()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self.theme.paper))
        painter.end()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._cursor_timer.stop()
        if not self._closing_by_owner:
            # Closed by the window manager (Alt+F4): leave the mode like Esc does.
            self._closing_by_owner = True
            self.leave_requested.emit()
        super().closeEvent(event)
