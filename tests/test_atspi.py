"""A screen reader's view: the real window under Xvfb, read and driven over AT-SPI.

Offscreen Qt publishes nothing to AT-SPI, so this starts a virtual X server, a session
D-Bus and the accessibility bus, runs the app on them, and uses Debian's pyatspi
(through ``tests/atspi_probe.py``) the way Orca would: list the stages and the panes by
name, then press a stage.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"


def _missing() -> str | None:
    if sys.platform != "linux":
        return "AT-SPI is Linux only"
    for tool in ("Xvfb", "dbus-launch"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (make test installs it)"
    if not Path(BUS_LAUNCHER).exists():
        return "at-spi2-core is not installed (make test installs it)"
    check = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True,
                           check=False)
    return None if check.returncode == 0 else "python3-pyatspi is not installed"


pytestmark = pytest.mark.skipif(_missing() is not None, reason=str(_missing()))


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[dict[str, str]]:
    """Environment of a fresh X display with a session bus and the AT-SPI bus."""
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0",
                             "1280x1024x24", "-nolisten", "tcp"], pass_fds=(write_end,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        display = ":" + pipe.readline().strip()
    bus = subprocess.run(["dbus-launch", "--sh-syntax"], capture_output=True, text=True,
                         check=True).stdout
    env = {**os.environ, "DISPLAY": display, "CZT_DESKTOP_HOME": str(tmp_path / "home")}
    env.pop("QT_QPA_PLATFORM", None)
    for line in bus.splitlines():
        if "=" in line and line.startswith("DBUS_SESSION_BUS"):
            key, value = line.split("=", 1)
            env[key] = value.split(";")[0].strip("'")
    launcher = subprocess.Popen([BUS_LAUNCHER, "--launch-immediately"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    try:
        yield env
    finally:
        _stop(launcher)
        os.kill(int(env["DBUS_SESSION_BUS_PID"]), signal.SIGTERM)
        _stop(xvfb)


def _probe(env: dict[str, str], *args: str) -> list[dict[str, object]]:
    result = subprocess.run([SYSTEM_PYTHON, str(HERE / "atspi_probe.py"), "czt-desktop",
                             *args], capture_output=True, text=True, env=env, timeout=60,
                            check=False)
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert rows and "error" not in rows[0], result.stdout + result.stderr
    return rows


def test_a_screen_reader_finds_and_presses_the_stages(desktop: dict[str, str]) -> None:
    env = {**desktop, "QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}
    app = subprocess.Popen([sys.executable, "-m", "czt_desktop", "--lang", "en"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        rows: list[dict[str, object]] = []
        while time.time() < deadline:
            rows = _probe(env)
            if any(r["role"] == "page tab" and r["name"] == "Check yourself" for r in rows):
                break  # the panes are built (right after the first paint)
            time.sleep(0.5)
        names = [(str(r["role"]), str(r["name"])) for r in rows]
        for years in ("1949–1979", "1980–1996", "1997–1999", "2000–2006", "2007–2019"):
            assert any(years in name and role == "radio button" for role, name in names), years
        tabs = [name for role, name in names if role == "page tab"]
        assert tabs == ["Overview", "Enterprises", "Plans and policies", "Statistics",
                        "Today", "Problems and ideas", "Map", "Check yourself"]

        pressed = _probe(env, "--press", "1997–1999")
        assert any("pressed" in r for r in pressed)
        deadline = time.time() + 20
        while time.time() < deadline:
            band = [r for r in _probe(env)
                    if r["role"] == "radio button" and "1997–1999" in str(r["name"])]
            if band and "checked" in band[0]["states"]:  # type: ignore[operator]
                break
            time.sleep(0.3)
        else:
            pytest.fail("pressing the 1997–1999 stage through AT-SPI did not select it")
    finally:
        _stop(app)
