"""build_spec/glibc_floor.py: the glibc a Linux bundle needs, read from its ELF files
(the portable build and CI check bundles with it; the archive's README states it)."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import sysconfig
import zlib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files")


def _load() -> ModuleType:
    path = ROOT / "build_spec" / "glibc_floor.py"
    spec = importlib.util.spec_from_file_location("glibc_floor", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


glibc_floor = _load()


def _a_library() -> Path:
    """A shared library of this Python that asks for glibc versions (libpython, or the
    first extension module)."""
    libdir = Path(sysconfig.get_config_var("LIBDIR") or "")
    candidates = [*libdir.glob("libpython3*.so*"),
                  *Path(sysconfig.get_paths()["platstdlib"], "lib-dynload").glob("*.so")]
    return next(p for p in candidates if p.is_file() and not p.is_symlink())


@pytest.mark.skipif(shutil.which("readelf") is None, reason="needs binutils to compare")
def test_reads_the_glibc_versions_readelf_shows() -> None:
    library = _a_library()
    shown = subprocess.run(["readelf", "-V", "-W", str(library)], capture_output=True,
                           text=True, check=True).stdout
    expected = set(re.findall(r"Name: GLIBC_([0-9.]+)", shown))
    assert expected
    assert glibc_floor.glibc_versions(library.read_bytes()) == expected
    assert glibc_floor.glibc_versions(b"not an ELF file") == set()


def test_the_floor_counts_libraries_stored_compressed(tmp_path: Path) -> None:
    library = _a_library()
    highest = max(glibc_floor.glibc_versions(library.read_bytes()), key=glibc_floor.version_key)
    (tmp_path / "_internal").mkdir()
    (tmp_path / "_internal" / "data.txt").write_text("not ELF")
    (tmp_path / "_internal" / "libx.so.z").write_bytes(zlib.compress(library.read_bytes()))
    floor, needs, files, compressed = glibc_floor.floor_of(tmp_path)
    assert (floor, files, compressed) == (highest, 1, 1)
    assert needs[highest] == [str(Path("_internal", "libx.so.z")) + " (stored compressed)"]


def test_releases_named_for_a_floor() -> None:
    assert glibc_floor.systems_from("2.31").startswith(
        "Debian 11 or newer, Ubuntu 20.04 or newer")
    assert "RHEL/Rocky/AlmaLinux 9 or newer" in glibc_floor.systems_from("2.31")
    assert "Debian 12 or newer, Ubuntu 24.04 or newer" in glibc_floor.systems_from("2.36")
    assert "RHEL" not in glibc_floor.systems_from("2.36")


def test_readme_states_the_floor_or_the_build_systems_glibc(tmp_path: Path) -> None:
    library = _a_library()
    highest = max(glibc_floor.glibc_versions(library.read_bytes()), key=glibc_floor.version_key)
    (tmp_path / "lib.so").write_bytes(library.read_bytes())
    template = (ROOT / "build_spec" / "README-linux.txt").read_text(encoding="utf-8")
    assert "@GLIBC_FLOOR@" in template and "@GLIBC_SYSTEMS@" in template
    readme = glibc_floor.fill_readme(template, tmp_path)
    assert "@" not in readme.replace("@GLIBC", "")  # no placeholder left
    assert f"glibc {highest} or newer" in readme
    filled = readme[readme.index("- Linux on x86-64"):].split("\n- ", 1)[0]
    assert all(len(line) <= 86 for line in filled.splitlines()), filled
    # Built on a newer glibc than the files ask for: the build system's is stated.
    readme = glibc_floor.fill_readme(template, tmp_path, at_least="9.99")
    assert "glibc 9.99 or newer" in readme
