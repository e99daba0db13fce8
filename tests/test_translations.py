"""Every UI string has a Chinese translation, and the shipped .qm matches the .ts."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "czt_desktop_zh_CN.ts"
QM = TS.with_suffix(".qm")


def test_every_message_is_translated() -> None:
    unfinished = [
        m.findtext("source")
        for m in ET.parse(TS).iter("message")
        if not (m.findtext("translation") or "").strip()
        or m.find("translation").get("type") in {"unfinished", "obsolete", "vanished"}  # type: ignore[union-attr]
    ]
    assert unfinished == []


def test_code_strings_are_all_in_the_catalogue(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(__import__("sys").executable).parent))
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed next to this Python")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "czt_desktop").rglob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code = {m.findtext("source") for m in ET.parse(fresh).iter("message")}
    in_catalogue = {m.findtext("source") for m in ET.parse(TS).iter("message")}
    assert in_code - in_catalogue == set(), "run 'make translations' and translate the new strings"


def test_compiled_catalogue_is_current(tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(__import__("sys").executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed next to this Python")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == QM.read_bytes(), "run 'make translations'"
