"""An event filter on the whole application that can be put in and taken out again.

The kiosk watches every input event three times over (escape guard, idle timer, staff
gesture); each is installed when the kiosk starts and removed when staff leave.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication


class AppEventFilter(QObject):
    """Subclasses implement ``eventFilter`` and, if they need them, the two hooks."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._installed = False

    def install(self) -> None:
        app = QApplication.instance()
        if app is None or self._installed:
            return
        self._installed = True
        self._on_install()
        app.installEventFilter(self)

    def remove(self) -> None:
        app = QApplication.instance()
        if app is None or not self._installed:
            return
        self._installed = False
        app.removeEventFilter(self)
        self._on_remove()

    def _on_install(self) -> None:
        """Called once per install, before the filter sees its first event."""

    def _on_remove(self) -> None:
        """Called once per removal, after the filter is out: undo what install did."""
