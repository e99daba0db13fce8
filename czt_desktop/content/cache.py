"""A start-up cache of validated content, so the first paint need not wait for pandas.

Reading and validating the CSV files costs about half a second, most of it importing
pandas. The validated :class:`Content` is pickled into the user's cache folder and reused
while none of the content files has changed (same names, sizes and modification times,
same app and schema version). Any problem with the cache just means a normal load.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from pathlib import Path

from czt_desktop import __version__
from czt_desktop.content.model import Content
from czt_desktop.content.schema import MANIFEST_FILE, SCHEMA_VERSION, TABLES

log = logging.getLogger("czt.content")

#: The pickled classes' shape: a cache written by a checkout with other classes (same app
#: version) must not be unpickled into these. 2: Text holds texts by language code.
MODEL_VERSION = 2
#: Old cache files kept (one per content version seen recently).
KEEP_FILES = 4


def _digest(folder: Path) -> str:
    """Hash of the app version, schema and every content file's bytes.

    Bytes, not paths or times: a one-file build unpacks to a new folder every launch,
    and an edited file must never be served from the cache. Hashing ~150 KB is ~1 ms.
    """
    digest = hashlib.sha256(f"{__version__}|{SCHEMA_VERSION}|{MODEL_VERSION}".encode())
    for name in (MANIFEST_FILE, *(t.filename for t in TABLES)):
        digest.update(name.encode())
        try:
            digest.update((folder / name).read_bytes())
        except OSError:
            digest.update(b"<missing>")
    return digest.hexdigest()[:32]


def _prune(cache_dir: Path) -> None:
    files = sorted(cache_dir.glob("content-*.pickle"), key=lambda p: p.stat().st_mtime,
                   reverse=True)
    for old in files[KEEP_FILES:]:
        old.unlink(missing_ok=True)


def load_content_cached(folder: Path, cache_dir: Path | None) -> Content:
    """Like :func:`load_content`, but reuses an up-to-date cached copy when there is one.

    Raises :class:`ContentError` exactly when :func:`load_content` would.
    """
    # Imported here: with a fresh cache the loader (and its checks) is never needed.
    from czt_desktop.content.loader import load_content

    folder = Path(folder)
    if cache_dir is None:
        return load_content(folder)
    digest = _digest(folder)
    path = cache_dir / f"content-{digest}.pickle"
    try:
        with path.open("rb") as handle:
            cached_digest, content = pickle.load(handle)
        if cached_digest == digest and isinstance(content, Content):
            log.info("content from the start-up cache %s", path)
            content.folder = str(folder)
            _keep_summary(content, folder, cache_dir)
            return content
    except FileNotFoundError:
        pass
    except Exception as exc:  # a stale or damaged cache is never fatal
        log.info("ignoring the content cache %s: %s", path, exc)
    content = load_content(folder)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        with tmp.open("wb") as handle:
            pickle.dump((digest, content), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        _prune(cache_dir)
    except OSError as exc:
        log.warning("cannot write the content cache %s: %s", path, exc)
    _keep_summary(content, folder, cache_dir)
    return content


def _keep_summary(content: Content, folder: Path, cache_dir: Path) -> None:
    """Keep the first frame's summary in step with the content it was made from."""
    from czt_desktop.content.summary import read_summary, summary_of, write_summary

    summary = summary_of(content)
    if read_summary(folder, cache_dir) != summary:
        write_summary(summary, folder, cache_dir)
