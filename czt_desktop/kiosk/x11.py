"""What the window manager does with a window on X11, read and asked for through the
EWMH hints, over an X connection of the kiosk's own (libxcb through ctypes).

The kiosk's watchdog uses it to notice that its window was sent to another desktop, lost
"always on top", was minimised or covered, and to ask the window manager to undo that.
It is small and guarded:

- :func:`connect` returns None wherever it cannot work: not a Unix with X11, no
  ``$DISPLAY``, no libxcb (a Wayland-only system), no X server answering;
- afterwards no call raises: an X error, a window that is gone or a property that is
  not there gives None (or an empty list), and a connection that breaks is closed and
  stays closed (:attr:`X11Session.alive`).

Nothing here imports Qt: a window is its X id (``int(widget.winId())`` on Qt's xcb
platform). libxcb is what Qt's xcb platform itself is built on, so it is there wherever
the kiosk shows on X11; its own connection keeps these requests out of Qt's.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import sys
from collections.abc import Callable
from typing import TypeVar

log = logging.getLogger("czt.kiosk")

T = TypeVar("T")
D = TypeVar("D")

ATOM_ATOM = 4
ATOM_CARDINAL = 6
ATOM_WINDOW = 33
#: ``_NET_WM_DESKTOP`` of a window shown on every desktop.
ALL_DESKTOPS = 0xFFFFFFFF
_CLIENT_MESSAGE = 33
_SUBSTRUCTURE_NOTIFY = 1 << 19
_SUBSTRUCTURE_REDIRECT = 1 << 20
#: EWMH "source indication" of a request: 2 is a pager or taskbar, which window
#: managers carry out at once (requests from applications may be refused as focus
#: stealing).
_SOURCE_PAGER = 2
_STATE_ADD = 1
#: The longest property read (32-bit items): a stacking list of 4096 windows.
_MAX_ITEMS = 4096

c_uint8, c_uint16, c_uint32 = ctypes.c_uint8, ctypes.c_uint16, ctypes.c_uint32


class _Cookie(ctypes.Structure):
    _fields_ = [("sequence", ctypes.c_uint)]


class _ScreenIterator(ctypes.Structure):
    # xcb_screen_t starts with its root window.
    _fields_ = [("data", ctypes.POINTER(c_uint32)), ("rem", ctypes.c_int),
                ("index", ctypes.c_int)]


class _InternAtomReply(ctypes.Structure):
    _fields_ = [("response_type", c_uint8), ("pad0", c_uint8), ("sequence", c_uint16),
                ("length", c_uint32), ("atom", c_uint32)]


class _GetPropertyReply(ctypes.Structure):
    _fields_ = [("response_type", c_uint8), ("format", c_uint8), ("sequence", c_uint16),
                ("length", c_uint32), ("type", c_uint32), ("bytes_after", c_uint32),
                ("value_len", c_uint32), ("pad0", c_uint8 * 12)]


class _ClientMessage(ctypes.Structure):
    _fields_ = [("response_type", c_uint8), ("format", c_uint8), ("sequence", c_uint16),
                ("window", c_uint32), ("type", c_uint32), ("data", c_uint32 * 5)]


class X11Error(Exception):
    """An X request failed (caught inside this module; never seen by callers)."""


def _load() -> tuple[ctypes.CDLL, ctypes.CDLL] | None:
    """libxcb and the C library with the prototypes used here, or None."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    names = ["libxcb.so.1", ctypes.util.find_library("xcb")]
    xcb = None
    for name in names:
        if not name:
            continue
        try:
            xcb = ctypes.CDLL(name)
            break
        except OSError:
            continue
    if xcb is None:
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None)
        vp = ctypes.c_void_p
        err = ctypes.POINTER(vp)
        for name, restype, argtypes in (
            ("xcb_connect", vp, [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]),
            ("xcb_connection_has_error", ctypes.c_int, [vp]),
            ("xcb_disconnect", None, [vp]),
            ("xcb_flush", ctypes.c_int, [vp]),
            ("xcb_get_setup", vp, [vp]),
            ("xcb_setup_roots_iterator", _ScreenIterator, [vp]),
            ("xcb_screen_next", None, [ctypes.POINTER(_ScreenIterator)]),
            ("xcb_intern_atom", _Cookie, [vp, c_uint8, c_uint16, ctypes.c_char_p]),
            ("xcb_intern_atom_reply", ctypes.POINTER(_InternAtomReply), [vp, _Cookie, err]),
            ("xcb_get_property", _Cookie, [vp, c_uint8, c_uint32, c_uint32, c_uint32,
                                           c_uint32, c_uint32]),
            ("xcb_get_property_reply", ctypes.POINTER(_GetPropertyReply), [vp, _Cookie, err]),
            ("xcb_get_property_value", vp, [ctypes.POINTER(_GetPropertyReply)]),
            ("xcb_get_property_value_length", ctypes.c_int,
             [ctypes.POINTER(_GetPropertyReply)]),
            ("xcb_send_event", _Cookie, [vp, c_uint8, c_uint32, c_uint32, vp]),
        ):
            function = getattr(xcb, name)
            function.restype = restype
            function.argtypes = argtypes
        libc.free.restype = None
        libc.free.argtypes = [vp]
    except (AttributeError, OSError):
        return None
    return xcb, libc


def connect(display: str | None = None) -> X11Session | None:
    """A connection to ``display`` (default ``$DISPLAY``), or None where X11 is not there."""
    if display is None and not os.environ.get("DISPLAY"):
        return None
    libraries = _load()
    if libraries is None:
        return None
    xcb, libc = libraries
    screen = ctypes.c_int(0)
    name = display.encode() if display is not None else None
    connection = xcb.xcb_connect(name, ctypes.byref(screen))
    if not connection:
        return None
    if xcb.xcb_connection_has_error(connection):
        xcb.xcb_disconnect(connection)
        return None
    try:
        iterator = xcb.xcb_setup_roots_iterator(xcb.xcb_get_setup(connection))
        for _ in range(max(0, screen.value)):
            if iterator.rem <= 1:
                break
            xcb.xcb_screen_next(ctypes.byref(iterator))
        root = int(iterator.data[0])
    except (ValueError, OSError):
        xcb.xcb_disconnect(connection)
        return None
    return X11Session(xcb, libc, connection, root)


class X11Session:
    """One X connection and the EWMH questions and requests the kiosk needs."""

    def __init__(self, xcb: ctypes.CDLL, libc: ctypes.CDLL, connection: int,
                 root: int) -> None:
        self._xcb = xcb
        self._libc = libc
        self._connection: int | None = connection
        self.root = root
        self._atoms: dict[str, int] = {}

    @property
    def alive(self) -> bool:
        return self._connection is not None

    def close(self) -> None:
        if self._connection is not None:
            self._xcb.xcb_disconnect(self._connection)
            self._connection = None

    # -- low level -----------------------------------------------------------------------
    def _conn(self) -> int:
        connection = self._connection
        if connection is None:
            raise X11Error("closed")
        if self._xcb.xcb_connection_has_error(connection):
            log.warning("kiosk: the X connection of the window watchdog broke; it goes on "
                        "with what Qt tells")
            self.close()
            raise X11Error("broken")
        return connection

    def _free(self, pointer: object, error: ctypes.c_void_p) -> None:
        if error.value:
            self._libc.free(error)
        if pointer:
            self._libc.free(ctypes.cast(pointer, ctypes.c_void_p))  # type: ignore[arg-type]

    def atom(self, name: str) -> int:
        """The atom named ``name`` (made if the server has none yet)."""
        found = self._atoms.get(name)
        if found is not None:
            return found
        connection = self._conn()
        encoded = name.encode("ascii")
        cookie = self._xcb.xcb_intern_atom(connection, 0, len(encoded), encoded)
        error = ctypes.c_void_p()
        reply = self._xcb.xcb_intern_atom_reply(connection, cookie, ctypes.byref(error))
        try:
            if error.value or not reply:
                raise X11Error(f"no atom {name}")
            value = int(reply.contents.atom)
        finally:
            self._free(reply, error)
        if not value:
            raise X11Error(f"no atom {name}")
        self._atoms[name] = value
        return value

    def _items(self, window: int, name: str, kind: int) -> list[int] | None:
        """The 32-bit items of a window's property, or None when it has none."""
        connection = self._conn()
        cookie = self._xcb.xcb_get_property(connection, 0, window, self.atom(name), kind, 0,
                                            _MAX_ITEMS)
        error = ctypes.c_void_p()
        reply = self._xcb.xcb_get_property_reply(connection, cookie, ctypes.byref(error))
        try:
            if error.value or not reply:
                raise X11Error(f"cannot read {name}")  # e.g. the window is gone
            header = reply.contents
            if header.format != 32 or header.type != kind:
                return None
            length = self._xcb.xcb_get_property_value_length(reply) // 4
            value = self._xcb.xcb_get_property_value(reply)
            if length <= 0 or not value:
                return []
            return [int(v) for v in ctypes.cast(value, ctypes.POINTER(c_uint32))[:length]]
        finally:
            self._free(reply, error)

    def _send(self, window: int, name: str, *data: int) -> bool:
        """A client message about ``window`` to the window manager (the root window)."""
        connection = self._conn()
        words = [w & 0xFFFFFFFF for w in (*data, 0, 0, 0, 0, 0)[:5]]
        event = _ClientMessage(response_type=_CLIENT_MESSAGE, format=32, sequence=0,
                               window=window, type=self.atom(name),
                               data=(c_uint32 * 5)(*words))
        self._xcb.xcb_send_event(connection, 0, self.root,
                                 _SUBSTRUCTURE_NOTIFY | _SUBSTRUCTURE_REDIRECT,
                                 ctypes.cast(ctypes.byref(event), ctypes.c_void_p))
        self._xcb.xcb_flush(connection)
        return True

    def _safely(self, read: Callable[[], T], default: D) -> T | D:
        """``read()``, or ``default`` when X says no (or the connection is gone)."""
        try:
            return read()
        except (X11Error, ValueError, OSError, UnicodeError):
            return default

    # -- questions -------------------------------------------------------------------------
    def _cardinal(self, window: int, name: str) -> int | None:
        items = self._safely(lambda: self._items(window, name, ATOM_CARDINAL), None)
        return items[0] if items else None

    def _window(self, window: int, name: str) -> int | None:
        items = self._safely(lambda: self._items(window, name, ATOM_WINDOW), None)
        return items[0] if items else None

    def wm_present(self) -> bool:
        """Whether an EWMH window manager runs (without one nobody moves windows)."""
        return self._window(self.root, "_NET_SUPPORTING_WM_CHECK") is not None

    def current_desktop(self) -> int | None:
        return self._cardinal(self.root, "_NET_CURRENT_DESKTOP")

    def desktop_of(self, window: int) -> int | None:
        """The window's desktop (:data:`ALL_DESKTOPS` when on all), or None."""
        return self._cardinal(window, "_NET_WM_DESKTOP")

    def state_of(self, window: int) -> set[str] | None:
        """The window's ``_NET_WM_STATE`` as names without the prefix (``ABOVE``,
        ``FULLSCREEN``, ``HIDDEN``, …); None when it cannot be read."""
        def read() -> set[str] | None:
            items = self._items(window, "_NET_WM_STATE", ATOM_ATOM)
            if items is None:
                return set()
            known = {self.atom(f"_NET_WM_STATE_{n}"): n for n in ("ABOVE", "FULLSCREEN",
                                                                 "HIDDEN", "BELOW")}
            return {known[item] for item in items if item in known}

        return self._safely(read, None)

    def pid_of(self, window: int) -> int | None:
        return self._cardinal(window, "_NET_WM_PID")

    def active_window(self) -> int | None:
        return self._window(self.root, "_NET_ACTIVE_WINDOW")

    def stacking(self) -> list[int]:
        """The managed windows from the bottom to the top."""
        return self._safely(lambda: self._items(self.root, "_NET_CLIENT_LIST_STACKING",
                                                ATOM_WINDOW), None) or []

    def windows_above(self, window: int) -> list[int]:
        """The windows stacked above ``window`` that a visitor could see: on the same
        desktop (or on all) and not minimised."""
        order = self.stacking()
        if window not in order:
            return []
        desktop = self.desktop_of(window)
        found = []
        for other in order[order.index(window) + 1:]:
            where = self.desktop_of(other)
            if where not in (None, ALL_DESKTOPS, desktop) and desktop != ALL_DESKTOPS:
                continue
            if "HIDDEN" in (self.state_of(other) or set()):
                continue
            found.append(other)
        return found

    # -- requests (EWMH client messages to the window manager) ---------------------------
    def move_to_desktop(self, window: int, desktop: int) -> bool:
        """Ask for the window to be moved to ``desktop``; whether the request was sent."""
        return self._safely(lambda: self._send(window, "_NET_WM_DESKTOP", desktop,
                                               _SOURCE_PAGER), False)

    def add_state(self, window: int, first: str, second: str = "") -> bool:
        """Ask for one or two states (``ABOVE``, ``FULLSCREEN``) to be set."""
        def send() -> bool:
            atoms = [self.atom(f"_NET_WM_STATE_{n}") if n else 0 for n in (first, second)]
            return self._send(window, "_NET_WM_STATE", _STATE_ADD, *atoms, _SOURCE_PAGER)

        return self._safely(send, False)

    def activate(self, window: int) -> bool:
        """Ask for the window to be raised, shown (un-minimised) and given the focus."""
        return self._safely(lambda: self._send(window, "_NET_ACTIVE_WINDOW", _SOURCE_PAGER),
                            False)
