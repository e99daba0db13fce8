"""Plans, policies and every other dated event of §1, as a table filtered by stage and
kind, with what the paper says about the chosen one beside or below it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from czt_desktop.content import Content, Event, Stage
from czt_desktop.ui.appearance import Appearance
from czt_desktop.ui.models.event_table import EventColumn, EventFilterProxy, EventTableModel
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
    NoteCard,
    ScrollPage,
    clear_layout,
    label,
)
from czt_desktop.ui.selection import Selection
from czt_desktop.ui.words import (
    data_note_word,
    event_kind_label,
    event_kinds,
    source_line,
)


class PlansPane(Pane):
    pane_id = "plans"

    def __init__(self, content: Content, selection: Selection, appearance: Appearance,
                 parent: QWidget | None = None) -> None:
        super().__init__(content, selection, appearance, parent)
        prepare_root(self)
        self.model = EventTableModel(content, self.lang, self)
        self.proxy = EventFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._syncing = False
        #: The stage filter follows the timeline until the reader picks another filter.
        self.following = True
        self._setting_stage = False
        self._shown_event = ""
        self._sized = False
        self._reveal_timer = QTimer(self)
        self._reveal_timer.setSingleShot(True)
        self._reveal_timer.setInterval(0)
        self._reveal_timer.timeout.connect(self._reveal_selected)

        # One scrolling page: it only scrolls when the window is too short for the table
        # and the detail at their smallest (a large zoom on a projector).
        self.page = ScrollPage()
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self.make_lens())
        root.addWidget(self.page)
        outer = self.page.column
        outer.setContentsMargins(32, 16, 32, 16)
        outer.setSpacing(8)
        # No heading: the tab names the pane, and on a projector every line counts.
        self.count_label = label("", "muted")
        outer.addWidget(self.count_label)
        outer.addWidget(self._build_filters())

        self.table = PaneTableView()
        self.table.setModel(self.proxy)
        self.table.set_fitted_columns({EventColumn.TITLE: 1}, cap=0.22)
        self.table.sortByColumn(EventColumn.DATE, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._on_rows_selected)

        self.detail = ScrollPage()
        self.detail.column.setContentsMargins(24, 16, 16, 16)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        outer.addWidget(self.splitter, 1)

        selection.item_changed.connect(self._on_item_changed)
        selection.stage_changed.connect(self._on_stage_changed)
        self.retranslate_ui()
        self.refresh()
        self.follow_timeline()
        self._on_item_changed(*selection.item)

    def _build_filters(self) -> QWidget:
        self.filters = bar = FilterBar(self._text_typed, self.clear_filters)
        self.search_edit, self.clear_button = bar.search_edit, bar.clear_button
        self.stage_caption, self.kind_caption = QLabel(), QLabel()
        self.stage_combo = bar.add_choice(self._stage_chosen)
        self.kind_combo = bar.add_choice(self._kind_chosen)
        bar.add_fields((self.stage_caption, (self.stage_combo,)),
                       (self.kind_caption, (self.kind_combo,)))
        return bar

    # -- Pane ---------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Plans and policies")

    def retranslate_ui(self) -> None:
        self.model.set_language(self.lang)
        self.filters.retranslate(self.tr("Search plans and events"))
        self.stage_caption.setText(self.tr("Stage"))
        self.stage_combo.setAccessibleName(self.tr("Filter by stage"))
        self.kind_caption.setText(self.tr("Kind"))
        self.kind_combo.setAccessibleName(self.tr("Filter by kind"))
        self.table.setAccessibleName(self.tr("Plans, policies and other dated events"))
        self.detail.setAccessibleName(self.tr("About the chosen event"))
        self._fill_combos()
        self._update_count()
        self._show_detail(self._shown_event)

    def refresh(self) -> None:
        self.setStyleSheet(pane_style_sheet(self.theme, self.scale))
        touch = touch_px(self.scale)
        self.table.set_min_row_height(touch)
        fit_controls_to_touch(self, self.scale)
        self.filters.set_scale(self.scale)
        self.splitter.setMinimumHeight(self.scale.body * 16)
        self._update_orientation(self.width())
        self._show_detail(self._shown_event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._update_orientation(event.size().width())
        super().resizeEvent(event)

    def _update_orientation(self, width: int) -> None:
        # Side by side on a wide screen; the detail below the table on a projector.
        wanted = (Qt.Orientation.Horizontal if width >= self.scale.body * 80
                  else Qt.Orientation.Vertical)
        if self.splitter.orientation() != wanted or not self._sized:
            self.splitter.setOrientation(wanted)
            self._sized = True
            # Side by side the room is shared 55:45; stacked on a short projector screen
            # the table gets two thirds, so it shows more than a couple of rows.
            # (The splitter is not laid out yet the first time: proportions, not pixels.)
            self.splitter.setSizes([550, 450] if wanted == Qt.Orientation.Horizontal
                                   else [680, 320])

    # -- filters ------------------------------------------------------------------------
    def _fill_combos(self) -> None:
        FilterBar.refill(self.stage_combo, [
            Choice(self.tr("All stages"), 0),
            *(Choice(f"{st.years_label} {st.short.get(self.lang)}", st.id,
                     tooltip=st.title.get(self.lang)) for st in self.content.stages)])
        FilterBar.refill(self.kind_combo, [
            Choice(self.tr("All kinds"), ""),
            *(Choice(event_kind_label(code), code) for code in event_kinds(self.content.events))])

    def _text_typed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    def _stage_chosen(self) -> None:
        stage_id = int(self.stage_combo.currentData() or 0)
        self.proxy.set_stage(stage_id)
        if not self._setting_stage:
            # The reader chose: follow the timeline again only if they chose its stage.
            self.following = stage_id == self.selection.stage
        self._update_count()
        self.update_lens()

    def _kind_chosen(self) -> None:
        self.proxy.set_kind(str(self.kind_combo.currentData() or ""))
        self._update_count()

    def set_stage_filter(self, stage_id: int) -> None:
        """Show only the events of ``stage_id`` (0: every stage)."""
        self._setting_stage = True
        try:
            self.stage_combo.setCurrentIndex(max(0, self.stage_combo.findData(stage_id)))
            # The combo emits nothing when the index stays: set the filter here too.
            self.proxy.set_stage(int(self.stage_combo.currentData() or 0))
        finally:
            self._setting_stage = False
        self._update_count()

    def follow_timeline(self) -> None:
        """The stage filter shows the stage on the timeline, and follows it."""
        self.following = True
        self.set_stage_filter(self.selection.stage)
        self.update_lens()

    def show_all_stages(self) -> None:
        self.following = False
        self.set_stage_filter(0)
        self.update_lens()

    def stage_lens(self, stage: Stage) -> tuple[str, list[LensAction]]:
        shown = self.proxy.rowCount()
        if self.following:
            return lens.words().plans(shown, True), [(self.tr("All stages"), self.show_all_stages)]
        return lens.words().plans(shown, False), [(self.tr("Follow the timeline"),
                                                   self.follow_timeline)]

    def clear_filters(self) -> None:
        self.filters.reset()
        self.proxy.clear_filters()
        self.following = False
        self._update_count()
        self.update_lens()

    def reset(self) -> None:
        """A kiosk's idle reset: no search, the stage on the timeline."""
        self.filters.reset()
        self.proxy.clear_filters()
        self.follow_timeline()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            text = self.tr("%1 events in the order the paper dates them. Choose one to read "
                           "more.").replace("%1", str(total))
        else:
            text = self.tr("%1 of %2 events match the filters.") \
                .replace("%1", str(shown)).replace("%2", str(total))
        self.count_label.setText(text)
        self.filters.set_filtering(self.proxy.is_filtering())
        self.update_lens()

    # -- selection ----------------------------------------------------------------------
    def _on_rows_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._syncing or selected.isEmpty():
            return
        item_id = self.proxy.data(selected.indexes()[0], IdRole)
        if isinstance(item_id, str):
            self.selection.set_item("event", item_id)

    def _on_stage_changed(self, stage_id: int) -> None:
        # The stage filter follows the timeline until the reader chose another filter.
        if self.following:
            self.set_stage_filter(stage_id)

    def _on_item_changed(self, kind: str, item_id: str) -> None:
        self._syncing = True
        try:
            if kind != "event" or self.model.row_of(item_id) < 0:
                self.table.clearSelection()
                self._show_detail("")
                return
            index = self.proxy_index_of(item_id)
            if not index.isValid():
                # Chosen elsewhere but hidden by the filters here: show it anyway.
                self.clear_filters()
                index = self.proxy_index_of(item_id)
            self.table.select_index(index)
            self._reveal_timer.start()
            self._show_detail(item_id)
        finally:
            self._syncing = False

    def _reveal_selected(self) -> None:
        # After the layout has settled, or the row heights would still be changing.
        index = self.table.currentIndex()
        if index.isValid() and self.table.selectionModel().isSelected(index):
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._reveal_timer.start()

    def proxy_index_of(self, event_id: str) -> QModelIndex:
        row = self.model.row_of(event_id)
        if row < 0:
            return QModelIndex()
        return self.proxy.mapFromSource(self.model.index(row, 0))

    # -- detail -------------------------------------------------------------------------
    def _show_detail(self, event_id: str) -> None:
        self._shown_event = event_id
        column = self.detail.column
        clear_layout(column)
        row = self.model.row_of(event_id) if event_id else -1
        if row < 0:
            column.addWidget(label(self.tr("Choose a row to read what the paper says about "
                                           "it."), "muted"))
            column.addStretch(1)
            return
        event = self.model.event_at(row)
        self._add_detail(event)

    def _add_detail(self, event: Event) -> None:
        column = self.detail.column
        lang = self.lang
        stage = self.content.stage(event.stage_id)
        column.addWidget(label(f"{event.when.get(lang)} · {event_kind_label(event.kind)} · "
                               f"{stage.years_label} {stage.short.get(lang)}", "when"))
        column.addWidget(label(event.title.get(lang), "lead"))
        if event.detail is not None:
            column.addWidget(label(event.detail.get(lang), "body"))
        for note in self.content.notes_for("events", event.id):
            column.addWidget(NoteCard(note, lang, data_note_word()))
        column.addWidget(label(source_line(self.content, [event], lang),
                               "small"))
        column.addStretch(1)
