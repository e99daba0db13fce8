"""File → Export handout (PDF)…: ask which stages and which language, then where.

:func:`export_handout` is what the main window's menu action calls. It offers nothing
where the window's mode forbids files (a museum kiosk: ``window.exports_offered``), so
no dialog ever appears there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from czt_desktop import languages
from czt_desktop.content import Content
from czt_desktop.languages import fill
from czt_desktop.ui.handout.writer import write_handout

log = logging.getLogger("czt.handout")



class HandoutDialog(QDialog):
    """Which stages (this one or all) and which language the handout is in."""

    def __init__(self, content: Content, lang: str, current_stage: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.current_stage = current_stage
        self.setObjectName("handoutDialog")
        stage = content.stage(current_stage)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.stages_box = QGroupBox()
        self.this_stage = QRadioButton()
        self.all_stages = QRadioButton()
        self.stage_group = QButtonGroup(self)
        for button in (self.this_stage, self.all_stages):
            self.stage_group.addButton(button)
        self.this_stage.setChecked(True)
        stages_column = QVBoxLayout(self.stages_box)
        stages_column.addWidget(self.this_stage)
        stages_column.addWidget(self.all_stages)

        self.language_box = QGroupBox()
        self.language_buttons: dict[str, QRadioButton] = {}
        self.language_group = QButtonGroup(self)
        language_column = QVBoxLayout(self.language_box)
        for code in languages.codes():
            # Each language named in itself, as on the window's language button.
            name = languages.language(code).native_name
            button = QRadioButton(name)
            button.setAccessibleName(name)
            self.language_buttons[code] = button
            self.language_group.addButton(button)
            language_column.addWidget(button)
        self.language_buttons.get(lang, self.language_buttons[languages.SOURCE_LANGUAGE]
                                  ).setChecked(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        touchable: list[QAbstractButton] = [*self.findChildren(QRadioButton),
                                            *self.buttons.buttons()]
        for control in touchable:
            control.setMinimumHeight(44)

        column = QVBoxLayout(self)
        column.setContentsMargins(24, 20, 24, 16)
        column.setSpacing(16)
        column.addWidget(self.intro)
        column.addWidget(self.stages_box)
        column.addWidget(self.language_box)
        column.addWidget(self.buttons)

        self.setWindowTitle(self.tr("Export handout"))
        self.intro.setText(self.tr("An A4 PDF to print: the stage's account, milestones, "
                                   "enterprises, chart, notes on the data and sources."))
        self.stages_box.setTitle(self.tr("Stages"))
        years = f"{stage.years_label} {stage.short.get(lang)}"
        self.this_stage.setText(self.tr("This stage (%1)").replace("%1", years))
        self.all_stages.setText(self.tr("All %n stage(s)", "", len(content.stages)))
        self.language_box.setTitle(self.tr("Language of the handout"))
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Save PDF…"))
        save.setAccessibleName(self.tr("Choose where to save the PDF"))
        self.this_stage.setFocus(Qt.FocusReason.OtherFocusReason)

    def stage_ids(self) -> list[int] | None:
        """The chosen stages: ``[current]``, or None for all."""
        return None if self.all_stages.isChecked() else [self.current_stage]

    def language(self) -> str:
        return next(code for code, button in self.language_buttons.items()
                    if button.isChecked())

    def suggested_file_name(self) -> str:
        stages = "all" if self.stage_ids() is None else f"stage-{self.current_stage}"
        return f"czt-handout-{stages}-{self.language()}.pdf"


def export_handout(parent: QWidget, content: Content, lang: str, stage_id: int,
                   report: Callable[[str, int], None]) -> Path | None:
    """Ask, then write the handout; ``report(text, milliseconds)`` says how it went
    (the window's status bar). The caller offers this only where the mode allows files.

    Returns the file written, or None (cancelled or failed).
    """
    dialog = HandoutDialog(content, lang, stage_id, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    translate = QCoreApplication.translate
    name, _ = QFileDialog.getSaveFileName(
        parent, translate("HandoutDialog", "Save handout"), dialog.suggested_file_name(),
        translate("HandoutDialog", "PDF document (*.pdf)"))
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        write_handout(content, dialog.language(), dialog.stage_ids(), path)
    except OSError as exc:
        log.warning("handout not saved: %s", exc)
        report(fill(translate("HandoutDialog", "Could not save the handout: %1"), exc), 10000)
        return None
    finally:
        QApplication.restoreOverrideCursor()
    report(fill(translate("HandoutDialog", "Handout saved: %1"), path), 8000)
    return path
