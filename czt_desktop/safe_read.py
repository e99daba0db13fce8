"""Reading a file someone else put there, without hanging, flooding memory or leaving
the folder it belongs in.

A settings file or a content pack can be anything a file name can point to: a named
pipe (FIFO), which blocks an ordinary ``open()`` until someone writes to it; a device
such as ``/dev/zero``, which never ends; a link to a file outside the pack; a folder; or
an enormous file. :func:`read_regular_file` reads only regular files, opens them in a
way that cannot block, stops at a size limit and, given a folder, refuses links that
lead out of it. Qt-free and pandas-free (the start-up cache uses it before pandas).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class UnsafeFile(Exception):
    """The file is there but must not be read; the message says why (without the path)."""


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words ("a folder", "a named pipe (FIFO)", …)."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _size_words(limit: int) -> str:
    if limit >= 1_000_000:
        return f"{limit / 1_000_000:g} MB"
    if limit >= 1_000:
        return f"{limit / 1_000:g} KB"
    return f"{limit} bytes"


def too_large(size: int | None, limit: int) -> str:
    """The words for a file over its size limit."""
    found = f" ({size:,} bytes)" if size is not None else ""
    return f"is too large{found}; the limit is {_size_words(limit)}"


def _inside(path: Path, folder: Path) -> bool:
    real = os.path.realpath(path)
    root = os.path.realpath(folder)
    try:
        return os.path.commonpath([real, root]) == root
    except ValueError:  # different drives on Windows
        return False


def read_regular_file(path: Path, *, max_bytes: int, inside: Path | None = None) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes`` bytes.

    With ``inside``, the file (after following links) must lie within that folder.
    Raises :class:`FileNotFoundError` when there is no such file (or a dangling link),
    :class:`UnsafeFile` when it is no regular file, too large or outside ``inside``,
    and :class:`OSError` when it cannot be read (no permission, I/O error).
    """
    if inside is not None and not _inside(path, inside):
        raise UnsafeFile("is a link to a file outside the content folder; copy the file in "
                         "instead")
    # stat() never blocks, not even on a FIFO; open() would, so look first.
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeFile(f"is not a regular file (it is {kind_of(info.st_mode)})")
    if info.st_size > max_bytes:
        raise UnsafeFile(too_large(info.st_size, max_bytes))
    # O_NONBLOCK: if the file was swapped for a FIFO since the stat, open() still returns
    # at once and the fstat below notices.
    flags = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
             | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile(f"is not a regular file (it is {kind_of(info.st_mode)})")
        chunks: list[bytes] = []
        total = 0
        while True:
            # A file that grows while it is read (or a /proc file that lies about its
            # size) still stops at the limit.
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise UnsafeFile(too_large(None, max_bytes))
    finally:
        os.close(fd)
    return b"".join(chunks)
