"""The real program, started as a user would, with bad input of every kind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from czt_desktop.app import choose_content
from czt_desktop.paths import bundled_data_dir


def run_app(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CZT_DESKTOP_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "czt_desktop", "--exit-after-first-paint", *args],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )


def test_starts_and_paints(tmp_path: Path) -> None:
    result = run_app([], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "first-paint" in result.stdout


def test_unknown_flag_is_reported_and_the_app_still_runs(tmp_path: Path) -> None:
    result = run_app(["--fullscreen-please", "--lang", "fr"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "first-paint" in result.stdout
    assert "--fullscreen-please" in result.stderr
    assert "--lang fr" in result.stderr


def test_broken_content_pack_falls_back_to_bundled(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "stages.csv").write_text("id,start_year\n1,abc\n", encoding="utf-8")
    result = run_app(["--data", str(pack)], tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert "using the bundled content" in result.stderr
    assert "stages.csv, row 1, column 'end_year'" in result.stderr
    assert sorted(p.name for p in pack.iterdir()) == ["stages.csv"]  # nothing written there


def test_corrupt_settings_file_is_kept(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text("{not json", encoding="utf-8")
    result = run_app([], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "settings.json: line 1, column 2" in result.stderr
    assert list(config.glob("settings.json.broken-*"))


def test_choose_content_prefers_a_valid_pack(data_copy: Path) -> None:
    content, problem = choose_content(data_copy)
    assert problem is None
    assert content.folder == str(data_copy)


def test_choose_content_reports_an_invalid_pack(tmp_path: Path) -> None:
    content, problem = choose_content(tmp_path)
    assert problem is not None and problem.findings
    assert content.folder == str(bundled_data_dir())


def test_no_display_gives_a_clear_message(tmp_path: Path) -> None:
    if sys.platform != "linux":
        pytest.skip("the display check is for Linux")
    env = {k: v for k, v in os.environ.items()
           if k not in {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}}
    env["CZT_DESKTOP_HOME"] = str(tmp_path)
    result = subprocess.run([sys.executable, "-m", "czt_desktop"], capture_output=True,
                            text=True, env=env, timeout=60, check=False)
    assert result.returncode == 2
    assert "no display found" in result.stderr


def test_a_kiosk_never_shows_an_error_dialog_even_before_its_mode_starts() -> None:
    from czt_desktop.app import error_dialogs_allowed
    from czt_desktop.cli import _gui_parser

    kiosk = _gui_parser().parse_args(["--kiosk"])
    student = _gui_parser().parse_args([])
    assert not error_dialogs_allowed(kiosk, "xcb")
    assert error_dialogs_allowed(student, "xcb")
    assert not error_dialogs_allowed(student, "offscreen")
