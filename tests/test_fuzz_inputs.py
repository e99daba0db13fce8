"""Fuzzing what users and other programs can put in front of the app (issue 21).

A seeded generator (the same cases on every run and machine) feeds broken content packs
and broken state files to the loader and the JSON stores:

- 300 packs: random mutations of the bundled pack in data/ (bytes flipped, cut or
  inserted, cells set to hostile values, columns and rows dropped or doubled, other
  encodings, files removed or replaced by folders or links, a broken manifest.json);
- 800 state files: settings.json, kiosk.json, quiz-progress.json and the PIN lockout
  file holding deep nesting, numbers of thousands of digits, NaN, wrong types, bytes
  that are not UTF-8, cut or flipped copies of good files, folders and dangling links;
- in a subprocess with a time limit, the cases that could block a process: FIFOs and
  devices named like a pack file or a state file.

Every case must end without an exception escaping and without hanging (a per-case alarm
catches a hang; nothing here asserts a duration), and every refusal must name its file,
and its row and column where it has one.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from czt_desktop.content import ContentError, Finding
from czt_desktop.content.cache import load_content_cached
from czt_desktop.content.loader import inspect_folder
from czt_desktop.content.reading import pack_file_limits
from czt_desktop.content.schema import MAX_ROWS
from czt_desktop.kiosk.config import KioskConfig, KioskConfigStore
from czt_desktop.kiosk.pin import PinLock, hash_pin
from czt_desktop.paths import bundled_data_dir
from czt_desktop.quiz_progress import ProgressStore, QuizProgress
from czt_desktop.settings import Preferences, SettingsStore

SEED = 21
PACK_CASES = 300
STATE_CASES_PER_STORE = 200
#: Seconds one case may take before it counts as a hang (catches hangs only).
HANG_SECONDS = 20

PACK_FILES = tuple(pack_file_limits())
CSV_FILES = tuple(name for name in PACK_FILES if name.endswith(".csv"))

HOSTILE_CELLS = (
    "", " ", "nan", "NaN", "inf", "-inf", "Infinity", "1e999", "-1e999", "1e308", "0", "-1",
    "1.5", "１２", "٣", "9" * 40, "9" * 5000, "x" * 5001, "中" * 5001, "=1+1", "+1", "@SUM(A1)",
    "-2+3", "\t", "\r", '"', '""', "\n", "a\nb", "a,b", "\u202e", "\ufeff", "\x00", "\x7f",
    "中文", "changsha", "stages:1", "statistics:", ":", ";", ";;", "large;huge", "0x10",
    "1_000", " 1958", "1958 ", "2101", "1899", "99999999999999999999999", "-0", "1e3",
    "../etc/passwd", "<script>", "%s%n", "{}", "[]", "null", "True",
)
HOSTILE_BYTES = (b"\x00", b"\xff", b"\xfe\xff", b'"', b",", b"\n", b"\r", b"\r\n", b"\xe4\xb8",
                 b"\xef\xbb\xbf", b"\x1a", b"\\", b"'", b";")


# -- a hang is an exception ------------------------------------------------------------------
class Hang(Exception):
    pass


@contextlib.contextmanager
def hang_guard(seconds: int = HANG_SECONDS) -> Iterator[None]:
    """Raise :class:`Hang` in a case that runs ``seconds`` (an alarm: catches hangs only)."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def ring(signum: int, frame: object) -> None:
        raise Hang(f"no answer after {seconds} s")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# -- broken packs ----------------------------------------------------------------------------
def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


class PackMutator:
    """Breaks one file of a pack folder in one random way, and puts it back afterwards."""

    def __init__(self, folder: Path, outside: Path, rng: random.Random) -> None:
        self.folder = folder
        self.outside = outside
        self.rng = rng
        self.originals = {name: (folder / name).read_bytes() for name in PACK_FILES}

    def restore(self, name: str) -> None:
        path = self.folder / name
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.is_dir():
            shutil.rmtree(path)
        path.write_bytes(self.originals[name])

    def mutate(self) -> tuple[str, str]:
        """Break a file; returns (file name, what was done)."""
        rng = self.rng
        kind = rng.choice(("flip", "cut", "insert", "cell", "cell", "cell", "header", "rows",
                           "encoding", "replace", "manifest", "garbage", "many-rows"))
        name = "manifest.json" if kind == "manifest" else \
            rng.choice(CSV_FILES if kind in ("cell", "header", "rows", "many-rows")
                       else PACK_FILES)
        path = self.folder / name
        data = self.originals[name]
        if kind == "flip":
            buffer = bytearray(data)
            for _ in range(rng.randint(1, 8)):
                buffer[rng.randrange(len(buffer))] = rng.randrange(256)
            path.write_bytes(bytes(buffer))
        elif kind == "cut":
            path.write_bytes(data[: rng.randrange(len(data))])
        elif kind == "insert":
            at = rng.randrange(len(data) + 1)
            path.write_bytes(data[:at] + rng.choice(HOSTILE_BYTES) * rng.randint(1, 3)
                             + data[at:])
        elif kind == "cell":
            rows = _rows(data)
            if len(rows) > 1:
                row = rng.randrange(1, len(rows))
                column = rng.randrange(len(rows[row]))
                rows[row][column] = rng.choice(HOSTILE_CELLS)
            path.write_bytes(_csv(rows))
            kind = f"cell {rows[0][column] if len(rows) > 1 else ''}"
        elif kind == "header":
            rows = _rows(data)
            column = rng.randrange(len(rows[0]))
            how = rng.choice(("drop", "double", "rename", "blank"))
            if how == "drop":
                rows = [r[:column] + r[column + 1:] for r in rows]
            elif how == "double":
                rows = [r[: column + 1] + r[column:] for r in rows]
            elif how == "rename":
                rows[0][column] = rng.choice(("ID", "id ", "title", "", "id"))
            else:
                rows[0] = ["" for _ in rows[0]]
            path.write_bytes(_csv(rows))
        elif kind == "rows":
            rows = _rows(data)
            body = rows[1:]
            how = rng.choice(("double", "drop", "shuffle", "empty", "short", "long"))
            if how == "double" and body:
                body.append(list(rng.choice(body)))
            elif how == "drop" and body:
                body.pop(rng.randrange(len(body)))
            elif how == "shuffle":
                rng.shuffle(body)
            elif how == "empty":
                body = []
            elif how == "short" and body:
                body[0] = body[0][: rng.randrange(len(body[0]))]
            elif body:
                body[0] = [*body[0], "extra"]
            path.write_bytes(_csv([rows[0], *body]))
        elif kind == "encoding":
            text = data.decode("utf-8")
            encoding = rng.choice(("utf-16", "utf-16-le", "utf-16-be", "gb18030", "utf-32",
                                   "utf-8-sig", "latin-1"))
            path.write_bytes(text.encode(encoding, errors="replace"))
            kind = f"encoding {encoding}"
        elif kind == "replace":
            path.unlink()
            how = rng.choice(("missing", "folder", "link-out", "dangling", "loop"))
            if how == "folder":
                path.mkdir()
            elif how == "link-out":
                path.symlink_to(self.outside)
            elif how == "dangling":
                path.symlink_to(self.folder / "no-such-file")
            elif how == "loop":
                path.symlink_to(path)
            kind = f"replace {how}"
        elif kind == "manifest":
            path.write_bytes(rng.choice(_bad_json_documents(rng)))
        elif kind == "garbage":
            path.write_bytes(bytes(rng.randrange(256) for _ in range(rng.randint(1, 3000))))
        else:  # many rows: past the row limit, each row short
            header = _rows(data)[0]
            line = ",".join("x" for _ in header) + "\n"
            path.write_bytes((",".join(header) + "\n" + line * (MAX_ROWS + 1)).encode())
        return name, kind


def _check_findings(findings: list[Finding], folder: Path, case: str) -> None:
    for finding in findings:
        assert finding.file in PACK_FILES or finding.file == str(folder), (case, finding)
        assert "internal error" not in finding.message, (case, finding)
        if finding.file.endswith(".csv") and finding.column is not None:
            assert finding.row is not None, (case, finding)  # a cell names its row


def test_broken_packs_are_refused_with_their_file_row_and_column(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    shutil.copytree(bundled_data_dir(), folder)
    outside = tmp_path / "outside.csv"
    outside.write_bytes((bundled_data_dir() / "cities.csv").read_bytes())
    rng = random.Random(SEED)
    mutator = PackMutator(folder, outside, rng)
    refused = 0
    for number in range(PACK_CASES):
        name, kind = mutator.mutate()
        case = f"pack case {number}: {kind} in {name}"
        with hang_guard():
            if number % 8 == 0:  # the app's path: the start-up cache in front
                try:
                    load_content_cached(folder, tmp_path / "cache")
                    findings: list[Finding] = []
                except ContentError as problem:
                    findings = list(problem.findings)
                    assert findings, case
            else:
                content, findings = inspect_folder(folder)
                assert content is not None or any(f.is_error for f in findings), case
        _check_findings(findings, folder, case)
        refused += any(f.is_error for f in findings)
        mutator.restore(name)
    assert refused >= PACK_CASES // 2  # the mutations do break packs
    assert inspect_folder(folder)[1] == []  # and everything was put back


# -- broken state files ----------------------------------------------------------------------
def _bad_json_documents(rng: random.Random) -> list[bytes]:
    depth = rng.choice((1_000, 20_000, 200_000))
    number = "9" * rng.choice((4_301, 10_000, 100_000))
    return [
        b"[" * depth + b"]" * depth,
        b'{"a":' * depth + b"1" + b"}" * depth,
        b"[" * depth,
        number.encode(),
        ('{"schema_version": ' + number + "}").encode(),
        ('{"stage": ' + number + ', "seed": -' + number + "}").encode(),
        b'{"zoom_percent": NaN, "idle_seconds": Infinity, "seed": -Infinity}',
        b'{"idle_seconds": 1e999, "stage": 1e400, "seed": 1.5}',
        b"NaN", b"null", b"true", b"[]", b'""', b"0", b"", b"   \n", b"{", b"}",
        b"\xff\xfe{\x00}\x00", "{\"language\": \"en\"}".encode("utf-16"),
        b'{"language": "\xff"}', b"\xef\xbb\xbf{}", b'{"a": "\\ud800"}',
        b'{"language": "en", "language": "zh"}',
        b'{"answers": {"q": {"response": ["' + b"x" * 50_000 + b'"], "correct": true}}}',
        b'{"retry": [1, 2], "answers": []}', b'{"answers": {"q": null}}',
        b'{"pin_hash": 123456}', b'{"pin_hash": "123456"}', b'{"pin_hash": ["x"]}',
        b'{"wrong": "many", "lockouts": -1, "locked_until": 1e308, "locked_seconds": NaN}',
        b'{"locked_until": 99999999999, "locked_seconds": 99999999999}',
        b"\x00" * 100,
    ]


def _random_json_value(rng: random.Random, depth: int = 0) -> Any:
    choice = rng.randrange(9 if depth < 3 else 6)
    if choice == 0:
        return rng.choice((None, True, False))
    if choice == 1:
        return rng.randint(-10**12, 10**12)
    if choice == 2:
        return rng.uniform(-1e6, 1e6)
    if choice == 3:
        return rng.choice(HOSTILE_CELLS)
    if choice == 4:
        return rng.choice(("zh", "en", "all", "timeline", "overview", "quiz", "top-left"))
    if choice == 5:
        return rng.randint(0, 400)
    if choice == 6:
        return [_random_json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(("response", "correct", "q", "x")): _random_json_value(rng, depth + 1)
            for _ in range(rng.randint(0, 3))}


Store = Callable[[Path], Any]


def _settings(folder: Path) -> Any:
    return SettingsStore(folder)


def _kiosk(folder: Path) -> Any:
    return KioskConfigStore(folder / "kiosk.json")


def _quiz(folder: Path) -> Any:
    return ProgressStore(folder / "quiz-progress.json")


STORES: dict[str, tuple[Store, str, type, tuple[str, ...]]] = {
    "settings": (_settings, "settings.json", Preferences,
                 ("language", "stage", "pane", "zoom_percent", "high_contrast",
                  "window_geometry", "schema_version")),
    "kiosk": (_kiosk, "kiosk.json", KioskConfig,
              ("pin_hash", "idle_seconds", "countdown_seconds", "default_language",
               "exit_corner", "exit_taps", "zoom_percent", "log_usage", "schema_version")),
    "quiz": (_quiz, "quiz-progress.json", QuizProgress,
             ("seed", "scope", "answers", "retry", "schema_version")),
}


def _good_document(kind: str) -> bytes:
    if kind == "settings":
        return json.dumps({"language": "en", "stage": 3, "pane": "map",
                           "zoom_percent": 125}).encode()
    if kind == "kiosk":
        return json.dumps({"idle_seconds": 30, "default_language": "en",
                           "exit_corner": "top-right"}).encode()
    return json.dumps({"seed": 2, "scope": "all", "answers": {
        "city:x": {"response": ["zhuzhou"], "correct": True}}, "retry": None}).encode()


def _state_case(rng: random.Random, kind: str, path: Path) -> str:
    """Put something broken at ``path``; returns what."""
    keys = STORES[kind][3]
    how = rng.choice(("document", "document", "fields", "fields", "flip", "cut", "folder",
                      "dangling"))
    if how == "document":
        path.write_bytes(rng.choice(_bad_json_documents(rng)))
    elif how == "fields":
        data = {rng.choice(keys): _random_json_value(rng) for _ in range(rng.randint(1, 4))}
        path.write_text(json.dumps(data, ensure_ascii=rng.random() < 0.5), encoding="utf-8")
    elif how == "flip":
        good = bytearray(_good_document(kind))
        for _ in range(rng.randint(1, 4)):
            good[rng.randrange(len(good))] = rng.randrange(256)
        path.write_bytes(bytes(good))
    elif how == "cut":
        good = _good_document(kind)
        path.write_bytes(good[: rng.randrange(len(good))])
    elif how == "folder":
        path.mkdir()
    else:
        path.symlink_to(path.with_name("nowhere"))
    return how


@pytest.mark.parametrize("kind", sorted(STORES))
def test_broken_state_files_never_stop_the_app(tmp_path: Path, kind: str) -> None:
    make, name, record, _keys = STORES[kind]
    rng = random.Random(f"{SEED}-{kind}")
    for number in range(STATE_CASES_PER_STORE):
        folder = tmp_path / f"{number}"
        folder.mkdir()
        path = folder / name
        how = _state_case(rng, kind, path)
        case = f"{kind} case {number}: {how}"
        store = make(folder)
        with hang_guard():
            value = store.load()
        assert isinstance(value, record), case
        for message in store.messages:
            assert str(path) in message, (case, message)
        kept = list(folder.glob(f"{name}.broken-*"))
        if kept:  # set aside: said so, never deleted
            assert any(kept[0].name in m for m in store.messages), case
        if kind == "kiosk":
            assert not value.has_pin or value.pin_hash.startswith("pbkdf2")  # locked
            continue
        if path.is_dir():
            continue  # a folder in the way: saving must fail cleanly, see below
        assert store.save(value), (case, store.save_problem)
        again = make(folder)
        assert again.load() == value, case
        assert again.messages == [], case
        assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")], case


def test_broken_pin_lockout_files_never_open_or_stop_the_kiosk(tmp_path: Path) -> None:
    rng = random.Random(f"{SEED}-lockout")
    stored = hash_pin("135790", iterations=1_000)
    for number in range(STATE_CASES_PER_STORE):
        folder = tmp_path / f"{number}"
        folder.mkdir()
        path = folder / "kiosk-lockout.json"
        how = rng.choice(("document", "fields", "folder"))
        if how == "document":
            path.write_bytes(rng.choice(_bad_json_documents(rng)))
        elif how == "fields":
            keys = ("wrong", "lockouts", "last_wrong", "locked_until", "locked_seconds")
            path.write_text(json.dumps({rng.choice(keys): _random_json_value(rng)
                                        for _ in range(rng.randint(1, 5))}), encoding="utf-8")
        else:
            path.mkdir()
        with hang_guard():
            lock = PinLock(stored, state_path=path)
            left = lock.locked_for()
        assert 0 <= left <= max(lock.lockout_steps), f"lockout case {number}: {how}"
        assert 0 < lock.attempts_left <= lock.max_wrong


# -- what could block: FIFOs and devices, in a subprocess with a time limit -------------------
_BLOCKING_CASES = textwrap.dedent(r"""
    import json, os, shutil, sys
    from pathlib import Path
    from czt_desktop.content import ContentError
    from czt_desktop.content.cache import load_content_cached
    from czt_desktop.content.loader import inspect_folder
    from czt_desktop.kiosk.config import KioskConfigStore
    from czt_desktop.quiz_progress import ProgressStore
    from czt_desktop.settings import SettingsStore

    bundled, scratch = Path(sys.argv[1]), Path(sys.argv[2])

    def report(case, messages):
        print(json.dumps({"case": case, "messages": messages}), flush=True)

    def pack_case(name, make, *, cached=False):
        folder = scratch / f"pack-{name}-{make.__name__}-{int(cached)}"
        shutil.copytree(bundled, folder)
        (folder / name).unlink()
        make(folder / name)
        if cached:
            try:
                load_content_cached(folder, scratch / "cache")
                findings = []
            except ContentError as problem:
                findings = problem.findings
        else:
            findings = inspect_folder(folder)[1]
        report(f"pack {name} {make.__name__}", [str(f) for f in findings if f.is_error])

    def fifo(path): os.mkfifo(path)
    def zero(path): path.symlink_to("/dev/zero")
    def random_device(path): path.symlink_to("/dev/urandom")
    def tty(path): path.symlink_to("/dev/tty")

    for make in (fifo, zero, random_device, tty):
        for name in ("manifest.json", "events.csv"):
            pack_case(name, make)
        pack_case("stages.csv", make, cached=True)

    for make in (fifo, zero, random_device):
        for label, store_of, name in (
                ("settings", lambda f: SettingsStore(f), "settings.json"),
                ("kiosk", lambda f: KioskConfigStore(f / "kiosk.json"), "kiosk.json"),
                ("quiz", lambda f: ProgressStore(f / "quiz-progress.json"),
                 "quiz-progress.json")):
            folder = scratch / f"{label}-{make.__name__}"
            folder.mkdir()
            make(folder / name)
            store = store_of(folder)
            store.load()
            report(f"{label} {make.__name__}", list(store.messages))
""")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and /dev are POSIX")
def test_fifos_and_devices_never_block_or_flood(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _BLOCKING_CASES, str(bundled_data_dir()), str(tmp_path)],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "CZT_DESKTOP_HOME": str(tmp_path / "home")})
    assert result.returncode == 0, result.stderr[-3000:]
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(reports) == 4 * 3 + 3 * 3
    for item in reports:
        messages = item["messages"]
        assert messages, item  # refused, and said so
        if item["case"].startswith("pack"):
            name = item["case"].split()[1]
            # A FIFO in the pack is no regular file; a link to /dev leaves the pack.
            assert any(m.startswith(name) and ("not a regular file" in m or "outside" in m)
                       for m in messages), item
        else:
            assert all("not a regular file" in m for m in messages), item


def test_the_generator_is_the_same_on_every_run() -> None:
    first = [_random_json_value(random.Random(SEED)) for _ in range(3)]
    assert first == [_random_json_value(random.Random(SEED)) for _ in range(3)]
    assert codecs.lookup("gb18030")  # the encodings the mutator uses exist here
