"""The app's modes, registered in :data:`czt_desktop.catalogue.MODES`.

Each mode is a small class (see :mod:`czt_desktop.ui.modes.base`); a mode's module is
imported only when used.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from czt_desktop.catalogue import DEFAULT_MODE, MODES, load
from czt_desktop.ui.modes.base import Mode, ModeOptions

if TYPE_CHECKING:
    from czt_desktop.ui.modes.base import ModeHost

log = logging.getLogger("czt.ui.modes")


def mode_class(name: str) -> type[Mode]:
    home = next(m.home for m in MODES if m.id == name)
    cls = load(home)
    if not (issubclass(cls, Mode) and cls.name == name):
        raise TypeError(f"{home} is not the {name!r} mode")
    return cls


def create_mode(name: str, window: ModeHost, options: ModeOptions) -> Mode:
    """The mode ``name`` for ``window``; if it cannot be made, its :meth:`Mode.fallback`
    (a kiosk that fails stays locked), else the error goes on."""
    cls = mode_class(name)
    try:
        return cls(window, options)
    except Exception:
        fallback = cls.fallback(window, options)
        if fallback is None:
            raise
        log.exception("the %s mode could not be made; %s stands in for it", name,
                      type(fallback).__name__)
        return fallback


__all__ = ["DEFAULT_MODE", "MODES", "Mode", "ModeOptions", "create_mode", "mode_class"]
