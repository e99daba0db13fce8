"""The search field of the window header and the list of results that drops from it.

The results list floats over the window as a child widget (not a separate popup
window): it can then take keyboard focus, so a screen reader reads each result as the
user moves through it with the arrow keys, and no window manager is involved (kiosks
often run without one).

Keys: Down moves from the field into the results, Up from the first result back to
the field, Enter picks, Esc closes (a second Esc in the field clears it); typing while
in the list keeps typing into the field.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsDropShadowEffect,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from czt_desktop.catalogue import KIND_CONTEXT, KINDS_BY_ID
from czt_desktop.content import Content
from czt_desktop.content.search import SearchHit, SearchIndex, find_spans, query_terms
from czt_desktop.ui.appearance import LANGUAGE, LOOK, Appearance, Changes
from czt_desktop.ui.theme import LIGHT, Theme, TypeScale

AnyIndex = QModelIndex | QPersistentModelIndex

KindRole = Qt.ItemDataRole.UserRole + 1
SnippetRole = Qt.ItemDataRole.UserRole + 2
HitRole = Qt.ItemDataRole.UserRole + 3

# Smallest row: a touch target (WCAG 2.5.5).
MIN_ROW_PX = 44
# Marker-pen colour behind matched words; the high-contrast theme uses its own yellow.
MARK_COLOR = {"light": "#FBE7A1"}


@dataclass(frozen=True, slots=True)
class ResultRow:
    """One hit as the list shows it, already in the display language."""

    hit: SearchHit
    kind_label: str
    title: str
    snippet: str


class SearchResultsModel(QAbstractListModel):
    """The hits of the current query, one row each."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ResultRow] = []
        self.terms: list[str] = []

    def set_rows(self, rows: list[ResultRow], terms: list[str]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.terms = terms
        self.endResetModel()

    def hit_at(self, row: int) -> SearchHit | None:
        return self._rows[row].hit if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return f"{row.kind_label}: {row.title}. {row.snippet}"
        if role == KindRole:
            return row.kind_label
        if role == SnippetRole:
            return row.snippet
        if role == HitRole:
            return row.hit
        return None


class SearchResultDelegate(QStyledItemDelegate):
    """A result as two lines: the title, then "kind · snippet" with the match marked."""

    def __init__(self, model: SearchResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.theme = LIGHT
        self.scale = TypeScale()

    def row_height(self) -> int:
        lines = round(self.scale.body * 1.5) + round(self.scale.small * 1.5)
        return max(MIN_ROW_PX, lines + 20)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        return QSize(option.rect.width(), self.row_height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        theme = self.theme
        hit: SearchHit = index.data(HitRole)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        rect: QRect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            painter.fillRect(rect, QColor(theme.selection))
        if hit.stage_id is not None:
            # The stage's own edge colour, as on the stage cards, ties the hit to its stage.
            painter.fillRect(QRect(rect.left(), rect.top() + 6, 4, rect.height() - 12),
                             QColor(theme.stage_edge(hit.stage_id - 1)))
        if focused:
            painter.setPen(QPen(QColor(theme.accent), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.setPen(QPen(QColor(theme.rule), 1))
        painter.drawLine(rect.left() + 16, rect.bottom(), rect.right() - 16, rect.bottom())

        text_rect = rect.adjusted(16, 10, -16, -10)
        title_h = round(self.scale.body * 1.5)
        base = QFont(option.font)
        title_font = QFont(base)
        title_font.setPixelSize(self.scale.body)
        title_font.setBold(True)
        small = QFont(base)
        small.setPixelSize(self.scale.small)
        terms = self._model.terms
        title = str(index.data(Qt.ItemDataRole.DisplayRole))
        self._draw_runs(painter, QRect(text_rect.left(), text_rect.top(), text_rect.width(),
                                       title_h),
                        [(title, False, False)], title_font, terms)
        kind = str(index.data(KindRole))
        snippet = str(index.data(SnippetRole))
        self._draw_runs(painter, QRect(text_rect.left(), text_rect.top() + title_h,
                                       text_rect.width(), text_rect.height() - title_h),
                        [(kind + "  ", True, False), (snippet, False, True)], small, terms)
        painter.restore()

    def _draw_runs(self, painter: QPainter, rect: QRect, runs: list[tuple[str, bool, bool]],
                   font: QFont, terms: list[str]) -> None:
        """Draw text runs on one line, marking matched words; cut with "…" at the edge.

        A run is ``(text, is_kind_label, muted)``.
        """
        theme = self.theme
        mark = QColor(MARK_COLOR.get(theme.name, theme.selection))
        x = rect.left()
        right = rect.right()
        for text, is_kind, muted in runs:
            pieces: list[tuple[str, bool]] = []
            last = 0
            for start, end in ([] if is_kind else find_spans(text, terms)):
                pieces.append((text[last:start], False))
                pieces.append((text[start:end], True))
                last = end
            pieces.append((text[last:], False))
            for piece, marked in pieces:
                if not piece:
                    continue
                piece_font = QFont(font)
                piece_font.setBold(font.bold() or marked or is_kind)
                metrics = QFontMetrics(piece_font)
                room = right - x
                width = metrics.horizontalAdvance(piece)
                cut = width > room
                shown = metrics.elidedText(piece, Qt.TextElideMode.ElideRight, room) \
                    if cut else piece
                if cut:
                    width = metrics.horizontalAdvance(shown)
                box = QRect(x, rect.top(), width, rect.height())
                if marked:
                    painter.fillRect(box.adjusted(-1, 2, 1, -2), mark)
                painter.setFont(piece_font)
                color = theme.accent if is_kind else (theme.muted if muted and not marked
                                                      else theme.ink)
                painter.setPen(QColor(color))
                painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 shown)
                x += width
                if cut or x >= right:
                    return


class SearchResultsView(QListView):
    """The results list; hands typing back to the field and reports Enter / Esc / Up."""

    picked = Signal(int)
    closed = Signal()
    leave_up = Signal()
    typed = Signal(QKeyEvent)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchResultsList")
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setMouseTracking(True)
        self.clicked.connect(lambda index: self.picked.emit(index.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.currentIndex().isValid():
                self.picked.emit(self.currentIndex().row())
            return
        if key == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        if key == Qt.Key.Key_Up and self.currentIndex().row() <= 0:
            self.leave_up.emit()
            return
        if key == Qt.Key.Key_Backspace or (event.text() and event.text().isprintable()):
            self.typed.emit(event)
            return
        super().keyPressEvent(event)


class SearchResultsPopup(QFrame):
    """The floating panel under the field: a message line and the results list."""

    def __init__(self, model: SearchResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchResults")
        self.message = QLabel()
        self.message.setObjectName("searchMessage")
        self.message.setWordWrap(True)
        self.message.setContentsMargins(16, 12, 16, 12)
        self.view = SearchResultsView()
        self.view.setModel(model)
        self.delegate = SearchResultDelegate(model, self.view)
        self.view.setItemDelegate(self.delegate)
        column = QVBoxLayout(self)
        column.setContentsMargins(1, 1, 1, 1)
        column.setSpacing(0)
        column.addWidget(self.message)
        column.addWidget(self.view, 1)
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(24)
        shadow.setOffset(0, 4)
        shadow.setColor(QColor(0, 0, 0, 60))
        self.setGraphicsEffect(shadow)
        self.hide()


class SearchBox(QWidget):
    """A search field for the header with a drop-down list of results.

    ``hit_chosen(kind, id, stage_id)`` reports the picked result (``stage_id`` is -1
    when the hit belongs to no stage); the window routes it to the Selection.
    """

    hit_chosen = Signal(str, str, int)

    # Most results listed at once; the index ranks the best first.
    LIMIT = 50

    def __init__(self, content: Content, appearance: Appearance,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBox")
        self._content = content
        self._index: SearchIndex | None = None  # built on the first query
        self.appearance = appearance
        self._hits: list[SearchHit] = []
        self._host: QWidget | None = None

        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumHeight(MIN_ROW_PX)
        self.field.textChanged.connect(self._run_query)
        self.field.installEventFilter(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field)

        self.model = SearchResultsModel(self)
        self.popup = SearchResultsPopup(self.model, self)
        self.view = self.popup.view
        self.view.picked.connect(self._pick_row)
        self.view.closed.connect(self.close_results)
        self.view.leave_up.connect(self._back_to_field)
        self.view.typed.connect(self._type_into_field)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
        self.setMinimumWidth(220)
        self.retranslate_ui()
        self._apply_style()
        # The results of a query typed before the switch are shown again in the new
        # language (and the field's words), even while the kiosk hides the box.
        self.subscription = appearance.subscribe(self, self._apply_appearance,
                                                 while_hidden=True)

    # -- public API ------------------------------------------------------------------------
    def focus_search(self) -> None:
        """Put the cursor in the field (for Ctrl+F), showing the last results again."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text().strip():
            self._show_popup()

    def clear_search(self) -> None:
        """Empty the field and close the results (a kiosk's idle reset)."""
        self.close_results()
        self.field.clear()

    @property
    def lang(self) -> str:
        return self.appearance.lang

    @property
    def theme(self) -> Theme:
        return self.appearance.theme

    @property
    def scale(self) -> TypeScale:
        return self.appearance.scale

    def _apply_appearance(self, changes: Changes) -> None:
        if LANGUAGE in changes:
            self.retranslate_ui()
        if LOOK in changes:
            self._apply_style()

    def results_visible(self) -> bool:
        return self.popup.isVisible()

    def close_results(self) -> None:
        self.popup.hide()
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate_ui(self) -> None:
        self.field.setPlaceholderText(self.tr("Search…"))
        self.field.setAccessibleName(self.tr("Search"))
        self.field.setAccessibleDescription(
            self.tr("Type a word, a name or a year; press Down to go to the results."))
        self.view.setAccessibleName(self.tr("Search results"))
        self._run_query(self.field.text())

    def kind_label(self, kind: str) -> str:
        spec = KINDS_BY_ID.get(kind)
        return QCoreApplication.translate(KIND_CONTEXT, spec.label) if spec else kind

    # -- querying --------------------------------------------------------------------------
    def _run_query(self, text: str) -> None:
        query = text.strip()
        if not query:
            self._hits = []
            self.model.set_rows([], [])
            self.popup.hide()
            return
        if self._index is None:
            self._index = SearchIndex(self._content)
        self._hits = self._index.search(query, self.LIMIT)
        terms = query_terms(query)
        self.model.set_rows([self._row(h) for h in self._hits], terms)
        if self._hits:
            self.popup.message.hide()
            self.view.show()
            self.view.setAccessibleDescription(
                self.tr("Results: %1").replace("%1", str(len(self._hits))))
        else:
            self.popup.message.setText(self.tr("No results for “%1”.").replace("%1", query))
            self.popup.message.show()
            self.view.hide()
        if self.field.hasFocus() or self.view.hasFocus():
            self._show_popup()

    def _row(self, hit: SearchHit) -> ResultRow:
        lang = self.lang
        # A hit found only in the other language shows that language's snippet, so the
        # reader sees why it was found ("machine tool" typed in the Chinese UI).
        snippet_lang = lang if lang in hit.matched_in or not hit.matched_in \
            else hit.matched_in[0]
        return ResultRow(hit, self.kind_label(hit.kind), hit.title.get(lang),
                         hit.snippet.get(snippet_lang))

    # -- the floating list -----------------------------------------------------------------
    def _show_popup(self) -> None:
        host = self.window()
        if host is not self and host is not self._host:
            if self._host is not None:
                self._host.removeEventFilter(self)
            self._host = host
            self.popup.setParent(host)
            host.installEventFilter(self)
            self._apply_style()
        self._place_popup()
        self.popup.show()
        self.popup.raise_()

    def _place_popup(self) -> None:
        host = self.popup.parentWidget() or self
        margin = 8
        below = self.field.mapTo(host, QPoint(0, self.field.height() + 4))
        width = min(max(self.field.width(), round(self.scale.body * 34)),
                    host.width() - 2 * margin)
        right_edge = self.field.mapTo(host, QPoint(self.field.width(), 0)).x()
        x = below.x() if below.x() + width <= host.width() - margin else right_edge - width
        x = max(margin, x)
        if self._hits:
            wanted = len(self._hits) * self.popup.delegate.row_height() + 4
        else:
            wanted = self.popup.message.sizeHint().height() + 4
        height = max(MIN_ROW_PX, min(wanted, host.height() - below.y() - margin))
        self.popup.setGeometry(x, below.y(), width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent):
            return self._field_key(event)
        if watched is self._host and event.type() in (QEvent.Type.Resize,
                                                      QEvent.Type.LayoutRequest) \
                and self.popup.isVisible():
            self._place_popup()
        return super().eventFilter(watched, event)

    def _field_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Down and self._hits:
            self._show_popup()
            self.view.setFocus(Qt.FocusReason.TabFocusReason)
            self.view.setCurrentIndex(self.model.index(0))
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._hits:
            self._pick_row(0)
            return True
        if key == Qt.Key.Key_Escape:
            if self.popup.isVisible():
                self.popup.hide()
            else:
                self.field.clear()
            return True
        return False

    def _pick_row(self, row: int) -> None:
        hit = self.model.hit_at(row)
        if hit is None:
            return
        self.popup.hide()
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.field.selectAll()
        self.hit_chosen.emit(hit.kind, hit.id, -1 if hit.stage_id is None else hit.stage_id)

    def _back_to_field(self) -> None:
        self.view.clearSelection()
        self.field.setFocus(Qt.FocusReason.BacktabFocusReason)

    def _type_into_field(self, event: QKeyEvent) -> None:
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        QApplication.sendEvent(self.field, QKeyEvent(event.type(), event.key(),
                                                     event.modifiers(), event.text()))

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not self.popup.isVisible():
            return
        if new is self.field or new is self.view or self.popup.isAncestorOf(new):
            return
        self.popup.hide()

    # -- looks -----------------------------------------------------------------------------
    def _apply_style(self) -> None:
        theme, scale = self.theme, self.scale
        self.field.setStyleSheet(
            f"QLineEdit#searchField {{ background: {theme.surface}; color: {theme.ink};"
            f" border: 1px solid {theme.rule}; border-radius: 8px; padding: 4px 12px;"
            f" font-size: {scale.body}px; selection-background-color: {theme.selection};"
            f" selection-color: {theme.ink}; }}"
            f"QLineEdit#searchField:focus {{ border: 2px solid {theme.ink}; }}"
        )
        self.popup.setStyleSheet(
            f"QFrame#searchResults {{ background: {theme.surface};"
            f" border: 1px solid {theme.rule}; border-radius: 8px; }}"
            f"QLabel#searchMessage {{ color: {theme.ink}; font-size: {scale.body}px;"
            f" background: transparent; }}"
            f"QListView#searchResultsList {{ background: {theme.surface}; border: none;"
            f" outline: none; border-radius: 8px; }}"
        )
        self.popup.delegate.theme = theme
        self.popup.delegate.scale = scale
        self.field.setMinimumHeight(max(MIN_ROW_PX, round(scale.body * 2.4)))
        self.view.doItemsLayout()
        if self.popup.isVisible():
            self._place_popup()
        self.view.viewport().update()
