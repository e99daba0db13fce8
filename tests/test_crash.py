"""Unhandled errors end up in the user's log folder and reach the crash callback."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from czt_desktop.crash import install_crash_handler
from czt_desktop.logs import LOG_FILE_NAME, setup_logging


@pytest.fixture
def restore_hooks() -> Iterator[None]:
    saved = sys.excepthook, threading.excepthook
    yield
    sys.excepthook, threading.excepthook = saved
    for handler in list(logging.getLogger("czt").handlers):
        logging.getLogger("czt").removeHandler(handler)
        handler.close()


def test_unhandled_exception_is_logged_and_reported(tmp_path: Path, restore_hooks: None) -> None:
    log_file = setup_logging(tmp_path)
    seen: list[str] = []
    install_crash_handler(tmp_path, seen.append)
    try:
        raise ValueError("a slot went wrong")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert log_file == tmp_path / LOG_FILE_NAME
    logged = log_file.read_text(encoding="utf-8")
    assert "ValueError: a slot went wrong" in logged
    assert "Traceback" in logged
    assert seen and "a slot went wrong" in seen[0]


def test_exceptions_in_threads_are_caught_too(tmp_path: Path, restore_hooks: None) -> None:
    setup_logging(tmp_path)
    seen: list[str] = []
    install_crash_handler(tmp_path, seen.append)

    def work() -> None:
        raise RuntimeError("worker failed")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen and "worker failed" in seen[0]


def test_a_failing_crash_dialog_does_not_crash(tmp_path: Path, restore_hooks: None) -> None:
    setup_logging(tmp_path)

    def broken(_: str) -> None:
        raise OSError("no screen")

    install_crash_handler(tmp_path, broken)
    try:
        raise KeyError("x")
    except KeyError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)  # must not raise
    assert "the crash callback failed" in (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")


def test_unwritable_log_folder_is_not_fatal(tmp_path: Path, restore_hooks: None) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert setup_logging(blocker / "logs") is None


def test_the_log_file_rolls_over_and_keeps_three_old_ones(tmp_path: Path) -> None:
    from czt_desktop.logs import RotatingLog

    handler = RotatingLog(tmp_path / "app.log", max_bytes=200, backups=3)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("czt.test-rotation")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for number in range(100):
            logger.warning("line %03d of a long-running kiosk's log", number)
    finally:
        logger.removeHandler(handler)
        handler.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["app.log", "app.log.1", "app.log.2", "app.log.3"]
    assert all(p.stat().st_size < 300 for p in tmp_path.iterdir())
    assert "line 099" in (tmp_path / "app.log").read_text(encoding="utf-8")
