"""The main window: header with search, the timeline, and the detail panes in tabs.

Views never talk to each other: the timeline, the panes, the charts and the search all
read and write one shared :class:`Selection` and follow one
:class:`~czt_desktop.ui.appearance.Appearance` (language, theme, zoom). The window owns
what is app-wide: menus, the mode, remembered settings and the start-up notices. Its
panes and charts come from :mod:`czt_desktop.catalogue`.

Nothing outside :mod:`czt_desktop.ui.assemble` imports this module (an import-linter
contract): modes see the window through :class:`~czt_desktop.ui.modes.base.ModeHost`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

# Qt classes and enums are reached through their modules where the window is built,
# not imported by name: PySide creates a type (the ``Qt`` namespace costs tens of ms) on
# first access, and the first frame must not wait for types it does not use.
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QByteArray, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from czt_desktop import catalogue, languages
from czt_desktop.settings import Preferences, SettingsStore
from czt_desktop.ui.appearance import Appearance, Changes
from czt_desktop.ui.first_paint import FirstPaint

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QScreen

    from czt_desktop.content import Content
    from czt_desktop.content.summary import FrameSummary
    from czt_desktop.ui.capabilities import Capabilities
    from czt_desktop.ui.charts.base import ChartView
    from czt_desktop.ui.modes.base import Mode, ModeOptions
    from czt_desktop.ui.panes.base import Pane

log = logging.getLogger("czt.ui")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


# A NamedTuple rather than a frozen dataclass: cheaper to define before the first paint
# (docs/PERFORMANCE.md, first paint).
class Notice(NamedTuple):
    """Something the user should know about start-up (bad content pack, settings, flags)."""

    kind: str  # "content", "settings" or "arguments"
    subject: str
    problems: int  # how many
    details: str


class Command(NamedTuple):
    """A menu command: the menu it is in, its words (context ``MainWindow``), its keys
    and the window method it runs. The table below makes the menus and the shortcuts."""

    id: str
    menu: str
    text: str
    keys: tuple[str, ...] = ()
    #: The window's method the command runs.
    method: str = ""


MENUS: tuple[tuple[str, str], ...] = (
    ("file", QT_TRANSLATE_NOOP("MainWindow", "&File")),
    ("edit", QT_TRANSLATE_NOOP("MainWindow", "&Edit")),
    ("view", QT_TRANSLATE_NOOP("MainWindow", "&View")),
    ("go", QT_TRANSLATE_NOOP("MainWindow", "&Go")),
    ("help", QT_TRANSLATE_NOOP("MainWindow", "&Help")),
)

#: Keys are QKeySequence strings or ``std:Name`` for a platform's standard key.
COMMANDS: tuple[Command, ...] = (
    Command("export_view", "file", QT_TRANSLATE_NOOP("MainWindow", "&Export view as image…"),
            ("Ctrl+E",), "export_view_dialog"),
    Command("export_handout", "file", QT_TRANSLATE_NOOP("MainWindow", "Export &handout (PDF)…"),
            ("std:Print",), "export_handout_dialog"),
    Command("quit", "file", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), ("std:Quit",), "close"),
    Command("find", "edit", QT_TRANSLATE_NOOP("MainWindow", "&Find…"), ("std:Find",),
            "focus_search"),
    Command("zoom_in", "view", QT_TRANSLATE_NOOP("MainWindow", "Zoom &in"),
            ("std:ZoomIn", "Ctrl+="), "zoom_in"),
    Command("zoom_out", "view", QT_TRANSLATE_NOOP("MainWindow", "Zoom &out"),
            ("std:ZoomOut",), "zoom_out"),
    Command("zoom_reset", "view", QT_TRANSLATE_NOOP("MainWindow", "&Actual size"),
            ("Ctrl+0",), "reset_zoom"),
    Command("contrast", "view", QT_TRANSLATE_NOOP("MainWindow", "&High contrast"), (),
            "_toggle_contrast"),
    Command("present", "view", QT_TRANSLATE_NOOP("MainWindow", "&Present to the class"),
            ("F5",), "present"),
    Command("home", "go", QT_TRANSLATE_NOOP("MainWindow", "&Start here (the big picture)"),
            ("Alt+Home",), "show_start"),
    Command("previous", "go", QT_TRANSLATE_NOOP("MainWindow", "&Previous stage"), ("PgUp",),
            "previous_stage"),
    Command("next", "go", QT_TRANSLATE_NOOP("MainWindow", "&Next stage"), ("PgDown",),
            "next_stage"),
    Command("start_here", "help", QT_TRANSLATE_NOOP("MainWindow", "&Start here"), (),
            "show_start"),
    Command("how_to", "help", QT_TRANSLATE_NOOP("MainWindow", "&How to use and symbols"),
            ("F1",), "show_help"),
    Command("about", "help", QT_TRANSLATE_NOOP("MainWindow", "&About"), (), "show_about"),
)


def _calling(function: Callable[..., object], *args: object) -> Callable[..., None]:
    """A slot that calls ``function(*args)`` whatever the signal passes (an action's
    ``triggered`` passes its checked state)."""

    def run(*_ignored: object) -> None:
        function(*args)

    return run


def _key_sequences(keys: tuple[str, ...]) -> list[QtGui.QKeySequence]:
    found = []
    for key in keys:
        if key.startswith("std:"):
            found.append(QtGui.QKeySequence(getattr(QtGui.QKeySequence.StandardKey, key[4:])))
        else:
            found.append(QtGui.QKeySequence(key))
    return found


class MainWindow(QMainWindow):
    pane_changed = Signal(str)
    mode_changed = Signal(str)
    #: Emitted after :meth:`reset_to_home` (a kiosk's idle reset clears quiz answers too).
    reset_done = Signal()

    def __init__(
        self,
        content: Content | None,
        store: SettingsStore,
        prefs: Preferences,
        appearance: Appearance,
        notices: tuple[Notice, ...] = (),
        *,
        deferred: bool = False,
        frame: FrameSummary | None = None,
        content_source: Callable[[], tuple[Content, tuple[Notice, ...]]] | None = None,
    ) -> None:
        """``content`` may be None for a deferred window given the first frame's summary
        (``frame``) and a ``content_source`` called once the frame is on screen; it
        returns the content and notices about it. ``appearance`` is configured (its
        language, zoom and theme set) before the window is made."""
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
        self.appearance = appearance
        self._notices = notices
        self._notice_dismissed = False
        self.charts: dict[str, ChartView] = {}
        self.setObjectName("mainWindow")
        self.setMinimumSize(800, 600)

        # The panes (and their charts) are built right after the first paint: the
        # header and the timeline with the five stages show at once, the details follow.
        self.panes: list[Pane] = []
        self._wanted_pane = prefs.pane
        self._charts_pending = True
        self._built = False
        self._pending_mode: tuple[str, ModeOptions | None] | None = None
        self._mode: Mode | None = None  # see mode
        self._capabilities: Capabilities | None = None
        self._saved_screen: tuple[QtCore.Qt.WindowType, QByteArray, bool] | None = None
        self._first_frame: QWidget | None = None
        #: Open on the start screen once built (the first run; see show_start).
        self._start_wanted = False
        if deferred:
            # A picture of the header and the five stages first; the real widgets (and
            # the modules they need) once it is on screen. See ui/first_frame.py.
            from czt_desktop.ui.first_frame import FirstFrame

            if frame is None:
                from czt_desktop.content.summary import summary_of

                frame = summary_of(self.content)
            self._first_frame = FirstFrame(frame, appearance.lang, appearance.theme,
                                           appearance.scale)
            self.setCentralWidget(self._first_frame)
            self.setWindowTitle(appearance.language.app_title)
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

    @property
    def lang(self) -> str:
        return self.appearance.lang

    def as_widget(self) -> QWidget:
        return self

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
        self.timeline = TimelineView(content, self.selection, self.appearance)
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setObjectName("paneTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._on_tab_changed)

        # Two pages under the header: the start screen (the big picture) and the
        # explorer (the timeline over the panes).
        from czt_desktop.ui.start_screen import StartScreen

        self.explorer = QWidget()
        self.explorer.setObjectName("explorer")
        explore = QtWidgets.QVBoxLayout(self.explorer)
        explore.setContentsMargins(0, 0, 0, 0)
        explore.setSpacing(0)
        explore.addWidget(self.timeline)
        explore.addWidget(self.tabs, 1)
        self.start_screen = StartScreen(content, self.appearance)
        self.start_screen.stage_chosen.connect(self._start_at_stage)
        self.start_screen.help_requested.connect(self.show_help)
        self.pages = QtWidgets.QStackedWidget()
        self.pages.addWidget(self.explorer)
        self.pages.addWidget(self.start_screen)

        central = QWidget()
        central.setObjectName("centralArea")
        column = QtWidgets.QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addWidget(self.banner)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)  # deletes the first frame, if there was one
        if self.isVisible():
            # Now, not from the event loop (as Qt would): no frame without the window.
            central.show()
        self._first_frame = None
        self.status_label = QtWidgets.QLabel()
        self.status_label.setObjectName("statusNote")
        self.statusBar().addWidget(self.status_label, 1)

        self._build_actions()
        self.search.hit_chosen.connect(self._on_search_hit)
        self.selection.item_changed.connect(self._on_item_changed)
        # The window's own words follow the language at once, shown or not (its menus
        # are read by the kiosk's and the tests' shortcuts alike).
        self.subscription = self.appearance.subscribe(self, self._apply_appearance,
                                                      while_hidden=True)
        self._apply_header_fonts()
        self.retranslate_ui()
        if not self.isVisible():
            self._restore_geometry()
        start = prefs.stage if prefs.stage in {s.id for s in content.stages} else \
            content.stages[0].id
        self.selection.set_stage(start)
        # Start on the timeline, not in the search field: a presenter remote's keys and
        # the 1-5 stage keys must work straight away.
        self.focus_timeline()
        if self._start_wanted:
            self.show_start()
        FirstPaint(self.timeline.canvas, self.finish_building)
        if self._start_wanted:
            # The timeline is not on screen: build the panes once the start screen is.
            FirstPaint(self.start_screen, self.finish_building)
        self._enter_mode(self.mode)
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
        """Leave the current mode and enter ``name`` (see :data:`catalogue.MODES`)."""
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
        self._enter_mode(self.mode)
        self.mode_changed.emit(name)

    def _enter_mode(self, mode: Mode) -> None:
        self.apply_capabilities(mode.capabilities)
        mode.enter()

    def present(self) -> None:
        self.set_mode("classroom")

    @property
    def capabilities(self) -> Capabilities:
        """What the window offers now (the mode's, see :meth:`apply_capabilities`)."""
        return self._capabilities if self._capabilities is not None else \
            self.mode.capabilities

    def apply_capabilities(self, capabilities: Capabilities) -> None:
        """Offer what the mode allows (see :class:`~czt_desktop.ui.modes.base.Capabilities`)."""
        from czt_desktop.ui.capabilities import apply_needs

        self._capabilities = capabilities
        self.menuBar().setVisible(capabilities.menus)
        # Hidden menus keep their shortcuts on some platforms, and anything may trigger
        # an action: without menus, Quit, Export, About, Present do nothing at all.
        for action in self._all_actions():
            action.setEnabled(capabilities.menus)
        self.statusBar().setSizeGripEnabled(capabilities.menus)
        apply_needs(self, capabilities)
        self._style_for_touch()

    def _all_actions(self) -> list[QtGui.QAction]:
        """Every action of the window: its own and those in its menus, however deep."""
        found: list[QtGui.QAction] = []
        pending = [*self.actions(), *self.menuBar().actions()]
        while pending:
            action = pending.pop()
            if action in found:
                continue
            found.append(action)
            menu = action.menu()
            if isinstance(menu, QtWidgets.QMenu):
                pending.extend(menu.actions())
        return found

    def cover_screen(self, screen: QScreen) -> None:
        """Frameless, above other windows, filling ``screen`` (a kiosk). The size first:
        an X session without a window manager (a bare ``xinit``) ignores "full screen"
        and would leave the window at its old size."""
        if self._saved_screen is None:
            self._saved_screen = (self.windowFlags(), self.saveGeometry(), self.isMaximized())
        Qt = QtCore.Qt
        self.setWindowFlags(self.windowFlags() | Qt.WindowType.FramelessWindowHint
                            | Qt.WindowType.WindowStaysOnTopHint)
        self.setScreen(screen)
        self.setGeometry(screen.geometry())

    def uncover_screen(self) -> None:
        """Back to the window the user had before :meth:`cover_screen`."""
        saved, self._saved_screen = self._saved_screen, None
        if saved is None:
            return
        flags, geometry, maximized = saved
        self.setWindowFlags(flags)
        self.showNormal()
        self.restoreGeometry(geometry)
        if maximized:
            self.showMaximized()

    def reset_to_home(self, lang: str | None = None) -> None:
        """Back to where a new visitor starts: first stage, overview, no filters."""
        if lang is not None:
            self.set_language(lang)
        self.search.clear_search()
        self.show_explorer()
        self.selection.clear_item()
        self.selection.set_stage(self.content.stages[0].id)
        for pane in self.panes:
            pane.reset()
        self.show_pane(catalogue.HOME_PANE)
        self.reset_done.emit()

    # -- building -------------------------------------------------------------------------
    def _build_header(self) -> None:
        from czt_desktop.ui.capabilities import needs
        from czt_desktop.ui.search_box import SearchBox

        self.header = QtWidgets.QFrame()
        self.header.setObjectName("appHeader")
        self.title_label = QtWidgets.QLabel()
        self.title_label.setObjectName("appTitle")
        self.title_label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        # At big zoom on a projector the title wraps rather than being cut off.
        self.title_label.setWordWrap(True)
        self.search = SearchBox(self.content, self.appearance)
        self.search.setMaximumWidth(420)
        needs(self.search, "search")
        self.language_button = QtWidgets.QPushButton()
        self.language_button.setObjectName("languageButton")
        self.language_button.clicked.connect(self.toggle_language)
        row = QtWidgets.QHBoxLayout(self.header)
        row.setContentsMargins(24, 8, 16, 8)
        row.setSpacing(16)
        row.addWidget(self.title_label, 1)
        row.addWidget(self.search, 1)
        row.addWidget(self.language_button)

    def _action(self, menu: QtWidgets.QMenu | None, slot: Callable[[], object],
                keys: list[QtGui.QKeySequence] | None = None) -> QtGui.QAction:
        action = QtGui.QAction(self)
        if keys:
            action.setShortcuts(keys)
        action.triggered.connect(slot)
        if menu is not None:
            menu.addAction(action)
        else:
            self.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        self.menus: dict[str, QtWidgets.QMenu] = {key: bar.addMenu("") for key, _ in MENUS}
        self.commands: dict[str, QtGui.QAction] = {}
        separate_after = {"export_handout", "contrast", "next"}
        for command in COMMANDS:
            menu = self.menus[command.menu]
            action = self._action(menu, getattr(self, command.method),
                                  _key_sequences(command.keys))
            self.commands[command.id] = action
            if command.id == "present":
                # The languages: a sub-menu of View, after Present.
                menu.addSeparator()
                self._build_language_menu(menu)
            if command.id in separate_after:
                menu.addSeparator()
        contrast = self.commands["contrast"]
        contrast.setCheckable(True)
        contrast.setChecked(self.appearance.high_contrast)

        go = self.menus["go"]
        self.stage_actions: list[QtGui.QAction] = []
        for number, stage in enumerate(self.content.stages[:9], start=1):
            self.stage_actions.append(self._action(
                go, _calling(self._start_at_stage_keeping_pane, stage.id),
                [QtGui.QKeySequence(str(number))]))
        go.addSeparator()
        self.pane_actions: list[QtGui.QAction] = []

    def _build_language_menu(self, view: QtWidgets.QMenu) -> None:
        self.language_menu = view.addMenu("")
        group = QtGui.QActionGroup(self)
        self.language_actions: dict[str, QtGui.QAction] = {}
        for code in languages.codes():
            # Each language named in itself, whatever the UI language is.
            action = QtGui.QAction(languages.language(code).native_name, self, checkable=True)
            action.setChecked(code == self.lang)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

    # -- language -------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        translate = QtCore.QCoreApplication.translate
        row = self.appearance.language
        self.setWindowTitle(row.app_title)
        self.title_label.setText(self.content.manifest.title.get(self.lang))
        # The button names the language it switches to, in that language.
        following = languages.following(self.lang)
        self.language_button.setText(following.native_name)
        self.language_button.setAccessibleName(
            languages.fill(self.tr("Switch language: %1"), following.native_name))
        for key, title in MENUS:
            self.menus[key].setTitle(translate("MainWindow", title))
        for command in COMMANDS:
            self.commands[command.id].setText(translate("MainWindow", command.text))
        self.language_menu.setTitle(self.tr("&Language"))
        for code, action in self.language_actions.items():
            action.setChecked(code == self.lang)
        for action, stage in zip(self.stage_actions, self.content.stages, strict=False):
            action.setText(f"{stage.years_label}{row.title_gap}{stage.short.get(self.lang)}")
        self.tabs.setAccessibleName(self.tr("Details"))
        for index, (pane, action) in enumerate(zip(self.panes, self.pane_actions, strict=True)):
            self.tabs.setTabText(index, pane.title())
            action.setText(pane.title())
        self.status_label.setText(
            "" if row.is_source else self.content.manifest.translation_note.get(self.lang))
        self.banner.retranslate_ui()
        self._show_first_notice()

    def _apply_appearance(self, changes: Changes) -> None:
        from czt_desktop.ui.appearance import LANGUAGE

        if LANGUAGE in changes:
            self.retranslate_ui()
        self._apply_header_fonts()
        self._style_for_touch()  # the tab titles' widths changed with words or sizes
        self.commands["contrast"].setChecked(self.appearance.high_contrast)

    def set_language(self, lang: str) -> None:
        """Switch UI and content language; stage, pane, selection and filters stay."""
        self.appearance.set_language(lang)

    def toggle_language(self) -> None:
        self.set_language(languages.following(self.lang).code)

    # -- zoom and theme -------------------------------------------------------------------
    def set_zoom(self, percent: int) -> None:
        """One zoom for text, timeline and charts together."""
        self.appearance.set_zoom(percent)

    def zoom_in(self) -> None:
        self.appearance.zoom_in()

    def zoom_out(self) -> None:
        self.appearance.zoom_out()

    def reset_zoom(self) -> None:
        self.set_zoom(100)

    def set_high_contrast(self, on: bool) -> None:
        self.appearance.set_high_contrast(on)

    def _toggle_contrast(self) -> None:
        self.set_high_contrast(self.commands["contrast"].isChecked())

    def _apply_header_fonts(self) -> None:
        """Sizes the style sheet leaves to code (so a zoom never re-polishes the app)."""
        scale = self.appearance.scale
        title = QtGui.QFont(self.font())
        title.setPixelSize(scale.lead)
        title.setBold(True)
        self.title_label.setFont(title)
        small = QtGui.QFont(self.font())
        small.setPixelSize(scale.small)
        for widget in (self.language_button, self.status_label, self.banner,
                       self.menuBar()):
            widget.setFont(small)

    def _style_for_touch(self) -> None:
        """Tabs and the language button a finger large where the mode is for touch."""
        from czt_desktop.ui.touch_chrome import style_for_touch

        if self._capabilities is not None:
            style_for_touch(self.tabs.tabBar(), self.language_button,
                            self._capabilities.touch, self.appearance.zoom_percent,
                            self.screen().geometry().width())

    # -- stages ------------------------------------------------------------------------------
    def previous_stage(self) -> None:
        self.show_explorer()
        self.selection.step_stage(-1)

    def next_stage(self) -> None:
        self.show_explorer()
        self.selection.step_stage(1)

    # -- the start screen ----------------------------------------------------------------
    @property
    def start_shown(self) -> bool:
        return self._built and self.pages.currentWidget() is self.start_screen

    def show_start(self) -> None:
        """The big picture (the first run, Go → Start here, Help → Start here)."""
        if not self._built:
            self._start_wanted = True
            return
        self.pages.setCurrentWidget(self.start_screen)
        self.start_screen.focus_start()

    def show_explorer(self) -> None:
        """The timeline and the panes."""
        if self._built and self.pages.currentWidget() is not self.explorer:
            self.pages.setCurrentWidget(self.explorer)
            self.focus_timeline()

    def _start_at_stage_keeping_pane(self, stage_id: int) -> None:
        self.selection.set_stage(stage_id)
        self.show_explorer()

    def _start_at_stage(self, stage_id: int) -> None:
        self.selection.set_stage(stage_id)
        self.show_pane(catalogue.HOME_PANE)
        self.show_explorer()

    def show_help(self) -> None:
        """How to use the app, its keys and what every symbol means."""
        from czt_desktop.ui.help_dialog import HelpDialog

        keys = [(", ".join(k.toString(QtGui.QKeySequence.SequenceFormat.NativeText)
                           for k in action.shortcuts()), action.text().replace("&", ""))
                for action in (*self.commands.values(), *self.pane_actions)
                if action.shortcuts()]
        if self.stage_actions:
            keys.insert(0, (f"1 – {len(self.stage_actions)}",
                            self.tr("Go to a stage (when no text field has the cursor)")))
        HelpDialog(self.content, self.appearance, keys, self).open()

    def focus_search(self) -> None:
        self.search.focus_search()

    def focus_timeline(self) -> None:
        """Keyboard focus on the selected stage's band (where the arrow keys work)."""
        self.timeline.band(self.selection.stage).setFocus(
            QtCore.Qt.FocusReason.OtherFocusReason)

    # -- panes and selection ----------------------------------------------------------------
    def pane_ids(self) -> list[str]:
        return [pane.pane_id for pane in self.panes]

    def pane(self, pane_id: str) -> Pane:
        return next(p for p in self.panes if p.pane_id == pane_id)

    def pane_widget(self, pane_id: str) -> QWidget:
        return self.pane(pane_id)

    def chart_widget(self, chart_id: str) -> QWidget | None:
        return self.charts.get(chart_id)

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

    def _on_tab_changed(self, _index: int) -> None:
        from czt_desktop.ui.panes.base import Pane

        current = self.tabs.currentWidget()
        if isinstance(current, Pane):
            self._wanted_pane = current.pane_id
        self.pane_changed.emit(self.current_pane_id)

    def _on_item_changed(self, kind: str, _item_id: str) -> None:
        # A marker picked on the timeline opens the pane that tells about it, unless
        # the current pane already lists such items.
        if kind not in catalogue.STAGED_KINDS:
            return
        spec = catalogue.KINDS_BY_ID[kind]
        if self.current_pane_id not in (spec.pane, *spec.also_in):
            self.show_pane(spec.pane)

    def _on_search_hit(self, kind: str, item_id: str, stage_id: int) -> None:
        if stage_id >= 0:
            self.selection.set_stage(stage_id)
        if kind == "stage":
            self.selection.set_stage(int(item_id))
        else:
            self.selection.set_item(kind, item_id)
        self.show_pane(catalogue.pane_for(kind))

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
        for number, spec in enumerate(catalogue.PANES, start=1):
            # Imported here: the panes' modules are not needed for the first paint.
            pane: Pane = catalogue.load(spec.home)(self.content, self.selection,
                                                  self.appearance)
            self.panes.append(pane)
            self.tabs.addTab(pane, pane.title())
            self.pane_actions.append(self._action(
                self.menus["go"], _calling(self.show_pane, pane.pane_id),
                [QtGui.QKeySequence(f"Alt+{number}")]))
        self.retranslate_ui()
        if self._capabilities is not None:
            self.apply_capabilities(self._capabilities)
        self.show_pane(wanted)

    def build_charts(self) -> None:
        """Create the charts and put them in their panes (idempotent)."""
        if not self._charts_pending:
            return
        self.build_panes()
        self._charts_pending = False
        for spec in catalogue.CHARTS:
            if spec.pane not in self.pane_ids():
                log.warning("no pane %s for the %s chart", spec.pane, spec.id)
                continue
            chart: ChartView = catalogue.load(spec.home)(self.content, self.appearance)
            chart.bind_selection(self.selection)
            chart.export_requested.connect(
                lambda fmt, c=chart: self.export_chart_dialog(c, fmt))
            self.pane(spec.pane).set_chart(chart, spec.slot)
            self.charts[spec.id] = chart
        if self._capabilities is not None:
            self.apply_capabilities(self._capabilities)

    # -- export -----------------------------------------------------------------------------
    def export_view(self, path: Path) -> bool:
        """Save what the window shows as an image (PNG, JPEG), all at once (an earlier
        file stays whole if it fails); False, and why in the status bar, if it fails."""
        from czt_desktop.atomic import save_by_name

        problem = save_by_name(Path(path), self.grab().save)
        if problem is not None:
            log.warning("view not saved to %s: %s", path, problem)
            self.show_message(languages.fill(self.tr("Could not save %1"), f"{path}: {problem}"))
        return problem is None

    @property
    def exports_offered(self) -> bool:
        return self._built and self.capabilities.exports

    def export_view_dialog(self) -> None:
        if not self.exports_offered:
            return
        name, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Export view as image"), f"czt-{self.current_pane_id}.png",
            self.tr("PNG image (*.png)"))
        if name:
            self.export_view(Path(name))

    def export_handout_dialog(self) -> Path | None:
        """File → Export handout: the file written, or None."""
        if not self.exports_offered:
            return None
        from czt_desktop.ui.handout.dialog import export_handout

        return export_handout(self, self.content, self.lang, self.selection.stage,
                              self.show_message)

    def export_chart_dialog(self, chart: ChartView, fmt: str) -> None:
        if not self.exports_offered:
            return
        suggested = chart.suggested_file_name(fmt)
        name, _ = QtWidgets.QFileDialog.getSaveFileName(self, self.tr("Save chart"), suggested,
                                                        f"{fmt.upper()} (*.{fmt})")
        if name:
            try:
                chart.export(Path(name))
            except OSError as exc:
                self.show_message(str(exc))

    def show_message(self, text: str, milliseconds: int = 8000) -> None:
        """A passing message in the status bar (an export saved or failed)."""
        self.statusBar().showMessage(text, milliseconds)

    # -- notices ------------------------------------------------------------------------------
    def _notice_summary(self, notice: Notice) -> str:
        if notice.kind == "content":
            return languages.fill(self.tr(
                "The content folder “%1” has %n problem(s), so the bundled content is shown.",
                "", notice.problems), notice.subject)
        if notice.kind == "settings":
            return languages.fill(
                self.tr("Some saved settings could not be used (%1); defaults were used."),
                notice.subject)
        return languages.fill(self.tr("Ignored unknown command-line option(s): %1", "",
                                      notice.problems), notice.subject)

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

    def dismiss_notices(self) -> None:
        """Close every start-up notice (their details are in the log)."""
        while self.banner.isVisible():
            self.banner.dismiss()

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
        appearance = self.appearance
        geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        return replace(self._prefs, language=appearance.lang, stage=self.selection.stage,
                       pane=self.current_pane_id, zoom_percent=appearance.zoom_percent,
                       high_contrast=appearance.high_contrast, window_geometry=geometry,
                       welcomed=True)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._built and not self.capabilities.close:
            event.ignore()
            return
        if self._built:
            self._store.save(self.current_preferences())
        super().closeEvent(event)
