"""The kiosk on a real X server with a real window manager (Xvfb and openbox): what the
desktop does to the window is undone by the watchdog, a second kiosk on the display is
refused, and SIGTERM ends the kiosk cleanly.

The window manager is driven with wmctrl and read with xprop, as an administrator (or a
stray key binding) would. Skipped where these are not installed;
``tools/install-system-deps.sh --test`` (``make test``) installs them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from czt_desktop.kiosk.display_lock import ALREADY_RUNNING_EXIT_CODE

TOOLS = ("Xvfb", "openbox", "wmctrl", "xprop")
#: Generous: the watchdog reacts within ≈ 1.5 s; a loaded CI machine is slower.
PATIENCE = 30.0


def _missing() -> str | None:
    if sys.platform != "linux":
        return "X11 window managers: Linux only here"
    for tool in TOOLS:
        if shutil.which(tool) is None:
            return f"{tool} is not installed (tools/install-system-deps.sh --test)"
    return None


pytestmark = pytest.mark.skipif(_missing() is not None, reason=str(_missing()))


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _until(condition: Callable[[], bool], what: str, timeout: float = PATIENCE) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"not within {timeout:.0f} s: {what}")
        time.sleep(0.1)


def _run(env: dict[str, str], *command: str) -> str:
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=20,
                          check=False)
    return done.stdout if done.returncode == 0 else ""


@pytest.fixture(scope="module")
def x_display(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A fresh X display (Xvfb) managed by openbox, with its four desktops."""
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0",
                             "1024x768x24", "-nolisten", "tcp"], pass_fds=(write_end,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        display = ":" + pipe.readline().strip()
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
           "HOME": str(tmp_path_factory.mktemp("x11-home"))}
    env.pop("XDG_RUNTIME_DIR", None)
    openbox = subprocess.Popen(["openbox", "--sm-disable"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _until(lambda: "openbox" in _run(env, "wmctrl", "-m").lower(), "openbox runs")
        _until(lambda: len(_run(env, "wmctrl", "-d").splitlines()) >= 3, "3 desktops")
        yield env
    finally:
        _stop(openbox)
        _stop(xvfb)


@dataclass
class Kiosk:
    process: subprocess.Popen[bytes]
    window: str  # "0x…"
    env: dict[str, str]
    home: Path


def _kiosk_window(env: dict[str, str], pid: int) -> str | None:
    for line in _run(env, "wmctrl", "-l", "-p").splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[2] == str(pid):
            return parts[0]
    return None


@pytest.fixture(scope="module")
def kiosk(x_display: dict[str, str],
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kiosk]:
    home = tmp_path_factory.mktemp("x11-kiosk")
    (home / "config").mkdir()
    (home / "config" / "kiosk.json").write_text(json.dumps({
        "idle_seconds": 600, "countdown_seconds": 60, "attract_seconds_per_slide": 60,
        "default_language": "en"}), encoding="utf-8")
    env = {**x_display, "CZT_DESKTOP_HOME": str(home)}
    process = subprocess.Popen([sys.executable, "-m", "czt_desktop", "--kiosk"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    log = home / "log" / "czt-desktop.log"
    try:
        _until(lambda: process.poll() is not None or (
            log.is_file() and "kiosk mode on" in log.read_text(encoding="utf-8")),
            "the kiosk starts", timeout=120)
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        window = None

        def found() -> bool:
            nonlocal window
            window = _kiosk_window(env, process.pid)
            return window is not None

        _until(found, "the kiosk's window is managed")
        assert window is not None
        yield Kiosk(process, window, env, home)
    finally:
        _stop(process)
        if process.stderr is not None:
            process.stderr.close()


def _desktops(kiosk: Kiosk) -> tuple[int | None, int | None]:
    """(the current desktop, the kiosk window's desktop)."""
    current = next((int(line.split()[0]) for line in _run(kiosk.env, "wmctrl", "-d")
                    .splitlines() if line.split()[1:2] == ["*"]), None)
    mine = next((int(line.split()[1]) for line in _run(kiosk.env, "wmctrl", "-l")
                 .splitlines() if line.split()[0] == kiosk.window), None)
    return current, mine


def _state(kiosk: Kiosk) -> set[str]:
    text = _run(kiosk.env, "xprop", "-id", kiosk.window, "_NET_WM_STATE")
    return set(re.findall(r"_NET_WM_STATE_([A-Z_]+)", text))


def _active(kiosk: Kiosk) -> bool:
    text = _run(kiosk.env, "xprop", "-root", "_NET_ACTIVE_WINDOW")
    found = re.search(r"0x[0-9a-f]+", text)
    return found is not None and int(found.group(0), 16) == int(kiosk.window, 16)


def _at_home(kiosk: Kiosk) -> bool:
    current, mine = _desktops(kiosk)
    return current is not None and mine == current and {"ABOVE", "FULLSCREEN"} <= \
        _state(kiosk) and "HIDDEN" not in _state(kiosk) and _active(kiosk)


def _settled(kiosk: Kiosk) -> bool:
    """At home, and still so a little later: the watchdog has seen all is well (else
    the next test's trouble would count as the same trouble going on, and the watchdog
    would wait longer before it acts)."""
    if not _at_home(kiosk):
        return False
    time.sleep(0.6)
    return _at_home(kiosk)


def test_the_kiosk_starts_full_screen_on_top_and_focused(kiosk: Kiosk) -> None:
    _until(lambda: _settled(kiosk), "full screen, on top, focused, on the current desktop")


def test_a_desktop_switch_brings_the_kiosk_along(kiosk: Kiosk) -> None:
    _run(kiosk.env, "wmctrl", "-s", "1")
    _until(lambda: _desktops(kiosk) == (1, 1) and _settled(kiosk),
           "the kiosk on desktop 1 with it")
    _run(kiosk.env, "wmctrl", "-s", "0")
    _until(lambda: _desktops(kiosk) == (0, 0) and _settled(kiosk),
           "the kiosk back on desktop 0")


def test_a_kiosk_sent_to_another_desktop_comes_back(kiosk: Kiosk) -> None:
    _run(kiosk.env, "wmctrl", "-i", "-r", kiosk.window, "-t", "2")
    _until(lambda: _desktops(kiosk)[1] == 2 or _at_home(kiosk), "the window left")
    _until(lambda: _desktops(kiosk) == (0, 0) and _settled(kiosk),
           "the kiosk back on the current desktop")


def test_always_on_top_taken_away_is_put_back(kiosk: Kiosk) -> None:
    _run(kiosk.env, "wmctrl", "-i", "-r", kiosk.window, "-b", "remove,above")
    _until(lambda: "ABOVE" in _state(kiosk) and _settled(kiosk), "on top again")


def test_a_second_kiosk_on_the_display_is_refused(kiosk: Kiosk) -> None:
    second = subprocess.run([sys.executable, "-m", "czt_desktop", "--kiosk"],
                            env=kiosk.env, capture_output=True, text=True, timeout=120,
                            check=False)
    assert second.returncode == ALREADY_RUNNING_EXIT_CODE, second.stderr
    assert "already runs on this display" in second.stderr
    assert f"process {kiosk.process.pid}" in second.stderr
    assert kiosk.process.poll() is None and _at_home(kiosk)  # the first one is unmoved


def test_sigterm_ends_the_kiosk_cleanly(kiosk: Kiosk) -> None:
    kiosk.process.send_signal(signal.SIGTERM)
    assert kiosk.process.wait(timeout=60) == 128 + signal.SIGTERM
    stderr = kiosk.process.stderr.read().decode() if kiosk.process.stderr else ""
    assert "Traceback" not in stderr
    with sqlite3.connect(kiosk.home / "data" / "kiosk-usage.sqlite3") as db:
        kinds = [kind for (kind,) in db.execute("SELECT kind FROM events ORDER BY id")]
    assert kinds[0] == "kiosk-start" and kinds[-1] == "kiosk-stop"
    log = (kiosk.home / "log" / "czt-desktop.log").read_text(encoding="utf-8")
    assert "SIGTERM received" in log and "taking it back" in log
