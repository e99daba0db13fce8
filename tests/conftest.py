"""Shared fixtures. Qt runs offscreen; every test gets its own settings and log folders."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

# Must be set before any QApplication exists (pytest-qt creates it lazily).
os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Keep the developer's real settings and logs out of the tests, even at import time.
os.environ["CZT_DESKTOP_HOME"] = tempfile.mkdtemp(prefix="czt-tests-home-")
os.environ.setdefault("MPLBACKEND", "Agg")

import pytest

from czt_desktop.content import Content, load_content

if TYPE_CHECKING:
    from czt_desktop.ui.appearance import Appearance
from czt_desktop.paths import bundled_data_dir

ROOT = Path(__file__).resolve().parent.parent
PAPER = ROOT.parent / "shared" / "seed" / "000_e9ab0ba758ec9864.txt"


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["czt-desktop-tests"]


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content(bundled_data_dir())


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled content folder, to break on purpose."""
    target = tmp_path / "pack"
    shutil.copytree(bundled_data_dir(), target)
    return target


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh, empty user home (settings, logs, data) for one test."""
    folder = tmp_path / "home"
    monkeypatch.setenv("CZT_DESKTOP_HOME", str(folder))
    yield folder


def appearance_in(lang: str, zoom_percent: int = 100, high_contrast: bool = False
                  ) -> Appearance:
    """The app's Appearance set to ``lang`` (translators installed), for a view made
    outside a window."""
    from czt_desktop.ui.appearance import appearance

    shared = appearance()
    shared.configure(lang, zoom_percent, high_contrast)
    return shared


@pytest.fixture(autouse=True)
def english_ui_after_each_test() -> Iterator[None]:
    """A test that switches the UI to Chinese must not leave the translator installed."""
    yield
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        from czt_desktop.ui.appearance import appearance

        # Language, zoom and theme are app-wide: the next test starts from English at
        # 100 % in the light theme, whatever this one switched to.
        appearance().configure("en", 100, False)
