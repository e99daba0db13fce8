"""What the in-process benchmarks share: memory reading, settling the event loop and
opening the real main window on the bundled content (imported as ``common`` by the
scripts beside it; Qt is imported inside the functions, after each script has chosen
its platform and home folder)."""

from __future__ import annotations

import ctypes
import os
import sys
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from czt_desktop.content import Content
    from czt_desktop.ui.assemble import MainWindow


def rss_mb() -> float:
    """This process's resident memory in MB (Linux)."""
    with open("/proc/self/statm", encoding="ascii") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


class MemoryParts(NamedTuple):
    """Where resident memory is, in MB (Linux; glibc for the heap figure)."""

    #: Pages only this process has: its heap, Python's object arenas, image buffers.
    anonymous: float
    #: Pages of files mapped into it (program code, libraries, fonts) read so far: the
    #: kernel can drop them whenever memory is short and read them again.
    file_backed: float
    #: Bytes handed out by malloc and not yet freed (glibc ``mallinfo2``), mmapped
    #: blocks included: what the app has allocated, without the heap's free holes.
    #: None where that is not glibc.
    heap_in_use: float | None
    #: Memory blocks Python has allocated for its objects.
    python_blocks: int


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost")]


def _heap_in_use_mb() -> float | None:
    from czt_desktop.kiosk.memory import glibc

    libc = glibc()
    mallinfo2 = getattr(libc, "mallinfo2", None)  # glibc 2.33 and later
    if mallinfo2 is None:
        return None
    mallinfo2.restype = _MallInfo2
    info = mallinfo2()
    return float(info.uordblks + info.hblkhd) / 1e6


def memory_parts() -> MemoryParts:
    """This process's resident memory split by kind (Linux)."""
    found: dict[str, float] = {}
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            key, _, value = line.partition(":")
            if key in ("RssAnon", "RssFile", "RssShmem"):
                found[key] = int(value.split()[0]) * 1024 / 1e6
    return MemoryParts(found.get("RssAnon", 0.0), found.get("RssFile", 0.0)
                       + found.get("RssShmem", 0.0), _heap_in_use_mb(),
                       sys.getallocatedblocks())


def settle(app: QApplication) -> None:
    """As the event loop would: run posted events, then the deleteLater()s they left."""
    from PySide6.QtCore import QCoreApplication, QEvent

    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def open_main_window(app: QApplication, size: tuple[int, int]) -> tuple[MainWindow, Content]:
    """The app's window with its settings, the cached bundled content, panes and charts."""
    from czt_desktop import paths
    from czt_desktop.content.cache import load_content_cached
    from czt_desktop.settings import SettingsStore
    from czt_desktop.ui.assemble import open_window

    store = SettingsStore(paths.user_config_dir())
    prefs = store.load()
    content = load_content_cached(paths.bundled_data_dir(), paths.user_cache_dir())
    window = open_window(content, store, prefs)
    window.resize(*size)
    window.show()
    window.finish_building()
    return window, content
