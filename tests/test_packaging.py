"""The packaging files agree with the app: icons, desktop entry, AppStream, spec, hooks.

The bundle itself is built and self-tested by build_spec/build.sh (slow, not here);
these checks catch the cheap mistakes: a version bump without a release entry, an id
typo, a Qt module the code starts using while the spec still leaves it out.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import os
import re
import runpy
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image

from czt_desktop import APP_ID, __version__

ROOT = Path(__file__).resolve().parent.parent
SPEC_DIR = ROOT / "build_spec"
ICONS = ROOT / "resources" / "icons"


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_icons_are_made_from_the_one_svg() -> None:
    assert (ICONS / "czt-desktop.svg").is_file()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(ICONS / f"czt-desktop-{size}.png") as image:
            assert image.size == (size, size)
    with Image.open(ICONS / "czt-desktop.png") as window_icon:
        assert window_icon.size == (256, 256)
    with Image.open(ICONS / "czt-desktop.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    assert (ICONS / "czt-desktop.icns").read_bytes()[:4] == b"icns"


def test_desktop_entry_and_metainfo_name_this_app_and_version() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(SPEC_DIR / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Icon"] == APP_ID
    assert desktop["Exec"].split()[0] == "czt-desktop"
    assert "Education" in desktop["Categories"].split(";")

    component = ET.parse(SPEC_DIR / f"{APP_ID}.metainfo.xml").getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == f"{APP_ID}.desktop"
    assert component.findtext("project_license") == "MIT"
    versions = [r.get("version") for r in component.iter("release")]
    assert __version__ in versions, "add a <release> for this version to the metainfo"


def test_the_spec_keeps_every_qt_module_the_app_imports() -> None:
    spec_text = (SPEC_DIR / "czt_desktop.spec").read_text(encoding="utf-8")
    block = re.search(r"QT_MODULES_UNUSED = (\[.*?\])", spec_text, re.S)
    assert block is not None
    excluded = set(ast.literal_eval(block.group(1)))
    used = set()
    for path in (ROOT / "czt_desktop").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    used |= {"QtSvg"}  # matplotlib's Qt backend imports it
    assert used and not used & excluded, used & excluded


def test_icu_data_rules_keep_what_qt_asks_for() -> None:
    slimming = _load(SPEC_DIR / "slimming.py")
    kept = ["coll/root.res", "coll/zh.res", "coll/zh_Hans_CN.res", "coll/ucadata.icu",
            "coll/res_index.res", "root.res", "zh.res", "zh_Hans_CN.res", "en.res",
            "en_US_POSIX.res", "res_index.res", "pool.res", "cnvalias.icu", "zoneinfo64.res",
            "likelySubtags.res", "supplementalData.res", "timezoneTypes.res", "nfkc.nrm"]
    dropped = ["coll/de.res", "coll/ja.res", "fr.res", "ast.res", "curr/zh.res",
               "zone/en.res", "brkitr/cjdict.dict", "translit/root.res",
               "ibm-1047_P100-1995.cnv", "gb18030.cnv", "unames.icu", "rfc3491.spp"]
    assert slimming._icu_items_to_drop(kept + dropped) == dropped


def test_matplotlib_hook_uses_the_apps_cache_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hook = SPEC_DIR / "hooks" / "rthooks" / "pyi_rth_czt_mplconfig.py"
    monkeypatch.setenv("CZT_DESKTOP_HOME", str(tmp_path))
    monkeypatch.delenv("MPLCONFIGDIR", raising=False)
    runpy.run_path(str(hook))
    assert os.environ["MPLCONFIGDIR"] == str(tmp_path / "cache" / "matplotlib")
    assert (tmp_path / "cache" / "matplotlib").is_dir()

    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "mine"))
    runpy.run_path(str(hook))
    assert os.environ["MPLCONFIGDIR"] == str(tmp_path / "mine")  # the user's choice wins
    registered = ast.literal_eval((SPEC_DIR / "hooks" / "rthooks.dat").read_text())
    assert registered == {"matplotlib": [hook.name]}


# -- libraries stored compressed (slimming.pack_libraries + pyi_rth_czt_packed.py) ----------
SITE = Path(importlib.util.find_spec("PIL").origin).parent.parent  # type: ignore[arg-type,union-attr]
PACKED_HOOK = SPEC_DIR / "hooks" / "rthooks" / "pyi_rth_czt_packed.py"
#: Loads Pillow's C module through the hook from a fake bundle, as the bundle would, and
#: uses its JPEG and TIFF libraries (which are packed too).
PACKED_PROBE = r"""
import io, os, runpy, sys
sys._MEIPASS = sys.argv[1]
if sys.argv[2] == "no-memfd":
    del os.memfd_create
runpy.run_path(sys.argv[3])
import PIL._imaging
from PIL import Image
for fmt in ("JPEG", "TIFF", "PNG"):
    Image.new("RGB", (8, 8), "red").save(io.BytesIO(), fmt)
maps = open("/proc/self/maps").read()
print(PIL._imaging.__file__)
print(" ".join(name for name in ("memfd:_imaging", "memfd:libtiff", "memfd:libjpeg", "czt-lib-")
               if name in maps))
"""


def _pillow_entries() -> list[tuple[str, str, str]]:
    imaging = next((SITE / "PIL").glob("_imaging.cpython-*.so"))
    entries = [(f"PIL/{imaging.name}", str(imaging), "EXTENSION")]
    entries += [(f"pillow.libs/{lib.name}", str(lib), "BINARY")
                for lib in sorted((SITE / "pillow.libs").iterdir())]
    return entries


def _fake_bundle(tmp_path: Path) -> Path:
    slimming = _load(SPEC_DIR / "slimming.py")
    binaries, datas, saved = slimming.pack_libraries(_pillow_entries(), [], tmp_path / "work",
                                                     ["PIL", "pillow.libs"])
    assert binaries == [] and saved > 1_000_000
    root = tmp_path / "bundle"
    for dest, src, _kind in datas:
        (root / dest).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, root / dest)
    return root


needs_elf_tools = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("readelf") is None
    or not (SITE / "pillow.libs").is_dir(),
    reason="Linux with binutils and a manylinux Pillow wheel")


@needs_elf_tools
def test_packed_manifest_lists_modules_and_the_libraries_they_link_to(tmp_path: Path) -> None:
    root = _fake_bundle(tmp_path)
    rows = [line.split("\t") for line in (root / "czt_packed.txt").read_text().splitlines()
            if not line.startswith("#")]
    imaging = next(row for row in rows if row[0] == "ext")
    assert imaging[2] == "PIL._imaging"
    assert any(dep.startswith("pillow.libs/libtiff-") for dep in imaging[3].split(","))
    libtiff = next(row for row in rows if row[1].startswith("pillow.libs/libtiff-"))
    assert libtiff[0] == "lib" and "pillow.libs/libjpeg-" in libtiff[3]
    assert not list(root.rglob("*.so")) and list(root.rglob("*.so.z"))


@needs_elf_tools
@pytest.mark.parametrize("where", ["memfd", "no-memfd"])
def test_packed_libraries_load_through_the_runtime_hook(tmp_path: Path, where: str) -> None:
    root = _fake_bundle(tmp_path)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", PACKED_PROBE, str(root), where, str(PACKED_HOOK)],
        capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "TMPDIR": str(scratch)})
    assert result.returncode == 0, result.stderr
    module_file, seen = result.stdout.splitlines()
    assert module_file == str(next((root / "PIL").glob("_imaging.cpython-*.so.z")))[:-2]
    if where == "memfd":
        assert seen.split() == ["memfd:_imaging", "memfd:libtiff", "memfd:libjpeg"]
    else:  # no memfd: written to a private temporary folder, deleted once loaded
        assert seen.split() == ["czt-lib-"]
        assert list(scratch.iterdir()) == []


@needs_elf_tools
def test_pack_libraries_refuses_when_an_unpacked_file_links_to_a_packed_one(
        tmp_path: Path) -> None:
    slimming = _load(SPEC_DIR / "slimming.py")
    with pytest.raises(SystemExit, match="libtiff"):
        slimming.pack_libraries(_pillow_entries(), [], tmp_path, ["pillow.libs"])


def test_packed_packages_are_not_imported_before_the_first_paint(tmp_path: Path) -> None:
    """Packing costs a decompression at import: only free for what loads after the paint."""
    spec_text = (SPEC_DIR / "czt_desktop.spec").read_text(encoding="utf-8")
    block = re.search(r"PACKED_FOLDERS = (\(.*?\))", spec_text, re.S)
    assert block is not None
    folders = ast.literal_eval(block.group(1))
    packages = {folder.split(".")[0] for folder in folders if not folder.endswith(".libs")}
    assert packages >= {"numpy", "pandas", "PIL"} and "PySide6" not in packages
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CZT_DESKTOP_HOME": str(tmp_path)}
    command = [sys.executable, "-X", "importtime", "-m", "czt_desktop",
               "--exit-after-first-paint"]
    subprocess.run(command, capture_output=True, env=env, timeout=120, check=True)  # caches
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120,
                            check=True)
    assert "first-paint" in result.stdout
    imported = {line.rsplit("|", 1)[1].strip().split(".")[0]
                for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "PySide6" in imported and not imported & packages, imported & packages
