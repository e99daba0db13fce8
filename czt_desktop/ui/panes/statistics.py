"""Every figure the paper gives, as cards grouped by what they measure, each group with
its data notes beside it (the 41.57 % vs 42.34 % note stands next to the shares) and
room for a chart."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from czt_desktop.content import Content, DataNote, Stage, Statistic
from czt_desktop.languages import fill
from czt_desktop.ui.appearance import Appearance
from czt_desktop.ui.panes import lens
from czt_desktop.ui.panes.base import LensAction
from czt_desktop.ui.panes.card_page import CardPagePane
from czt_desktop.ui.panes.look import touch_px
from czt_desktop.ui.panes.widgets import (
    CardGrid,
    ChartPlace,
    Columns,
    ItemCard,
    NoteCard,
    NoteShelf,
    label,
)
from czt_desktop.ui.selection import Selection
from czt_desktop.ui.theme import city_color
from czt_desktop.ui.words import data_note_word, place_line, see_above_word

#: Chart places, by name: the GDP of each city, and each city's share of Hunan's GDP.
CHART_SLOTS = ("gdp", "shares")


def _is_gdp(s: Statistic) -> bool:
    return s.metric == "gdp"


def _is_dated_share(s: Statistic) -> bool:
    return s.metric == "gdp_share_of_province" and s.year is not None


def _is_land_people_output(s: Statistic) -> bool:
    return (s.metric in ("land_share_of_province", "population_share_of_province")
            or (s.metric == "gdp_share_of_province" and s.year is None))


def _split_unit(value_text: str) -> tuple[str, str]:
    """``"16,835.0 (100 million yuan)"`` → the number large, its unit on a line below;
    the text itself is unchanged (only where the line breaks)."""
    if value_text.endswith(")") and " (" in value_text:
        number, unit = value_text.split(" (", 1)
        return number, f"({unit}"
    return value_text, ""


class StatisticsPane(CardPagePane):
    pane_id = "statistics"
    #: The picked stage's figures come first (the page is built again for each stage).
    follows_stage = True

    def __init__(self, content: Content, selection: Selection, appearance: Appearance,
                 parent: QWidget | None = None) -> None:
        super().__init__(content, selection, appearance, parent)
        #: Each section's note cards by section key, for tests and screen readers.
        self.section_notes: dict[str, list[NoteCard]] = {}
        self.section_cards: dict[str, list[ItemCard]] = {}
        self._charts = {which: ChartPlace(self) for which in CHART_SLOTS}
        self._chart_slots: dict[str, QVBoxLayout] = {}
        #: Per section: its widget and card grid; per figure: its (hidden) stage mark.
        self._section_widgets: dict[str, QWidget] = {}
        self._grids: dict[str, CardGrid] = {}
        self._marks: dict[str, QLabel] = {}
        self.refresh()

    # -- Pane ---------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Statistics")

    def stage_lens(self, stage: Stage) -> tuple[str, list[LensAction]]:
        return lens.words().statistics(self.content, stage), []

    def _in_stage(self, stat: Statistic) -> bool:
        return self.content.stage_of_record(stat) is self.content.stage(self.selection.stage)

    def _on_stage_changed(self, _stage_id: int) -> None:
        # Only the order and the stage marks change: move what is there rather than
        # build the page again (which would re-place, and so re-lay out, its charts).
        if self._section_widgets:
            self._restage()  # cheap: also while hidden, so showing costs nothing
            self.page.verticalScrollBar().setValue(0)
        else:
            super()._on_stage_changed(_stage_id)

    def _restage(self) -> None:
        by_id = {s.id: s for s in self.content.statistics}
        first_section = self.page.column.indexOf(next(iter(self._section_widgets.values())))
        keys = sorted(self._section_widgets, key=lambda k: not any(
            self._in_stage(by_id[c.item_id]) for c in self.section_cards[k]))
        for offset, key in enumerate(keys):
            widget = self._section_widgets[key]
            self.page.column.removeWidget(widget)
            self.page.column.insertWidget(first_section + offset, widget)
        self._section_widgets = {k: self._section_widgets[k] for k in keys}
        self.section_cards = {k: self.section_cards[k] for k in keys}
        for key, cards in self.section_cards.items():
            cards.sort(key=lambda c: not self._in_stage(by_id[c.item_id]))
            self._grids[key].set_order(cards)
        self.cards = [card for cards in self.section_cards.values() for card in cards]
        self.follower.cards = self.cards
        for stat_id, mark in self._marks.items():
            self._mark(mark, by_id[stat_id])

    # -- charts -------------------------------------------------------------------------
    def set_chart(self, widget: QWidget, slot: str | None = None) -> None:
        """Place a chart under the cards it draws: ``slot`` is ``"gdp"`` (GDP by city)
        or ``"shares"`` (each city's and the cluster's share of Hunan's GDP)."""
        which = slot or "gdp"
        if which not in CHART_SLOTS:
            raise ValueError(f"no chart place {which!r}; use one of {CHART_SLOTS}")
        self._charts[which].set(widget, self._chart_slots.get(which))

    def set_gdp_chart(self, widget: QWidget) -> None:
        self.set_chart(widget, "gdp")

    def set_share_chart(self, widget: QWidget) -> None:
        self.set_chart(widget, "shares")

    # -- selection ----------------------------------------------------------------------
    # -- building -----------------------------------------------------------------------
    def _sections(self) -> list[tuple[str, str, Callable[[Statistic], bool]]]:
        return [
            ("gdp", self.tr("Gross domestic product (GDP)"), _is_gdp),
            ("shares", self.tr("Share of Hunan Province's GDP"), _is_dated_share),
            ("land", self.tr("Land, people and output"), _is_land_people_output),
            ("other", self.tr("Other figures in the paper"), lambda _s: True),
        ]

    def _before_clear(self) -> None:
        # Charts come from outside: take them out before the page goes.
        for place in self._charts.values():
            place.stash()

    def _fill_page(self, column: QVBoxLayout) -> None:
        self.section_notes = {}
        self.section_cards = {}
        self._section_widgets, self._grids, self._marks = {}, {}, {}
        self._shelf = NoteShelf(self.lang, data_note_word(), see_above_word())
        self._chart_slots = {}
        column.addWidget(label(self.tr("Figures from the paper"), "title"))
        column.addWidget(label(self.tr("Each figure as the paper prints it, with the year it "
                                       "is for and where in the paper it is."), "muted"))
        placed: set[str] = set()
        sections: list[tuple[str, str, list[Statistic]]] = []
        for key, heading, wanted in self._sections():
            stats = [s for s in self.content.statistics if s.id not in placed and wanted(s)]
            if not stats and key not in CHART_SLOTS:
                continue
            placed.update(s.id for s in stats)
            # The picked stage's figures first, in the sections that have any first.
            stats.sort(key=lambda s: not self._in_stage(s))
            sections.append((key, heading, stats))
        sections.sort(key=lambda section: not any(self._in_stage(s) for s in section[2]))
        for key, heading, stats in sections:
            self._section_widgets[key] = self._section(key, heading, stats)
            column.addWidget(self._section_widgets[key])
        column.addWidget(label(self._sources_text(), "small"))
        for which, place in self._charts.items():
            slot = self._chart_slots.get(which)
            if slot is not None:
                place.place(slot)

    def figure_order(self) -> list[str]:
        """The figures' ids as the page shows them, top to bottom."""
        return [card.item_id for cards in self.section_cards.values() for card in cards]

    def _section(self, key: str, heading: str, stats: list[Statistic]) -> QWidget:
        section = QWidget()
        box = QVBoxLayout(section)
        box.setContentsMargins(0, 8, 0, 8)
        box.setSpacing(8)
        box.addWidget(label(heading, "heading"))
        columns = Columns(main_stretch=3, side_stretch=2)
        columns.set_wide_at(self.scale.body * 45)
        grid = CardGrid(min_card=self.scale.body * 13, max_columns=4)
        cards = [self._card(s) for s in stats]
        for card in cards:
            grid.add_card(card)
        self.section_cards[key] = cards
        self._grids[key] = grid
        columns.add_main(grid)
        if key in CHART_SLOTS:
            slot = QVBoxLayout()
            columns.add_main_layout(slot)
            self._chart_slots[key] = slot
        notes = [self._shelf.card(n) for n in self._notes_about(stats)]
        for note in notes:
            columns.add_side(note)
        self.section_notes[key] = notes
        box.addWidget(columns)
        return section

    def _notes_about(self, stats: list[Statistic]) -> list[DataNote]:
        refs = {f"statistics:{s.id}" for s in stats}
        return [n for n in self.content.data_notes if refs.intersection(n.applies_to)]

    def _card(self, stat: Statistic) -> ItemCard:
        lang = self.lang
        card = ItemCard("statistic", stat.id)
        card.theme = self.theme
        color = (city_color(self.content, stat.city_id) if stat.city_id
                 else self.theme.accent)
        card.accent_color = color
        card.setMinimumHeight(touch_px(self.scale))
        card.body.setContentsMargins(20, 12, 12, 12)
        mark = label("", "small", selectable=False)
        card.add(mark)
        self._marks[stat.id] = mark
        self._mark(mark, stat)
        number, unit = _split_unit(stat.value_text.get(lang))
        value = label(number, "value", selectable=False)
        # City colours pass 3:1 for large text; the value is set large and bold.
        value.setStyleSheet(f"color: {color};")
        card.add(value)
        if unit:
            card.add(label(unit, "strong", selectable=False))
        card.add(label(stat.label.get(lang), "body", selectable=False))
        if stat.when is not None:
            period = stat.when.get(lang)
        elif stat.year is not None:
            period = str(stat.year)
        else:
            period = self.tr("No year given in the paper")
        card.add(label(period, "muted", selectable=False))
        card.add(label(place_line([stat], lang), "small", selectable=False))
        card.body.addStretch(1)  # cards in a row share a height; keep the text at the top
        card.setAccessibleName(f"{stat.label.get(lang)}: {stat.value_text.get(lang)}, {period}")
        self.cards.append(card)
        return card

    def _mark(self, mark: QLabel, stat: Statistic) -> None:
        """"Stage 4 · 2000–2006" on a figure of the picked stage, in its colour."""
        if not self._in_stage(stat):
            mark.hide()
            return
        stage = self.content.stage(self.selection.stage)
        index = self.content.stages.index(stage)
        mark.setText(fill(self.tr("Stage %1 · %2"), index + 1, stage.years_label))
        mark.setStyleSheet(f"color: {self.theme.stage_edge(index)}; font-weight: bold;")
        mark.show()

    def _sources_text(self) -> str:
        lines = []
        for source_id in sorted({s.source_id for s in self.content.statistics}):
            source = self.content.source(source_id)
            lines.append(self.tr("Source of the figures: %1")
                         .replace("%1", source.citation.get(self.lang)))
            if source.note is not None:
                lines.append(source.note.get(self.lang))
        return "\n".join(lines)
