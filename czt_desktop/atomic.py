"""Writing a file all at once: the old file or the new one, never half of either.

Every file the app writes for the user (settings, quiz answers, the kiosk's PIN hash,
exported charts and views, snapshots, CSV reports, the content cache) goes through
here. The new contents go to a temporary file in the same folder, with a name nobody
else uses (created with ``O_EXCL``, so a stale or hostile ``.tmp`` is never reused and
the permissions are the ones asked for, from creation on), are flushed to the disk, and
only then replace the old file with one ``os.replace``; the folder is flushed too, so
the rename itself survives a power cut. A write that fails (disk full, read-only disk,
no permission) leaves the old file as it was and raises :class:`OSError`;
:func:`describe_os_error` turns that into words a user understands.

Qt-free; the UI passes :func:`atomic_path`'s temporary path to ``QImage.save`` or
``Figure.savefig``, which write by file name.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

#: Permission bits of a new file before the umask (0o600: readable by the owner only).
DEFAULT_MODE = 0o666


def _temp_name(path: Path) -> Path:
    # The target's suffix stays last: Qt and matplotlib pick the image format from it.
    return path.with_name(f".{path.stem}.{os.urandom(6).hex()}.tmp{path.suffix}")


def _create_exclusive(path: Path, mode: int) -> tuple[Path, int]:
    """A new, empty file beside ``path`` that no one else has opened, and its descriptor."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) \
        | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = _temp_name(path)
        try:
            return tmp, os.open(tmp, flags, mode)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(path.parent))


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename in it) to the disk, where the system allows it.

    Windows cannot open a folder for flushing; NTFS journals renames itself.
    """
    if sys.platform == "win32":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (network, FUSE) refuse: the data itself is flushed
    finally:
        os.close(fd)


def _fsync_path(path: Path) -> None:
    """Flush a file someone else wrote by name (Qt, matplotlib)."""
    # Windows flushes only through a handle opened for writing.
    flags = os.O_RDWR if sys.platform == "win32" else os.O_RDONLY
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_path(path: Path, *, mode: int = DEFAULT_MODE) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; on leaving the block it replaces
    ``path`` (flushed, renamed, folder flushed).

    If the block raises, the temporary file is removed, ``path`` is untouched and the
    exception goes on. A writer that reports failure by a return value must raise::

        with atomic_path(out) as tmp:
            if not image.save(str(tmp)):
                raise OSError(f"cannot write {out}")

    The temporary file exists (empty, with ``mode``) when the block starts; writers
    that truncate an existing file keep its permissions.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp, fd = _create_exclusive(path, mode)
    os.close(fd)
    try:
        yield tmp
        _fsync_path(tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def save_by_name(path: Path, save: Callable[[str], bool]) -> str | None:
    """Let ``save(file_name)`` (``QImage.save``, ``QPixmap.save``: False when it fails)
    write ``path`` all at once: None when it was written, else why not, in plain words
    (an earlier file at ``path`` is then left whole, and no temporary file is left)."""
    path = Path(path)
    try:
        with atomic_path(path) as tmp:
            # Qt picks the format from the suffix, which the temporary name keeps.
            if not save(str(tmp)):
                raise OSError(f"cannot write '{path.suffix or 'no suffix'}' images there")
    except OSError as exc:
        return describe_os_error(exc)
    return None


def write_bytes_atomically(path: Path, data: bytes, *, mode: int = DEFAULT_MODE) -> None:
    """Replace ``path`` with ``data`` all at once; raises OSError (the old file stays)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp, fd = _create_exclusive(path, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def write_text_atomically(path: Path, text: str, *, mode: int = DEFAULT_MODE,
                          encoding: str = "utf-8") -> None:
    """:func:`write_bytes_atomically` for text (no newline translation: ``\\n`` stays)."""
    write_bytes_atomically(path, text.encode(encoding), mode=mode)


_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "part of the path is a file, not a folder",
    # What creating the folders says when a file stands where a folder should be.
    errno.EEXIST: "part of the path is a file, not a folder",
    errno.EISDIR: "it is a folder",
    errno.EIO: "the disk reported an input/output error",
}
if hasattr(errno, "EDQUOT"):
    _REASONS[errno.EDQUOT] = "the disk quota is used up"


def describe_os_error(exc: OSError) -> str:
    """Plain words for why a file could not be written or read ("the disk is full")."""
    reason = _REASONS.get(exc.errno) if exc.errno is not None else None
    if reason is None:
        reason = exc.strerror or str(exc) or type(exc).__name__
    return reason
