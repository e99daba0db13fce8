"""Settings survive restarts; a broken settings file is reported and never lost."""

from __future__ import annotations

import json
from pathlib import Path

from czt_desktop.settings import Preferences, SettingsStore


def test_defaults_when_there_is_no_file(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    assert store.load() == Preferences()
    assert store.messages == []


def test_round_trip(tmp_path: Path) -> None:
    prefs = Preferences(language="en", stage=4, pane="statistics", zoom_percent=150)
    SettingsStore(tmp_path).save(prefs)
    assert SettingsStore(tmp_path).load() == prefs


def test_corrupt_file_is_kept_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{\n  "language": "en",\n  "stage": 3,,\n}', encoding="utf-8")
    store = SettingsStore(tmp_path)
    assert store.load() == Preferences()
    (message,) = store.messages
    assert str(path) in message
    assert "line 3" in message
    backups = list(tmp_path.glob("settings.json.broken-*"))
    assert len(backups) == 1
    assert '"stage": 3,,' in backups[0].read_text(encoding="utf-8")


def test_one_bad_field_keeps_the_others(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(
        json.dumps({"language": "fr", "stage": 2, "zoom_percent": "huge"}), encoding="utf-8")
    store = SettingsStore(tmp_path)
    prefs = store.load()
    assert prefs.stage == 2
    assert prefs.language == "zh"
    assert prefs.zoom_percent == 100
    assert any("field 'language'" in m and "'fr'" in m for m in store.messages)
    assert any("field 'zoom_percent'" in m for m in store.messages)


def test_unknown_keys_from_a_newer_version_are_preserved(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(
        json.dumps({"language": "en", "quiz_progress": {"q1": True}}), encoding="utf-8")
    store = SettingsStore(tmp_path)
    prefs = store.load()
    store.save(prefs)
    saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert saved["quiz_progress"] == {"q1": True}
    assert saved["language"] == "en"


def test_binary_garbage(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_bytes(b"\xff\xfe\x00garbage")
    store = SettingsStore(tmp_path)
    assert store.load() == Preferences()
    assert store.messages and "settings.json" in store.messages[0]
    assert list(tmp_path.glob("settings.json.broken-*"))
