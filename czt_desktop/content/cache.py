"""A start-up cache of validated content, so the first paint need not wait for pandas.

Reading and validating the CSV files costs about half a second, most of it importing
pandas. The validated :class:`Content` is pickled into the user's cache folder and reused
while none of the content files has changed (the same bytes in every file, the same app
and schema version). Any problem with the cache just means a normal load.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from pathlib import Path

from czt_desktop import __version__
from czt_desktop.content.model import Content
from czt_desktop.content.reading import Pack, pack_file_limits, read_pack
from czt_desktop.content.schema import SCHEMA_VERSION

log = logging.getLogger("czt.content")

#: The pickled classes' shape: a cache written by a checkout with other classes (same app
#: version) must not be unpickled into these. 2: Text holds texts by language code.
MODEL_VERSION = 2
#: Old cache files kept (one per content version seen recently).
KEEP_FILES = 4
#: The largest cache file read back (the bundled content pickles to ≈ 100 KB).
MAX_CACHE_BYTES = 100_000_000


def _digest(pack: Pack) -> str:
    """Hash of the app version, schema and every content file's bytes.

    Bytes, not paths or times: a one-file build unpacks to a new folder every launch,
    and an edited file must never be served from the cache. Hashing ~150 KB is ~1 ms.
    The bytes are those :func:`read_pack` read safely: the loader parses the same ones.
    """
    digest = hashlib.sha256(f"{__version__}|{SCHEMA_VERSION}|{MODEL_VERSION}".encode())
    for name in pack_file_limits():
        data = pack.files.get(name)
        digest.update(f"|{name}|{len(data) if data is not None else -1}|".encode())
        digest.update(data or b"")
    return digest.hexdigest()[:32]


def _prune(cache_dir: Path) -> None:
    try:
        files = sorted(cache_dir.glob("content-*.pickle"), key=lambda p: p.stat().st_mtime,
                       reverse=True)
        for old in files[KEEP_FILES:]:
            old.unlink(missing_ok=True)
    except OSError as exc:  # another instance pruning at the same time, a read-only cache
        log.info("cannot tidy the content cache %s: %s", cache_dir, exc)


def load_content_cached(folder: Path, cache_dir: Path | None) -> Content:
    """Like :func:`load_content`, but reuses an up-to-date cached copy when there is one.

    Raises :class:`ContentError` exactly when :func:`load_content` would, and nothing
    else: the pack is read once, safely (no FIFO, device or link out of the folder,
    size limits), before anything else looks at it.
    """
    folder = Path(folder)
    pack = read_pack(folder, pack_file_limits())
    if cache_dir is None or not pack.readable:
        return _load(pack)
    digest = _digest(pack)
    path = cache_dir / f"content-{digest}.pickle"
    try:
        from czt_desktop.safe_read import read_regular_file

        cached_digest, content = pickle.loads(read_regular_file(path,
                                                                max_bytes=MAX_CACHE_BYTES))
        if cached_digest == digest and isinstance(content, Content):
            log.info("content from the start-up cache %s", path)
            content.folder = str(folder)
            _keep_summary(content, folder, cache_dir)
            return content
    except FileNotFoundError:
        pass
    except Exception as exc:  # a stale or damaged cache is never fatal
        log.info("ignoring the content cache %s: %s", path, exc)
    content = _load(pack)
    try:
        from czt_desktop.atomic import write_bytes_atomically

        write_bytes_atomically(path, pickle.dumps((digest, content),
                                                  protocol=pickle.HIGHEST_PROTOCOL))
        _prune(cache_dir)
    except OSError as exc:
        log.warning("cannot write the content cache %s: %s", path, exc)
    _keep_summary(content, folder, cache_dir)
    return content


def _load(pack: Pack) -> Content:
    # Imported here: with a fresh cache the loader (and its checks) is never needed.
    from czt_desktop.content.loader import load_pack

    return load_pack(pack)


def _keep_summary(content: Content, folder: Path, cache_dir: Path) -> None:
    """Keep the first frame's summary in step with the content it was made from."""
    from czt_desktop.content.summary import read_summary, summary_of, write_summary

    try:
        summary = summary_of(content)
        if read_summary(folder, cache_dir) != summary:
            write_summary(summary, folder, cache_dir)
    except OSError as exc:  # only the next start's first frame is slower
        log.info("cannot keep the first-frame summary in %s: %s", cache_dir, exc)
