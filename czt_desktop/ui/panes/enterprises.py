"""The large enterprises of the 1950s (§1.1): a sortable, filterable table, the data
notes about it beside it, and the source."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from czt_desktop.content import Content, DataNote, Stage
from czt_desktop.languages import fill
from czt_desktop.ui.appearance import Appearance
from czt_desktop.ui.models.enterprise_table import (
    EnterpriseColumn,
    EnterpriseFilterProxy,
    EnterpriseTableModel,
)
from czt_desktop.ui.models.roles import IdRole
from czt_desktop.ui.panes import lens
from czt_desktop.ui.panes.base import LensAction, Pane
from czt_desktop.ui.panes.filter_bar import Choice, FilterBar
from czt_desktop.ui.panes.look import (
    fit_controls_to_touch,
    pane_style_sheet,
    prepare_root,
    touch_px,
)
from czt_desktop.ui.panes.tables import PaneTableView
from czt_desktop.ui.panes.widgets import (
    ChartPlace,
    Columns,
    NoteCard,
    ScrollPage,
    clear_layout,
    label,
    mark_notes,
)
from czt_desktop.ui.selection import Selection
from czt_desktop.ui.swatch import color_swatch
from czt_desktop.ui.theme import city_color
from czt_desktop.ui.words import data_note_word, size_class_label, source_line

SIZE_CLASSES = ("large", "large-1")


class EnterprisesPane(Pane):
    pane_id = "enterprises"

    def __init__(self, content: Content, selection: Selection, appearance: Appearance,
                 parent: QWidget | None = None) -> None:
        super().__init__(content, selection, appearance, parent)
        prepare_root(self)
        self.model = EnterpriseTableModel(content, self.lang, self)
        self.proxy = EnterpriseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        years = [e.founded for e in content.enterprises] or [0]
        self._year_range = (min(years), max(years))
        self._syncing = False
        self.chart = ChartPlace(self)
        self._reveal_timer = QTimer(self)
        self._reveal_timer.setSingleShot(True)
        self._reveal_timer.setInterval(0)
        self._reveal_timer.timeout.connect(self._reveal_selected)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(0)
        self._note_timer.timeout.connect(self._reveal_note)

        self.page = ScrollPage()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.make_lens())
        outer.addWidget(self.page)
        column = self.page.column

        self.heading = label("", "title")
        column.addWidget(self.heading)
        self.count_label = label("", "muted")
        column.addWidget(self.count_label)
        column.addWidget(self._build_filters())

        self.table = PaneTableView(fit_rows=True)
        self.table.setModel(self.proxy)
        self.table.set_fitted_columns({EnterpriseColumn.NAME: 3, EnterpriseColumn.INDUSTRY: 2},
                                      cap=0.2)
        self.table.sortByColumn(EnterpriseColumn.FOUNDED, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._on_rows_selected)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved,
                       self.proxy.layoutChanged, self.proxy.modelReset):
            signal.connect(self._rows_changed)

        self.columns = Columns(main_stretch=3, side_stretch=2)
        self.columns.add_main(self.table)
        self.chart_slot = QVBoxLayout()
        self.columns.add_main_layout(self.chart_slot)
        self.notes_heading = label("", "heading")
        self.notes_box = QVBoxLayout()
        self.notes_box.setSpacing(12)
        self.columns.add_side(self.notes_heading)
        self.columns.add_side_layout(self.notes_box)
        column.addWidget(self.columns)
        self.source_label = label("", "small")
        column.addWidget(self.source_label)
        column.addStretch(1)

        selection.item_changed.connect(self._on_item_changed)
        self.retranslate_ui()
        self.refresh()
        self.update_lens()
        self._on_item_changed(*selection.item)

    def stage_lens(self, stage: Stage) -> tuple[str, list[LensAction]]:
        actions: list[LensAction] = []
        stages = {e.stage_id for e in self.content.enterprises}
        if stage.id not in stages and len(stages) == 1:
            home = self.content.stage(next(iter(stages)))
            actions.append((fill(self.tr("Go to stage %1"), lens.stage_number(self.content, home)),
                            lambda: self.selection.set_stage(home.id)))
        return lens.words().enterprises(self.content, stage, self.lang), actions

    # -- building -----------------------------------------------------------------------
    def _build_filters(self) -> QWidget:
        self.filters = bar = FilterBar(self._text_typed, self.clear_filters)
        self.search_edit, self.clear_button = bar.search_edit, bar.clear_button
        self.city_caption, self.years_caption, self.size_caption = QLabel(), QLabel(), QLabel()
        self.city_combo = bar.add_choice(self._city_chosen)
        self.year_from = bar.add_choice(self._years_chosen)
        self.year_to = bar.add_choice(self._years_chosen, reset_to_last=True)
        self.size_combo = bar.add_choice(self._size_chosen)
        self.years_dash = QLabel("–")
        founded = sorted({e.founded for e in self.content.enterprises})
        for box, value in ((self.year_from, self._year_range[0]),
                           (self.year_to, self._year_range[1])):
            FilterBar.refill(box, (Choice(str(year), year) for year in founded))
            box.setCurrentIndex(max(0, box.findData(value)))
        bar.add_fields((self.city_caption, (self.city_combo,)),
                       (self.years_caption, (self.year_from, self.years_dash, self.year_to)),
                       (self.size_caption, (self.size_combo,)))
        return bar

    def _fill_combos(self) -> None:
        """(Re)fill the lists in the current language, keeping what is chosen."""
        present = {e.city_id for e in self.content.enterprises}
        FilterBar.refill(self.city_combo, [
            Choice(self.tr("All cities"), ""),
            *(Choice(city.name.get(self.lang), city.id,
                     color_swatch(city_color(self.content, city.id)))
              for city in self.content.cities if city.id in present)])
        FilterBar.refill(self.size_combo, [
            Choice(self.tr("All size classes"), ""),
            *(Choice(size_class_label(code), code) for code in SIZE_CLASSES)])

    def _notes(self) -> list[DataNote]:
        return [n for n in self.content.data_notes
                if any(ref.startswith("enterprises:") for ref in n.applies_to)]

    # -- Pane ---------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Enterprises")

    def retranslate_ui(self) -> None:
        self.model.set_language(self.lang)
        first, last = self._year_range
        # The paper lists them (its list ends with 等) and calls only four 大型.
        self.heading.setText(fill(self.tr("Enterprises the paper lists, built %1–%2"),
                                  first, last))
        self.filters.retranslate(self.tr("Search enterprises"))
        self.city_caption.setText(self.tr("City"))
        self.city_combo.setAccessibleName(self.tr("Filter by city"))
        self.years_caption.setText(self.tr("Built"))
        self.year_from.setAccessibleName(self.tr("Built in or after"))
        self.year_to.setAccessibleName(self.tr("Built in or before"))
        self.size_caption.setText(self.tr("Size class"))
        self.size_combo.setAccessibleName(self.tr("Filter by size class"))
        self.table.setAccessibleName(self.tr("Enterprises"))
        self.notes_heading.setText(self.tr("Notes on the data"))
        self._fill_combos()
        clear_layout(self.notes_box)
        for note in self._notes():
            self.notes_box.addWidget(NoteCard(note, self.lang, data_note_word()))
        self.notes_heading.setVisible(self.notes_box.count() > 0)
        mark_notes(self.page.paper, *self.selection.item)
        self.source_label.setText(source_line(self.content, self.content.enterprises, self.lang))
        self._update_count()
        self.table.fit_height()

    def refresh(self) -> None:
        self.setStyleSheet(pane_style_sheet(self.theme, self.scale))
        touch = touch_px(self.scale)
        self.table.set_min_row_height(touch)
        fit_controls_to_touch(self, self.scale)
        self.columns.set_wide_at(self.scale.body * 75)
        self.filters.set_scale(self.scale)
        self.table.fit_height()

    # -- filters ------------------------------------------------------------------------
    def _text_typed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    def _city_chosen(self) -> None:
        self.proxy.set_city(self.city_combo.currentData() or "")
        self._update_count()

    def _size_chosen(self) -> None:
        self.proxy.set_size_class(self.size_combo.currentData() or "")
        self._update_count()

    def _years_chosen(self) -> None:
        first, last = int(self.year_from.currentData()), int(self.year_to.currentData())
        if (min(first, last), max(first, last)) == self._year_range:
            self.proxy.set_years(None, None)
        else:
            self.proxy.set_years(first, last)
        self._update_count()

    def clear_filters(self) -> None:
        """Show every enterprise again (the selection stays)."""
        self.filters.reset()
        self.proxy.clear_filters()
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            text = self.tr("%1 enterprises. Click a column title to sort.") \
                .replace("%1", str(total))
        else:
            text = self.tr("%1 of %2 enterprises match the filters.") \
                .replace("%1", str(shown)).replace("%2", str(total))
        self.count_label.setText(text)
        self.filters.set_filtering(self.proxy.is_filtering())

    def _rows_changed(self) -> None:
        self.table.fit_height()

    # -- selection ----------------------------------------------------------------------
    def _on_rows_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._syncing or selected.isEmpty():
            return
        item_id = self.proxy.data(selected.indexes()[0], IdRole)
        if isinstance(item_id, str):
            self.selection.set_item("enterprise", item_id)

    def _on_item_changed(self, kind: str, item_id: str) -> None:
        note = mark_notes(self.page.paper, kind, item_id)
        if note is not None:
            self._note_timer.start()
        self._syncing = True
        try:
            if kind != "enterprise":
                self.table.clearSelection()
                return
            index = self.proxy_index_of(item_id)
            if not index.isValid() and self.model.row_of(item_id) >= 0:
                # Chosen elsewhere but hidden by the filters here: show it anyway.
                self.clear_filters()
                index = self.proxy_index_of(item_id)
            if index.isValid():
                self.table.select_index(index)
                self._reveal_timer.start()
        finally:
            self._syncing = False

    def _reveal_note(self) -> None:
        note = next((n for n in self.page.paper.findChildren(NoteCard)
                     if n.property("selected")), None)
        if note is not None:
            self.page.reveal(note)

    def proxy_index_of(self, enterprise_id: str) -> QModelIndex:
        row = self.model.row_of(enterprise_id)
        if row < 0:
            return QModelIndex()
        return self.proxy.mapFromSource(self.model.index(row, 0))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._reveal_timer.start()

    def _reveal_selected(self) -> None:
        # After the layout has settled: the table's height and rows are final then.
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isSelected(index):
            return
        self.page.column.activate()
        rect = self.table.visualRect(index)
        centre = self.table.viewport().mapTo(self.page.paper, rect.center())
        if isinstance(centre, QPoint):
            self.page.ensureVisible(centre.x(), centre.y(), 0, rect.height())

    # -- chart --------------------------------------------------------------------------
    def set_chart(self, widget: QWidget, slot: str | None = None) -> None:
        """Put a chart about the enterprises under the table (replacing any before)."""
        self.chart.set(widget, self.chart_slot)
