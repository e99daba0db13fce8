"""Issue 21, item 10: a full disk never floods the terminal with logging tracebacks, and
faults.log is rotated like the main log."""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from czt_desktop import crash
from czt_desktop.logs import BACKUPS, MAX_BYTES, QuietStreamHandler, RotatingLog, setup_logging


@pytest.fixture
def logger() -> Iterator[logging.Logger]:
    logger = logging.getLogger("czt.test-full-disk")
    logger.propagate = False
    yield logger
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs Linux's /dev/full")
def test_a_full_disk_is_noted_once_and_then_logging_goes_on_quietly(
        tmp_path: Path, logger: logging.Logger, capfd: pytest.CaptureFixture[str]) -> None:
    handler = RotatingLog(Path("/dev/full"))  # every write: "No space left on device"
    logger.addHandler(handler)
    for number in range(50):
        logger.warning("record %d", number)
    err = capfd.readouterr().err
    assert err.count("cannot write the log") == 1
    assert "Traceback" not in err
    assert handler.lost == 50
    # The disk has room again (here: the log moved): the gap is noted in the log.
    handler.baseFilename = str(tmp_path / "app.log")
    logger.warning("back")
    text = (tmp_path / "app.log").read_text(encoding="utf-8")
    assert "back" in text and "50 record(s) were lost" in text
    assert handler.lost == 0
    assert capfd.readouterr().err == ""


def test_a_closed_terminal_is_not_worth_a_traceback(logger: logging.Logger,
                                                    capfd: pytest.CaptureFixture[str]) -> None:
    stream = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - closed on purpose
    stream.close()
    logger.addHandler(QuietStreamHandler(stream))
    for _ in range(5):
        logger.warning("nobody reads this")
    err = capfd.readouterr().err
    assert err.count("cannot write the log") == 1 and "Traceback" not in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_named_like_the_log_does_not_block_the_start(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "czt-desktop.log")
    try:
        assert setup_logging(tmp_path) is None
    finally:
        root = logging.getLogger("czt")
        for handler in list(root.handlers):
            root.removeHandler(handler)
            handler.close()


def test_faults_log_is_rotated_at_start(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    faults = tmp_path / crash.FAULT_LOG_NAME
    faults.write_text("old crash\n" * (MAX_BYTES // 10 + 1), encoding="utf-8")
    for number in range(1, BACKUPS + 1):
        (tmp_path / f"{crash.FAULT_LOG_NAME}.{number}").write_text(f"{number}", encoding="utf-8")
    monkeypatch.setattr(crash, "_fault_file", None)
    # The process's real fault handler (pytest's) stays as it is.
    enabled: list[object] = []
    monkeypatch.setattr(crash.faulthandler, "enable", enabled.append)
    saved = sys.excepthook, threading.excepthook
    try:
        crash.install_crash_handler(tmp_path)
        assert enabled == [crash._fault_file] and crash._fault_file is not None
    finally:
        if crash._fault_file is not None:
            crash._fault_file.close()
        sys.excepthook, threading.excepthook = saved
    assert faults.stat().st_size == 0
    assert (tmp_path / "faults.log.1").read_text(encoding="utf-8").startswith("old crash")
    assert (tmp_path / "faults.log.2").read_text(encoding="utf-8") == "1"
    assert (tmp_path / "faults.log.3").read_text(encoding="utf-8") == "2"
    assert not (tmp_path / "faults.log.4").exists()
