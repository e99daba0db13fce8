"""Nothing lost: the window's settings are saved when they change, not only at exit, and
a save that fails is said in the window.

The language, zoom, theme, stage and pane are saved :data:`SAVE_DELAY_MS` after the last
change (a burst of changes is one save; the window's closing saves too). Nothing is
saved while the mode says so (a kiosk: its visitors' language and its own zoom are not
the owner's settings). A save that fails (a full or read-only disk) is said once in the
status bar, as is a quiz answer that could not be saved; both are in the log as well.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer

from czt_desktop import languages

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QWidget

    from czt_desktop.quiz_session import QuizSession
    from czt_desktop.settings import Preferences, SettingsStore
    from czt_desktop.ui.appearance import Appearance
    from czt_desktop.ui.capabilities import Capabilities
    from czt_desktop.ui.selection import Selection

log = logging.getLogger("czt.settings")

#: How long after the last change the settings are saved (ms).
SAVE_DELAY_MS = 2000
#: How long a message about a failed save stays in the status bar (ms).
MESSAGE_MS = 15000


class KeptWindow(Protocol):
    """What the keeper uses of the main window."""

    appearance: Appearance
    selection: Selection

    @property
    def pane_changed(self) -> SignalInstance: ...
    @property
    def mode_changed(self) -> SignalInstance: ...
    @property
    def is_built(self) -> bool: ...
    @property
    def capabilities(self) -> Capabilities: ...
    def pane_ids(self) -> list[str]: ...
    def pane_widget(self, pane_id: str) -> QWidget: ...
    def current_preferences(self) -> Preferences: ...
    def show_message(self, text: str, milliseconds: int = 8000) -> None: ...


class SettingsKeeper(QObject):
    """Made by :func:`czt_desktop.ui.assemble.open_window` for every window."""

    def __init__(self, window: KeptWindow, store: SettingsStore,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsKeeper")
        self.window = window
        self.store = store
        #: Saves done by the keeper (for the tests and the log).
        self.saves = 0
        self._shown_problem: str | None = None
        self._selection: Selection | None = None
        self._quiz: QuizSession | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        window.appearance.language_changed.connect(self.schedule)
        window.appearance.look_changed.connect(self.schedule)
        window.pane_changed.connect(self._on_pane_changed)
        window.mode_changed.connect(self._on_mode_changed)
        self._follow_window()

    @property
    def pending(self) -> bool:
        """Whether a save is waiting for its moment."""
        return self._timer.isActive()

    def schedule(self, *_changed: object) -> None:
        """Save :data:`SAVE_DELAY_MS` from now (a later change moves the moment on)."""
        if self.window.is_built and self.window.capabilities.remember:
            self._timer.start()

    def save_now(self) -> bool:
        """Save at once; False when nothing was saved (not built, the mode keeps no
        settings, or the save failed: then the status bar says why)."""
        self._timer.stop()
        window = self.window
        if not window.is_built or not window.capabilities.remember:
            return False
        self._follow_window()
        if self.store.save(window.current_preferences()):
            self.saves += 1
            self._shown_problem = None
            return True
        problem = self.store.save_problem or str(self.store.path)
        if problem != self._shown_problem:  # once, not at every change
            self._shown_problem = problem
            window.show_message(languages.fill(
                self.tr("Your settings could not be saved (%1)."), problem), MESSAGE_MS)
        return False

    # -- following the window -------------------------------------------------------------
    def _on_mode_changed(self, _mode: str) -> None:
        if not self.window.capabilities.remember:
            self._timer.stop()  # what the new mode shows is not the owner's to keep

    def _on_pane_changed(self, _pane_id: str) -> None:
        self._follow_window()
        self.schedule()

    def _follow_window(self) -> None:
        """Listen to the selection and the quiz once the window has made them (a window
        that paints its first frame early makes them after it, and the quiz pane after
        the first paint: both exist before the first pane change reaches here)."""
        window = self.window
        if not window.is_built:
            return
        if self._selection is None:
            self._selection = window.selection
            self._selection.stage_changed.connect(self.schedule)
        if self._quiz is None and "quiz" in window.pane_ids():
            # Imported here: the quiz's modules are not needed for the first paint.
            from czt_desktop.quiz_session import session_of

            session = session_of(window.pane_widget("quiz"))
            # A kiosk that runs has its own listener (the log only): leave it be.
            if session is not None and session.on_save_failed is None:
                self._quiz = session
                session.on_save_failed = self._quiz_save_failed
                if session.save_problem is not None:  # failed before we listened
                    self._quiz_save_failed(session.save_problem)

    def _quiz_save_failed(self, problem: str) -> None:
        self.window.show_message(languages.fill(
            self.tr("Your answers could not be saved (%1)."), problem), MESSAGE_MS)
