"""Issue 21, the user's own files: nothing lost, nothing escapes (items 1, 4, 6, 7).

The three JSON stores (settings, quiz answers, kiosk config) share one validated store;
these are the regressions the probe of bad inputs found, one test each.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from czt_desktop import atomic
from czt_desktop.json_files import JsonFileProblem, line_of, lock_path, read_json
from czt_desktop.kiosk.config import KioskConfig, KioskConfigStore
from czt_desktop.kiosk.pin import hash_pin
from czt_desktop.quiz_progress import (
    PROGRESS_FILE_NAME,
    Answer,
    ProgressStore,
    QuizProgress,
    merge_progress,
)
from czt_desktop.settings import Preferences, SettingsStore

DEEP = "[" * 100_000 + "]" * 100_000
HUGE = "9" * 4_301


# -- item 1: the kiosk never fails open ------------------------------------------------------
@pytest.mark.parametrize("text", [DEEP, HUGE, '{"idle_seconds": ' + HUGE + "}",
                                  '{"exit_taps": NaN}', '{"idle_seconds": 1e999}',
                                  '{"pin_hash": {"a": ' * 5_000 + "}" * 5_000])
def test_a_kiosk_json_that_python_chokes_on_keeps_the_kiosk_locked(
        tmp_path: Path, text: str, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "kiosk.json"
    path.write_text(text, encoding="utf-8")
    store = KioskConfigStore(path)
    with caplog.at_level(logging.WARNING, logger="czt.kiosk"):
        config = store.load()
    assert config.pin_hash == "" and not config.has_pin  # locked: nobody leaves
    assert config.idle_seconds == KioskConfig().idle_seconds or "idle_seconds" in text
    assert store.messages and str(path) in store.messages[0]
    assert str(path) in caplog.text


def test_kiosk_load_survives_even_an_unexpected_error(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    store = KioskConfigStore(tmp_path / "kiosk.json")
    (tmp_path / "kiosk.json").write_text("{}", encoding="utf-8")

    def broken() -> None:
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(store._store, "read_object", broken)
    assert store.load() == KioskConfig()
    assert "something nobody foresaw" in store.messages[0]


def test_the_pin_pad_gets_notes_without_folder_names(tmp_path: Path) -> None:
    path = tmp_path / "museum" / "kiosk.json"
    path.parent.mkdir()
    path.write_text('{\n "idle_seconds": -3,\n "pin_hash": "123456"\n}', encoding="utf-8")
    store = KioskConfigStore(path)
    store.load()
    notes = store.visitor_safe_notes()
    assert len(notes) == 2
    assert all(str(tmp_path) not in note for note in notes)
    assert notes[0].startswith("kiosk.json: line 2: field 'idle_seconds'")
    assert "123456" not in "".join(notes)


# -- item 4: every JSON read survives anything ------------------------------------------------
@pytest.mark.parametrize(("data", "words"), [
    (DEEP.encode(), "nested too deeply"),
    (HUGE.encode(), "4,301 digits"),
    (b'{"zoom_percent": NaN}', "NaN"),
    (b'{"zoom_percent": -Infinity}', "-Infinity"),
    (b'{"zoom_percent": 1e999}', "too large"),
    (b'{"language": "\xc4"}', "not UTF-8"),
    ('{"language": "en"}'.encode("utf-16"), "UTF-16"),
    (b"[1, 2]", "expected a JSON object"),
])
def test_a_settings_file_python_chokes_on_is_kept_and_the_app_starts(
        tmp_path: Path, data: bytes, words: str) -> None:
    (tmp_path / "settings.json").write_bytes(data)
    store = SettingsStore(tmp_path)
    assert store.load() == Preferences()
    (message,) = store.messages
    assert str(tmp_path / "settings.json") in message and words in message
    assert "line " in message
    kept = list(tmp_path.glob("settings.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == data and kept[0].name in message


def test_a_quiz_file_python_chokes_on_starts_the_quiz_afresh(tmp_path: Path) -> None:
    path = tmp_path / PROGRESS_FILE_NAME
    path.write_text('{"seed": ' + HUGE + "}", encoding="utf-8")
    store = ProgressStore(path)
    assert store.load() == QuizProgress()
    assert "line 1" in store.messages[0] and "digits" in store.messages[0]
    assert not path.exists() and list(tmp_path.glob(f"{PROGRESS_FILE_NAME}.broken-*"))


def test_two_broken_files_in_the_same_second_are_both_kept(tmp_path: Path) -> None:
    for text in ("{one", "{two"):
        (tmp_path / "settings.json").write_text(text, encoding="utf-8")
        SettingsStore(tmp_path).load()
    kept = sorted(p.read_text(encoding="utf-8") for p in tmp_path.glob("settings.json.broken-*"))
    assert kept == ["{one", "{two"]


def test_line_of_finds_keys_as_any_json_writer_spells_them() -> None:
    text = '{\n  "a": 1,\n  "中文": 2,\n  "\\u4e2d": 3,\n  "value": "a \\"b\\": c"\n}'
    assert line_of(text, "a") == 2
    assert line_of(text, "中文") == 3
    assert line_of(text, "中") == 4  # written with an ASCII escape
    assert line_of(text, "b") is None  # inside a string, not a key
    assert line_of(text, "") is None


def test_a_fifo_named_settings_json_does_not_block(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(tmp_path / "settings.json")
    with pytest.raises(JsonFileProblem, match="named pipe"):
        read_json(tmp_path / "settings.json")
    store = SettingsStore(tmp_path)
    assert store.load() == Preferences()
    assert "not a regular file" in store.messages[0]


# -- item 6: the kiosk keeps its quiz answers apart -------------------------------------------
def test_a_kiosk_never_reads_or_removes_the_students_answers(home: Path) -> None:
    student = ProgressStore()
    answered = QuizProgress(seed=2, answers={"city:x": Answer(("zhuzhou",), True)})
    assert student.save(answered)
    before = student.path.read_bytes() if student.path else b""
    kiosk = ProgressStore.for_kiosk()
    assert kiosk.path is None and not kiosk.persistent
    assert kiosk.load() == QuizProgress()  # a visitor never sees the student's answers
    assert kiosk.save(QuizProgress(seed=9, answers={"stage:y": Answer(("1",), False)}))
    assert kiosk.load().seed == 9
    kiosk.clear()
    assert kiosk.load() == QuizProgress()
    assert student.path is not None and student.path.read_bytes() == before
    assert sorted(p.name for p in student.path.parent.iterdir()) == [
        f".{PROGRESS_FILE_NAME}.lock", PROGRESS_FILE_NAME]


def test_clearing_a_students_store_keeps_the_file_and_says_so(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    store = ProgressStore(tmp_path / PROGRESS_FILE_NAME)
    store.load()
    answered = QuizProgress(answers={"city:x": Answer(("zhuzhou",), True)})
    store.save(answered)
    with caplog.at_level(logging.INFO, logger="czt.quiz"):
        store.clear()
    assert "kept the answers" in caplog.text
    # What the session then saves joins the student's answers instead of replacing them.
    store.save(QuizProgress(answers={"stage:y": Answer(("2",), True)}))
    assert set(ProgressStore(store.path).load().answers) == {"city:x", "stage:y"}


# -- item 7: two instances, full disks, temporary files ---------------------------------------
def test_two_instances_keep_each_others_settings(tmp_path: Path) -> None:
    first, second = SettingsStore(tmp_path), SettingsStore(tmp_path)
    base = first.load()
    second.load()
    assert first.save(Preferences(language="en"))
    assert second.save(Preferences(zoom_percent=150))  # knew nothing of "en"
    assert SettingsStore(tmp_path).load() == Preferences(language="en", zoom_percent=150)
    assert base == Preferences()


def test_keys_a_newer_version_wrote_meanwhile_survive_a_save(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    store.load()
    (tmp_path / "settings.json").write_text('{"future_setting": [1, 2]}', encoding="utf-8")
    assert store.save(Preferences(stage=3))
    saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert saved["future_setting"] == [1, 2] and saved["stage"] == 3


def test_quiz_answers_of_two_instances_are_all_kept(tmp_path: Path) -> None:
    first, second = ProgressStore(tmp_path / "q.json"), ProgressStore(tmp_path / "q.json")
    mine, theirs = first.load(), second.load()
    mine.answers["city:a"] = Answer(("changsha",), True)
    assert first.save(mine)
    theirs.answers["city:b"] = Answer(("xiangtan",), False)
    assert second.save(theirs)
    mine.answers["city:c"] = Answer(("zhuzhou",), True)
    assert first.save(mine)
    assert set(ProgressStore(tmp_path / "q.json").load().answers) == {
        "city:a", "city:b", "city:c"}


def test_a_new_set_in_one_instance_replaces_the_old_set_of_the_other() -> None:
    base = QuizProgress(seed=1, answers={"q": Answer(("a",), True)})
    mine = QuizProgress(seed=2)  # this instance started a new set
    disk = QuizProgress(seed=1, answers={"q": Answer(("a",), True), "r": Answer((), False)})
    assert merge_progress(base, mine, disk) == QuizProgress(seed=2)
    # … and the other way round: this instance still on the old set.
    stale = QuizProgress(seed=1, answers={"q": Answer(("a",), True), "s": Answer(("b",), True)})
    assert merge_progress(base, stale, QuizProgress(seed=2)) == QuizProgress(seed=2)
    # A question forgotten for a second try goes, whatever the other instance had.
    retrying = QuizProgress(seed=1, retry=["q"])
    merged = merge_progress(base, retrying, disk)
    assert "q" not in merged.answers and "r" in merged.answers and merged.retry == ["q"]


_WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from czt_desktop.quiz_progress import Answer, ProgressStore
    from czt_desktop.settings import Preferences, SettingsStore
    folder, tag = Path(sys.argv[1]), sys.argv[2]
    store = ProgressStore(folder / "quiz-progress.json")
    progress = store.load()
    settings = SettingsStore(folder)
    settings.load()
    failed = 0
    for number in range(40):
        progress.answers[f"{tag}:{number}"] = Answer((tag,), True)
        failed += not store.save(progress)
        failed += not settings.save(Preferences(stage=1 + number % 5))
    sys.exit(failed)
""")

_READER = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    folder = Path(sys.argv[1])
    bad = 0
    for _ in range(400):
        for name in ("settings.json", "quiz-progress.json"):
            try:
                json.loads((folder / name).read_text(encoding="utf-8"))
            except FileNotFoundError:
                pass
            except ValueError:
                bad += 1  # an empty or half-written file
    sys.exit(min(bad, 100))
""")


def test_concurrent_instances_lose_no_answers_and_readers_never_see_half_a_file(
        tmp_path: Path) -> None:
    env = {**os.environ, "CZT_DESKTOP_HOME": str(tmp_path / "home")}
    processes = [subprocess.Popen([sys.executable, "-c", _WRITER, str(tmp_path), tag],
                                  env=env) for tag in ("a", "b")]
    reader = subprocess.Popen([sys.executable, "-c", _READER, str(tmp_path)], env=env)
    assert [p.wait(timeout=120) for p in processes] == [0, 0]  # no save failed
    assert reader.wait(timeout=120) == 0
    answers = ProgressStore(tmp_path / "quiz-progress.json").load().answers
    assert set(answers) == {f"{tag}:{n}" for tag in "ab" for n in range(40)}
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_full_disk_is_reported_and_the_old_file_stays(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    store = SettingsStore(tmp_path)
    assert store.save(Preferences(language="en"))
    before = (tmp_path / "settings.json").read_bytes()

    def full(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full)
    assert not store.save(Preferences(language="zh"))
    assert store.save_problem == (f"cannot save the settings to {tmp_path / 'settings.json'}: "
                                  "the disk is full")
    assert (tmp_path / "settings.json").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if ".tmp" in p.name]
    quiz = ProgressStore(tmp_path / PROGRESS_FILE_NAME)
    assert not quiz.save(QuizProgress(seed=1))
    assert quiz.save_problem is not None and "the disk is full" in quiz.save_problem


def test_a_read_only_place_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    store = SettingsStore(blocker)
    assert store.load() == Preferences() and store.messages == []
    assert not store.save(Preferences())
    assert store.save_problem is not None
    assert str(blocker / "settings.json") in store.save_problem
    assert "is a file, not a folder" in store.save_problem


def test_a_stale_temporary_file_does_not_loosen_the_pin_hash(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.json"
    for stale in (tmp_path / "kiosk.json.tmp", tmp_path / ".kiosk.000000000000.tmp.json"):
        stale.write_text("stale", encoding="utf-8")
        stale.chmod(0o644)
    KioskConfigStore(path).write_pin_hash(hash_pin("135790", iterations=1_000))
    assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0
    assert (tmp_path / "kiosk.json.tmp").read_text(encoding="utf-8") == "stale"


def test_atomic_writes_use_fresh_names_flush_the_folder_and_clean_up(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    flushed: list[Path] = []
    monkeypatch.setattr(atomic, "fsync_dir", flushed.append)
    target = tmp_path / "chart.png"
    target.write_bytes(b"old")
    with atomic.atomic_path(target, mode=0o600) as first, \
            atomic.atomic_path(target) as second:
        assert first != second and first.parent == tmp_path
        assert first.suffix == ".png"  # the format stays recognisable to Qt
        assert stat.S_IMODE(first.stat().st_mode) & 0o077 == 0
        first.write_bytes(b"first")
        second.write_bytes(b"second")
    assert target.read_bytes() == b"first"  # the outer block ended last
    assert flushed == [tmp_path, tmp_path]
    with pytest.raises(RuntimeError), atomic.atomic_path(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("the export failed")
    assert target.read_bytes() == b"first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.png"]


def test_the_lock_file_sits_beside_its_file() -> None:
    assert lock_path(Path("/x/settings.json")) == Path("/x/.settings.json.lock")
