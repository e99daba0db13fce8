"""`czt-desktop --self-test`: one line per check, exit 0 only when everything works.

The full run (window, charts, handout) happens in a subprocess from source, as CI runs
it in the built bundle; the failure paths run in-process on a broken content folder,
where the window checks are skipped.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from czt_desktop.content import Content
from czt_desktop.self_test import (
    CheckFailed,
    check_content,
    content_characters,
    self_test_command,
)

HANDOUT_PRESENT = importlib.util.find_spec("czt_desktop.ui.handout") is not None


def test_self_test_from_source_checks_everything_and_passes(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    env["CZT_DESKTOP_HOME"] = str(tmp_path / "home")
    result = subprocess.run([sys.executable, "-m", "czt_desktop", "--self-test"],
                            capture_output=True, text=True, env=env, timeout=180,
                            check=False)
    lines = result.stdout.splitlines()
    checks = [line for line in lines if line.startswith(("ok ", "FAIL "))]
    names = [line.split(None, 1)[1].split(":")[0] for line in checks]
    for expected in ("content", "translations", "fonts in Qt", "fonts in matplotlib",
                     "Chinese sorting (ICU)", "main window", "charts", "handout PDF"):
        assert any(name.startswith(expected) for name in names), (expected, result.stdout)
    failed = [line for line in checks if line.startswith("FAIL")]
    if HANDOUT_PRESENT:
        assert result.returncode == 0, result.stdout + result.stderr
        assert failed == []
        assert lines[-1] == f"self-test passed ({len(checks)} checks)"
    else:  # the handout module is another issue's: its absence must be the only failure
        assert result.returncode == 1
        assert [line.split(":")[0] for line in failed] == ["FAIL  handout PDF"]
    # No window ever appeared on the user's screen, and their settings were not written.
    assert "(Qt platform: offscreen)" in result.stdout
    assert not (tmp_path / "home" / "config" / "settings.json").exists()


def test_a_broken_content_folder_fails_with_the_reason(
        qapp: QApplication, data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data_copy / "stages.csv").write_text("id\n1\n", encoding="utf-8")
    with pytest.raises(CheckFailed, match=r"stages\.csv"):
        check_content(data_copy)

    code = self_test_command(argparse.Namespace(data=data_copy), ["--bogus"])

    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert any(line.startswith("FAIL  content:") and "error(s)" in line for line in out)
    # Without content the window is not opened, but the other checks still run and say so.
    assert any(line.startswith("ok    fonts in Qt:") for line in out)
    assert not any("main window" in line for line in out)
    assert out[-1].startswith("self-test FAILED: 1 of ")
    assert "ignoring unknown option(s): --bogus" in out[0]


def test_the_font_check_sees_every_content_character(content: Content) -> None:
    chars = content_characters(content)
    assert {"长", "株", "潭", "C", "9"} <= chars
    assert not any(c.isspace() for c in chars)
