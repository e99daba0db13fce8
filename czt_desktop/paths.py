"""The one place that knows where bundled files and per-user files live.

Three layouts must work: a source checkout (``data/`` and ``resources/`` beside the
package), an installed wheel (copied into ``czt_desktop/_bundled/``) and a PyInstaller
bundle (everything under ``sys._MEIPASS`` with the same relative paths).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from czt_desktop import APP_NAME

_PACKAGE_DIR = Path(__file__).resolve().parent


def bundle_root() -> Path:
    """Folder holding ``data/`` and ``resources/`` for this way of running."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    installed = _PACKAGE_DIR / "_bundled"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent


def bundled_data_dir() -> Path:
    """The content that ships with the app."""
    return bundle_root() / "data"


def resource_path(*parts: str) -> Path:
    """A file under ``resources/`` (fonts, icons, translations, styles)."""
    return bundle_root().joinpath("resources", *parts)


def content_folder_beside_executable() -> Path | None:
    """A ``content/`` folder next to a frozen executable overrides the bundled data.

    Museums and schools can drop a corrected or extended content pack there without
    rebuilding. Only frozen builds look: from source, ``sys.executable`` is Python.
    """
    if not getattr(sys, "frozen", False):
        return None
    candidate = Path(sys.executable).resolve().parent / "content"
    return candidate if candidate.is_dir() else None


def _user_dir(kind: str) -> Path:
    override = os.environ.get("CZT_DESKTOP_HOME")
    if override:
        return Path(override) / kind
    # Imported here, and only without the override: importing platformdirs takes ≈ 2 ms
    # of the start-up, and keeping module import free of side effects makes the frozen
    # and test environments easy to steer.
    import platformdirs

    getters: dict[str, Callable[..., str]] = {
        "config": platformdirs.user_config_dir,
        "data": platformdirs.user_data_dir,
        "log": platformdirs.user_log_dir,
        "cache": platformdirs.user_cache_dir,
    }
    return Path(getters[kind](APP_NAME, appauthor=False))


def user_config_dir() -> Path:
    return _user_dir("config")


def user_data_dir() -> Path:
    return _user_dir("data")


def user_log_dir() -> Path:
    return _user_dir("log")


def user_cache_dir() -> Path:
    return _user_dir("cache")


def user_runtime_dir() -> Path:
    """Where files that matter only while the session lasts go (the kiosk's display
    lock): ``$XDG_RUNTIME_DIR/czt-desktop`` where the session has one (Linux), else the
    cache folder."""
    override = os.environ.get("CZT_DESKTOP_HOME")
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if override or not runtime or not Path(runtime).is_absolute():
        return _user_dir("cache")
    return Path(runtime) / APP_NAME
