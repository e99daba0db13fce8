"""A city's colour as a small icon, for lists and drop-down boxes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap


def color_swatch(color: str, px: int = 16) -> QIcon:
    """A small filled square in a city's colour, for combo boxes and lists."""
    pixmap = QPixmap(px, px)
    pixmap.fill(QColor(color))
    icon = QIcon()
    # The same pixmap when selected: Qt would otherwise tint it and the colour would
    # no longer match the city's colour elsewhere.
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
        icon.addPixmap(pixmap, mode)
    return icon
