"""A calm bar above the content that says what went wrong and offers the details.

Used instead of a modal dialog so the app stays usable (and, in kiosk mode, so no
dialog can appear at all).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class DetailsDialog(QDialog):
    def __init__(self, title: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 420)
        text = QPlainTextEdit(details)
        text.setReadOnly(True)
        text.setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)


class NoticeBanner(QFrame):
    """Shows one notice at a time (the latest); hidden when there is none."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contentBanner")
        self._details = ""
        self._summary = QLabel()
        self._summary.setWordWrap(True)
        self._details_button = QPushButton()
        self._details_button.clicked.connect(self.show_details)
        self._close_button = QPushButton("×")
        self._close_button.setFixedWidth(44)
        self._close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 8, 8)
        layout.addWidget(self._summary, 1)
        layout.addWidget(self._details_button)
        layout.addWidget(self._close_button)
        self.retranslate_ui()
        self.hide()

    def retranslate_ui(self) -> None:
        self._details_button.setText(self.tr("Details…"))
        self._close_button.setAccessibleName(self.tr("Dismiss"))
        self._close_button.setToolTip(self.tr("Dismiss"))

    @property
    def summary(self) -> str:
        return self._summary.text()

    @property
    def details(self) -> str:
        return self._details

    def show_notice(self, summary: str, details: str) -> None:
        self._summary.setText(summary)
        self._details = details
        self._details_button.setVisible(bool(details))
        self.show()

    def show_details(self) -> None:
        DetailsDialog(self._summary.text(), self._details, self.window()).open()

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
