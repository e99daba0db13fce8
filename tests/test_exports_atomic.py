"""Issue 21, nothing lost: the view and the handout are written all at once; a failed
export leaves the earlier file whole, leaves no temporary file and says why."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from czt_desktop import atomic
from czt_desktop.content import Content
from czt_desktop.settings import SettingsStore
from czt_desktop.ui.assemble import open_window
from czt_desktop.ui.handout.writer import write_handout


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(_src: object, _dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full)


def test_a_view_export_is_written_whole_or_not_at_all(
        qtbot: QtBot, content: Content, home: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    store = SettingsStore(home / "config")
    window = open_window(content, store, store.load())
    qtbot.addWidget(window)
    window.show()
    out = tmp_path / "exports" / "view.png"
    out.parent.mkdir()
    out.write_bytes(b"last week's view")
    with monkeypatch.context() as patch:
        _full_disk(patch)
        assert not window.export_view(out)
    assert out.read_bytes() == b"last week's view"
    assert [p.name for p in out.parent.iterdir()] == ["view.png"]  # no temporary file left
    message = window.statusBar().currentMessage()
    assert str(out) in message and "the disk is full" in message
    assert window.export_view(out)
    assert out.read_bytes().startswith(b"\x89PNG")


def test_a_handout_is_written_whole_or_not_at_all(
        qapp: QApplication, content: Content, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "handout.pdf"
    out.write_bytes(b"%PDF last week's handout")
    _full_disk(monkeypatch)
    with pytest.raises(OSError, match=r"cannot write the handout to .*: the disk is full"):
        write_handout(content, "en", [1], out)
    assert out.read_bytes() == b"%PDF last week's handout"
    assert [p.name for p in tmp_path.iterdir()] == ["handout.pdf"]
