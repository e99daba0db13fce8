"""The selected stage's page: years, title, headline, the paper's account, milestones,
enterprises, data notes, source, and the way on to the next stage.

Widgets rather than one rich-text document, so each milestone and enterprise is a
real button: it takes a finger (44 px), Tab and Enter, a screen reader announces it,
and the one selected anywhere in the app is highlighted and scrolled into view here.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from czt_desktop.content import Content, DataNote, Enterprise, Event, Stage
from czt_desktop.languages import fill, language
from czt_desktop.ui.appearance import Appearance
from czt_desktop.ui.panes.card_page import CardPagePane
from czt_desktop.ui.panes.disclosure import Disclosure
from czt_desktop.ui.panes.look import touch_px
from czt_desktop.ui.panes.widgets import (
    CardGrid,
    ChartPlace,
    Columns,
    ItemCard,
    NoteCard,
    label,
)
from czt_desktop.ui.selection import Selection
from czt_desktop.ui.theme import city_color
from czt_desktop.ui.words import (
    data_note_word,
    size_classes_text,
    source_line,
)


def notes_for_stage(content: Content, stage: Stage) -> list[DataNote]:
    """The data notes about the stage itself or any of its events and enterprises."""
    refs = {f"stages:{stage.id}"}
    refs.update(f"events:{e.id}" for e in content.events_in_stage(stage.id))
    refs.update(f"enterprises:{e.id}" for e in content.enterprises_in_stage(stage.id))
    return [n for n in content.data_notes if refs.intersection(n.applies_to)]


@dataclass(slots=True)
class _StagePage:
    """One stage's built page and the widgets tests and the follower look for."""

    container: QWidget
    cards: list[ItemCard]
    years_label: QLabel
    title_label: QLabel
    outcome_label: QLabel | None
    next_card: ItemCard | None
    columns: Columns


class OverviewPane(CardPagePane):
    pane_id = "overview"
    #: The whole page is about the picked stage: no band above it.
    has_lens = False

    def __init__(self, content: Content, selection: Selection, appearance: Appearance,
                 parent: QWidget | None = None) -> None:
        super().__init__(content, selection, appearance, parent)
        #: The labels a test or a screen reader looks for, rebuilt with the page.
        self.years_label: QLabel | None = None
        self.title_label: QLabel | None = None
        self.outcome_label: QLabel | None = None
        self.next_card: ItemCard | None = None
        self.columns: Columns | None = None
        self._shown_stage = 0
        self._when_width = self.scale.body * 7
        self.chart = ChartPlace(self)
        # The chart lives in one box that survives page rebuilds: re-parenting it on
        # every stage switch would hide/show it and force a full matplotlib redraw.
        self._pages: dict[int, _StagePage] = {}
        self._chart_box = QWidget()
        # Its height must not follow the page above it: a resized chart redraws fully.
        self._chart_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._chart_slot: QVBoxLayout | None = QVBoxLayout(self._chart_box)
        self._chart_slot.setContentsMargins(0, 16, 0, 0)
        selection.stage_changed.connect(self._on_stage_changed)
        self.refresh()

    # -- Pane ---------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Overview")

    def retranslate_ui(self) -> None:
        self._invalidate()
        super().retranslate_ui()

    def refresh(self) -> None:
        self._invalidate()
        super().refresh()

    def set_chart(self, widget: QWidget, slot: str | None = None) -> None:
        """Place a chart about the stages (e.g. milestones per stage) under the paper's
        account of the stage; it stays when the page is rebuilt."""
        self.chart.set(widget, self._chart_slot)

    # -- selection ----------------------------------------------------------------------
    def _on_stage_changed(self, stage_id: int) -> None:
        if stage_id != self._shown_stage:
            self._build()
            self.page.verticalScrollBar().setValue(0)

    def _select(self, kind: str, item_id: str) -> None:
        if kind == "stage":
            self.selection.set_stage(int(item_id))
        else:
            self.selection.set_item(kind, item_id)

    # -- building -----------------------------------------------------------------------
    def _invalidate(self) -> None:
        """Forget the built pages (language, zoom or theme changed)."""
        for page in self._pages.values():
            page.container.hide()
            page.container.deleteLater()
        self._pages.clear()
        self._shown_stage = 0

    def _build(self) -> None:
        # Not the page rebuilt whole (CardPagePane): one page per stage, kept.
        position = self.page.verticalScrollBar().value()
        same_stage = self._shown_stage == self.selection.stage
        stage = self.content.stage(self.selection.stage)
        column = self.page.column
        if column.indexOf(self._chart_box) < 0:
            # First build: the chart box and a stretch stay at the bottom for good.
            column.addWidget(self._chart_box)
            column.addStretch(1)
        current = self._pages.get(self._shown_stage)
        # Each stage's page is built once per language/zoom/theme and then only shown or
        # hidden: switching stages (a presenter's every click) must repaint, not rebuild.
        built = self._pages.get(stage.id) or self._make_page(stage)
        self._pages[stage.id] = built
        if current is not built:
            if current is not None:
                column.removeWidget(current.container)
                current.container.hide()
            column.insertWidget(0, built.container)
            built.container.show()
        self._shown_stage = stage.id
        self.cards = built.cards
        self.years_label, self.title_label = built.years_label, built.title_label
        self.outcome_label, self.next_card = built.outcome_label, built.next_card
        self.columns = built.columns

        kind, item_id = self.selection.item
        self.follower.cards = self.cards
        if not self.follower.follow(kind, item_id) and same_stage:
            self.page.verticalScrollBar().setValue(position)

    def _make_page(self, stage: Stage) -> _StagePage:
        container = QWidget()
        column = QVBoxLayout(container)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(self.page.column.spacing())
        self.cards = []
        column.addWidget(self._header(stage))

        self.columns = Columns(main_stretch=1, side_stretch=1)
        self.columns.set_wide_at(self.scale.body * 70)
        # Layers: our short account first; the paper's own text one click away.
        if stage.summary is not None:
            self.columns.add_main(label(fill(self.tr("Our summary of %1 of the paper"),
                                             stage.locator), "small"))
            self.columns.add_main(self._paragraph(stage.summary.get(self.lang)))
            paper = Disclosure()
            paper.setObjectName("papersAccount")
            paper.set_text(fill(self.tr("The paper's account (%1)"), stage.locator))
            paper.add(self._narrative(stage))
            if stage.outcome is not None:
                paper.add(self._paragraph(stage.outcome.get(self.lang)))
            self.columns.add_main(paper)
        else:
            self.columns.add_main(self._narrative(stage))
        side = self.columns
        events = self.content.events_in_stage(stage.id)
        self._when_width = self._fit_when_width(events)
        if events:
            side.add_side(label(self.tr("Milestones"), "heading"))
            for event in events:
                side.add_side(self._milestone_card(event))
        enterprises = self.content.enterprises_in_stage(stage.id)
        if enterprises:
            # The paper lists them (its list ends with 等); it calls only four 大型.
            side.add_side(label(self.tr("Enterprises the paper lists"), "heading"))
            grid = CardGrid(min_card=self.scale.body * 15, max_columns=3)
            for ent in enterprises:
                grid.add_card(self._enterprise_card(ent))
            side.add_side(grid)
        column.addWidget(self.columns)
        # Sources and notes: the third layer, closed until asked for.
        notes = notes_for_stage(self.content, stage)
        sources = Disclosure()
        sources.setObjectName("sourcesAndNotes")
        sources.set_text(self.tr("Sources and notes (%n)", "", len(notes) + 1))
        sources.add(label(self._source_text(stage), "small"))
        for note in notes:
            sources.add(NoteCard(note, self.lang, data_note_word()))
        column.addWidget(sources)
        self.next_card = self._next_card(stage)
        if self.next_card is not None:
            column.addWidget(self.next_card)
        for card in self.cards:
            card.activated.connect(self._select)
        assert self.years_label is not None and self.title_label is not None
        return _StagePage(container, list(self.cards), self.years_label, self.title_label,
                          self.outcome_label, self.next_card, self.columns)

    def _header(self, stage: Stage) -> QWidget:
        index = self.content.stages.index(stage)
        band = QFrame()
        band.setObjectName("stageBand")
        edge = self.theme.stage_edge(index)
        band.setStyleSheet(
            f"QFrame#stageBand {{ background: {self.theme.stage_tint(index)};"
            f" border-left: 8px solid {edge}; border-radius: 8px; }}"
            " QFrame#stageBand QLabel { background: transparent; }"
        )
        box = QVBoxLayout(band)
        box.setContentsMargins(24, 12, 24, 16)
        box.setSpacing(4)
        number = self.tr("Stage %1 of %2").replace("%1", str(index + 1)) \
            .replace("%2", str(len(self.content.stages)))
        self.years_label = label(stage.years_label, "years")
        self.years_label.setStyleSheet(f"color: {edge};")
        self.years_label.setAccessibleName(f"{number}, {stage.years_label}")
        top = QHBoxLayout()
        top.addWidget(self.years_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addSpacing(16)
        top.addWidget(label(number, "muted"), 1, Qt.AlignmentFlag.AlignBottom)
        box.addLayout(top)
        self.title_label = label(stage.title.get(self.lang), "title")
        box.addWidget(self.title_label)
        # The finding in a line: our headline, or where there is none the paper's own
        # closing sentence on the stage.
        lead = stage.headline or stage.outcome
        if lead is not None:
            self.outcome_label = label(lead.get(self.lang), "lead")
            box.addWidget(self.outcome_label)
        else:
            self.outcome_label = None
        return band

    def _paragraph(self, text: str) -> QLabel:
        # Rich text only for the line height (≈1.6 for Chinese, less for Latin text);
        # the content is escaped.
        height = language(self.lang).line_height
        return label(f"<p style='line-height:{height}%'>{escape(text)}</p>", "body", rich=True)

    def _narrative(self, stage: Stage) -> QWidget:
        narrative = self._paragraph(stage.narrative.get(self.lang))
        narrative.setAccessibleName(self.tr("The paper's account"))
        return narrative

    def _fit_when_width(self, events: tuple[Event, ...]) -> int:
        """One date column for the stage's milestones, as wide as its longest date
        (within reason: a longer one wraps)."""
        font = QFont(self.font())
        font.setPixelSize(self.scale.body)
        font.setBold(True)
        metrics = QFontMetrics(font)
        widest = max((metrics.horizontalAdvance(e.when.get(self.lang)) for e in events),
                     default=0)
        return min(widest + 8, self.scale.body * 9)

    def _milestone_card(self, event: Event) -> ItemCard:
        card = ItemCard("event", event.id)
        card.theme = self.theme
        card.setMinimumHeight(touch_px(self.scale))
        row = QHBoxLayout()
        row.setSpacing(16)
        when = label(event.when.get(self.lang), "when", selectable=False)
        when.setFixedWidth(self._when_width)
        when.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        row.addWidget(when, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(2)
        title = label(event.title.get(self.lang), "strong", selectable=False)
        title.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        text.addWidget(title)
        if event.detail is not None:
            detail = label(event.detail.get(self.lang), "muted", selectable=False)
            detail.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            text.addWidget(detail)
        row.addLayout(text, 1)
        card.add_layout(row)
        card.setAccessibleName(f"{event.when.get(self.lang)} {event.title.get(self.lang)}")
        if event.detail is not None:
            card.setAccessibleDescription(event.detail.get(self.lang))
        self.cards.append(card)
        return card

    def _enterprise_card(self, ent: Enterprise) -> ItemCard:
        card = ItemCard("enterprise", ent.id)
        card.theme = self.theme
        card.accent_color = city_color(self.content, ent.city_id)
        card.setMinimumHeight(touch_px(self.scale))
        name = ent.name.get(self.lang)
        card.add(label(f"{ent.founded}{'  ' if self.lang == 'en' else ' '}{name}", "strong",
                       selectable=False))
        city = self.content.city(ent.city_id).name.get(self.lang)
        classes = size_classes_text(ent.size_classes, self.lang)
        card.add(label(f"{city} · {classes}", "muted", selectable=False))
        card.body.addStretch(1)  # cards in a row share a height; keep the text at the top
        card.setAccessibleName(f"{name}, {city}, {ent.founded}, {classes}")
        self.cards.append(card)
        return card

    def _source_text(self, stage: Stage) -> str:
        text = source_line(self.content, [stage], self.lang)
        if self.lang == "en":
            text += "\n" + self.content.manifest.translation_note.get("en")
        return text

    def _next_card(self, stage: Stage) -> ItemCard | None:
        following = [s for s in self.content.stages if s.start_year > stage.end_year]
        if not following:
            return None
        nxt = following[0]
        card = ItemCard("stage", str(nxt.id))
        card.theme = self.theme
        card.accent_color = self.theme.stage_edge(self.content.stages.index(nxt))
        card.setMinimumHeight(touch_px(self.scale))
        lead = self.tr("Where it leads next")
        card.add(label(lead, "small", selectable=False))
        target = f"{nxt.years_label}  {nxt.title.get(self.lang)}  →"
        card.add(label(target, "strong", selectable=False))
        card.setAccessibleName(f"{lead}{language(self.lang).colon}{nxt.years_label} "
                               f"{nxt.title.get(self.lang)}")
        self.cards.append(card)
        return card
