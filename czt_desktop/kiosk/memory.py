"""Giving freed memory back to the system, for a kiosk that runs for weeks.

glibc keeps the heap pages it has freed, so a process's resident size is the high-water
mark of its heap, not what it uses: one English visitor who opens every pane leaves the
kiosk that much bigger until it restarts. ``malloc_trim(0)`` hands the free pages back.
The kiosk calls it after an idle reset, when nobody is there and the widgets of the last
visit have been deleted. Elsewhere than glibc (Windows, macOS, musl) there is nothing
to call and nothing to do.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
from collections.abc import Callable

log = logging.getLogger("czt.kiosk")

_trim: Callable[[int], int] | None = None
_looked_up = False


def _malloc_trim() -> Callable[[int], int] | None:
    global _trim, _looked_up
    if not _looked_up:
        _looked_up = True
        if sys.platform.startswith("linux"):
            try:
                libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
                _trim = libc.malloc_trim
            except (OSError, AttributeError):  # not glibc
                _trim = None
    return _trim


def release_free_memory() -> bool:
    """Return the heap's free pages to the system; False where that is not possible."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
