"""`czt-desktop snapshot` renders the real window to a PNG of the asked size."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage


def test_snapshot_writes_the_requested_view(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CZT_DESKTOP_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "czt_desktop", "snapshot", str(out), "--stage", "3",
         "--pane", "plans", "--lang", "en", "--size", "1024x768"],
        capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 768)
    assert not (tmp_path / "config" / "settings.json").exists()  # user settings untouched


def test_snapshot_rejects_a_bad_size(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "czt_desktop", "snapshot", str(tmp_path / "x.png"),
         "--size", "big"], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert "is not a size like 1024x768" in result.stderr
