"""Table views for the panes: rows a finger can hit, wrapped text, the window's digit
shortcuts left alone, and (optionally) a height that shows every row so the page
scrolls as one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from czt_desktop.ui.models.roles import AnyIndex


class PaddedDelegate(QStyledItemDelegate):
    """Cells with air left and right of the text; the row's background (selection,
    alternate rows) still fills the whole cell, and wrapped text is measured at the
    width it is painted in, so nothing is elided."""

    def __init__(self, padding: int = 8, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.padding = padding

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        inner = QStyleOptionViewItem(option)
        inner.rect = option.rect.adjusted(0, 0, -2 * self.padding, 0)
        size = super().sizeHint(inner, index)
        return QSize(size.width() + 2 * self.padding, size.height() + self.padding)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        full = QStyleOptionViewItem(option)
        self.initStyleOption(full, index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, full, painter, widget)
        inner = QStyleOptionViewItem(option)
        inner.rect = option.rect.adjusted(self.padding, 0, -self.padding, 0)
        inner.state = inner.state & ~QStyle.StateFlag.State_Selected
        inner.features = inner.features & ~QStyleOptionViewItem.ViewItemFeature.Alternate
        super().paint(painter, inner, index)


class PaneTableView(QTableView):
    def __init__(self, parent: QWidget | None = None, *, fit_rows: bool = False) -> None:
        super().__init__(parent)
        self.fit_rows = fit_rows
        self._stretch: dict[int, int] = {}
        self._cap = 0.25
        self._fitting = False
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSortingEnabled(True)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setCornerButtonEnabled(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(PaddedDelegate(8, self))
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.sectionResized.connect(self._columns_resized)
        if fit_rows:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_fitted_columns(self, stretch: dict[int, int], cap: float = 0.25) -> None:
        """Columns not in ``stretch`` get the width of their longest cell, but at most
        ``cap`` of the table (longer text wraps); the ``stretch`` columns share the rest
        by weight. So at a large zoom no column is squeezed to a few letters."""
        self._stretch = dict(stretch)
        self._cap = cap
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        model = self.model()
        if model is not None:
            for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                           model.rowsRemoved, model.dataChanged, model.headerDataChanged):
                signal.connect(self.fit_columns)
        self.fit_columns()

    def fit_columns(self) -> None:
        model = self.model()
        if model is None or not self._stretch:
            return
        width = self.viewport().width()
        if width <= 0:
            return
        header = self.horizontalHeader()
        fixed: dict[int, int] = {}
        for column in range(model.columnCount()):
            if column not in self._stretch:
                natural = max([header.sectionSizeHint(column)]
                              + [self._one_line_width(model.index(row, column))
                                 for row in range(model.rowCount())])
                fixed[column] = min(natural, int(width * self._cap))
        rest = max(0, width - sum(fixed.values()))
        weights = sum(self._stretch.values())
        # Shared by weight, but each stretching column at least as wide as its title
        # when there is room for that (the others give up what it lacks).
        widths = dict(fixed)
        shares = {c: rest * w // weights for c, w in self._stretch.items()}
        floors = {c: header.sectionSizeHint(c) for c in self._stretch}
        if sum(floors.values()) <= rest:
            lacking = sum(max(0, floors[c] - shares[c]) for c in shares)
            spare = {c: shares[c] - floors[c] for c in shares if shares[c] > floors[c]}
            total_spare = sum(spare.values())
            for column in shares:
                if column in spare:
                    shares[column] -= lacking * spare[column] // max(1, total_spare)
                else:
                    shares[column] = floors[column]
        for column, px in shares.items():
            widths[column] = max(px, 48)
        self._fitting = True
        try:
            for column, px in widths.items():
                if header.sectionSize(column) != px:
                    header.resizeSection(column, px)
        finally:
            self._fitting = False
        self._columns_resized()

    def _one_line_width(self, index: QModelIndex) -> int:
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = QRect(0, 0, 100_000, 100)
        return self.itemDelegate().sizeHint(option, index).width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def set_min_row_height(self, px: int) -> None:
        self.verticalHeader().setMinimumSectionSize(px)
        self.horizontalHeader().setMinimumHeight(px)
        self.fit_height()

    def fit_height(self) -> None:
        """With ``fit_rows``, grow to show every row (the page around it scrolls)."""
        if not self.fit_rows:
            return
        self.resizeRowsToContents()
        frame = 2 * self.frameWidth()
        rows = self.verticalHeader().length()
        header = self.horizontalHeader().sizeHint().height()
        self.setFixedHeight(frame + header + rows + 2)

    def _columns_resized(self) -> None:
        # Wrapped cells need new row heights when their column gets narrower or wider.
        if self._fitting:
            return
        self.resizeRowsToContents()
        self.fit_height()

    def event(self, event: QEvent) -> bool:
        # Digits 1-9 are the window's "jump to stage N" shortcuts; without this the
        # table would claim them for its type-ahead search.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and Qt.Key.Key_1.value <= event.key() <= Qt.Key.Key_9.value
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            event.ignore()
            return True
        return super().event(event)

    def select_index(self, index: QModelIndex) -> None:
        """Make ``index``'s row the only selected row and the current one."""
        flag = QItemSelectionModel.SelectionFlag
        flags = flag.ClearAndSelect | flag.Rows | flag.Current
        self.selectionModel().setCurrentIndex(index, flags)
