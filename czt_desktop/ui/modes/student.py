"""The default mode: a normal desktop window for a student or a teacher preparing."""

from __future__ import annotations

from czt_desktop.ui.modes.base import Mode


class StudentMode(Mode):
    """Everything available: menus, search, quiz, exports. It changes nothing."""

    name = "student"
