"""What the paper finds wrong (§3) and what it recommends (§4), with the other city
clusters it compares Changsha–Zhuzhou–Xiangtan with, each with its source and notes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QVBoxLayout, QWidget

from czt_desktop.content import Content, DataNote, Fact, PeerCluster, Problem, Stage, Strategy
from czt_desktop.languages import language
from czt_desktop.ui.appearance import Appearance
from czt_desktop.ui.panes import lens
from czt_desktop.ui.panes.base import LensAction
from czt_desktop.ui.panes.card_page import CardPagePane
from czt_desktop.ui.panes.look import touch_px
from czt_desktop.ui.panes.widgets import (
    Columns,
    ItemCard,
    NoteShelf,
    chips,
    label,
)
from czt_desktop.ui.selection import Selection
from czt_desktop.ui.words import (
    citation_lines,
    data_note_word,
    place_line,
    see_above_word,
)


class AnalysisPane(CardPagePane):
    pane_id = "analysis"

    def __init__(self, content: Content, selection: Selection, appearance: Appearance,
                 parent: QWidget | None = None) -> None:
        super().__init__(content, selection, appearance, parent)
        self.refresh()

    def title(self) -> str:
        return self.tr("Problems and ideas")

    def stage_lens(self, stage: Stage) -> tuple[str, list[LensAction]]:
        return lens.words().analysis(stage, self.lang), []

    # -- building -----------------------------------------------------------------------
    def _notes(self, refs: set[str]) -> list[DataNote]:
        return [n for n in self.content.data_notes if refs.intersection(n.applies_to)]

    def _fill_page(self, column: QVBoxLayout) -> None:
        self._shelf = NoteShelf(self.lang, data_note_word(), see_above_word())
        column.addWidget(label(self.tr("Problems, and what the paper recommends"), "title"))
        problems = self.content.problems
        if problems:
            column.addWidget(label(self.tr("Problems the paper names"), "heading"))
            self._add_facts(self.content.facts_about("problems"))
            for problem in problems:
                column.addWidget(self._row(self._numbered_card("problem", problem),
                                           {f"problems:{problem.id}"}))
        if self.content.peer_clusters:
            column.addWidget(self._peers_block())
        strategies = self.content.strategies
        if strategies:
            column.addWidget(label(self.tr("What the paper recommends"), "heading"))
            self._add_facts(self.content.facts_about("strategies"))
            for strategy in strategies:
                column.addWidget(self._row(self._numbered_card("strategy", strategy),
                                           {f"strategies:{strategy.id}"}))
        cited: list[Problem | Strategy | PeerCluster | Fact] = [
            *problems, *self.content.peer_clusters, *strategies,
            *self.content.facts_about("problems"), *self.content.facts_about("strategies")]
        source_ids = [r.source_id for r in cited]
        column.addWidget(label(citation_lines(self.content, source_ids, self.lang), "small"))

    def _add_facts(self, facts: Sequence[Fact]) -> None:
        if not facts:
            return
        columns = Columns(main_stretch=3, side_stretch=2)
        columns.set_wide_at(self.scale.body * 55)
        text = language(self.lang).sentence_space.join(f.text.get(self.lang) for f in facts)
        columns.add_main(label(text, "lead"))
        columns.add_main(label(place_line(facts, self.lang), "small"))
        for note in self._notes({f"facts:{f.id}" for f in facts}):
            columns.add_side(self._shelf.card(note))
        self.page.column.addWidget(columns)

    def _row(self, card: ItemCard, refs: set[str]) -> QWidget:
        """A card with the notes about it beside it (below it on a narrow screen)."""
        columns = Columns(main_stretch=3, side_stretch=2)
        columns.set_wide_at(self.scale.body * 55)
        columns.add_main(card)
        for note in self._notes(refs):
            columns.add_side(self._shelf.card(note))
        return columns

    def _numbered_card(self, kind: str, record: Problem | Strategy) -> ItemCard:
        lang = self.lang
        card = ItemCard(kind, record.id)
        card.theme = self.theme
        card.setMinimumHeight(touch_px(self.scale))
        card.body.setContentsMargins(20, 12, 16, 12)
        card.body.setSpacing(6)
        title = language(lang).numbered(record.seq, record.title.get(lang))
        card.add(label(title, "lead", selectable=False))
        card.add(label(record.text.get(lang), "body", selectable=False))
        card.add(label(place_line([record], lang), "small", selectable=False))
        card.setAccessibleName(record.title.get(lang))
        card.setAccessibleDescription(record.text.get(lang))
        self.cards.append(card)
        return card

    def _peers_block(self) -> QWidget:
        lang = self.lang
        block = QWidget()
        box = QVBoxLayout(block)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        box.addWidget(label(self.tr("Other city clusters the paper names"), "heading"))
        columns = Columns(main_stretch=3, side_stretch=2)
        columns.set_wide_at(self.scale.body * 55)
        # Grouped by where the paper names them: §3.1 compares, §1.5 only mentions.
        by_place: dict[tuple[str, str], list[PeerCluster]] = {}
        # ... and each place's names under it.
        for peer in self.content.peer_clusters:
            by_place.setdefault((peer.source_id, peer.locator), []).append(peer)
        for peers in by_place.values():
            columns.add_main(chips([p.name.get(lang) for p in peers]))
            columns.add_main(label(place_line(peers[:1], lang), "small"))
        refs = {f"peer_clusters:{p.id}" for p in self.content.peer_clusters}
        for note in self._notes(refs):
            columns.add_side(self._shelf.card(note))
        box.addWidget(columns)
        return block
