"""The app's modes, registered in :data:`czt_desktop.catalogue.MODES`.

Each mode is a small class (see :mod:`czt_desktop.ui.modes.base`); a mode's module is
imported only when used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from czt_desktop.catalogue import DEFAULT_MODE, MODES, load
from czt_desktop.ui.modes.base import Mode, ModeOptions

if TYPE_CHECKING:
    from czt_desktop.ui.modes.base import ModeHost


def mode_class(name: str) -> type[Mode]:
    home = next(m.home for m in MODES if m.id == name)
    cls = load(home)
    if not (issubclass(cls, Mode) and cls.name == name):
        raise TypeError(f"{home} is not the {name!r} mode")
    return cls


def create_mode(name: str, window: ModeHost, options: ModeOptions) -> Mode:
    return mode_class(name)(window, options)


__all__ = ["DEFAULT_MODE", "MODES", "Mode", "ModeOptions", "create_mode", "mode_class"]
