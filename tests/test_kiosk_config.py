"""The kiosk config file: defaults when missing, file/line/field when broken, kept files."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from czt_desktop.kiosk.config import KioskConfig, KioskConfigError, KioskConfigStore
from czt_desktop.kiosk.pin import hash_pin


def test_missing_file_gives_safe_locked_defaults(tmp_path: Path) -> None:
    store = KioskConfigStore(tmp_path / "kiosk.json")
    config = store.load()
    assert config == KioskConfig()
    assert not config.has_pin  # nobody can leave from the screen
    assert config.idle_seconds == 90
    assert config.default_language == "zh"
    assert not store.found
    assert store.messages == []


def test_default_path_is_in_the_user_config_folder(home: Path) -> None:
    assert KioskConfigStore().path == home / "config" / "kiosk.json"


def test_good_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.json"
    stored = hash_pin("1357")
    path.write_text(json.dumps({"pin_hash": stored, "idle_seconds": 45, "countdown_seconds": 5,
                                "attract_seconds_per_slide": 2.5, "default_language": "en",
                                "exit_corner": "bottom-right", "log_usage": False}),
                    encoding="utf-8")
    store = KioskConfigStore(path)
    config = store.load()
    assert config.pin_hash == stored and config.has_pin
    assert (config.idle_seconds, config.countdown_seconds) == (45.0, 5.0)
    assert isinstance(config.idle_seconds, float)
    assert config.attract_seconds_per_slide == 2.5
    assert config.default_language == "en"
    assert config.exit_corner == "bottom-right"
    assert config.log_usage is False
    assert store.messages == []


def test_bad_fields_are_reported_with_file_line_and_field(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "kiosk.json"
    path.write_text('{\n  "idle_seconds": "soon",\n  "default_language": "fr",\n'
                    '  "countdown_seconds": 7,\n  "pin_hash": "1234"\n}\n', encoding="utf-8")
    store = KioskConfigStore(path)
    with caplog.at_level(logging.WARNING, "czt.kiosk"):
        config = store.load()
    assert config.idle_seconds == 90  # default for the bad field
    assert config.default_language == "zh"
    assert config.countdown_seconds == 7  # the good field is kept
    assert not config.has_pin  # a plain PIN is not a hash: no PIN
    text = "\n".join(store.messages)
    assert f"{path}: line 2: field 'idle_seconds'" in text
    assert f"{path}: line 3: field 'default_language'" in text
    assert "line 5: field 'pin_hash'" in text
    assert "1234" not in text and "1234" not in caplog.text  # maybe the PIN itself
    assert path.exists()  # a file with bad fields is not moved


def test_corrupt_file_is_kept_and_defaults_are_used(tmp_path: Path,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "kiosk.json"
    path.write_text('{\n  "idle_seconds": 30,\n  "pin_hash": \n', encoding="utf-8")
    store = KioskConfigStore(path)
    with caplog.at_level(logging.WARNING, "czt.kiosk"):
        config = store.load()
    assert config == KioskConfig()
    assert store.found
    assert len(store.messages) == 1
    message = store.messages[0]
    assert str(path) in message and "line 4" in message and "not valid JSON" in message
    kept = list(tmp_path.glob("kiosk.json.broken-*"))
    assert len(kept) == 1 and kept[0].name in message
    assert kept[0].read_text(encoding="utf-8").startswith('{\n  "idle_seconds": 30')
    assert str(path) in caplog.text


def test_not_an_object_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.json"
    path.write_text("[1, 2]", encoding="utf-8")
    store = KioskConfigStore(path)
    assert store.load() == KioskConfig()
    assert "expected a JSON object" in store.messages[0]


def test_writing_the_pin_keeps_other_fields(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "kiosk.json"
    store = KioskConfigStore(path)
    store.write_pin_hash(hash_pin("8642"))
    first = json.loads(path.read_text(encoding="utf-8"))
    first["idle_seconds"] = 120
    first["museum_note"] = "hall 3"
    path.write_text(json.dumps(first), encoding="utf-8")
    replacement = hash_pin("9753")
    store.write_pin_hash(replacement)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["pin_hash"] == replacement
    assert data["idle_seconds"] == 120 and data["museum_note"] == "hall 3"
    assert path.stat().st_mode & 0o077 == 0  # owner only
    assert store.current_pin_hash() == replacement


def test_writing_refuses_to_overwrite_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.json"
    path.write_text("{oops", encoding="utf-8")
    with pytest.raises(KioskConfigError, match="line 1"):
        KioskConfigStore(path).write_pin_hash(hash_pin("1234"))
    assert path.read_text(encoding="utf-8") == "{oops"
