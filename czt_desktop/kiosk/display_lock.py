"""One kiosk per display: the second one says so and ends, instead of fighting the
first for the focus.

A kiosk holds an advisory lock on a file named after its display (``$DISPLAY``, or
``$WAYLAND_DISPLAY``) in the user's runtime folder for as long as it runs. The system
drops the lock when the process ends, however it ends (a crash, ``kill -9``, a power
cut), so a lock is never left behind; the file itself is harmless and reused.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

from czt_desktop import paths
from czt_desktop.atomic import describe_os_error
from czt_desktop.json_files import try_lock

log = logging.getLogger("czt.kiosk")

#: Exit code of a kiosk started where another one runs (sysexits.h's EX_UNAVAILABLE:
#: "a service is unavailable"); the systemd unit does not restart on it.
ALREADY_RUNNING_EXIT_CODE = 69


def display_key(environ: Mapping[str, str] | None = None) -> str:
    """A file-name-safe name of the display the app shows on: ``x11-0`` for ``:0`` and
    ``:0.0``, ``wayland-wayland-0``, or ``default`` (Windows, macOS, offscreen)."""
    env = os.environ if environ is None else environ
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal")):
        return f"{platform.split(':')[0]}-{os.getpid()}"  # nothing to share: never clashes
    display = env.get("DISPLAY", "")
    if display and not platform.startswith("wayland"):
        # host:display.screen; the screen does not matter (a kiosk covers its display).
        host, _, rest = display.rpartition(":")
        number = rest.split(".")[0]
        return _safe(f"x11-{host}-{number}" if host else f"x11-{number}")
    if env.get("WAYLAND_DISPLAY"):
        return _safe(f"wayland-{env['WAYLAND_DISPLAY']}")
    return "default"


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", name)[:100]


class DisplayLock:
    """``acquire()`` once at start; held until :meth:`release` or the process ends."""

    def __init__(self, key: str | None = None, folder: Path | None = None) -> None:
        self.key = key if key is not None else display_key()
        self.path = (folder if folder is not None else paths.user_runtime_dir()) / \
            f"kiosk-{self.key}.lock"
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """False when another kiosk holds the lock. A lock file that cannot be made at
        all (a read-only profile) is no reason to refuse the kiosk: logged, True."""
        if self._fd is not None:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0),
                         0o600)
        except OSError as exc:
            log.warning("cannot make the kiosk's display lock %s (%s): a second kiosk on "
                        "this display would not be noticed", self.path,
                        describe_os_error(exc))
            return True
        if not try_lock(fd):
            os.close(fd)
            return False
        self._fd = fd
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        return True

    def holder(self) -> str:
        """The process id written by the kiosk that holds the lock ("" if unknown)."""
        try:
            return self.path.read_text(encoding="ascii", errors="replace").strip()[:20]
        except OSError:
            return ""

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None


def refuse_second_kiosk(lock: DisplayLock) -> int:
    """Say that another kiosk runs here (log and stderr); the exit code to end with."""
    holder = lock.holder()
    who = f" (process {holder})" if holder.isdigit() else ""
    message = (f"another czt-desktop kiosk already runs on this display{who}; this one "
               f"ends without opening a window (lock: {lock.path})")
    log.error("%s", message)
    if not _logs_to_stderr():
        print(f"czt-desktop: {message}", file=sys.stderr)
    return ALREADY_RUNNING_EXIT_CODE


def _logs_to_stderr() -> bool:
    """Whether the app's log already shows errors on stderr (then once is enough)."""
    logger: logging.Logger | None = log
    while logger is not None:
        if any(getattr(handler, "stream", None) is sys.stderr
               and handler.level <= logging.ERROR for handler in logger.handlers):
            return True
        logger = logger.parent if logger.propagate else None
    return False
