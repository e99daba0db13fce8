"""The main window: the five stages beside the page of the selected stage."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from PySide6.QtCore import QByteArray, QEvent, QItemSelectionModel, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from czt_desktop import APP_TITLE_EN, APP_TITLE_ZH, __version__
from czt_desktop.content import Content
from czt_desktop.settings import Preferences, SettingsStore
from czt_desktop.ui.application import apply_look
from czt_desktop.ui.i18n import LanguageSwitcher
from czt_desktop.ui.notice_banner import NoticeBanner
from czt_desktop.ui.stage_list import StageCardDelegate, StageListModel, StageListView
from czt_desktop.ui.stage_page import PageLabels, stage_html
from czt_desktop.ui.theme import LIGHT, TypeScale

log = logging.getLogger("czt.ui")


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the user should know about start-up (bad content pack, settings, flags)."""

    kind: str  # "content", "settings" or "arguments"
    subject: str
    count: int
    details: str


class MainWindow(QMainWindow):
    stage_changed = Signal(int)
    language_changed = Signal(str)

    def __init__(
        self,
        content: Content,
        store: SettingsStore,
        prefs: Preferences,
        switcher: LanguageSwitcher,
        notices: tuple[Notice, ...] = (),
    ) -> None:
        super().__init__()
        self.content = content
        self._store = store
        self._prefs = prefs
        self._switcher = switcher
        self._notices = notices
        self.lang = prefs.language
        self.theme = LIGHT
        self.scale = TypeScale().scaled(prefs.zoom_percent)
        self.setObjectName("mainWindow")
        self.setMinimumSize(800, 560)

        self._build_header()
        self.banner = NoticeBanner()
        self.stage_model = StageListModel(content, self.lang, self)
        self.stage_list = StageListView()
        self.stage_list.setModel(self.stage_model)
        self._delegate = StageCardDelegate(self.theme, self.stage_list)
        self._delegate.body_px = self.scale.body
        self.stage_list.setItemDelegate(self._delegate)
        self.stage_list.setMinimumWidth(220)
        self.page = QTextBrowser()
        self.page.setObjectName("stageDetail")
        self.page.setOpenLinks(False)
        self.page.anchorClicked.connect(self._follow_link)
        self.page.document().setDocumentMargin(32)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.stage_list)
        splitter.addWidget(self.page)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 764])
        splitter.setChildrenCollapsible(False)

        central = QWidget()
        central.setObjectName("centralArea")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addWidget(self.banner)
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)

        self._build_actions()
        selection = self.stage_list.selectionModel()
        selection.currentRowChanged.connect(self._on_row_changed)
        self.retranslate_ui()
        self._show_first_notice()
        self._restore_geometry()
        start = prefs.stage if prefs.stage in {s.id for s in content.stages} else \
            content.stages[0].id
        self.select_stage(start)

    # -- building -------------------------------------------------------------------------
    def _build_header(self) -> None:
        self.header = QFrame()
        self.header.setObjectName("appHeader")
        self.title_label = QLabel()
        self.title_label.setObjectName("appTitle")
        self.language_button = QPushButton()
        self.language_button.clicked.connect(self.toggle_language)
        row = QHBoxLayout(self.header)
        row.setContentsMargins(24, 12, 24, 12)
        row.addWidget(self.title_label, 1)
        row.addWidget(self.language_button)

    def _build_actions(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.view_menu = bar.addMenu("")
        self.previous_action = QAction(self)
        self.previous_action.setShortcuts([QKeySequence(Qt.Key.Key_PageUp)])
        self.previous_action.triggered.connect(lambda: self.step_stage(-1))
        self.next_action = QAction(self)
        self.next_action.setShortcuts([QKeySequence(Qt.Key.Key_PageDown)])
        self.next_action.triggered.connect(lambda: self.step_stage(1))
        self.view_menu.addAction(self.previous_action)
        self.view_menu.addAction(self.next_action)
        self.stage_actions: list[QAction] = []
        for number, stage in enumerate(self.content.stages[:9], start=1):
            action = QAction(self)
            action.setShortcut(QKeySequence(str(number)))
            action.triggered.connect(lambda _=False, sid=stage.id: self.select_stage(sid))
            self.addAction(action)
            self.stage_actions.append(action)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang, name in (("zh", "中文"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setChecked(lang == self.lang)
            action.triggered.connect(lambda _=False, code=lang: self.set_language(code))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[lang] = action

        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    # -- language -------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        zh = self.lang == "zh"
        self.setWindowTitle(APP_TITLE_ZH if zh else APP_TITLE_EN)
        self.title_label.setText(self.content.manifest.title.get(self.lang))
        # The button names the language it switches to, in that language.
        self.language_button.setText("English" if zh else "中文")
        self.language_button.setAccessibleName(
            self.tr("Switch to English") if zh else self.tr("Switch to Chinese")
        )
        self.file_menu.setTitle(self.tr("&File"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.previous_action.setText(self.tr("&Previous stage"))
        self.next_action.setText(self.tr("&Next stage"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About"))
        self.stage_list.setAccessibleName(self.tr("Stages"))
        self.page.setAccessibleName(self.tr("Stage details"))
        for action, stage in zip(self.stage_actions, self.content.stages, strict=False):
            action.setText(stage.title.get(self.lang))
        self.status_label.setText(
            "" if zh else self.content.manifest.translation_note.get("en")
        )
        self.banner.retranslate_ui()
        self._show_first_notice()
        self._render_page()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_language(self, lang: str) -> None:
        if lang == self.lang:
            return
        self.lang = lang
        self._switcher.apply(lang)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_look(app, lang, self._prefs.zoom_percent, self._prefs.high_contrast)
        self.stage_model.set_language(lang)
        self.language_actions[lang].setChecked(True)
        self.retranslate_ui()
        self.language_changed.emit(lang)

    def toggle_language(self) -> None:
        self.set_language("en" if self.lang == "zh" else "zh")

    # -- selection ------------------------------------------------------------------------
    @property
    def current_stage_id(self) -> int:
        row = self.stage_list.currentIndex().row()
        return self.stage_model.stage_at(row).id if row >= 0 else self.content.stages[0].id

    def select_stage(self, stage_id: int) -> None:
        row = self.stage_model.row_of(stage_id)
        if row < 0:
            return
        self.stage_list.selectionModel().setCurrentIndex(
            self.stage_model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def step_stage(self, step: int) -> None:
        row = self.stage_list.currentIndex().row() + step
        if 0 <= row < self.stage_model.rowCount():
            self.select_stage(self.stage_model.stage_at(row).id)

    def _on_row_changed(self) -> None:
        self._render_page()
        self.stage_changed.emit(self.current_stage_id)

    def _follow_link(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("stage:") and target[6:].isdigit():
            self.select_stage(int(target[6:]))

    def _labels(self) -> PageLabels:
        return PageLabels(
            milestones=self.tr("Milestones"),
            enterprises=self.tr("Key enterprises founded"),
            size_classes={"large": self.tr("large"), "large-1": self.tr("large, class I")},
            data_notes=self.tr("Notes on the data"),
            source=self.tr("Source"),
            translation_note=self.content.manifest.translation_note.get("en"),
            next_stage=self.tr("Next"),
        )

    def _render_page(self) -> None:
        if not hasattr(self, "stage_list") or self.stage_list.currentIndex().row() < 0:
            return
        stage = self.content.stage(self.current_stage_id)
        self.page.setHtml(stage_html(self.content, stage, self.lang, self._labels(),
                                     self.theme, self.scale))

    # -- notices --------------------------------------------------------------------------
    def _notice_summary(self, notice: Notice) -> str:
        if notice.kind == "content":
            return self.tr(
                "The content folder “%1” has %2 problem(s), so the bundled content is shown."
            ).replace("%1", notice.subject).replace("%2", str(notice.count))
        if notice.kind == "settings":
            return self.tr("Some saved settings could not be used (%1); defaults were used.")\
                .replace("%1", notice.subject)
        return self.tr("Ignored unknown command-line option(s): %1").replace("%1", notice.subject)

    def _show_first_notice(self) -> None:
        if self._notices and not getattr(self, "_notice_dismissed", False):
            notice = self._notices[0]
            self.banner.show_notice(self._notice_summary(notice), notice.details)
            self.banner.dismissed.connect(self._dismiss_notice,
                                          Qt.ConnectionType.UniqueConnection)

    def _dismiss_notice(self) -> None:
        self._notices = self._notices[1:]
        if self._notices:
            self._show_first_notice()

    # -- about, persistence ---------------------------------------------------------------
    def show_about(self) -> None:
        source = self.content.source(self.content.stages[0].source_id)
        text = "<br>".join(
            [
                f"<b>{APP_TITLE_ZH if self.lang == 'zh' else APP_TITLE_EN}</b> {__version__}",
                self.tr("Source: %1").replace("%1", source.citation.get(self.lang)),
                self.content.manifest.translation_note.get(self.lang),
                self.tr("Font: Noto Sans CJK SC (SIL Open Font License 1.1)."),
                self.tr("Made with Qt for Python (LGPL), pandas and matplotlib."),
            ]
        )
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.open()

    def _restore_geometry(self) -> None:
        if self._prefs.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self._prefs.window_geometry.encode()))
        else:
            self.resize(1024, 720)

    def current_preferences(self) -> Preferences:
        geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        return replace(self._prefs, language=self.lang, stage=self.current_stage_id,
                       window_geometry=geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._store.save(self.current_preferences())
        super().closeEvent(event)
