"""Classroom mode: the stages as full-screen slides for a projector and a presenter remote.

The main window stays as it is (on a second screen the teacher still sees it); the
slides are a window of their own on the chosen screen. Both share the selection and
the Appearance, so the main window always shows the stage the class is looking at, in
the same language, and shows it still when the presentation ends.
"""

from __future__ import annotations

import logging

from czt_desktop.ui.modes.base import Mode, chosen_screen
from czt_desktop.ui.presentation.window import PresentationWindow

log = logging.getLogger("czt.ui.presentation")


class PresentationMode(Mode):
    name = "classroom"

    presentation: PresentationWindow | None = None

    def enter(self) -> None:
        window = self.window
        widget = window.as_widget()
        screen = chosen_screen(self.options, widget.screen())
        presentation = PresentationWindow(window.content, window.selection, window.appearance,
                                          size=screen.geometry().size(), parent=widget)
        presentation.leave_requested.connect(self._on_leave_requested)
        presentation.language_toggle_requested.connect(self._toggle_language)
        self.presentation = presentation
        presentation.present_on(screen)
        log.info("presentation started on screen %s (%dx%d)", presentation.screen().name(),
                 presentation.width(), presentation.height())

    def leave(self) -> None:
        presentation, self.presentation = self.presentation, None
        if presentation is None:
            return
        presentation.close_by_owner()
        presentation.deleteLater()
        # The teacher is back at the desk: the main window, on the stage the class saw last.
        self.window.as_widget().activateWindow()  # right under the closed slides: no raise_()
        self.window.focus_timeline()

    def _toggle_language(self) -> None:
        from czt_desktop import languages

        appearance = self.window.appearance
        appearance.set_language(languages.following(appearance.lang).code)

    def _on_leave_requested(self) -> None:
        if self.window.mode is self:
            self.window.set_mode("student")
