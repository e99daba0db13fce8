"""The cluster at the time of the paper (§2): each core city in its colour with its
industries each city focuses on in the paper's order and its innovation base, the paper's statements
about today, and the "3+5" ring of cities around the three."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QVBoxLayout, QWidget

from czt_desktop.content import City, Content, DataNote, Fact, Stage
from czt_desktop.content.citing import Cited
from czt_desktop.ui.appearance import Appearance
from czt_desktop.ui.panes import lens
from czt_desktop.ui.panes.base import LensAction
from czt_desktop.ui.panes.card_page import CardPagePane
from czt_desktop.ui.panes.look import touch_px
from czt_desktop.ui.panes.widgets import (
    CardGrid,
    Columns,
    ItemCard,
    NoteShelf,
    chips,
    dot,
    label,
)
from czt_desktop.ui.selection import Selection
from czt_desktop.ui.theme import RING_CITY_COLOR, city_color
from czt_desktop.ui.words import (
    citation_lines,
    data_note_word,
    place_line,
    see_above_word,
)


class TodayPane(CardPagePane):
    pane_id = "today"

    def __init__(self, content: Content, selection: Selection, appearance: Appearance,
                 parent: QWidget | None = None) -> None:
        super().__init__(content, selection, appearance, parent)
        self.refresh()

    def title(self) -> str:
        return self.tr("Today")

    def stage_lens(self, stage: Stage) -> tuple[str, list[LensAction]]:
        return lens.words().today(stage, self.lang), []

    # -- selection ----------------------------------------------------------------------
    def _followed(self, kind: str, item_id: str) -> tuple[str, str]:
        """An industry or innovation base chosen elsewhere (the search) lights up the card
        of its city, where it is listed."""
        if kind == "industry":
            found = next((i for i in self.content.industries if i.id == item_id), None)
            return ("city", found.city_id) if found else (kind, item_id)
        if kind == "innovation_base":
            base = next((b for b in self.content.innovation_bases if b.id == item_id), None)
            return ("city", base.city_id) if base else (kind, item_id)
        return kind, item_id

    # -- building -----------------------------------------------------------------------
    def _source_text(self, records: Sequence[Cited]) -> str:
        self._sources.extend(r.source_id for r in records)
        return place_line(records, self.lang)

    def _notes(self, refs: set[str]) -> list[DataNote]:
        return [n for n in self.content.data_notes if refs.intersection(n.applies_to)]

    def _fill_page(self, column: QVBoxLayout) -> None:
        self._sources: list[str] = []
        self._shelf = NoteShelf(self.lang, data_note_word(), see_above_word())
        column.addWidget(label(self.tr("The three cities today"), "title"))
        column.addWidget(label(self.tr("As the paper describes them at the time it was "
                                       "written."), "muted"))
        column.addWidget(self._cities_block())
        facts = list(self.content.facts_about("status"))
        if facts:
            column.addWidget(self._facts_block(self.tr("In the paper's words"), facts))
        ring = list(self.content.facts_about("ring"))
        if ring or self.content.cities_with_role("ring"):
            column.addWidget(self._ring_block(ring))
        column.addWidget(label(citation_lines(self.content, self._sources, self.lang), "small"))

    def _cities_block(self) -> QWidget:
        columns = Columns(main_stretch=3, side_stretch=1)
        columns.set_wide_at(self.scale.body * 70)
        grid = CardGrid(min_card=self.scale.body * 17, max_columns=3)
        refs: set[str] = set()
        records: list[Cited] = []
        for city in self.content.cities_with_role("core"):
            grid.add_card(self._city_card(city))
            for industry in self.content.industries_of(city.id):
                refs.add(f"industries:{industry.id}")
                records.append(industry)
            for base in self.content.innovation_bases_of(city.id):
                refs.add(f"innovation_bases:{base.id}")
                records.append(base)
        columns.add_main(grid)
        columns.add_main(label(self._source_text(records), "small"))
        for note in self._notes(refs):
            columns.add_side(self._shelf.card(note))
        return columns

    def _city_card(self, city: City) -> ItemCard:
        lang = self.lang
        color = city_color(self.content, city.id)
        card = ItemCard("city", city.id)
        card.theme = self.theme
        card.accent_color = color
        card.setMinimumHeight(touch_px(self.scale))
        card.body.setContentsMargins(24, 12, 16, 16)
        card.body.setSpacing(6)
        name = label(city.name.get(lang), "title", selectable=False)
        name.setStyleSheet(f"color: {color};")
        card.add(name)
        industries = self.content.industries_of(city.id)
        if industries:
            card.add(label(self.tr("Industries it focuses on"), "small", selectable=False))
            # Chips in the paper's order (``industries_of`` keeps ``seq``).
            card.add(chips(i.name.get(lang) for i in industries))
        bases = self.content.innovation_bases_of(city.id)
        if bases:
            card.add(label(self.tr("Science and innovation base"), "small", selectable=False))
            for base in bases:
                card.add(label(base.name.get(lang), "strong", selectable=False))
        card.body.addStretch(1)  # cards in a row share a height; keep the text at the top
        names = ", ".join(i.name.get(lang) for i in industries)
        card.setAccessibleName(f"{city.name.get(lang)}: {names}")
        self.cards.append(card)
        return card

    def _facts_block(self, heading: str, facts: list[Fact]) -> QWidget:
        block = QWidget()
        box = QVBoxLayout(block)
        box.setContentsMargins(0, 8, 0, 0)
        box.addWidget(label(heading, "heading"))
        columns = Columns(main_stretch=3, side_stretch=1)
        columns.set_wide_at(self.scale.body * 55)
        for fact in facts:
            columns.add_main(label(fact.text.get(self.lang), "lead"))
        columns.add_main(
            label(self._source_text(facts), "small"))
        for note in self._notes({f"facts:{f.id}" for f in facts}):
            columns.add_side(self._shelf.card(note))
        box.addWidget(columns)
        return block

    def _ring_block(self, facts: list[Fact]) -> QWidget:
        lang = self.lang
        block = QWidget()
        box = QVBoxLayout(block)
        box.setContentsMargins(0, 8, 0, 0)
        box.addWidget(label(self.tr("The “3+5” city cluster"), "heading"))
        columns = Columns(main_stretch=3, side_stretch=1)
        columns.set_wide_at(self.scale.body * 55)
        main = columns
        for fact in facts:
            main.add_main(label(fact.text.get(lang), "lead"))
        core = self.content.cities_with_role("core")
        ring = self.content.cities_with_role("ring")
        if core:
            main.add_main(label(self.tr("The three at the centre"), "small"))
            main.add_main(chips(dot(city_color(self.content, c.id), c.name.get(lang))
                                  for c in core))
        if ring:
            main.add_main(label(self.tr("The five around them"), "small"))
            main.add_main(chips(dot(RING_CITY_COLOR, c.name.get(lang)) for c in ring))
        records: list[Cited] = [*facts, *ring]
        main.add_main(label(self._source_text(records), "small"))
        refs = {f"facts:{f.id}" for f in facts} | {f"cities:{c.id}" for c in ring}
        for note in self._notes(refs):
            columns.add_side(self._shelf.card(note))
        box.addWidget(columns)
        return block
