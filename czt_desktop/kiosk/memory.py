"""Giving freed memory back to the system, for a kiosk that runs for weeks.

glibc keeps the heap pages it has freed, so a process's resident size is the high-water
mark of its heap, not what it uses: one English visitor who opens every pane leaves the
kiosk that much bigger until it restarts. ``malloc_trim(0)`` hands the free pages back;
the kiosk calls it after an idle reset, when nobody is there and the widgets of the last
visit have been deleted (and a full garbage collection has freed the Python objects
they held). And large blocks are kept out of the heap altogether
(:func:`keep_large_blocks_apart`). Elsewhere than glibc (Windows, macOS, musl) there is
nothing to call and nothing to do.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
import sys

#: mallopt's parameter for the mmap threshold (glibc's malloc.h).
_M_MMAP_THRESHOLD = -3
#: Blocks this big or bigger get pages of their own, given back when freed.
MMAP_THRESHOLD_BYTES = 256 * 1024


@functools.cache
def glibc() -> ctypes.CDLL | None:
    """The C library where it is glibc (found once), else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    # musl and others have no malloc_trim/mallopt: nothing to do there.
    return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None


def keep_large_blocks_apart() -> bool:
    """Give every large block (an image, a chart's pixels) pages of its own.

    glibc does that by default, but raises the size it counts as large each time such a
    block is freed, up to 32 MB; after that the kiosk's screen-sized buffers come from the
    heap, where the holes they leave are hard to give back. A fixed threshold keeps them
    out of the heap for good. False where this is not glibc.
    """
    libc = glibc()
    if libc is None:
        return False
    return bool(libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES))


def release_free_memory() -> bool:
    """Free what nothing uses any more and return the heap's free pages to the system;
    False where the pages cannot be returned.

    First a full garbage collection: a deleted page's widgets and the Python objects tied
    to them in reference cycles are freed only by one, which Python otherwise runs
    rarely. It takes ≈ 50–100 ms, so this is for when nobody is there.
    """
    gc.collect()
    libc = glibc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True
