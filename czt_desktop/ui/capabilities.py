"""What the window may offer, and which widgets need what: a mode declares its
:class:`Capabilities`, widgets that need one are marked with :func:`needs`, and the window
applies the one to the other (:func:`apply_needs`) when the mode changes.

Kept low (no window, no mode imported) so any widget can mark itself.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtWidgets import QWidget

#: The dynamic property naming the capability a widget needs to be shown.
NEEDS_PROPERTY = "cztNeeds"


# NamedTuples rather than frozen dataclasses: cheaper to define before the first paint
# (docs/PERFORMANCE.md, first paint).
class Capabilities(NamedTuple):
    """What the window offers while a mode is on."""

    #: The menu bar and every menu command and shortcut (Quit, Export, Present …).
    menus: bool = True
    #: Search fields (the header's, the panes'): a kiosk has no keyboard.
    search: bool = True
    #: File dialogs and exports (images, charts, handouts).
    exports: bool = True
    #: Whether a close request (Ctrl+Q, Alt+F4, the window manager) may close the app.
    close: bool = True
    #: Targets and type for fingers: larger tabs and language button.
    touch: bool = False
    #: Whether language, zoom, theme, stage, pane and window size are remembered as the
    #: user's settings (a kiosk's visitors are not its owner).
    remember: bool = True


def needs(widget: QWidget, capability: str) -> QWidget:
    """Mark ``widget`` as shown only while the mode offers ``capability`` (a field of
    :class:`Capabilities`); the window shows or hides it when the mode changes."""
    if capability not in Capabilities._fields:
        raise ValueError(f"no capability {capability!r}")
    widget.setProperty(NEEDS_PROPERTY, capability)
    return widget


def apply_needs(root: QWidget, capabilities: Capabilities) -> None:
    """Show or hide every marked widget under ``root`` for ``capabilities``."""
    for widget in root.findChildren(QWidget):
        wanted = widget.property(NEEDS_PROPERTY)
        if isinstance(wanted, str) and wanted in Capabilities._fields:
            widget.setVisible(bool(getattr(capabilities, wanted)))
