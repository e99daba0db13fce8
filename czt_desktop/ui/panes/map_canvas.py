"""The map drawing: projection, city buttons, labels, scale bars, north arrow.

Two panels side by side, because the core cities are 25–44 km apart while the ring
reaches 150 km: at one scale Zhuzhou and Xiangtan would sit on top of each other. The
left panel shows the three cities large, with their straight-line distances; the right
one the whole “3+5” ring with the core area outlined.

Only the bundled coordinates are drawn (GeoNames). The paper gives no river geometry,
so no river is drawn at all (the pane's caption quotes the paper instead).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from czt_desktop.content import City, Content
from czt_desktop.content.model import EARTH_RADIUS_KM
from czt_desktop.languages import language
from czt_desktop.ui.theme import LIGHT, RING_CITY_COLOR, Theme, TypeScale, city_color

KM_PER_DEGREE = 2 * math.pi * EARTH_RADIUS_KM / 360
# The touch target of a city (WCAG 2.5.5).
TARGET_PX = 44
PANEL_GAP = 16.0
PAD = 16.0





# -- projection -----------------------------------------------------------------------------
class Projection:
    """Equirectangular, east–west scaled by cos(mean latitude), fitted into a rectangle."""

    def __init__(self, points: Iterable[tuple[float, float]], mean_latitude: float) -> None:
        self._points = list(points)  # (latitude, longitude)
        self._kx = KM_PER_DEGREE * math.cos(math.radians(mean_latitude))
        self.px_per_km = 1.0
        self._origin = QPointF()
        lats = [p[0] for p in self._points] or [0.0]
        lons = [p[1] for p in self._points] or [0.0]
        self._lat0 = (max(lats) + min(lats)) / 2
        self._lon0 = (max(lons) + min(lons)) / 2
        self._extent = ((max(lons) - min(lons)) * self._kx,
                        (max(lats) - min(lats)) * KM_PER_DEGREE)

    def extent_km(self) -> tuple[float, float]:
        return self._extent

    def min_scale(self, spacing_px: float) -> float:
        """The px per km at which no two points are closer than ``spacing_px`` in x or y
        (so square touch targets of that size never overlap)."""
        closest = math.inf
        for i, (lat1, lon1) in enumerate(self._points):
            for lat2, lon2 in self._points[i + 1:]:
                chebyshev = max(abs(lon2 - lon1) * self._kx, abs(lat2 - lat1) * KM_PER_DEGREE)
                closest = min(closest, chebyshev)
        return spacing_px / closest if math.isfinite(closest) and closest > 0 else 0.0

    def fit(self, rect: QRectF) -> None:
        """Scale and centre the points into ``rect``."""
        width_km, height_km = self._extent
        self.px_per_km = max(0.01, min(rect.width() / max(width_km, 1e-6),
                                       rect.height() / max(height_km, 1e-6)))
        self._origin = rect.center()

    def to_px(self, latitude: float, longitude: float) -> QPointF:
        x = (longitude - self._lon0) * self._kx * self.px_per_km
        y = (latitude - self._lat0) * KM_PER_DEGREE * self.px_per_km
        return QPointF(self._origin.x() + x, self._origin.y() - y)


def scale_bar_km(px_per_km: float, max_px: float) -> float:
    """The longest length of 1, 2 or 5 times a power of ten km that fits in ``max_px``."""
    best = 1.0
    for exponent in range(0, 4):
        for step in (1, 2, 5):
            length = float(step * 10 ** exponent)
            if length * px_per_km <= max_px:
                best = length
    return best


# -- the city buttons -----------------------------------------------------------------------
class CityButton(QAbstractButton):
    """A city on the map: a dot in the city's colour inside a 44×44 px touch target."""

    def __init__(self, city: City, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.city = city
        self.color = color
        self.core = city.role == "core"
        self.theme: Theme = LIGHT
        self.radius = 9.0
        self._keyboard_focus = False
        self.setObjectName(f"city-{city.id}")
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFixedSize(TARGET_PX, TARGET_PX)
        # Both languages: a visitor may listen in either.
        self.setAccessibleName(" ".join(city.name.variants()))
        self.setText(city.name.get("en"))

    def sizeHint(self) -> QSize:
        return QSize(TARGET_PX, TARGET_PX)

    def nextCheckState(self) -> None:
        """A click does not tick the button: the Selection decides what is checked."""

    def centre_at(self, point: QPointF) -> None:
        self.move(round(point.x() - TARGET_PX / 2), round(point.y() - TARGET_PX / 2))

    def focusInEvent(self, event: QFocusEvent) -> None:
        # The focus ring is for keyboard users; a tap already shows the selection ring.
        self._keyboard_focus = event.reason() not in (
            Qt.FocusReason.MouseFocusReason, Qt.FocusReason.ActiveWindowFocusReason,
            Qt.FocusReason.PopupFocusReason)
        super().focusInEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        forward = {Qt.Key.Key_Right: True, Qt.Key.Key_Down: True,
                   Qt.Key.Key_Left: False, Qt.Key.Key_Up: False}.get(Qt.Key(event.key()))
        if forward is not None:
            self.focusNextPrevChild(forward)
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        theme = self.theme
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QPointF(self.width() / 2, self.height() / 2)
        r = self.radius * (1.15 if self.underMouse() or self.isDown() else 1.0)
        if self.isChecked():
            painter.setPen(QPen(QColor(theme.ink), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, r + 6, r + 6)
        painter.setPen(QPen(QColor(theme.surface), 2))
        painter.setBrush(QColor(self.color))
        painter.drawEllipse(centre, r, r)
        if self.hasFocus() and self._keyboard_focus:
            painter.setPen(QPen(QColor(theme.accent), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, TARGET_PX / 2 - 2, TARGET_PX / 2 - 2)
        painter.end()


# -- the drawing ----------------------------------------------------------------------------
@dataclass(slots=True)
class MapLabel:
    text: str
    rect: QRectF
    font: QFont
    city_id: str = ""


@dataclass(frozen=True, slots=True)
class MapWords:
    """The UI words the canvas paints, translated by the pane."""

    # The core panel's title: the paper's sentence on the 品 layout, and where it is.
    core_title: str = "The three cities"
    core_cite: str = ""
    ring_title: str = "The “3+5” city cluster"
    north: str = "N"
    core_area: str = "The three cities (see left)"
    ring_city: str = "“3+5” ring city"
    distance: str = "≈ %1 km"


@dataclass(slots=True)
class _Panel:
    """One of the two maps: its frame, the area the cities may use, its projection."""

    cities: list[City]
    projection: Projection
    frame: QRectF = field(default_factory=QRectF)
    inner: QRectF = field(default_factory=QRectF)
    title: str = ""
    title_rect: QRectF = field(default_factory=QRectF)
    title_font: QFont = field(default_factory=QFont)
    cite: str = ""
    cite_rect: QRectF = field(default_factory=QRectF)
    # Names beside their dots (True) or above/below them (False); chosen by ``_fit``.
    beside: bool = True


class MapCanvas(QWidget):
    """Paints both panels and places the city buttons on them."""

    city_clicked = Signal(str)

    def __init__(self, content: Content, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapCanvas")
        self.content = content
        self.lang = "zh"
        self.theme: Theme = LIGHT
        self.scale = TypeScale()
        self.words = MapWords()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 300)
        core = [c for c in content.cities_with_role("core") if content.place_of(c.id)]
        ring = [c for c in content.cities_with_role("ring") if content.place_of(c.id)]
        placed = [p for c in (*core, *ring) if (p := content.place_of(c.id))]
        mean_lat = sum(p.latitude for p in placed) / len(placed) if placed else 0.0
        self.core_panel = _Panel(core, Projection(self._coords(core), mean_lat))
        self.ring_panel = _Panel(ring, Projection(self._coords([*core, *ring]), mean_lat))
        self.buttons: dict[str, CityButton] = {}
        for city in (*core, *ring):
            button = CityButton(city, city_color(content, city.id), self)
            button.clicked.connect(lambda _=False, cid=city.id: self.city_clicked.emit(cid))
            self.buttons[city.id] = button
        # Filled by _layout().
        self.points: dict[str, QPointF] = {}
        self.core_points_in_ring: dict[str, QPointF] = {}
        self.core_outline = QRectF()
        self.labels: list[MapLabel] = []
        self.distance_labels: list[MapLabel] = []
        self._legend: list[tuple[str, str, QRectF]] = []
        self._bars: list[tuple[QPointF, float, str]] = []
        self._north = QRectF()
        self._spokes: list[tuple[QPointF, QPointF]] = []
        #: A number to show by a city (the picked stage's enterprises there), and the
        #: colour of its badge.
        self.badges: dict[str, int] = {}
        self.badge_color = "#000000"

    @property
    def core(self) -> list[City]:
        return self.core_panel.cities

    @property
    def ring(self) -> list[City]:
        return self.ring_panel.cities

    def _coords(self, cities: Sequence[City]) -> list[tuple[float, float]]:
        return [(p.latitude, p.longitude) for c in cities if (p := self.content.place_of(c.id))]

    def _lat_lon(self, city_id: str) -> tuple[float, float]:
        place = self.content.place_of(city_id)
        return (place.latitude, place.longitude) if place else (0.0, 0.0)

    def _font(self, px: int, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(px)
        font.setBold(bold)
        return font

    # -- what the canvas shows, for the pane and the tests ----------------------------------
    def distance_texts(self) -> list[str]:
        return [label.text for label in self.distance_labels]

    def distance_text(self, km: float) -> str:
        return self.words.distance.replace("%1", str(round(km)))

    def pairs(self) -> list[tuple[str, str]]:
        """The pairs of core cities, in content order."""
        ids = [c.id for c in self.core]
        return [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]]

    # -- layout ---------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()

    def relayout(self) -> None:
        self._layout()
        self.update()

    def _layout(self) -> None:
        s = self.scale
        w, h = float(self.width()), float(self.height())
        self._core_name = self._font(s.lead, bold=True)
        self._ring_name = self._font(s.body)
        self._distance_font = self._font(s.body, bold=True)
        small = QFontMetricsF(self._font(s.small))
        bar_h = small.height() + 34
        for button in self.buttons.values():
            button.theme = self.theme
            button.radius = max(8.0, s.body * 0.6) if button.core else max(6.0, s.small * 0.5)

        # Share the width by what each panel needs at the full height.
        core, ring = self.core_panel, self.ring_panel
        core.title, ring.title = self.words.core_title, self.words.ring_title
        avail_h = h - 2 * PAD - bar_h - 3 * QFontMetricsF(self._font(s.body, True)).height()
        need, least = [], []
        for panel, font in ((core, self._core_name), (ring, self._ring_name)):
            w_km, h_km = panel.projection.extent_km()
            widest = max((QFontMetricsF(font).horizontalAdvance(c.name.get(self.lang))
                          for c in panel.cities), default=0.0)
            need.append(max(1.0, avail_h - TARGET_PX) * w_km / max(h_km, 1e-6)
                        + 2 * (widest + TARGET_PX))
            # Narrowest useful panel: targets apart (see _min_scale); the core's names
            # beside its outer dots, the ring's may go above or below.
            sides = 2 * (widest + 20) if panel is core else TARGET_PX
            least.append(w_km * self._min_scale(panel) + sides + 2 * PAD)
        share = min(0.7, max(0.45, need[0] / max(sum(need), 1e-6)))
        room = w - PANEL_GAP
        core_w = room * share
        if sum(least) <= room:
            core_w = max(least[0], min(core_w, room - least[1]))
        else:
            core_w = room * least[0] / sum(least)
        core.frame = QRectF(0, 0, core_w, h)
        ring.frame = QRectF(core_w + PANEL_GAP, 0, w - core_w - PANEL_GAP, h)

        # The core panel's title is the paper's sentence, so it is the map's headline:
        # larger when there is room. The core cities need little height, so it may wrap.
        core.cite = self.words.core_cite
        core.title_font = self._font(s.lead if core.frame.width() >= 420 else s.body, True)
        ring.title_font = self._font(s.body, bold=True)
        for panel in (core, ring):
            panel.title_rect = self._wrapped(panel.title_font, panel.title,
                                             panel.frame.adjusted(PAD, 10, -PAD, 0))
            panel.cite_rect = self._wrapped(self._font(s.small), panel.cite, QRectF(
                panel.frame.left() + PAD, panel.title_rect.bottom() + 2,
                panel.frame.width() - 2 * PAD, 0)) if panel.cite else QRectF(
                panel.title_rect.bottomLeft(), panel.title_rect.bottomLeft())
        legend_bottom = self._place_legend(small.height(), bar_h)
        north_h = 24 + small.height()
        self._north = QRectF(core.frame.right() - PAD - 24, core.cite_rect.bottom() + 8,
                             24, north_h)

        core.inner = QRectF(core.frame.left() + 8, core.cite_rect.bottom() + 8,
                            core.frame.width() - 16,
                            core.frame.height() - core.cite_rect.bottom() - 16 - bar_h)
        ring.inner = QRectF(ring.frame.left() + 8, ring.cite_rect.bottom() + 8,
                            ring.frame.width() - 16, legend_bottom - ring.cite_rect.bottom() - 8)

        self._fit(core, self._core_name, with_distances=True)
        self._fit(ring, self._ring_name, with_distances=False)
        self.points = {c.id: self._to_px(core, c.id) for c in self.core}
        self.points.update({c.id: self._to_px(ring, c.id) for c in self.ring})
        self.core_points_in_ring = {c.id: self._to_px(ring, c.id) for c in self.core}
        for city_id, button in self.buttons.items():
            button.centre_at(self.points[city_id])
            button.update()

        # Names keep clear of the dots; the invisible rest of a touch target may lie
        # under a neighbour's name (else a crowded ring has no room for names at all).
        taken = [self._dot_rect(cid, p) for cid, p in self.points.items()] + [self._north]
        self.distance_labels = self._distance_labels(self.points, taken)
        taken += [d.rect for d in self.distance_labels]
        self.core_outline = self._outline(list(self.core_points_in_ring.values()))
        if not self.core_outline.isNull():
            taken.append(self.core_outline)
        ring_points = {**self.points, **self.core_points_in_ring}
        self._spokes = self._spoke_lines(ring_points, self.core_outline)
        segments = self._core_edges(self.points) + self._spokes
        self.labels = []
        for panel, font, points in ((core, self._core_name, self.points),
                                    (ring, self._ring_name, ring_points)):
            for city in panel.cities:
                rect = self._label_rect(panel, city, font, points, panel.inner, taken,
                                        segments)
                taken.append(rect)
                self.labels.append(MapLabel(city.name.get(self.lang), rect, font, city.id))

        self._bars = []
        for panel in (core, ring):
            px = panel.projection.px_per_km
            km = scale_bar_km(px, max(40.0, panel.frame.width() * 0.35))
            origin = QPointF(panel.frame.left() + PAD, panel.frame.bottom() - small.height() - 18)
            self._bars.append((origin, km * px, f"{km:g} km"))

    def _place_legend(self, small_h: float, bar_h: float) -> float:
        """Put the ring's legend beside its scale bar if it fits, else above it; return
        the top of what the legend and the bar take at the foot of the ring panel."""
        frame = self.ring_panel.frame
        font = self._font(self.scale.small)
        fm = QFontMetricsF(font)
        items = (("dot", self.words.ring_city), ("box", self.words.core_area))
        widest = max(fm.horizontalAdvance(text) for _, text in items) + 4
        bar_room = max(frame.width() * 0.35, fm.horizontalAdvance("0 – 100 km")) + 24
        beside = frame.width() - 2 * PAD - bar_room - 22 >= widest
        self._legend = []
        if beside:
            left = frame.right() - PAD - widest
            top = frame.bottom() - 14 - 2 * (small_h + 4)
            for index, (mark, text) in enumerate(items):
                rect = QRectF(left, top + index * (small_h + 4), widest, small_h)
                self._legend.append((mark, text, rect))
            return min(top, frame.bottom() - bar_h) - 4
        bottom = frame.bottom() - bar_h
        width = frame.width() - 2 * PAD - 22
        for mark, text in reversed(items):
            rect = self._wrapped(font, text, QRectF(frame.left() + PAD + 22, 0, width, 0))
            rect.moveBottom(bottom)
            bottom = rect.top() - 4
            self._legend.insert(0, (mark, text, rect))
        return bottom

    @staticmethod
    def _wrapped(font: QFont, text: str, area: QRectF) -> QRectF:
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) \
            | int(Qt.TextFlag.TextWordWrap)
        bound = QFontMetricsF(font).boundingRect(QRectF(area.left(), area.top(),
                                                        area.width(), 10_000), flags, text)
        return QRectF(area.left(), area.top(), area.width(), bound.height())

    def _to_px(self, panel: _Panel, city_id: str) -> QPointF:
        return panel.projection.to_px(*self._lat_lon(city_id))

    def _fit(self, panel: _Panel, font: QFont, *, with_distances: bool) -> None:
        """Fit the cities into the panel as large as their labels allow.

        Names beside their dots read best, but in a narrow panel names above or below
        leave the map much more room: take that when it makes the map clearly larger.
        """
        panel.beside = False
        stacked, stacked_fits = self._fit_once(panel, font, with_distances)
        panel.beside = True
        beside, beside_fits = self._fit_once(panel, font, with_distances)
        if stacked_fits and (stacked * 0.85 > beside or not beside_fits):
            panel.beside = False
            self._fit_once(panel, font, with_distances)

    def _fit_once(self, panel: _Panel, font: QFont,
                  with_distances: bool) -> tuple[float, bool]:
        """Fit with the touch targets' margin, see how far the labels stick out, shrink by
        that, and again, until everything is inside. Returns the scale (px per km) and
        whether everything did fit."""
        half = TARGET_PX / 2
        inner = panel.inner
        fit = inner.adjusted(half, half, -half, -half)
        others = self.core if panel is self.ring_panel else []
        fits = False
        for _ in range(8):
            if fit.width() < 8 or fit.height() < 8:
                break
            panel.projection.fit(fit)
            points = {c.id: self._to_px(panel, c.id) for c in (*panel.cities, *others)}
            rects = [QRectF(points[c.id].x() - half, points[c.id].y() - half, TARGET_PX,
                            TARGET_PX) for c in panel.cities]
            # Place the names as the final layout will (same obstacles and lines), only
            # without the panel's bounds, to see how far they stick out.
            taken = [self._dot_rect(c.id, points[c.id]) for c in panel.cities]
            if with_distances:
                distances = [d.rect for d in self._distance_labels(points,
                                                                   [*taken, self._north])]
                rects += distances
                taken += [*distances, self._north]
            if panel is self.ring_panel:
                outline = self._outline([points[c.id] for c in self.core])
                segments = self._spoke_lines(points, outline)
                if not outline.isNull():
                    taken.append(outline)
            else:
                segments = self._core_edges(points)
            for city in panel.cities:
                label = self._label_rect(panel, city, font, points, None, taken, segments)
                taken.append(label)
                rects.append(label)
            united = rects[0]
            for rect in rects[1:]:
                united = united.united(rect)
            left = max(0.0, inner.left() - united.left())
            top = max(0.0, inner.top() - united.top())
            right = max(0.0, united.right() - inner.right())
            bottom = max(0.0, united.bottom() - inner.bottom())
            if max(left, top, right, bottom) < 0.5:
                fits = True
                break
            fit = fit.adjusted(left, top, -right, -bottom)
        floor = self._min_scale(panel)
        if panel.projection.px_per_km < floor:
            # Labels that do not fit beside their dots find another spot; targets must
            # never overlap, so the map keeps at least this scale.
            w_km, h_km = panel.projection.extent_km()
            rect = QRectF(0, 0, w_km * floor, h_km * floor)
            rect.moveCenter(inner.center())
            panel.projection.fit(rect)
            fits = False
        return panel.projection.px_per_km, fits

    def _min_scale(self, panel: _Panel) -> float:
        """Scale at which the panel's touch targets (ring: and the core outline) part."""
        projection = panel.projection
        if panel is self.ring_panel:
            # The ring panel also holds the core cities, drawn small as one group: only
            # the ring cities and that group need to stay apart.
            points = [self._lat_lon(c.id) for c in self.ring]
            if self.core:
                lats = [self._lat_lon(c.id)[0] for c in self.core]
                lons = [self._lat_lon(c.id)[1] for c in self.core]
                points.append((sum(lats) / len(lats), sum(lons) / len(lons)))
            mean_lat = sum(p[0] for p in points) / len(points) if points else 0.0
            projection = Projection(points, mean_lat)
        return projection.min_scale(TARGET_PX + 4)

    def minimum_height(self) -> int:
        """Height below which the ring's touch targets would have to overlap."""
        s = self.scale
        small = QFontMetricsF(self._font(s.small)).height()
        title = QFontMetricsF(self._font(s.body, bold=True)).height() + 18
        foot = max(small + 34, 2 * (small + 4) + 18)  # scale bar with the legend beside it
        ring_h = self.ring_panel.projection.extent_km()[1] * self._min_scale(self.ring_panel)
        return round(ring_h + TARGET_PX + title + foot + 16)

    def _distance_labels(self, points: dict[str, QPointF],
                         taken: list[QRectF]) -> list[MapLabel]:
        font = self._distance_font
        fm = QFontMetricsF(font)
        centre = self._centroid([points[c.id] for c in self.core])
        labels: list[MapLabel] = []
        for a, b in self.pairs():
            km = self.content.distance_km(a, b)
            if km is None:
                continue
            text = self.distance_text(km)
            pa, pb = points[a], points[b]
            mid = (pa + pb) / 2
            # Off the line, away from the triangle's middle.
            dx, dy = pb.x() - pa.x(), pb.y() - pa.y()
            length = math.hypot(dx, dy) or 1.0
            nx, ny = -dy / length, dx / length
            if (mid.x() - centre.x()) * nx + (mid.y() - centre.y()) * ny < 0:
                nx, ny = -nx, -ny
            size = QRectF(0, 0, fm.horizontalAdvance(text) + 12, fm.height() + 4)
            rect = QRectF(size)
            for push in (0.6, 0.9, 1.3, 1.8):
                offset = push * (abs(nx) * size.width() + abs(ny) * size.height())
                rect = QRectF(size)
                rect.moveCenter(QPointF(mid.x() + nx * offset, mid.y() + ny * offset))
                if not any(rect.intersects(t) for t in taken):
                    break
            labels.append(MapLabel(text, rect, font))
        return labels

    @staticmethod
    def _centroid(points: Sequence[QPointF]) -> QPointF:
        if not points:
            return QPointF()
        return QPointF(sum(p.x() for p in points) / len(points),
                       sum(p.y() for p in points) / len(points))

    def _dot_rect(self, city_id: str, point: QPointF) -> QRectF:
        """The visible dot of a city with a little air around it."""
        r = self.buttons[city_id].radius + 6
        return QRectF(point.x() - r, point.y() - r, 2 * r, 2 * r)

    def _core_edges(self, points: dict[str, QPointF]) -> list[tuple[QPointF, QPointF]]:
        """The lines between the core cities, stopped short of the dots."""
        edges = []
        for a, b in self.pairs():
            pa, pb = points[a], points[b]
            ra, rb = self.buttons[a].radius + 4, self.buttons[b].radius + 4
            length = math.hypot(pb.x() - pa.x(), pb.y() - pa.y()) or 1.0
            ux, uy = (pb.x() - pa.x()) / length, (pb.y() - pa.y()) / length
            edges.append((QPointF(pa.x() + ux * ra, pa.y() + uy * ra),
                          QPointF(pb.x() - ux * rb, pb.y() - uy * rb)))
        return edges

    @staticmethod
    def _outline(points: Sequence[QPointF]) -> QRectF:
        """The frame drawn round the core cities in the ring panel."""
        if not points:
            return QRectF()
        xs, ys = [p.x() for p in points], [p.y() for p in points]
        return QRectF(min(xs) - 8, min(ys) - 8, max(xs) - min(xs) + 16, max(ys) - min(ys) + 16)

    def _spoke_lines(self, points: dict[str, QPointF],
                     outline: QRectF) -> list[tuple[QPointF, QPointF]]:
        """Spokes from the core outline to each ring city: the paper's centre and ring."""
        if outline.isNull():
            return []
        centre = outline.center()
        spokes = []
        for city in self.ring:
            target = points[city.id]
            length = math.hypot(target.x() - centre.x(), target.y() - centre.y()) or 1.0
            ux, uy = (target.x() - centre.x()) / length, (target.y() - centre.y()) / length
            inset = self.buttons[city.id].radius + 4
            spokes.append((self._edge_point(outline, centre, ux, uy),
                           QPointF(target.x() - ux * inset, target.y() - uy * inset)))
        return spokes

    def _label_rect(self, panel: _Panel, city: City, font: QFont, points: dict[str, QPointF],
                    bounds: QRectF | None, taken: list[QRectF],
                    segments: Sequence[tuple[QPointF, QPointF]] = ()) -> QRectF:
        """Where a city's name goes: beside its dot, facing away from the group's middle."""
        fm = QFontMetricsF(font)
        text = city.name.get(self.lang)
        point = points[city.id]
        if panel is self.ring_panel:
            centre = self._centroid([points[c.id] for c in self.core if c.id in points])
        else:
            centre = self._centroid([points[c.id] for c in panel.cities])
        size = QRectF(0, 0, fm.horizontalAdvance(text) + 4, fm.height())
        return self._best_label_rect(point, self.buttons[city.id].radius + 8, size, centre,
                                     bounds, taken, segments, beside=panel.beside)

    @staticmethod
    def _crosses(rect: QRectF, segments: Sequence[tuple[QPointF, QPointF]]) -> bool:
        """Whether any line passes through ``rect`` (sampled every 3 px: plenty here)."""
        for a, b in segments:
            steps = max(2, int(math.hypot(b.x() - a.x(), b.y() - a.y()) / 3))
            for i in range(steps + 1):
                t = i / steps
                if rect.contains(QPointF(a.x() + (b.x() - a.x()) * t,
                                         a.y() + (b.y() - a.y()) * t)):
                    return True
        return False

    @classmethod
    def _best_label_rect(cls, point: QPointF, gap: float, size: QRectF, centre: QPointF,
                         bounds: QRectF | None, taken: list[QRectF],
                         segments: Sequence[tuple[QPointF, QPointF]] = (), *,
                         beside: bool = True) -> QRectF:
        """The free spot beside ``point`` that faces most away from ``centre``."""
        away_x, away_y = point.x() - centre.x(), point.y() - centre.y()
        norm = math.hypot(away_x, away_y) or 1.0
        away_x, away_y = away_x / norm, away_y / norm
        w, h = size.width(), size.height()
        candidates: list[tuple[float, QRectF]] = []
        for dx, dy in ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (-1, -1), (1, 1), (-1, 1)):
            if dx > 0:
                left = point.x() + gap
            elif dx < 0:
                left = point.x() - gap - w
            else:
                left = point.x() - w / 2
            if dy > 0:
                top = point.y() + (gap - h / 2 if dx else gap)
            elif dy < 0:
                top = point.y() - h - (gap - h / 2 if dx else gap)
            else:
                top = point.y() - h / 2
            # Beside (or else above/below) a dot reads best; diagonal spots come last.
            straight = (dy == 0) if beside else (dx == 0)
            preference = dx * away_x + dy * away_y + (0.35 if straight else 0.0) \
                - (0.5 if dx and dy else 0.0)
            candidates.append((preference, QRectF(left, top, w, h)))
        candidates.sort(key=lambda item: -item[0])
        # (The fit stops within half a pixel: allow one.)
        loose = bounds.adjusted(-1, -1, 1, 1) if bounds is not None else None
        for _, rect in candidates:
            inside = loose is None or loose.contains(rect)
            if inside and not any(rect.intersects(t) for t in taken) \
                    and not cls._crosses(rect, segments):
                return rect
        def clash(rect: QRectF) -> float:
            area = sum(max(0.0, rect.intersected(t).width() * rect.intersected(t).height())
                       for t in taken)
            if bounds is not None:
                inside = rect.intersected(bounds)
                area += 2 * (w * h - inside.width() * inside.height())
            return area + (w * h if cls._crosses(rect, segments) else 0.0)

        # Nowhere free: the spot that clashes least, pulled inside the panel.
        best = QRectF(min((rect for _, rect in candidates), key=clash))
        if bounds is not None:
            best.moveLeft(min(max(best.left(), bounds.left()), bounds.right() - w))
            best.moveTop(min(max(best.top(), bounds.top()), bounds.bottom() - h))
        return best

    # -- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        theme, s = self.theme, self.scale
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(theme.paper))
        wrap = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
        for panel in (self.core_panel, self.ring_panel):
            painter.setPen(QPen(QColor(theme.rule), 1))
            painter.setBrush(QColor(theme.surface))
            painter.drawRoundedRect(panel.frame.adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
            painter.setFont(panel.title_font)
            painter.setPen(QColor(theme.ink))
            painter.drawText(panel.title_rect, wrap, panel.title)
            if panel.cite:
                painter.setFont(self._font(s.small))
                painter.setPen(QColor(theme.muted))
                painter.drawText(panel.cite_rect, wrap, panel.cite)
        self._paint_ring(painter)
        self._paint_core(painter)
        for label in self.labels:
            self._halo_text(painter, label)
        self._paint_badges(painter)
        self._paint_legend(painter)
        self._paint_scale_bars(painter)
        self._paint_north(painter)
        painter.end()

    def _paint_badges(self, painter: QPainter) -> None:
        """A number in a circle at a corner of a city's dot (the stage's count): the first
        corner, clockwise from up-right, that covers no name or distance."""
        if not self.badges:
            return
        font = self._font(self.scale.small, bold=True)
        painter.setFont(font)
        radius = QFontMetricsF(font).height() * 0.75
        taken = [label.rect for label in (*self.labels, *self.distance_labels)]
        for city_id, count in self.badges.items():
            point = self.points.get(city_id)
            if point is None:
                continue
            dx = self.buttons[city_id].width() * 0.45
            dy = self.buttons[city_id].height() * 0.45
            corners = [QPointF(point.x() + sx * dx, point.y() + sy * dy)
                       for sx, sy in ((1, -1), (1, 1), (-1, 1), (-1, -1))]

            def box(c: QPointF) -> QRectF:
                return QRectF(c.x() - radius, c.y() - radius, 2 * radius, 2 * radius)

            centre = next((c for c in corners
                           if not any(box(c).intersects(r) for r in taken)), corners[0])
            taken.append(box(centre))
            painter.setPen(QPen(QColor(self.theme.surface), 2))
            painter.setBrush(QColor(self.badge_color))
            painter.drawEllipse(centre, radius, radius)
            painter.setPen(QColor("#FFFFFF"))
            painter.drawText(box(centre), int(Qt.AlignmentFlag.AlignCenter), str(count))

    def _halo_text(self, painter: QPainter, label: MapLabel) -> None:
        """Text with a paper-coloured outline, so lines passing behind never cut it."""
        fm = QFontMetricsF(label.font)
        x = label.rect.center().x() - fm.horizontalAdvance(label.text) / 2
        y = label.rect.center().y() + (fm.ascent() - fm.descent()) / 2
        path = QPainterPath()
        path.addText(QPointF(x, y), label.font, label.text)
        halo = QPen(QColor(self.theme.surface), 4)
        halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.strokePath(path, halo)
        painter.fillPath(path, QColor(self.theme.ink))

    def _paint_core(self, painter: QPainter) -> None:
        theme = self.theme
        if len(self.core) == 3:
            # The 品 triangle, barely tinted, so the three cities read as one group.
            tint = QColor(theme.accent)
            tint.setAlpha(14)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(tint)
            painter.drawPolygon(QPolygonF([self.points[c.id] for c in self.core]))
        pen = QPen(QColor(theme.muted), 1.5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        for start, end in self._core_edges(self.points):
            painter.drawLine(start, end)
        for label in self.distance_labels:
            self._halo_text(painter, label)

    def _paint_ring(self, painter: QPainter) -> None:
        theme = self.theme
        if not self.core_points_in_ring:
            return
        spoke = QColor(theme.muted)
        spoke.setAlpha(110 if theme.name == "light" else 255)
        painter.setPen(QPen(spoke, 1.2, Qt.PenStyle.DashLine))
        for start, end in self._spokes:
            painter.drawLine(start, end)
        painter.setPen(QPen(QColor(theme.muted), 1.2))
        painter.setBrush(QColor(theme.surface))
        painter.drawRoundedRect(self.core_outline, 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        for city_id, point in self.core_points_in_ring.items():
            painter.setBrush(QColor(city_color(self.content, city_id)))
            painter.drawEllipse(point, 3.5, 3.5)

    def _paint_legend(self, painter: QPainter) -> None:
        theme = self.theme
        font = self._font(self.scale.small)
        fm = QFontMetricsF(font)
        painter.setFont(font)
        for mark, text, rect in self._legend:
            centre = QPointF(rect.left() - 15, rect.top() + fm.height() / 2)
            if mark == "dot":
                painter.setPen(QPen(QColor(theme.surface), 1.5))
                painter.setBrush(QColor(RING_CITY_COLOR))
                painter.drawEllipse(centre, 6, 6)
            else:
                painter.setPen(QPen(QColor(theme.muted), 1.2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(QRectF(centre.x() - 7, centre.y() - 6, 14, 12), 3, 3)
            painter.setPen(QColor(theme.ink))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft)
                             | int(Qt.TextFlag.TextWordWrap), text)

    @staticmethod
    def _edge_point(rect: QRectF, centre: QPointF, ux: float, uy: float) -> QPointF:
        """Where a ray from the rectangle's centre leaves the rectangle."""
        tx = (rect.width() / 2) / abs(ux) if ux else math.inf
        ty = (rect.height() / 2) / abs(uy) if uy else math.inf
        t = min(tx, ty)
        return QPointF(centre.x() + ux * t, centre.y() + uy * t)

    def _paint_scale_bars(self, painter: QPainter) -> None:
        theme = self.theme
        font = self._font(self.scale.small)
        fm = QFontMetricsF(font)
        painter.setFont(font)
        pen = QPen(QColor(theme.ink), 2)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        for origin, length, text in self._bars:
            painter.setPen(pen)
            painter.drawLine(origin, QPointF(origin.x() + length, origin.y()))
            for x in (origin.x(), origin.x() + length):
                painter.drawLine(QPointF(x, origin.y() - 6), QPointF(x, origin.y() + 1))
            painter.drawText(QRectF(origin.x(), origin.y() + 4, length + 120, fm.height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             f"0{language(self.lang).range_dash}{text}")

    def _paint_north(self, painter: QPainter) -> None:
        theme = self.theme
        area = self._north
        tip = QPointF(area.center().x(), area.top())
        path = QPainterPath()
        path.moveTo(tip)
        path.lineTo(tip.x() - 8, tip.y() + 22)
        path.lineTo(tip.x(), tip.y() + 16)
        path.lineTo(tip.x() + 8, tip.y() + 22)
        path.closeSubpath()
        painter.setPen(QPen(QColor(theme.ink), 1))
        painter.setBrush(QColor(theme.ink))
        painter.drawPath(path)
        painter.setFont(self._font(self.scale.small, bold=True))
        painter.drawText(QRectF(area.left() - 12, tip.y() + 24, area.width() + 24,
                                area.height() - 24), int(Qt.AlignmentFlag.AlignCenter),
                         self.words.north)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # The name beside a dot is part of the target too (easier for fingers).
        for label in self.labels:
            if label.city_id and label.rect.contains(event.position()):
                self.city_clicked.emit(label.city_id)
                return
        super().mousePressEvent(event)
