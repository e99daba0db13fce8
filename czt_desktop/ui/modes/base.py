"""What a mode is: one small class that changes how the main window behaves.

The window stays the same window; a mode only switches things on and off through the
window's public hooks (menus, export, close, full screen, event filters of its own).
Modes never reach into panes or charts: they talk to the window and the shared
:class:`~czt_desktop.ui.selection.Selection`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication, QScreen

if TYPE_CHECKING:
    from czt_desktop.ui.main_window import MainWindow

log = logging.getLogger("czt.ui.modes")


# A NamedTuple rather than a frozen dataclass: cheaper to define before the first paint
# (docs/PERFORMANCE.md, first paint).
class ModeOptions(NamedTuple):
    """Start options a mode may use (from the command line)."""

    #: ``--kiosk-config FILE``; None means the kiosk config in the user config folder.
    kiosk_config: Path | None = None
    #: ``--screen N`` (0-based) for the presentation or the kiosk; None means the
    #: window's screen.
    screen: int | None = None


def chosen_screen(options: ModeOptions, fallback: QScreen) -> QScreen:
    """``--screen N`` if there is such a screen, else ``fallback`` (said in the log)."""
    screens = QGuiApplication.screens()
    wanted = options.screen
    if wanted is not None:
        if 0 <= wanted < len(screens):
            return screens[wanted]
        log.warning("there is no screen %d (screens 0-%d); using screen %s", wanted,
                    len(screens) - 1, fallback.name())
    return fallback


class Mode(QObject):
    """Base class of the modes. Subclasses set ``name`` and override what they change."""

    name: ClassVar[str] = ""

    def __init__(self, window: MainWindow, options: ModeOptions) -> None:
        super().__init__(window)
        self.window = window
        self.options = options

    @classmethod
    def prepare_window(cls, window: MainWindow, options: ModeOptions) -> None:
        """Called before the window is first shown when the app starts in this mode
        (the mode itself is entered once the window is built, after its first frame)."""

    def enter(self) -> None:
        """Called once when the window switches to this mode."""

    def leave(self) -> None:
        """Called once when the window switches to another mode: undo what enter did."""

    def allows_close(self) -> bool:
        """Whether a close request (Ctrl+Q, Alt+F4, window manager) may close the app."""
        return True

    def allows_export(self) -> bool:
        """Whether file dialogs and exports (images, charts, handouts) are offered."""
        return True
