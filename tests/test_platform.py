"""Guards against known-bad versions of what we build on."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QWidget


def test_qt_calls_do_not_eat_references_to_none(qapp: QApplication) -> None:
    # PySide6 6.12.0 decremented None's reference count on every void Qt call; on
    # Python 3.11 that kills the process after a few hundred repaints (see pyproject).
    widget = QWidget()
    before = sys.getrefcount(None)
    for _ in range(1000):
        widget.update()
    assert sys.getrefcount(None) >= before - 50
