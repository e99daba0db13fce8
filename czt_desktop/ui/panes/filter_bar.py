"""The filters above a table: a search field, captioned choices and "Show all".

The Enterprises and the Plans panes filter the same way, so they share this bar: it
wraps like text on a narrow projector screen (a caption never leaves its control), keeps
what is chosen when the language changes and the lists are filled again, and resets
every filter at once without a burst of change signals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from czt_desktop.ui.capabilities import needs
from czt_desktop.ui.panes.flow_layout import FlowLayout
from czt_desktop.ui.panes.widgets import field_row
from czt_desktop.ui.theme import TypeScale


@dataclass(frozen=True, slots=True)
class Choice:
    """One entry of a filter's list."""

    text: str
    value: object
    icon: QIcon | None = None
    tooltip: str = ""


class FilterBar(QWidget):
    """Build with :meth:`add_choice` for each list, then :meth:`add_fields` once."""

    def __init__(self, on_text: Callable[[str], None], on_clear: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._flow = FlowLayout(self, spacing=12)
        self.search_edit = QLineEdit()
        # Typing needs a keyboard: a kiosk hides the field (its lists still filter).
        needs(self.search_edit, "search")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(on_text)
        self._flow.addWidget(self.search_edit)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(on_clear)
        # Each list and the entry it goes back to on reset (-1: the last one).
        self._choices: list[tuple[QComboBox, int]] = []

    def add_choice(self, on_change: Callable[[], None], *, reset_to_last: bool = False) \
            -> QComboBox:
        # Combo boxes, not spin boxes: their arrows are too small for a finger.
        combo = QComboBox()
        combo.currentIndexChanged.connect(on_change)
        self._choices.append((combo, -1 if reset_to_last else 0))
        return combo

    def add_fields(self, *fields: tuple[QLabel, tuple[QWidget, ...]]) -> None:
        """The captioned fields in order (a caption names the first of its widgets for
        screen readers and Alt+key), then "Show all" at the end."""
        for caption, widgets in fields:
            caption.setBuddy(widgets[0])
            self._flow.addWidget(field_row(caption, *widgets))
        self._flow.addWidget(self.clear_button)

    def retranslate(self, search_name: str) -> None:
        self.search_edit.setPlaceholderText(self.tr("Search (Chinese or English)"))
        self.search_edit.setAccessibleName(search_name)
        self.clear_button.setText(self.tr("Show all"))
        self.clear_button.setAccessibleName(self.tr("Clear all filters"))

    def set_scale(self, scale: TypeScale) -> None:
        self.search_edit.setMinimumWidth(scale.body * 16)

    def set_filtering(self, filtering: bool) -> None:
        """Whether any filter is on: "Show all" is offered only then."""
        self.clear_button.setEnabled(filtering)

    @staticmethod
    def refill(combo: QComboBox, choices: Iterable[Choice]) -> None:
        """Fill ``combo`` again (new language), keeping the chosen value, silently."""
        chosen = combo.currentData()
        combo.blockSignals(True)
        try:
            combo.clear()
            for choice in choices:
                if choice.icon is not None:
                    combo.addItem(choice.icon, choice.text, choice.value)
                else:
                    combo.addItem(choice.text, choice.value)
                if choice.tooltip:
                    combo.setItemData(combo.count() - 1, choice.tooltip,
                                      Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
        finally:
            combo.blockSignals(False)

    def reset(self) -> None:
        """Every filter back to "all", without change signals (the pane then clears its
        proxy once, instead of filtering again for each control)."""
        widgets: list[QWidget] = [self.search_edit, *(combo for combo, _ in self._choices)]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.search_edit.clear()
            for combo, index in self._choices:
                combo.setCurrentIndex(combo.count() - 1 if index < 0 else index)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
