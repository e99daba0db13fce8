"""A section that opens with one click: the deeper layers of a page (the paper's full
text, sources and notes) are there for whoever wants them, out of the way of the rest.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QToolButton, QVBoxLayout, QWidget


class Disclosure(QWidget):
    """A button with an arrow (right when closed, down when open) and the section under it."""

    toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = QToolButton()
        self.button.setObjectName("disclosureButton")
        self.button.setCheckable(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setArrowType(Qt.ArrowType.RightArrow)
        self.button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.button.toggled.connect(self._on_toggled)
        self.body = QWidget()
        self.body.setObjectName("disclosureBody")
        self.column = QVBoxLayout(self.body)
        self.column.setContentsMargins(16, 4, 0, 4)
        self.column.setSpacing(12)
        self.body.hide()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.body)

    def set_text(self, text: str) -> None:
        self.button.setText(text)
        self.button.setAccessibleName(text)

    def add(self, widget: QWidget) -> QWidget:
        self.column.addWidget(widget)
        return widget

    @property
    def expanded(self) -> bool:
        return self.button.isChecked()

    def set_expanded(self, on: bool) -> None:
        self.button.setChecked(on)

    def _on_toggled(self, on: bool) -> None:
        self.button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.body.setVisible(on)
        self.toggled.emit(on)
