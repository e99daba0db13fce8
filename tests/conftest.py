"""Shared fixtures. Qt runs offscreen; every test gets its own settings and log folders."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Must be set before any QApplication exists (pytest-qt creates it lazily).
os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Keep the developer's real settings and logs out of the tests, even at import time.
os.environ["CZT_DESKTOP_HOME"] = tempfile.mkdtemp(prefix="czt-tests-home-")
os.environ.setdefault("MPLBACKEND", "Agg")

import pytest

from czt_desktop.content import Content, load_content
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


@pytest.fixture(autouse=True)
def english_ui_after_each_test() -> Iterator[None]:
    """A test that switches the UI to Chinese must not leave the translator installed."""
    yield
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        from czt_desktop.ui.i18n import language_switcher

        switcher = language_switcher()
        if switcher.language != "en":
            switcher.apply("en")
