"""The interactive timeline: stages as bands, events and enterprises as markers.

It reads and writes only the shared :class:`Selection`. Keyboard: Left/Right move
between stages (between markers when a marker has focus), Home/End go to the first/last,
1–9 pick a stage, Tab goes from the stage into its markers, Enter/Space choose the
focused marker, Up/Down/Escape move between lanes and back to the stage, +/−/0 zoom.
Ctrl+wheel and pinch zoom; dragging and the horizontal wheel pan.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QLineF, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStaticText, QWheelEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QStyle, QVBoxLayout, QWidget

from czt_desktop.content import Content, Event
from czt_desktop.ui.selection import Selection
from czt_desktop.ui.theme import LIGHT, Theme, TypeScale, city_colors
from czt_desktop.ui.timeline.canvas import AxisPicture, TimelineCanvas
from czt_desktop.ui.timeline.geometry import (
    ItemSpec,
    Metrics,
    StageSpec,
    TimelineGeometry,
    solve,
    year_labels,
)
from czt_desktop.ui.timeline.items import MarkerButton, StageBand, TimelineButton
from czt_desktop.ui.timeline.look import LANES, TimelineLook
from czt_desktop.ui.timeline.texts import TimelineTexts

MIN_ZOOM = 1.0
MAX_ZOOM = 8.0
#: Two key presses double the zoom.
ZOOM_STEP = math.sqrt(2)
#: A label gets shown in at least this many ems (≈6 hanzi, ≈12 letters), and only if
#: at least MIN_LABEL_CHARS of it remain after shortening: "The “…" helps nobody.
MIN_LABEL_EMS = 6
MIN_LABEL_CHARS = 5
#: Pixels panned per wheel notch, in touch targets.
WHEEL_TARGETS = 3
#: Dynamic property of a scroll area that pans on a drag by itself, as the timeline's
#: does: a kiosk's swipe scroller on top would move it twice.
PANS_BY_DRAG = "pansByDrag"

_ZOOM_IN_KEYS = (Qt.Key.Key_Plus, Qt.Key.Key_Equal)
_ZOOM_OUT_KEYS = (Qt.Key.Key_Minus, Qt.Key.Key_Underscore)


def _when(event: Event) -> float:
    """An event's date as a fractional year: a month in its place, else mid-year.

    A decade ("1950s") or an open start ("after 2000") sits at its first year; the
    marker draws a tail and the label says the decade, so it does not read as exact.
    """
    if event.month:
        return event.year + (event.month - 0.5) / 12
    return event.year + 0.5


def _set_checked(button: TimelineButton, checked: bool) -> None:
    """Check or uncheck one button of an auto-exclusive row.

    Qt refuses to uncheck the checked button of such a row (a radio group always has
    one); the timeline may have no item selected, so exclusivity is lifted for that.
    """
    if checked or not button.isChecked():
        button.setChecked(checked)
        return
    button.setAutoExclusive(False)
    button.setChecked(False)
    button.setAutoExclusive(True)


class _Scroller(QScrollArea):
    """A scroll area that leaves the arrow keys to the timeline's buttons."""

    def keyPressEvent(self, e: QKeyEvent) -> None:
        e.ignore()


class TimelineView(QWidget):
    """The timeline strip above the detail panes.

    At zoom 1.0 the whole of 1949–2019 fits the width (the year axis is piecewise
    linear so that crowded years and the short 1997–1999 stage get room; see
    ``geometry``); zooming widens it and a scroll bar appears. ``zoom_changed`` reports
    the new factor.
    """

    zoom_changed = Signal(float)

    def __init__(self, content: Content, selection: Selection, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.selection = selection
        self.lang = lang
        self.theme: Theme = LIGHT
        self.scale = TypeScale()
        self._zoom = 1.0
        self._texts = TimelineTexts(content, self)
        self._look = TimelineLook(self.theme, self.scale, lang, city_colors(content))
        self._geometry: TimelineGeometry | None = None
        self._laying_out = False
        self._layout_again = False
        self.setObjectName("timeline")

        self._scroll = _Scroller(self)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._scroll.setWidgetResizable(False)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._canvas = TimelineCanvas(self._look, self)
        self._scroll.setWidget(self._canvas)
        # A drag pans the timeline already (canvas.py): the kiosk's swipe scrolling
        # leaves this area alone (ui/kiosk/touch_scroll.py).
        self._scroll.setProperty(PANS_BY_DRAG, True)
        self._scroll.viewport().installEventFilter(self)
        self._scroll.horizontalScrollBar().valueChanged.connect(self._on_scrolled)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        # The size hints are for the window's layout; do not also pin our own minimum
        # size when shown on our own (screenshots, tests).
        column.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)
        column.addWidget(self._scroll)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        # Bands and markers live in two rows of their own: each row is one group for
        # screen readers, and a "radio" group (one checked button) for Qt.
        self._band_row = QWidget(self._canvas)
        self._band_row.setObjectName("timelineStages")
        self._field = QWidget(self._canvas)
        self._field.setObjectName("timelineItems")
        self._bands: list[StageBand] = []
        for index, stage in enumerate(content.stages):
            band = StageBand(self._look, self, self._band_row, stage.id, index)
            band.clicked.connect(lambda _=False, sid=stage.id: self.selection.set_stage(sid))
            self._canvas.adopt(band)
            self._bands.append(band)
        self._stage_index = {s.id: i for i, s in enumerate(content.stages)}
        self._markers: dict[tuple[str, str], MarkerButton] = {}
        self._specs: list[ItemSpec] = []
        for event in content.events:
            marker = self._add_marker("event", event.id, event.stage_id)
            marker.precision = event.precision
            self._specs.append(ItemSpec(marker.key, event.stage_id, _when(event)))
        for firm in content.enterprises:
            marker = self._add_marker("enterprise", firm.id, firm.stage_id)
            marker.city_id = firm.city_id
            self._specs.append(ItemSpec(marker.key, firm.stage_id, firm.founded + 0.5))
        self._order: list[MarkerButton] = list(self._markers.values())
        self._tab_marker: MarkerButton | None = None
        self._selected_marker: MarkerButton | None = None

        selection.stage_changed.connect(self._on_stage_changed)
        selection.item_changed.connect(self._on_item_changed)
        self.retranslate_ui()
        self._on_stage_changed(selection.stage, reveal=False)
        self._on_item_changed(*selection.item, reveal=False)

    def _add_marker(self, kind: str, item_id: str, stage_id: int) -> MarkerButton:
        index = self._stage_index[stage_id]
        marker = MarkerButton(self._look, self, self._field, kind, item_id, stage_id, index)
        marker.clicked.connect(lambda _=False, k=kind, i=item_id: self.selection.set_item(k, i))
        self._canvas.adopt(marker)
        self._markers[marker.key] = marker
        return marker

    # -- public API ---------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, factor: float) -> None:
        """Zoom to ``factor`` (1.0 shows the whole timeline), keeping the middle in place."""
        self._zoom_to(factor, self._scroll.viewport().width() / 2)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom / ZOOM_STEP)

    def reset_zoom(self) -> None:
        self.set_zoom(MIN_ZOOM)

    def year_at(self, view_x: float) -> float:
        """The (fractional) year shown at ``view_x`` pixels from the view's left edge."""
        return self._year_at(view_x)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self._restyle()
        self.retranslate_ui()

    def set_scale(self, scale: TypeScale) -> None:
        """The app-wide text zoom: fonts and touch targets grow with it."""
        self.scale = scale
        self._restyle()
        self.retranslate_ui()  # label widths change with the fonts
        self.updateGeometry()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._restyle()
        self._canvas.update()
        for button in self.buttons():
            button.update()

    def retranslate_ui(self) -> None:
        texts, lang = self._texts, self.lang
        self.setAccessibleName(texts.view_name())
        self.setAccessibleDescription(texts.view_description())
        self._band_row.setAccessibleName(texts.stages_name())
        self._field.setAccessibleName(texts.items_name())
        for number, (band, stage) in enumerate(zip(self._bands, self.content.stages,
                                                   strict=True), start=1):
            band.set_texts(stage.short.get(lang), stage.years_label)
            band.setAccessibleName(texts.stage_name(stage, number, lang))
            band.setAccessibleDescription(texts.stage_description(stage, lang))
            band.setToolTip(texts.stage_tooltip(stage, number, lang))
        for event in self.content.events:
            marker = self._markers[("event", event.id)]
            marker.full_label = texts.event_label(event, lang)
            marker.setAccessibleName(texts.event_name(event, lang))
            marker.setAccessibleDescription(texts.event_description(event, lang))
            marker.setToolTip(texts.event_tooltip(event, lang))
        for firm in self.content.enterprises:
            marker = self._markers[("enterprise", firm.id)]
            marker.letter = self.content.city(firm.city_id).name.get(lang)[:1]
            marker.full_label = texts.enterprise_label(firm, lang)
            marker.setAccessibleName(texts.enterprise_name(firm, lang))
            marker.setAccessibleDescription(texts.enterprise_description(firm, lang))
            marker.setToolTip(texts.enterprise_tooltip(firm, lang))
        self._relayout()

    def band(self, stage_id: int) -> StageBand:
        return self._bands[self._stage_index[stage_id]]

    def bands(self) -> list[StageBand]:
        return list(self._bands)

    def marker(self, kind: str, item_id: str) -> MarkerButton:
        return self._markers[(kind, item_id)]

    def markers(self) -> list[MarkerButton]:
        """All markers, left to right."""
        return list(self._order)

    def buttons(self) -> list[TimelineButton]:
        return [*self._bands, *self._order]

    @property
    def canvas(self) -> TimelineCanvas:
        return self._canvas

    @property
    def scroll_area(self) -> QScrollArea:
        return self._scroll

    def sizeHint(self) -> QSize:
        return QSize(1024, self._wanted_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self._look.target * 4, self._wanted_height())

    def _wanted_height(self) -> int:
        height = self._look.content_height
        if self._zoom > MIN_ZOOM or self._scroll.horizontalScrollBar().maximum() > 0:
            # Room for the scroll bar, so that zooming in hides nothing.
            height += self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return height

    # -- look and layout ------------------------------------------------------------------
    def _restyle(self) -> None:
        self._look = TimelineLook(self.theme, self.scale, self.lang,
                                   city_colors(self.content))
        self._canvas.look = self._look
        for button in self.buttons():
            button.look = self._look

    def eventFilter(self, watched: QObject, e: QEvent) -> bool:
        if watched is self._scroll.viewport() and e.type() == QEvent.Type.Resize:
            self._relayout(keep_year=True)
        return False

    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(e)

    def _relayout(self, keep_year: bool = False) -> None:
        """Lay everything out again; re-entered when the scroll bars come or go."""
        if self._laying_out:
            self._layout_again = True
            return
        self._laying_out = True
        try:
            anchor = self._year_at(0.0) if keep_year and self._geometry else None
            for _ in range(4):
                self._layout_again = False
                self._layout_once()
                if anchor is not None:
                    self._put_year_at(anchor, 0.0)
                if not self._layout_again:
                    break
        finally:
            self._laying_out = False

    def _layout_once(self) -> None:
        look = self._look
        viewport = self._scroll.viewport()
        view_w, view_h = max(1, viewport.width()), viewport.height()
        # + 3: the band is inset 1 px each side of its column, and edges get rounded.
        stages = [StageSpec(s.id, s.start_year, s.end_year, b.min_width() + 3)
                  for s, b in zip(self.content.stages, self._bands, strict=True)]
        metrics = Metrics(look.target, look.gap, LANES, look.min_year)
        geo = solve(stages, self._specs, metrics, view_w * self._zoom - 2 * look.pad)
        self._geometry = geo
        width = max(round(view_w * self._zoom), math.ceil(geo.width + 2 * look.pad))
        height = max(view_h, look.content_height)
        top = (height - look.content_height) // 2 + look.pad_top
        t, pad = look.target, look.pad
        lanes_bottom = top + t + look.header_gap + look.lanes_height
        axis_y = lanes_bottom + look.axis_gap

        lanes_top = top + t + look.header_gap
        self._band_row.setGeometry(0, top, width, t)
        self._field.setGeometry(0, lanes_top, width, look.lanes_height)
        for band in self._bands:
            left, right = geo.stages[band.stage_id]
            x1, x2 = round(pad + left) + 1, round(pad + right) - 1
            band.setGeometry(x1, 0, x2 - x1, t)
        label_pad = look.gap * 3
        for item in geo.items:
            marker = self._markers[item.key]
            marker.label = self._fit_label(marker.full_label, item.label_room - label_pad)
            w = t
            if marker.label:
                w += math.ceil(look.label_metrics.horizontalAdvance(marker.label)) + label_pad
            y = look.lanes_height - (item.lane + 1) * t - item.lane * look.gap
            marker.lane = item.lane
            marker.anchor = pad + item.anchor
            marker.setGeometry(round(pad + item.left), y, w, t)
        self._order = sorted(self._markers.values(), key=lambda m: (m.x(), m.lane))
        # (Both rows start at x = 0, so a button's x is its x on the canvas.)
        self._canvas.picture = self._picture(geo, height, axis_y)
        self._canvas.resize(width, height)
        self._update_stem()
        self._canvas.update()

    def _fit_label(self, text: str, room: float) -> str:
        """``text`` shortened to ``room`` pixels; nothing if too little of it would show."""
        if room < self._look.scale.small * MIN_LABEL_EMS:
            return ""
        shown = self._look.label_metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        if shown != text and len(shown.rstrip("…").strip()) < MIN_LABEL_CHARS:
            return ""
        return shown

    def _picture(self, geo: TimelineGeometry, height: int, axis_y: int) -> AxisPicture:
        look, pad, scale = self._look, self._look.pad, geo.scale
        grow = look.scale.body / 16
        pic = AxisPicture()
        for index, stage in enumerate(self.content.stages):
            left, right = geo.stages[stage.id]
            pic.columns.append((index, QRectF(pad + left + 1, 0, right - left - 2, height)))
            if index:
                pic.dividers.append(QLineF(pad + left, 0, pad + left, axis_y))
        pic.axis = QLineF(pad, axis_y, pad + geo.width, axis_y)
        minor, major = 3 * grow, 6 * grow
        for year in range(scale.first, scale.last + 1):
            cell_left, cell_right = scale.cell(year)
            if cell_right - cell_left >= 4:  # a tick for every year that has room for one
                x = pad + (cell_left + cell_right) / 2
                pic.ticks.append(QLineF(x, axis_y, x, axis_y + minor))
        fm = look.axis_metrics
        starts = [s.start_year for s in self.content.stages]
        for year, left, _ in year_labels(scale, lambda y: fm.horizontalAdvance(str(y)),
                                         8 * grow, starts):
            x = pad + scale.x(year + 0.5)
            pic.major_ticks.append(QLineF(x, axis_y, x, axis_y + major))
            text = QStaticText(str(year))
            text.prepare(font=look.axis_font)
            pic.labels.append((QPointF(pad + left, axis_y + major), text))
        span_y = axis_y - look.span_pens[0].widthF() / 2 - 1
        for event in self.content.events:
            if event.precision == "decade" and event.year_end:
                line = QLineF(pad + scale.x(event.year), span_y,
                              pad + scale.x(event.year_end + 1), span_y)
                pic.spans.append((self._stage_index[event.stage_id], line, event.id))
        return pic

    def _update_stem(self) -> None:
        marker = self._selected_marker
        if marker is None or self._geometry is None:
            self._canvas.stem = None
            return
        axis_y = self._canvas.picture.axis.y1()
        t = self._look.target
        y = self._field.y() + marker.y() + t / 2 + self._look.square / 2 + 4
        start = QPointF(marker.x() + t / 2, y)
        self._canvas.stem = QLineF(start, QPointF(marker.anchor, axis_y))

    # -- scrolling and zoom ---------------------------------------------------------------
    def scroll_x(self) -> int:
        return self._scroll.horizontalScrollBar().value()

    def set_scroll_x(self, value: int) -> None:
        self._scroll.horizontalScrollBar().setValue(value)

    def _year_at(self, view_x: float) -> float:
        assert self._geometry is not None
        return self._geometry.scale.year_at(self.scroll_x() + view_x - self._look.pad)

    def _put_year_at(self, year: float, view_x: float) -> None:
        assert self._geometry is not None
        x = self._look.pad + self._geometry.scale.x(year)
        self.set_scroll_x(round(x - view_x))

    def _zoom_to(self, factor: float, view_x: float) -> None:
        factor = min(max(factor, MIN_ZOOM), MAX_ZOOM)
        if abs(factor - self._zoom) < 1e-9:
            return
        was_zoomed = self._zoom > MIN_ZOOM
        year = self._year_at(view_x) if self._geometry else None
        self._zoom = factor
        self._relayout()
        if year is not None:
            self._put_year_at(year, view_x)
        if was_zoomed != (factor > MIN_ZOOM):
            self.updateGeometry()  # the scroll bar comes or goes
        self.zoom_changed.emit(factor)

    def _on_scrolled(self) -> None:
        for band in self._bands:  # their labels stay in view ("sticky")
            band.update()

    def _reveal(self, left: int, right: int) -> None:
        """Scroll the least so that ``left..right`` (canvas x) is in view."""
        view_w = self._scroll.viewport().width()
        x = self.scroll_x()
        margin = self._look.target
        if right - left + 2 * margin <= view_w:
            if right <= x or left >= x + view_w:  # far away: bring it to the middle
                x = (left + right - view_w) // 2
            elif left - margin < x:
                x = left - margin
            elif right + margin > x + view_w:
                x = right + margin - view_w
        elif min(right, x + view_w) - max(left, x) < view_w / 2:
            x = left - margin  # wider than the view: show its start
        self.set_scroll_x(x)

    def _reveal_widget(self, widget: QWidget) -> None:
        self._reveal(widget.x(), widget.x() + widget.width())

    # -- canvas callbacks -------------------------------------------------------------------
    def click_empty(self, x: float) -> None:
        """A click on a stage's column (not on a marker) picks the stage."""
        if self._geometry is None:
            return
        inside = x - self._look.pad
        for band in self._bands:
            left, right = self._geometry.stages[band.stage_id]
            if left <= inside < right:
                self.selection.set_stage(band.stage_id)
                band.setFocus(Qt.FocusReason.MouseFocusReason)
                return

    def wheel(self, event: QWheelEvent, canvas_x: float) -> bool:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            notches = event.angleDelta().y() / 120
            if notches:
                self._zoom_to(self._zoom * ZOOM_STEP ** notches, canvas_x - self.scroll_x())
            return True
        bar = self._scroll.horizontalScrollBar()
        if bar.maximum() == 0:
            return False  # nothing to pan: let the window have the wheel
        pixels = event.pixelDelta()
        if not pixels.isNull():
            delta = pixels.x() or pixels.y()
        else:
            angle = event.angleDelta()
            # Horizontal wheels and Shift+wheel pan; so does the plain wheel, since
            # there is nothing to scroll vertically.
            notches = (angle.x() or angle.y()) / 120
            delta = round(notches * WHEEL_TARGETS * self._look.target)
        bar.setValue(bar.value() - delta)
        return True

    def pinch(self, factor: float, canvas_x: float) -> None:
        self._zoom_to(self._zoom * factor, canvas_x - self.scroll_x())

    def child_focused(self, widget: QWidget) -> None:
        if isinstance(widget, MarkerButton):
            self._set_tab_marker(widget)
        self._reveal_widget(widget)

    # -- selection ------------------------------------------------------------------------
    def _on_stage_changed(self, stage_id: int, reveal: bool = True) -> None:
        for band in self._bands:
            chosen = band.stage_id == stage_id
            _set_checked(band, chosen)
            # One tab stop for the whole row of stages: the chosen one.
            band.setFocusPolicy(Qt.FocusPolicy.StrongFocus if chosen
                                else Qt.FocusPolicy.ClickFocus)
        previous = self._canvas.selected_stage_index
        index = self._stage_index.get(stage_id, -1)
        self._canvas.selected_stage_index = index
        for changed in {previous, index} - {-1}:
            rect = self._canvas.picture.columns[changed][1] if self._canvas.picture.columns \
                else QRectF()
            self._canvas.update(rect.toAlignedRect())
        item = self.selection.item
        selected = self._markers.get(item)
        self._set_tab_marker(selected if selected and selected.stage_id == stage_id
                             else self._first_marker(stage_id))
        if reveal and index >= 0:
            self._reveal_widget(self._bands[index])

    def _on_item_changed(self, kind: str, item_id: str, reveal: bool = True) -> None:
        old = self._selected_marker
        new = self._markers.get((kind, item_id))
        if old is not None:
            _set_checked(old, False)
        self._selected_marker = new
        self._canvas.selected_span = item_id if new and new.precision == "decade" else ""
        if new is not None:
            _set_checked(new, True)
            self._set_tab_marker(new)
            if reveal:
                self._reveal_widget(new)
        self._update_stem()
        self._canvas.update()

    def _first_marker(self, stage_id: int) -> MarkerButton | None:
        return next((m for m in self._order if m.stage_id == stage_id), None)

    def _set_tab_marker(self, marker: MarkerButton | None) -> None:
        """One tab stop among the markers (a "roving tab index")."""
        if marker is self._tab_marker:
            return
        if self._tab_marker is not None:
            self._tab_marker.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._tab_marker = marker
        if marker is not None:
            marker.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # -- keyboard -------------------------------------------------------------------------
    def claims_key(self, button: TimelineButton, event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier
                                     | Qt.KeyboardModifier.ShiftModifier)
        if mods:  # Ctrl/Alt combinations belong to the window (e.g. its text zoom)
            return False
        if key in _ZOOM_IN_KEYS or key in _ZOOM_OUT_KEYS or key == Qt.Key.Key_0:
            return True
        if Qt.Key.Key_1.value <= key <= Qt.Key.Key_9.value:
            return key - Qt.Key.Key_1.value < len(self._bands)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End,
                   Qt.Key.Key_Down):
            return True
        return isinstance(button, MarkerButton) and key in (Qt.Key.Key_Up,
                                                             Qt.Key.Key_Escape)

    def handle_key(self, button: TimelineButton, event: QKeyEvent) -> bool:
        if not self.claims_key(button, event):
            return False
        key = event.key()
        centre = button.x() + button.width() / 2 - self.scroll_x()
        if key in _ZOOM_IN_KEYS:
            self._zoom_to(self._zoom * ZOOM_STEP, centre)
        elif key in _ZOOM_OUT_KEYS:
            self._zoom_to(self._zoom / ZOOM_STEP, centre)
        elif key == Qt.Key.Key_0:
            self._zoom_to(MIN_ZOOM, centre)
        elif Qt.Key.Key_1.value <= key <= Qt.Key.Key_9.value:
            self._choose_stage(key - Qt.Key.Key_1.value)
        elif isinstance(button, StageBand):
            self._band_key(button, key)
        elif isinstance(button, MarkerButton):
            self._marker_key(button, key)
        if isinstance(button, MarkerButton) or key in (*_ZOOM_IN_KEYS, *_ZOOM_OUT_KEYS,
                                                       Qt.Key.Key_0):
            self._reveal_widget(self.focusWidget() or button)
        return True

    def _choose_stage(self, index: int) -> None:
        index = min(max(index, 0), len(self._bands) - 1)
        band = self._bands[index]
        self.selection.set_stage(band.stage_id)
        band.setFocus(Qt.FocusReason.OtherFocusReason)

    def _band_key(self, band: StageBand, key: int) -> None:
        if key == Qt.Key.Key_Left:
            self._choose_stage(band.index - 1)
        elif key == Qt.Key.Key_Right:
            self._choose_stage(band.index + 1)
        elif key == Qt.Key.Key_Home:
            self._choose_stage(0)
        elif key == Qt.Key.Key_End:
            self._choose_stage(len(self._bands) - 1)
        elif key == Qt.Key.Key_Down and self._tab_marker is not None:
            self._tab_marker.setFocus(Qt.FocusReason.TabFocusReason)

    def _marker_key(self, marker: MarkerButton, key: int) -> None:
        order = self._order
        at = order.index(marker)
        target: QWidget | None = None
        if key == Qt.Key.Key_Left and at > 0:
            target = order[at - 1]
        elif key == Qt.Key.Key_Right and at + 1 < len(order):
            target = order[at + 1]
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            same = [m for m in order if m.stage_id == marker.stage_id]
            target = same[0] if key == Qt.Key.Key_Home else same[-1]
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            lane = marker.lane + (1 if key == Qt.Key.Key_Up else -1)
            row = [m for m in order if m.lane == lane and m.stage_id == marker.stage_id]
            if row:
                middle = marker.x() + marker.height() / 2
                target = min(row, key=lambda m: abs(m.x() + m.height() / 2 - middle))
            elif key == Qt.Key.Key_Up:
                target = self.band(marker.stage_id)
        elif key == Qt.Key.Key_Escape:
            target = self.band(marker.stage_id)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
