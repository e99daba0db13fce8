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
#: Every catalogue: Chinese, and English (the source language: plural forms only).
CATALOGUES = sorted((ROOT / "resources" / "translations").glob("*.ts"))


def _translated(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in {"unfinished", "obsolete",
                                                          "vanished"}:
        return False
    forms = [f.text or "" for f in translation.iter("numerusform")]
    return all(f.strip() for f in forms) if forms else bool((translation.text or "").strip())


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.name)
def test_every_message_is_translated(ts: Path) -> None:
    unfinished = [m.findtext("source") for m in ET.parse(ts).iter("message")
                  if not _translated(m)]
    assert unfinished == []


def test_every_count_has_plural_forms_in_english() -> None:
    """Text with a count (%n) reads right for 1 and for more in English too."""
    english = ROOT / "resources" / "translations" / "czt_desktop_en.ts"
    with_counts = {m.findtext("source") for m in ET.parse(TS).iter("message")
                   if m.get("numerus") == "yes"}
    forms = {m.findtext("source"): [f.text for f in m.iter("numerusform")]
             for m in ET.parse(english).iter("message")}
    assert with_counts and with_counts <= set(forms)
    assert all(len(forms[s]) == 2 for s in with_counts)


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


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.name)
def test_compiled_catalogue_is_current(tmp_path: Path, ts: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(__import__("sys").executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed next to this Python")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, str(ts), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), "run 'make translations'"
