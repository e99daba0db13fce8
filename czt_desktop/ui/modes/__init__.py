"""The app's modes, registered in one table.

Each mode is a small class (see :mod:`czt_desktop.ui.modes.base`). The table maps the
mode's name to where its class lives, so a mode's module is imported only when used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from czt_desktop.ui.modes.base import Mode, ModeOptions

if TYPE_CHECKING:
    from czt_desktop.ui.main_window import MainWindow

#: name -> "module:Class". The first entry is the default mode.
MODES: dict[str, str] = {
    "student": "czt_desktop.ui.modes.student:StudentMode",
    "classroom": "czt_desktop.ui.modes.presentation:PresentationMode",
    "kiosk": "czt_desktop.ui.modes.kiosk:KioskMode",
}
DEFAULT_MODE = next(iter(MODES))


def mode_class(name: str) -> type[Mode]:
    module_name, _, class_name = MODES[name].partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    if not (isinstance(cls, type) and issubclass(cls, Mode) and cls.name == name):
        raise TypeError(f"{MODES[name]} is not the {name!r} mode")
    return cls


def create_mode(name: str, window: MainWindow, options: ModeOptions) -> Mode:
    return mode_class(name)(window, options)


__all__ = ["DEFAULT_MODE", "MODES", "Mode", "ModeOptions", "create_mode", "mode_class"]
