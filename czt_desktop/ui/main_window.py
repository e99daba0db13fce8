"""The main window: header with search, the timeline, and the detail panes in tabs.

Views never talk to each other: the timeline, the panes, the charts and the search all
read and write one shared :class:`Selection`. The window owns what is app-wide: menus,
language, zoom, theme, remembered settings and the start-up notices.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

# Qt classes and enums are reached through their modules where the window is built,
# not imported by name: PySide creates a type (the ``Qt`` namespace costs tens of ms) on
# first access, and the first frame must not wait for types it does not use.
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QByteArray, QEvent, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from czt_desktop.languages import language
from czt_desktop.settings import Preferences, SettingsStore
from czt_desktop.ui.application import apply_look, theme_for
from czt_desktop.ui.first_paint import FirstPaint
from czt_desktop.ui.i18n import LanguageSwitcher
from czt_desktop.ui.theme import TypeScale

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QCloseEvent

    from czt_desktop.content import Content
    from czt_desktop.content.summary import FrameSummary
    from czt_desktop.ui.modes import Mode, ModeOptions
    from czt_desktop.ui.panes.base import Pane

log = logging.getLogger("czt.ui")

ZOOM_STEPS = (75, 90, 100, 110, 125, 150, 175, 200, 250, 300)

#: Which pane shows an item picked in the search or on the timeline.
PANE_FOR_KIND = {
    "event": "overview",
    "enterprise": "enterprises",
    "statistic": "statistics",
    "industry": "today",
    "innovation_base": "today",
    "city": "map",
    "problem": "analysis",
    "strategy": "analysis",
    "peer_cluster": "analysis",
    "fact": "overview",
    "data_note": "statistics",
    "stage": "overview",
}


# A NamedTuple rather than a frozen dataclass: cheaper to define before the first paint
# (docs/PERFORMANCE.md, first paint).
class Notice(NamedTuple):
    """Something the user should know about start-up (bad content pack, settings, flags)."""

    kind: str  # "content", "settings" or "arguments"
    subject: str
    problems: int  # how many
    details: str


class MainWindow(QMainWindow):
    language_changed = Signal(str)
    pane_changed = Signal(str)
    mode_changed = Signal(str)
    #: Emitted after :meth:`reset_to_home` (a kiosk's idle reset clears quiz answers too).
    reset_done = Signal()

    def __init__(
        self,
        content: Content | None,
        store: SettingsStore,
        prefs: Preferences,
        switcher: LanguageSwitcher,
        notices: tuple[Notice, ...] = (),
        *,
        deferred: bool = False,
        frame: FrameSummary | None = None,
        content_source: Callable[[], tuple[Content, tuple[Notice, ...]]] | None = None,
    ) -> None:
        """``content`` may be None for a deferred window given the first frame's summary
        (``frame``) and a ``content_source`` called once the frame is on screen; it
        returns the content and notices about it."""
        super().__init__()
        if content is not None:
            self.content = content
        elif not (deferred and frame is not None and content_source is not None):
            raise ValueError("a window without content needs deferred=True, frame and "
                             "content_source")
        # Called once, by build_ui, when the window was not given its content.
        self._content_source = content_source if content is None else None
        self._store = store
        self._prefs = prefs
        self._switcher = switcher
        self._notices = notices
        self._notice_dismissed = False
        self.lang = prefs.language
        self.zoom_percent = prefs.zoom_percent
        self.high_contrast = prefs.high_contrast
        self.theme = theme_for(self.high_contrast)
        self.scale = TypeScale().scaled(self.zoom_percent)
        self.charts: dict[str, QWidget] = {}
        self.export_allowed = True
        self.setObjectName("mainWindow")
        self.setMinimumSize(800, 600)

        # The panes (and their charts) are built right after the first paint: the
        # header and the timeline with the five stages show at once, the details follow.
        self.panes: list[Pane] = []
        #: Updates owed to panes that were hidden when the language, zoom or theme changed.
        self._stale: dict[str, set[str]] = {}
        self._wanted_pane = prefs.pane
        self._charts_pending = True
        self._built = False
        self._pending_mode: tuple[str, ModeOptions | None] | None = None
        self._mode: Mode | None = None  # see mode
        self._first_frame: QWidget | None = None
        if deferred:
            # A picture of the header and the five stages first; the real widgets (and
            # the modules they need) once it is on screen. See ui/first_frame.py.
            from czt_desktop.ui.first_frame import FirstFrame

            if frame is None:
                from czt_desktop.content.summary import summary_of

                frame = summary_of(self.content)
            self._first_frame = FirstFrame(frame, self.lang, self.theme, self.scale)
            self.setCentralWidget(self._first_frame)
            self.setWindowTitle(language(self.lang).app_title)
            self._restore_geometry()
            FirstPaint(self._first_frame, self.build_ui)
        else:
            self.build_ui()

    def first_paint_widget(self) -> QWidget:
        """The widget whose first paint shows the five stages (for the start-up benchmark)."""
        return self._first_frame if self._first_frame is not None else self.timeline.canvas

    @property
    def is_built(self) -> bool:
        return self._built

    def build_ui(self) -> None:
        """Build the interactive window (idempotent; deferred windows call it after the
        first frame has painted)."""
        if self._built:
            return
        self._built = True
        # Imported here, like the panes' modules: the first frame needs none of them.
        from czt_desktop.ui.notice_banner import NoticeBanner
        from czt_desktop.ui.selection import Selection
        from czt_desktop.ui.timeline import TimelineView

        if self._content_source is not None:
            self.content, more = self._content_source()
            self._notices = (*more, *self._notices)
            self._content_source = None
        content, prefs = self.content, self._prefs
        self.selection = Selection(content, self)
        self._build_header()
        self.banner = NoticeBanner()
        self.timeline = TimelineView(content, self.selection, self.lang)
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setObjectName("paneTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._on_tab_changed)

        central = QWidget()
        central.setObjectName("centralArea")
        column = QtWidgets.QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addWidget(self.banner)
        column.addWidget(self.timeline)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)  # deletes the first frame, if there was one
        self._first_frame = None
        self.status_label = QtWidgets.QLabel()
        self.status_label.setObjectName("statusNote")
        self.statusBar().addWidget(self.status_label, 1)

        self._build_actions()
        self.search.hit_chosen.connect(self._on_search_hit)
        self.selection.item_changed.connect(self._on_item_changed)
        self._apply_scale_and_theme()
        self.retranslate_ui()
        if not self.isVisible():
            self._restore_geometry()
        start = prefs.stage if prefs.stage in {s.id for s in content.stages} else \
            content.stages[0].id
        self.selection.set_stage(start)
        # Start on the timeline, not in the search field: a presenter remote's keys and
        # the 1-5 stage keys must work straight away.
        self.timeline.band(self.selection.stage).setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
        FirstPaint(self.timeline.canvas, self.finish_building)
        self.mode.enter()
        if self._pending_mode is not None:
            name, options = self._pending_mode
            self._pending_mode = None
            self.set_mode(name, options)

    # -- modes ------------------------------------------------------------------------------
    @property
    def mode(self) -> Mode:
        """The current mode; the default one is made when first asked for (the modes'
        modules are not needed for the first frame)."""
        if self._mode is None:
            from czt_desktop.ui.modes import DEFAULT_MODE, ModeOptions, create_mode

            self._mode = create_mode(DEFAULT_MODE, self, ModeOptions())
        return self._mode

    @property
    def mode_name(self) -> str:
        return self.mode.name

    def set_mode(self, name: str, options: ModeOptions | None = None) -> None:
        """Leave the current mode and enter ``name`` (see :data:`modes.MODES`)."""
        if not self._built:
            self._pending_mode = (name, options)  # entered once the window is built
            return
        if name == self.mode.name and options is None:
            return
        from czt_desktop.ui.modes import create_mode

        options = options if options is not None else self.mode.options
        self.mode.leave()
        old = self.mode
        self._mode = create_mode(name, self, options)
        old.deleteLater()
        self.mode.enter()
        self.mode_changed.emit(name)

    def reset_to_home(self, lang: str | None = None) -> None:
        """Back to where a new visitor starts: first stage, overview, no filters."""
        if lang is not None:
            self.set_language(lang)
        self.search.clear_search()
        self.selection.clear_item()
        self.selection.set_stage(self.content.stages[0].id)
        for pane in self.panes:
            pane.reset()
        self.show_pane("overview")
        self.reset_done.emit()

    # -- building -------------------------------------------------------------------------
    def _build_header(self) -> None:
        from czt_desktop.ui.search_box import SearchBox

        self.header = QtWidgets.QFrame()
        self.header.setObjectName("appHeader")
        self.title_label = QtWidgets.QLabel()
        self.title_label.setObjectName("appTitle")
        # At big zoom on a projector the title wraps rather than being cut off.
        self.title_label.setWordWrap(True)
        self.search = SearchBox(self.content, self.lang)
        self.search.setMaximumWidth(420)
        self.language_button = QtWidgets.QPushButton()
        self.language_button.setObjectName("languageButton")
        self.language_button.clicked.connect(self.toggle_language)
        row = QtWidgets.QHBoxLayout(self.header)
        row.setContentsMargins(24, 8, 16, 8)
        row.setSpacing(16)
        row.addWidget(self.title_label, 1)
        row.addWidget(self.search, 1)
        row.addWidget(self.language_button)

    def _action(self, menu_or_none: object, slot: object,
                keys: list[QtGui.QKeySequence] | None = None) -> QtGui.QAction:
        action = QtGui.QAction(self)
        if keys:
            action.setShortcuts(keys)
        action.triggered.connect(slot)
        if menu_or_none is not None:
            menu_or_none.addAction(action)  # type: ignore[attr-defined]
        else:
            self.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        std = QtGui.QKeySequence.StandardKey
        self.file_menu = bar.addMenu("")
        self.export_view_action = self._action(self.file_menu, self.export_view_dialog,
                                               [QtGui.QKeySequence("Ctrl+E")])
        self.export_handout_action = self._action(self.file_menu, self.export_handout_dialog,
                                                  [QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.Print)])
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, self.close, [QtGui.QKeySequence(std.Quit)])

        self.edit_menu = bar.addMenu("")
        self.find_action = self._action(self.edit_menu, self.search.focus_search,
                                        [QtGui.QKeySequence(std.Find)])

        self.view_menu = bar.addMenu("")
        self.zoom_in_action = self._action(
            self.view_menu, self.zoom_in,
            [QtGui.QKeySequence(std.ZoomIn), QtGui.QKeySequence("Ctrl+=")])
        self.zoom_out_action = self._action(self.view_menu, self.zoom_out,
                                            [QtGui.QKeySequence(std.ZoomOut)])
        self.zoom_reset_action = self._action(self.view_menu, self.reset_zoom,
                                              [QtGui.QKeySequence("Ctrl+0")])
        self.contrast_action = self._action(self.view_menu, self._toggle_contrast)
        self.contrast_action.setCheckable(True)
        self.contrast_action.setChecked(self.high_contrast)
        self.view_menu.addSeparator()
        self.present_action = self._action(
            self.view_menu, lambda: self.set_mode("classroom"), [QtGui.QKeySequence("F5")])
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        group = QtGui.QActionGroup(self)
        self.language_actions: dict[str, QtGui.QAction] = {}
        for lang, name in (("zh", "中文"), ("en", "English")):
            action = QtGui.QAction(name, self, checkable=True)
            action.setChecked(lang == self.lang)
            action.triggered.connect(lambda _=False, code=lang: self.set_language(code))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[lang] = action

        self.go_menu = bar.addMenu("")
        self.previous_action = self._action(
            self.go_menu, lambda: self.selection.step_stage(-1), [QtGui.QKeySequence("PgUp")])
        self.next_action = self._action(
            self.go_menu, lambda: self.selection.step_stage(1), [QtGui.QKeySequence("PgDown")])
        self.go_menu.addSeparator()
        self.stage_actions: list[QtGui.QAction] = []
        for number, stage in enumerate(self.content.stages[:9], start=1):
            self.stage_actions.append(self._action(
                self.go_menu, lambda _=False, sid=stage.id: self.selection.set_stage(sid),
                [QtGui.QKeySequence(str(number))]))
        self.go_menu.addSeparator()
        self.pane_actions: list[QtGui.QAction] = []

        self.help_menu = bar.addMenu("")
        self.about_action = self._action(self.help_menu, self.show_about)

    # -- language -------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        zh = self.lang == "zh"
        self.setWindowTitle(language(self.lang).app_title)
        self.title_label.setText(self.content.manifest.title.get(self.lang))
        # The button names the language it switches to, in that language.
        self.language_button.setText("English" if zh else "中文")
        self.language_button.setAccessibleName(
            self.tr("Switch to English") if zh else self.tr("Switch to Chinese"))
        self.file_menu.setTitle(self.tr("&File"))
        self.export_view_action.setText(self.tr("&Export view as image…"))
        self.export_handout_action.setText(self.tr("Export &handout (PDF)…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.find_action.setText(self.tr("&Find…"))
        self.view_menu.setTitle(self.tr("&View"))
        self.zoom_in_action.setText(self.tr("Zoom &in"))
        self.zoom_out_action.setText(self.tr("Zoom &out"))
        self.zoom_reset_action.setText(self.tr("&Actual size"))
        self.contrast_action.setText(self.tr("&High contrast"))
        self.present_action.setText(self.tr("&Present to the class"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.previous_action.setText(self.tr("&Previous stage"))
        self.next_action.setText(self.tr("&Next stage"))
        for action, stage in zip(self.stage_actions, self.content.stages, strict=False):
            action.setText(f"{stage.years_label}  {stage.short.get(self.lang)}")
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About"))
        self.tabs.setAccessibleName(self.tr("Details"))
        for index, (pane, action) in enumerate(zip(self.panes, self.pane_actions, strict=True)):
            self.tabs.setTabText(index, pane.title())
            action.setText(pane.title())
        self.status_label.setText(
            "" if zh else self.content.manifest.translation_note.get("en"))
        self.banner.retranslate_ui()
        self._show_first_notice()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._built:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_language(self, lang: str) -> None:
        """Switch UI and content language; stage, pane, selection and filters stay."""
        if lang == self.lang or lang not in self.language_actions:
            return
        self.lang = lang
        self._switcher.apply(lang)
        self._apply_look()
        self.timeline.set_language(lang)
        self.search.set_language(lang)
        for pane in self.panes:
            pane.lang = lang
            self._update_pane(pane, "retranslate")
        for chart in self.charts.values():
            chart.set_language(lang)  # type: ignore[attr-defined]
        self.language_actions[lang].setChecked(True)
        self.retranslate_ui()
        self.language_changed.emit(lang)

    def toggle_language(self) -> None:
        self.set_language("en" if self.lang == "zh" else "zh")

    # -- zoom and theme -------------------------------------------------------------------
    def set_zoom(self, percent: int) -> None:
        """One zoom for text, timeline and charts together."""
        percent = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], percent))
        if percent == self.zoom_percent:
            return
        self.zoom_percent = percent
        self.scale = TypeScale().scaled(percent)
        self._apply_look()
        self._apply_scale_and_theme()

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom_percent), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom_percent),
                           ZOOM_STEPS[0]))

    def reset_zoom(self) -> None:
        self.set_zoom(100)

    def set_high_contrast(self, on: bool) -> None:
        self.high_contrast = on
        self.theme = theme_for(on)
        self.contrast_action.setChecked(on)
        self._apply_look()
        self._apply_scale_and_theme()

    def _toggle_contrast(self) -> None:
        self.set_high_contrast(self.contrast_action.isChecked())

    def _apply_look(self) -> None:
        app = QtWidgets.QApplication.instance()
        if isinstance(app, QtWidgets.QApplication):
            apply_look(app, self.lang, self.zoom_percent, self.high_contrast)

    def _apply_header_fonts(self) -> None:
        """Sizes the style sheet leaves to code (so a zoom never re-polishes the app)."""
        title = QtGui.QFont(self.font())
        title.setPixelSize(self.scale.lead)
        title.setBold(True)
        self.title_label.setFont(title)
        small = QtGui.QFont(self.font())
        small.setPixelSize(self.scale.small)
        for widget in (self.language_button, self.status_label, self.banner,
                       self.menuBar()):
            widget.setFont(small)

    def _apply_scale_and_theme(self) -> None:
        self._apply_header_fonts()
        self.timeline.set_theme(self.theme)
        self.timeline.set_scale(self.scale)
        self.search.set_theme(self.theme)
        self.search.set_scale(self.scale)
        for pane in self.panes:
            pane.theme = self.theme
            pane.scale = self.scale
            self._update_pane(pane, "refresh")
        for chart in self.charts.values():
            chart.set_theme(self.theme)  # type: ignore[attr-defined]
            chart.set_scale(self.scale)  # type: ignore[attr-defined]

    # -- panes and selection ----------------------------------------------------------------
    def pane_ids(self) -> list[str]:
        return [pane.pane_id for pane in self.panes]

    def pane(self, pane_id: str) -> Pane:
        return next(p for p in self.panes if p.pane_id == pane_id)

    @property
    def current_pane_id(self) -> str:
        from czt_desktop.ui.panes.base import Pane

        current = self.tabs.currentWidget()
        return current.pane_id if isinstance(current, Pane) else self._wanted_pane

    def show_pane(self, pane_id: str) -> None:
        self._wanted_pane = pane_id
        for index, pane in enumerate(self.panes):
            if pane.pane_id == pane_id:
                self.tabs.setCurrentIndex(index)
                return

    def _update_pane(self, pane: Pane, what: str) -> None:
        """Re-translate or refresh a pane now if it is shown, else when it is next shown.

        Rebuilding all seven panes on every language switch or zoom step took seconds;
        only the one on screen has to be right at once.
        """
        if pane is self.tabs.currentWidget():
            self._run_update(pane, {what})
        else:
            self._stale.setdefault(pane.pane_id, set()).add(what)

    @staticmethod
    def _run_update(pane: Pane, what: set[str]) -> None:
        if "retranslate" in what:
            pane.retranslate_now()
        if "refresh" in what:
            pane.refresh()

    def _on_tab_changed(self, _index: int) -> None:
        from czt_desktop.ui.panes.base import Pane

        current = self.tabs.currentWidget()
        if isinstance(current, Pane):
            self._wanted_pane = current.pane_id
            pending = self._stale.pop(current.pane_id, None)
            if pending:
                self._run_update(current, pending)
        self.pane_changed.emit(self.current_pane_id)

    def _on_item_changed(self, kind: str, _item_id: str) -> None:
        # A marker picked on the timeline opens the pane that tells about it, unless
        # the current pane already lists such items.
        if kind == "enterprise" and self.current_pane_id not in {"enterprises"}:
            self.show_pane("enterprises")
        elif kind == "event" and self.current_pane_id not in {"overview", "plans"}:
            self.show_pane("overview")

    def _on_search_hit(self, kind: str, item_id: str, stage_id: int) -> None:
        if stage_id >= 0:
            self.selection.set_stage(stage_id)
        if kind == "stage":
            self.selection.set_stage(int(item_id))
        else:
            self.selection.set_item(kind, item_id)
        self.show_pane(PANE_FOR_KIND.get(kind, "overview"))

    # -- panes and charts (built after the first paint) ---------------------------------------
    def finish_building(self) -> None:
        """Build the panes, then the charts (idempotent; runs after the first paint)."""
        self.build_ui()
        self.build_panes()
        self.build_charts()

    def build_panes(self) -> None:
        self.build_ui()
        if self.panes:
            return
        wanted = self._wanted_pane
        # Imported here: the panes' modules are not needed for the first paint.
        from czt_desktop.ui.panes.registry import PANE_CLASSES

        for number, cls in enumerate(PANE_CLASSES, start=1):
            pane = cls(self.content, self.selection, self.lang)
            pane.theme = self.theme
            pane.set_scale(self.scale)
            self.panes.append(pane)
            self.tabs.addTab(pane, pane.title())
            self.pane_actions.append(self._action(
                self.go_menu, lambda _=False, pid=pane.pane_id: self.show_pane(pid),
                [QtGui.QKeySequence(f"Alt+{number}")]))
        self.retranslate_ui()
        self.show_pane(wanted)

    def build_charts(self) -> None:
        """Create the charts and put them in their panes (idempotent)."""
        if not self._charts_pending:
            return
        self.build_panes()
        self._charts_pending = False
        from czt_desktop.ui.charts import (
            EnterprisesPerYearChart,
            GdpByCityChart,
            GdpShareChart,
            MilestonesPerStageChart,
        )

        placements = (
            ("milestones", MilestonesPerStageChart, "overview", None),
            ("enterprises", EnterprisesPerYearChart, "enterprises", None),
            ("gdp", GdpByCityChart, "statistics", "gdp"),
            ("shares", GdpShareChart, "statistics", "shares"),
        )
        for key, chart_class, pane_id, slot in placements:
            chart = chart_class(self.content, self.lang, theme=self.theme, scale=self.scale)
            chart.bind_selection(self.selection)
            chart.set_export_allowed(self.export_allowed)
            chart.export_requested.connect(
                lambda fmt, c=chart: self.export_chart_dialog(c, fmt))
            pane = self.pane(pane_id)
            setter = getattr(pane, "set_chart", None)
            if setter is None:
                log.warning("pane %s has no place for the %s chart", pane_id, key)
                chart.deleteLater()
                continue
            setter(chart, slot) if slot else setter(chart)
            self.charts[key] = chart

    # -- export -----------------------------------------------------------------------------
    def export_view(self, path: Path) -> bool:
        """Save what the window shows as an image (PNG, JPEG)."""
        return self.grab().save(str(path))

    @property
    def exports_offered(self) -> bool:
        return self.export_allowed and self.mode.allows_export()

    def export_view_dialog(self) -> None:
        if not self.exports_offered:
            return
        name, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Export view as image"), f"czt-{self.current_pane_id}.png",
            self.tr("PNG image (*.png)"))
        if name and not self.export_view(Path(name)):
            self.statusBar().showMessage(self.tr("Could not save %1").replace("%1", name), 8000)

    def export_handout_dialog(self) -> None:
        from czt_desktop.ui.handout.dialog import export_handout

        export_handout(self)

    def export_chart_dialog(self, chart: QWidget, fmt: str) -> None:
        if not self.exports_offered:
            return
        suggested = chart.suggested_file_name(fmt)  # type: ignore[attr-defined]
        name, _ = QtWidgets.QFileDialog.getSaveFileName(self, self.tr("Save chart"), suggested,
                                              f"{fmt.upper()} (*.{fmt})")
        if name:
            try:
                chart.export(Path(name))  # type: ignore[attr-defined]
            except OSError as exc:
                self.statusBar().showMessage(str(exc), 8000)

    # -- notices ------------------------------------------------------------------------------
    def _notice_summary(self, notice: Notice) -> str:
        if notice.kind == "content":
            return self.tr(
                "The content folder “%1” has %2 problem(s), so the bundled content is shown."
            ).replace("%1", notice.subject).replace("%2", str(notice.problems))
        if notice.kind == "settings":
            return self.tr("Some saved settings could not be used (%1); defaults were used.")\
                .replace("%1", notice.subject)
        return self.tr("Ignored unknown command-line option(s): %1").replace("%1", notice.subject)

    def _show_first_notice(self) -> None:
        if self._notices and not self._notice_dismissed:
            notice = self._notices[0]
            self.banner.show_notice(self._notice_summary(notice), notice.details)
            self.banner.dismissed.connect(self._dismiss_notice,
                                          QtCore.Qt.ConnectionType.UniqueConnection)

    def _dismiss_notice(self) -> None:
        self._notices = self._notices[1:]
        if self._notices:
            self._show_first_notice()

    # -- about, persistence ---------------------------------------------------------------------
    def show_about(self) -> None:
        from czt_desktop.ui.about_dialog import AboutDialog

        AboutDialog(self.content, self.lang, self).open()

    def _restore_geometry(self) -> None:
        if self._prefs.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self._prefs.window_geometry.encode()))
        else:
            self.resize(1024, 768)

    def current_preferences(self) -> Preferences:
        geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        return replace(self._prefs, language=self.lang, stage=self.selection.stage,
                       pane=self.current_pane_id, zoom_percent=self.zoom_percent,
                       high_contrast=self.high_contrast, window_geometry=geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.mode.allows_close():
            event.ignore()
            return
        if self._built:
            self._store.save(self.current_preferences())
        super().closeEvent(event)
