"""What a mode is: one small class that says what the window may offer while it is on.

A mode *declares* its :class:`Capabilities` (menus, search, exports, closing, touch);
the window applies them to itself and to every widget that needs one (search fields,
chart save buttons, see :func:`needs`), and undoes them when the mode ends. A mode
never patches the window's widgets: beyond its capabilities it talks to the window
through the narrow :class:`ModeHost` interface and to the shared
:class:`~czt_desktop.ui.selection.Selection` and
:class:`~czt_desktop.ui.appearance.Appearance`, and adds widgets and event filters of
its own.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, NamedTuple, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from czt_desktop.ui.capabilities import Capabilities

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from czt_desktop.content import Content
    from czt_desktop.ui.appearance import Appearance
    from czt_desktop.ui.selection import Selection

log = logging.getLogger("czt.ui.modes")

class ModeHost(Protocol):
    """What a mode may use of the window (the main window implements it)."""

    content: Content
    selection: Selection
    appearance: Appearance

    @property
    def pane_changed(self) -> SignalInstance: ...
    @property
    def current_pane_id(self) -> str: ...
    def pane_ids(self) -> list[str]: ...
    def show_pane(self, pane_id: str) -> None: ...
    def pane_widget(self, pane_id: str) -> QWidget: ...
    def chart_widget(self, chart_id: str) -> QWidget | None: ...
    def finish_building(self) -> None: ...
    def reset_to_home(self, lang: str | None = None) -> None: ...
    def set_mode(self, name: str, options: ModeOptions | None = None) -> None: ...
    @property
    def mode(self) -> Mode: ...
    def cover_screen(self, screen: QScreen) -> None: ...
    def uncover_screen(self) -> None: ...
    def focus_timeline(self) -> None: ...
    def dismiss_notices(self) -> None: ...
    def as_widget(self) -> QWidget: ...


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
    """Base class of the modes. Subclasses set ``name`` and ``capabilities`` and override
    what they do on entering and leaving."""

    name: ClassVar[str] = ""
    capabilities: ClassVar[Capabilities] = Capabilities()

    def __init__(self, window: ModeHost, options: ModeOptions) -> None:
        super().__init__(window.as_widget())
        self.window = window
        self.options = options

    @classmethod
    def prepare_window(cls, window: ModeHost, options: ModeOptions) -> None:
        """Called before the window is first shown when the app starts in this mode
        (the mode itself is entered once the window is built, after its first frame)."""

    @classmethod
    def fallback(cls, window: ModeHost, options: ModeOptions) -> Mode | None:
        """What stands in for this mode when it cannot be made (the error is logged), or
        None to let the error through. A mode that locks the window (the kiosk) must
        stay locked even then."""
        return None

    def enter(self) -> None:
        """Called once when the window switches to this mode (after its capabilities
        are applied)."""

    def leave(self) -> None:
        """Called once when the window switches to another mode: undo what enter did
        (the window puts the capabilities back itself)."""
