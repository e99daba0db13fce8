"""The five stages as a list of cards: a Qt model over the content and a painter for it."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from czt_desktop.content import Content, Stage
from czt_desktop.ui.theme import LIGHT, Theme

YearsRole = Qt.ItemDataRole.UserRole + 1
StageIdRole = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


class StageListModel(QAbstractListModel):
    """One row per stage, in time order; text in the current language."""

    def __init__(self, content: Content, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stages: tuple[Stage, ...] = content.stages
        self._lang = lang

    def set_content(self, content: Content) -> None:
        self.beginResetModel()
        self._stages = content.stages
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        if self._stages:
            self.dataChanged.emit(self.index(0), self.index(len(self._stages) - 1))

    def stage_at(self, row: int) -> Stage:
        return self._stages[row]

    def row_of(self, stage_id: int) -> int:
        for row, stage in enumerate(self._stages):
            if stage.id == stage_id:
                return row
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._stages)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._stages):
            return None
        stage = self._stages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return stage.short.get(self._lang)
        if role == Qt.ItemDataRole.ToolTipRole:
            return stage.title.get(self._lang)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{stage.years_label} {stage.title.get(self._lang)}"
        if role == YearsRole:
            return stage.years_label
        if role == StageIdRole:
            return stage.id
        return None


class StageCardDelegate(QStyledItemDelegate):
    """Paints a stage as a card: a coloured edge, the years large, the short title."""

    def __init__(self, theme: Theme = LIGHT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.body_px = 16

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        # Two lines of text plus padding; never below a 44 px touch target.
        return QSize(option.rect.width(), max(44, round(self.body_px * 5.2)))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        theme = self.theme
        row = index.row()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        rect: QRect = option.rect.adjusted(8, 4, -8, -4)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.selection if selected else theme.stage_tint(row)))
        painter.drawRoundedRect(rect, 8, 8)
        edge = QRect(rect.left(), rect.top(), 8 if selected else 5, rect.height())
        painter.setBrush(QColor(theme.stage_edge(row)))
        painter.drawRoundedRect(edge, 3, 3)
        if focused or selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(theme.accent), 2))
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 8, 8)

        base = QFont(option.font)
        text_rect = rect.adjusted(20, 8, -8, -8)
        years = QFont(base)
        years.setPixelSize(round(self.body_px * 1.25))
        years.setBold(True)
        painter.setFont(years)
        painter.setPen(QColor(theme.ink))
        half = text_rect.height() // 2
        painter.drawText(text_rect.adjusted(0, 0, 0, -half),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         str(index.data(YearsRole)))
        title = QFont(base)
        title.setPixelSize(self.body_px)
        painter.setFont(title)
        painter.drawText(text_rect.adjusted(0, half, 0, 0),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         str(index.data(Qt.ItemDataRole.DisplayRole)))
        painter.restore()


class StageListView(QListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stageList")
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def event(self, event: QEvent) -> bool:
        # Digits 1-9 are the window's "jump to stage N" shortcuts; without this the list
        # would claim them for its type-ahead search.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and Qt.Key.Key_1.value <= event.key() <= Qt.Key.Key_9.value
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            event.ignore()
            return True
        return super().event(event)

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        # A presenter remote sends PageUp/PageDown: one stage back or on, not a screenful.
        step = {
            QAbstractItemView.CursorAction.MovePageDown: 1,
            QAbstractItemView.CursorAction.MovePageUp: -1,
        }.get(action)
        current = self.currentIndex()
        model = self.model()
        if step is None or model is None or not current.isValid():
            return super().moveCursor(action, modifiers)
        row = min(max(current.row() + step, 0), model.rowCount() - 1)
        return model.index(row, 0)
