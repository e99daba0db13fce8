"""The timeline, driven like a user would: click, tap, keys, wheel, pinch, drag."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import (
    QAccessible,
    QColor,
    QNativeGestureEvent,
    QPointingDevice,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QGestureEvent, QPinchGesture, QWidget
from pytestqt.qtbot import QtBot

from czt_desktop.content import Content
from czt_desktop.fonts import register_qt_fonts
from czt_desktop.ui.selection import Selection
from czt_desktop.ui.timeline import TimelineView
from czt_desktop.ui.timeline.items import MarkerButton, StageBand
from tests.conftest import appearance_in

MakeView = Callable[..., tuple[TimelineView, Selection]]
MINUTES_1984 = "economic-zone-minutes-1984"


@pytest.fixture(scope="module")
def fonts(qapp: QApplication) -> None:
    # The bundled fonts, as in the app: label widths (and so the layout) depend on them.
    register_qt_fonts()


@pytest.fixture
def make_view(qtbot: QtBot, content: Content, fonts: None) -> MakeView:
    def make(width: int = 1024, lang: str = "zh",
             selection: Selection | None = None) -> tuple[TimelineView, Selection]:
        selection = selection or Selection(content)
        view = TimelineView(content, selection, appearance_in(lang))
        qtbot.addWidget(view)
        view.resize(width, view.sizeHint().height())
        with qtbot.waitActive(view):  # key presses only reach the active window
            view.show()
            view.activateWindow()
        return view, selection

    return make


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def key(qtbot: QtBot, view: TimelineView, k: Qt.Key,
        mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where the user's focus is."""
    target = QApplication.focusWidget()
    assert target is not None and view.isAncestorOf(target)
    qtbot.keyClick(target, k, mods)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def in_view(view: TimelineView, widget: QWidget) -> bool:
    viewport = view.scroll_area.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(QRect(top_left, widget.size()))


def on_canvas(view: TimelineView, widget: QWidget) -> QRect:
    """A button's rectangle on the timeline's canvas (bands and markers sit in two rows)."""
    return QRect(widget.mapTo(view.canvas, QPoint(0, 0)), widget.size())


def set_zoom_and_settle(qtbot: QtBot, view: TimelineView, zoom: float) -> None:
    view.set_zoom(zoom)
    view.resize(view.width(), view.sizeHint().height())  # as a layout would
    qtbot.wait(1)


# -- selecting ---------------------------------------------------------------------------
def test_clicking_a_band_selects_its_stage(make_view: MakeView, qtbot: QtBot,
                                           content: Content) -> None:
    view, selection = make_view()
    for stage in reversed(content.stages):
        with qtbot.waitSignal(selection.stage_changed) as signal:
            click(qtbot, view.band(stage.id))
        assert signal.args == [stage.id]
        assert [b.isChecked() for b in view.bands()] == \
            [s.id == stage.id for s in content.stages]


def test_clicking_a_marker_selects_it_and_its_stage(make_view: MakeView, qtbot: QtBot) -> None:
    view, selection = make_view()
    marker = view.marker("event", MINUTES_1984)
    with qtbot.waitSignal(selection.item_changed) as signal:
        click(qtbot, marker)
    assert signal.args == ["event", MINUTES_1984]
    assert selection.stage == 2
    assert marker.isChecked() and view.band(2).isChecked()

    firm = view.marker("enterprise", "xiangtan-iron-and-steel-plant")
    click(qtbot, firm)
    assert selection.item == ("enterprise", "xiangtan-iron-and-steel-plant")
    assert selection.stage == 1
    assert firm.isChecked() and not marker.isChecked()
    assert view.band(1).isChecked() and not view.band(2).isChecked()


def test_clicking_a_stage_column_between_markers_selects_the_stage(
        make_view: MakeView, qtbot: QtBot) -> None:
    view, selection = make_view()
    band = view.band(4)
    below_band = QPoint(band.x() + band.width() // 2, view.canvas.picture.axis.toLine().y1())
    assert view.canvas.childAt(below_band) is None  # the axis: no marker there
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=below_band)
    assert selection.stage == 4


def test_arrow_keys_home_end_and_digits_choose_stages(make_view: MakeView, qtbot: QtBot,
                                                      content: Content) -> None:
    view, selection = make_view()
    view.band(1).setFocus()
    ids = [s.id for s in content.stages]
    key(qtbot, view, Qt.Key.Key_Right)
    assert selection.stage == ids[1] and focused() is view.band(ids[1])
    key(qtbot, view, Qt.Key.Key_Right)
    key(qtbot, view, Qt.Key.Key_Left)
    assert selection.stage == ids[1]
    key(qtbot, view, Qt.Key.Key_End)
    assert selection.stage == ids[-1] and focused() is view.band(ids[-1])
    key(qtbot, view, Qt.Key.Key_Right)  # already the last: stays
    assert selection.stage == ids[-1]
    key(qtbot, view, Qt.Key.Key_Home)
    assert selection.stage == ids[0]
    for number, stage_id in enumerate(ids, start=1):
        key(qtbot, view, getattr(Qt.Key, f"Key_{number}"))
        assert selection.stage == stage_id
        assert focused() is view.band(stage_id)


def test_tab_goes_into_the_stage_and_enter_chooses(make_view: MakeView, qtbot: QtBot,
                                                   content: Content) -> None:
    view, selection = make_view()
    selection.set_stage(4)
    view.band(4).setFocus()
    key(qtbot, view, Qt.Key.Key_Tab)
    first = focused()
    assert isinstance(first, MarkerButton)
    assert first.stage_id == 4
    assert first is view.markers()[[m.stage_id for m in view.markers()].index(4)]
    key(qtbot, view, Qt.Key.Key_Right)  # moves focus only
    second = focused()
    assert isinstance(second, MarkerButton) and second is not first
    assert selection.item == ("", "")
    key(qtbot, view, Qt.Key.Key_Return)
    assert selection.item == second.key
    assert second.isChecked()
    key(qtbot, view, Qt.Key.Key_Left)
    key(qtbot, view, Qt.Key.Key_Space)
    assert selection.item == first.key
    key(qtbot, view, Qt.Key.Key_Backtab)
    assert focused() is view.band(4)
    # Tab comes back to the chosen marker.
    chosen = first
    key(qtbot, view, Qt.Key.Key_Tab)
    assert focused() is chosen
    key(qtbot, view, Qt.Key.Key_Backtab)
    # Right on the band moves to the next stage; Tab then enters that stage.
    key(qtbot, view, Qt.Key.Key_Right)
    assert selection.stage == 5 and selection.item == ("", "")
    key(qtbot, view, Qt.Key.Key_Tab)
    entered = focused()
    assert isinstance(entered, MarkerButton) and entered.stage_id == 5


def test_marker_keys_home_end_lanes_and_escape(make_view: MakeView, qtbot: QtBot) -> None:
    view, selection = make_view()
    stage_one = [m for m in view.markers() if m.stage_id == 1]
    stage_one[3].setFocus()
    key(qtbot, view, Qt.Key.Key_Home)
    assert focused() is stage_one[0]
    key(qtbot, view, Qt.Key.Key_End)
    assert focused() is stage_one[-1]
    lane0 = next(m for m in stage_one if m.lane == 0)
    lane0.setFocus()
    key(qtbot, view, Qt.Key.Key_Up)
    above = focused()
    assert isinstance(above, MarkerButton) and above.lane == 1
    key(qtbot, view, Qt.Key.Key_Down)
    assert isinstance(focused(), MarkerButton) and focused().lane == 0  # type: ignore[union-attr]
    key(qtbot, view, Qt.Key.Key_Escape)
    assert focused() is view.band(1)
    assert selection.item == ("", "")


def test_an_outside_selection_is_highlighted_and_scrolled_into_view(
        make_view: MakeView, qtbot: QtBot) -> None:
    view, selection = make_view()
    set_zoom_and_settle(qtbot, view, 4.0)
    last = view.marker("event", "three-trunks-two-rails-2019")
    assert not in_view(view, last)
    selection.set_item("event", "three-trunks-two-rails-2019")
    assert last.isChecked() and view.band(5).isChecked()
    assert in_view(view, last)
    # The stem from the marker down to its date on the axis is drawn.
    assert view.canvas.stem is not None

    first = view.marker("enterprise", "nanfang-power-machinery-plant")
    selection.set_item("enterprise", first.item_id)
    assert first.isChecked() and not last.isChecked()
    assert view.band(1).isChecked() and not view.band(5).isChecked()
    assert in_view(view, first)

    selection.set_stage(3)  # another stage deselects the item
    assert not first.isChecked() and view.canvas.stem is None
    assert in_view(view, view.band(3))


def test_selected_state_is_visible_without_colour(make_view: MakeView, qtbot: QtBot) -> None:
    """A thick ring (not just a colour change) marks the chosen marker."""
    view, selection = make_view()
    marker = view.marker("event", MINUTES_1984)
    before = marker.grab().toImage()
    selection.set_item("event", MINUTES_1984)
    after = marker.grab().toImage()
    ink = QColor(view.theme.ink)
    t = marker.height()
    ring_radius = round(marker.look.dot / 2 + 4)
    ring_x = t // 2 + ring_radius
    assert after.pixelColor(ring_x, t // 2) == ink
    assert before.pixelColor(ring_x, t // 2) != ink
    # …and an accessible "checked" state for screen readers.
    iface = QAccessible.queryAccessibleInterface(marker)
    assert iface is not None and iface.state().checked
    assert iface.role() == QAccessible.Role.RadioButton
    selection.clear_item()  # a row of radio buttons may still end up with none checked
    assert not marker.isChecked()
    assert not any(m.isChecked() for m in view.markers())


def test_keyboard_focus_shows_a_ring_and_a_click_does_not(make_view: MakeView,
                                                         qtbot: QtBot) -> None:
    view, _ = make_view()
    marker = view.marker("event", MINUTES_1984)
    plain = marker.grab().toImage()
    click(qtbot, marker)
    marker.clearFocus()
    chosen = marker.grab().toImage()
    click(qtbot, marker)  # focused by the mouse: looks the same as unfocused
    assert marker.hasFocus() and marker.grab().toImage() == chosen
    marker.clearFocus()
    marker.setFocus(Qt.FocusReason.TabFocusReason)
    assert marker.grab().toImage() != chosen
    assert plain != chosen


# -- geometry ------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("zoom", [1.0, 2.0, 4.0])
def test_targets_are_big_and_never_overlap(make_view: MakeView, qtbot: QtBot, lang: str,
                                           zoom: float) -> None:
    view, _ = make_view(1024, lang)
    set_zoom_and_settle(qtbot, view, zoom)
    buttons = view.buttons()
    assert len(buttons) == 5 + 35 + 15
    for button in buttons:
        assert button.width() >= 44 and button.height() >= 44, button.accessibleName()
    rects = {b: on_canvas(view, b) for b in buttons}
    for a, b in itertools.combinations(buttons, 2):
        assert not rects[a].intersects(rects[b]), (a.accessibleName(), b.accessibleName())
    for marker in view.markers():  # each inside its stage's column, below its band
        band = rects[view.band(marker.stage_id)]
        assert band.left() <= rects[marker].left()
        assert rects[marker].right() <= band.right()
        assert rects[marker].top() > band.bottom()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_whole_timeline_fits_1024_at_zoom_one(make_view: MakeView, lang: str) -> None:
    view, _ = make_view(1024, lang)
    assert 180 <= view.sizeHint().height() <= 220
    assert view.height() == view.sizeHint().height()
    assert view.scroll_area.horizontalScrollBar().maximum() == 0
    assert view.scroll_area.verticalScrollBar().maximum() == 0
    for band in view.bands():
        assert in_view(view, band)
    three = view.band(3)  # the three-year stage still shows its whole label
    assert three.min_width() <= three.width()


@pytest.mark.parametrize("zoom", [1.0, 2.0, 4.0, 8.0])
def test_year_labels_never_overlap_and_get_denser(make_view: MakeView, qtbot: QtBot,
                                                  zoom: float) -> None:
    view, _ = make_view()
    set_zoom_and_settle(qtbot, view, zoom)
    fm = view.canvas.look.axis_metrics
    boxes = sorted((p.x(), p.x() + fm.horizontalAdvance(t.text()), int(t.text()))
                   for p, t in view.canvas.picture.labels)
    assert len(boxes) >= 6
    for (_, right, _), (left, _, _) in itertools.pairwise(boxes):
        assert right < left
    years = [y for *_, y in boxes]
    assert years == sorted(years)
    if zoom == 1.0:
        assert {1950, 1960, 1980, 2000} <= set(years)
    if zoom >= 4.0:
        assert set(range(1980, 2020)) <= set(years)  # every year once there is room


def test_labels_appear_when_zoomed_and_stay_inside_their_target(
        make_view: MakeView, qtbot: QtBot, content: Content) -> None:
    view, _ = make_view()
    set_zoom_and_settle(qtbot, view, 4.0)
    labelled = [m for m in view.markers() if m.label]
    assert len(labelled) >= 20
    fm = view.canvas.look.label_metrics
    for marker in labelled:
        assert marker.height() + fm.horizontalAdvance(marker.label) <= marker.width()
    decade = next(e for e in content.events if e.precision == "decade")
    # A decade never reads as an exact year: its label starts with "20世纪50年代".
    assert view.marker("event", decade.id).full_label.startswith(decade.when.get("zh"))


def test_text_zoom_grows_targets_and_height(make_view: MakeView, qtbot: QtBot) -> None:
    view, _ = make_view()
    height = view.sizeHint().height()
    view.appearance.set_zoom(150)
    view.resize(1024, view.sizeHint().height())
    assert view.sizeHint().height() > height * 1.4
    buttons = view.buttons()
    assert all(b.width() >= 66 and b.height() >= 66 for b in buttons)
    rects = [on_canvas(view, b) for b in buttons]
    for a, b in itertools.combinations(rects, 2):
        assert not a.intersects(b)


# -- words ---------------------------------------------------------------------------------
def test_accessible_names_in_both_languages(make_view: MakeView, content: Content) -> None:
    view, _ = make_view(lang="zh")
    minutes = view.marker("event", MINUTES_1984)
    assert minutes.accessibleName() == "1984年11月 《关于建立长株潭三市经济区的问题》会议纪要"
    decade = next(e for e in content.events if e.precision == "decade")
    assert view.marker("event", decade.id).accessibleName().startswith("20世纪50年代")
    assert "湘潭钢铁厂" in view.marker("enterprise",
                                      "xiangtan-iron-and-steel-plant").accessibleName()
    assert "准备阶段" in view.band(3).accessibleName()
    assert "1997–1999" in view.band(3).accessibleName()
    zh_names = {b: b.accessibleName() for b in view.buttons()}
    for button in view.buttons():
        assert button.accessibleName() and button.accessibleDescription()
        assert button.toolTip()
    assert view.accessibleName()

    view.appearance.set_language("en")
    assert view.band(3).accessibleName() == "Stage 3, 1997–1999, Preparation"
    event = next(e for e in content.events if e.id == MINUTES_1984)
    assert minutes.accessibleName() == f"{event.when.get('en')} {event.title.get('en')}"
    assert minutes.accessibleName().startswith("November 1984 ")
    assert view.marker("enterprise", "xiangtan-iron-and-steel-plant").accessibleName() == \
        "Xiangtan Iron and Steel Plant (built 1958)"
    for button in view.buttons():
        assert button.accessibleName() != zh_names[button]
        assert not any("\u4e00" <= c <= "\u9fff" for c in button.accessibleName())
    assert "Source: " in minutes.toolTip() and "§1.2" in minutes.toolTip()


def test_language_switch_keeps_selection_and_zoom(make_view: MakeView, qtbot: QtBot) -> None:
    view, selection = make_view()
    selection.set_item("event", MINUTES_1984)
    set_zoom_and_settle(qtbot, view, 2.0)
    view.appearance.set_language("en")
    assert view.zoom == 2.0
    assert view.marker("event", MINUTES_1984).isChecked()
    assert in_view(view, view.marker("event", MINUTES_1984))


# -- zoom and pan ------------------------------------------------------------------------------
def test_zoom_keys_change_zoom_and_emit(make_view: MakeView, qtbot: QtBot) -> None:
    view, _ = make_view()
    view.band(1).setFocus()
    with qtbot.waitSignal(view.zoom_changed) as signal:
        key(qtbot, view, Qt.Key.Key_Plus)
    assert signal.args[0] == pytest.approx(2 ** 0.5)
    key(qtbot, view, Qt.Key.Key_Equal)  # "+" without Shift
    assert view.zoom == pytest.approx(2.0)
    assert view.canvas.width() > 1.9 * view.scroll_area.viewport().width()
    key(qtbot, view, Qt.Key.Key_Minus)
    assert view.zoom == pytest.approx(2 ** 0.5)
    key(qtbot, view, Qt.Key.Key_0)
    assert view.zoom == 1.0
    with qtbot.assertNotEmitted(view.zoom_changed):
        key(qtbot, view, Qt.Key.Key_Minus)  # never below the whole timeline
    view.zoom_in()
    view.zoom_out()
    assert view.zoom == pytest.approx(1.0)
    view.set_zoom(100)
    assert view.zoom == 8.0
    view.reset_zoom()
    assert view.zoom == 1.0


def wheel(widget: QWidget, pos: QPointF, angle: QPoint,
          mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    event = QWheelEvent(pos, widget.mapToGlobal(pos), QPoint(), angle,
                        Qt.MouseButton.NoButton, mods, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_ctrl_wheel_zooms_around_the_pointer(make_view: MakeView, qtbot: QtBot) -> None:
    view, _ = make_view()
    canvas = view.canvas
    band = view.band(4)
    pos = QPointF(band.x() + band.width() / 2, view.canvas.picture.axis.y1() + 2)
    year_before = view.year_at(pos.x())
    with qtbot.waitSignal(view.zoom_changed):
        wheel(canvas, pos, QPoint(0, 240), Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(2.0)
    # The year under the pointer stays under the pointer.
    assert view.year_at(pos.x()) == pytest.approx(year_before, abs=0.2)
    wheel(canvas, pos, QPoint(0, -120), Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(2 ** 0.5)


def test_wheel_and_shift_wheel_pan_when_zoomed(make_view: MakeView, qtbot: QtBot) -> None:
    view, _ = make_view()
    bar = view.scroll_area.horizontalScrollBar()
    set_zoom_and_settle(qtbot, view, 4.0)
    bar.setValue(1000)
    marker = view.markers()[10]  # over a marker: the wheel still pans
    wheel(marker, QPointF(5, 5), QPoint(-120, 0))
    assert bar.value() > 1000
    start = bar.value()
    wheel(view.canvas, QPointF(5, 5), QPoint(0, 120), Qt.KeyboardModifier.ShiftModifier)
    assert bar.value() < start


def test_trackpad_pinch_zooms(make_view: MakeView, qtbot: QtBot) -> None:
    view, _ = make_view()
    pos = QPointF(300, 100)
    device = QPointingDevice.primaryPointingDevice()
    event = QNativeGestureEvent(Qt.NativeGestureType.ZoomNativeGesture, device, 2, pos, pos,
                                view.canvas.mapToGlobal(pos), 0.5, QPointF(), 1)
    with qtbot.waitSignal(view.zoom_changed):
        QApplication.sendEvent(view.canvas, event)
    assert view.zoom == pytest.approx(1.5)


def test_touch_pinch_zooms(make_view: MakeView, qtbot: QtBot) -> None:
    view, _ = make_view()
    pinch = QPinchGesture()
    pinch.setChangeFlags(QPinchGesture.ChangeFlag.ScaleFactorChanged)
    pinch.setScaleFactor(2.0)
    pinch.setCenterPoint(view.canvas.mapToGlobal(QPointF(400, 100)))
    with qtbot.waitSignal(view.zoom_changed):
        QApplication.sendEvent(view.canvas, QGestureEvent([pinch]))
    assert view.zoom == pytest.approx(2.0)


def test_dragging_pans_and_does_not_select(make_view: MakeView, qtbot: QtBot) -> None:
    view, selection = make_view()
    set_zoom_and_settle(qtbot, view, 4.0)
    bar = view.scroll_area.horizontalScrollBar()
    bar.setValue(bar.maximum() // 2)
    start = bar.value()
    marker = next(m for m in view.markers() if in_view(view, m))
    centre = marker.rect().center()
    qtbot.mousePress(marker, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseMove(marker, centre + QPoint(-200, 0))
    qtbot.mouseRelease(marker, Qt.MouseButton.LeftButton, pos=centre + QPoint(-200, 0))
    assert bar.value() == start + 200
    assert selection.item == ("", "")
    # Dragging empty space pans too, and does not pick a stage.
    stage = selection.stage
    canvas_pos = QPoint(bar.value() + 30, view.canvas.picture.axis.toLine().y1() + 3)
    qtbot.mousePress(view.canvas, Qt.MouseButton.LeftButton, pos=canvas_pos)
    qtbot.mouseMove(view.canvas, canvas_pos + QPoint(100, 0))
    qtbot.mouseRelease(view.canvas, Qt.MouseButton.LeftButton, pos=canvas_pos + QPoint(100, 0))
    assert bar.value() == start + 100
    assert selection.stage == stage


# -- look ------------------------------------------------------------------------------------
def test_high_contrast_theme_repaints(make_view: MakeView, qtbot: QtBot) -> None:
    view, selection = make_view()
    selection.set_stage(2)
    view.appearance.set_high_contrast(True)
    image = view.canvas.grab().toImage()
    band = view.band(3)  # an unselected column, below its band: plain white
    assert image.pixelColor(band.x() + 3, band.geometry().bottom() + 6) == QColor("#FFFFFF")


def test_every_stage_switch_repaints_the_chosen_band(make_view: MakeView, qtbot: QtBot,
                                                    content: Content) -> None:
    """How fast is measured by bench/interaction.py; here, that each switch shows."""
    view, selection = make_view()
    view.repaint()
    for stage in [*content.stages, *reversed(content.stages)]:
        selection.set_stage(stage.id)
        view.repaint()
        assert view.band(stage.id).isChecked()


@pytest.fixture
def lonely_selection(content: Content) -> Iterator[Selection]:
    yield Selection(content)


def test_views_share_one_selection(make_view: MakeView, lonely_selection: Selection,
                                   qtbot: QtBot) -> None:
    """Two timelines (e.g. classroom and presenter screens) follow the one selection."""
    one, _ = make_view(selection=lonely_selection)
    two, _ = make_view(1920, "en", selection=lonely_selection)
    click(qtbot, one.marker("event", MINUTES_1984))
    assert two.marker("event", MINUTES_1984).isChecked()
    assert isinstance(two.band(2), StageBand) and two.band(2).isChecked()
