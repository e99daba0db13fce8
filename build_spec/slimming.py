"""Size reductions the spec applies to PyInstaller's list of binaries (Linux).

Each step is safe by construction and checked by ``czt-desktop --self-test`` on the
built bundle (it loads every library these steps touch):

- :func:`linked_closure` drops shared libraries that no kept file links to (they came
  in with Qt plugins the spec leaves out).
- :func:`strip_debug_info` removes debug sections (``strip --strip-debug``) from files
  the compiler made and nothing rewrote since: Python's own libpython and lib-dynload
  modules, and wheel extension modules that link no bundled library. Libraries that
  auditwheel/patchelf rewrote (everything in a wheel's ``*.libs`` folder, and modules
  with an RPATH into one) are never touched: strip breaks their layout ("ELF load
  command address/offset not page-aligned", measured here with numpy).
- :func:`shrink_icu_data` replaces Qt's 32 MB ICU data library by one with only what a
  Chinese/English app can ask ICU for (collation, break rules, normalisation, locale
  and time-zone basics for root, zh and en), made with ICU's own ``icupkg``.
- :func:`pack_libraries` stores the libraries of packages that load only after the
  first paint (numpy with OpenBLAS, pandas, Pillow) zlib-compressed; the run-time hook
  ``hooks/rthooks/pyi_rth_czt_packed.py`` decompresses them into memory when imported.

Pure functions of (dest, src, typecode) lists; the spec prints what they did.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

Entry = tuple[str, str, str]


def _elf_sections_and_dynamic(path: Path) -> tuple[set[str], str]:
    """Section names and the dynamic section text of an ELF file (via readelf)."""
    sections = subprocess.run(["readelf", "-S", "-W", str(path)], capture_output=True,
                              text=True, check=False).stdout
    names = set(re.findall(r"\]\s+(\.\S+)", sections))
    dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True,
                             check=False).stdout
    return names, dynamic


def linked_closure(binaries: list[Entry], get_imports) -> tuple[list[Entry], list[str]]:
    """Keep what the Python extension modules, libpython and the kept Qt plugins need.

    ``get_imports(path)`` is PyInstaller's ``bindepend.get_imports``: the (name, path)
    of each library a file links to. Returns (kept entries, dropped destination names).
    """
    by_name: dict[str, list[Entry]] = {}
    for entry in binaries:
        by_name.setdefault(os.path.basename(entry[0]), []).append(entry)
    todo = [entry for entry in binaries
            if entry[2] == "EXTENSION" or "/plugins/" in entry[0].replace("\\", "/")
            or os.path.basename(entry[0]).startswith("libpython")]
    kept: set[str] = set()
    while todo:
        dest, src, _kind = todo.pop()
        if dest in kept:
            continue
        kept.add(dest)
        for name, _resolved in get_imports(src):
            todo.extend(e for e in by_name.get(os.path.basename(name), ()) if e[0] not in kept)
    dropped = sorted(dest for dest, _src, _kind in binaries if dest not in kept)
    return [entry for entry in binaries if entry[0] in kept], dropped


def without_dangling_symlinks(datas: list[Entry], binaries: list[Entry]) -> list[Entry]:
    """Drop SYMLINK entries whose target is no longer among the binaries."""
    present = {dest.replace("\\", "/") for dest, _src, _kind in binaries}
    present |= {dest.replace("\\", "/") for dest, _src, _kind in datas}
    return [(dest, src, kind) for dest, src, kind in datas
            if kind != "SYMLINK" or src.replace("\\", "/") in present]


def _strippable(src: Path, python_home: Path) -> bool:
    sections, dynamic = _elf_sections_and_dynamic(src)
    if not any(name.startswith(".debug_") for name in sections):
        return False
    if python_home in src.parents:
        return True  # the interpreter's own files: compiler output, never patched
    if any(part.endswith(".libs") for part in src.parts):
        return False  # grafted by auditwheel, rewritten by patchelf
    # An RPATH/RUNPATH means patchelf pointed it at a grafted folder: leave it alone.
    return "RPATH" not in dynamic and "RUNPATH" not in dynamic


def strip_debug_info(binaries: list[Entry], workdir: Path) -> tuple[list[Entry], int]:
    """Copies of the strippable files without debug sections; returns (entries, bytes saved)."""
    strip = shutil.which("strip")
    if strip is None or shutil.which("readelf") is None:
        print("slimming: strip/readelf not found (binutils); nothing stripped")
        return binaries, 0
    python_home = Path(sys.base_prefix).resolve()
    out_dir = workdir / "stripped"
    out_dir.mkdir(parents=True, exist_ok=True)
    saved = 0
    result: list[Entry] = []
    for dest, src, kind in binaries:
        source = Path(src).resolve()
        if source.suffix in {".dll", ".dylib", ".pyd"} or not _strippable(source, python_home):
            result.append((dest, src, kind))
            continue
        target = out_dir / dest.replace("/", "__")
        if not target.is_file() or target.stat().st_mtime < source.stat().st_mtime:
            shutil.copy2(source, target)
            subprocess.run([strip, "--strip-debug", str(target)], check=True)
        saved += source.stat().st_size - target.stat().st_size
        result.append((dest, str(target), kind))
    return result, saved


#: ICU data items a Qt Widgets app in Chinese and English can need. QtCore 6 calls ICU
#: only for collation (ucol_*: QCollator, localeAwareCompare), legacy text codecs
#: (ucnv_*), time-zone names (ucal_*) and case mapping (u_strTo*, built into the code);
#: its locale data (QLocale), text breaking and normalisation are Qt's own. Python
#: does not use ICU. (List the imports with: readelf --dyn-syms libQt6*.so | grep _73.)
_KEPT_LOCALES = re.compile(r"^(root|zh|zh_.*|en|en_.*|res_index|pool)\.res$")
_LOCALE_FILE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")
#: Whole trees nothing of ours reads: currency, language, region, unit and time-zone
#: display names, spelled-out numbers, transliteration.
_DROPPED_TREES = {"curr", "lang", "region", "unit", "zone", "rbnf", "translit"}
#: Break iteration (rules and the CJK/Thai/... dictionaries) is not called by Qt.
_DROPPED_TREES |= {"brkitr"}
#: Character names, IDNA and stringprep profiles, emoji and layout properties (used by
#: ICU's break iterators and IDNA, which Qt does not call).
_DROPPED_ITEMS = {"unames.icu", "uts46.nrm", "uemoji.icu", "ulayout.icu"}


def _icu_items_to_drop(items: Iterable[str]) -> list[str]:
    drop = []
    for item in items:
        folder, _, name = item.rpartition("/")
        if (folder in _DROPPED_TREES
                or name.endswith(".cnv")  # legacy text encodings: the app reads UTF-8
                or name.startswith("confusables")  # spoof checking
                or name in _DROPPED_ITEMS
                or name.endswith(".spp")
                or (_LOCALE_FILE.match(name) and not _KEPT_LOCALES.match(name))):
            drop.append(item)
    return drop


def shrink_icu_data(binaries: list[Entry], workdir: Path) -> tuple[list[Entry], int]:
    """Swap ``libicudata.so.NN`` for a reduced build; returns (entries, bytes saved)."""
    index = next((i for i, (dest, _s, _k) in enumerate(binaries)
                  if re.fullmatch(r"libicudata\.so\.\d+", os.path.basename(dest))), None)
    if index is None:
        return binaries, 0
    tools = {name: shutil.which(name) for name in ("icupkg", "cc", "readelf")}
    if not all(tools.values()):
        missing = " ".join(name for name, path in tools.items() if not path)
        print(f"slimming: {missing} not found (Debian: icu-devtools, gcc, binutils); "
              "ICU data left whole (+26 MB)")
        return binaries, 0
    dest, src, kind = binaries[index]
    source = Path(src).resolve()
    soname = os.path.basename(dest)
    major = soname.rsplit(".", 1)[1]
    symbol = f"icudt{major}_dat"
    out = workdir / "icu"
    target = out / soname
    # Rebuilt every time (about a second): the result depends on the rules above too.
    if True:
        out.mkdir(parents=True, exist_ok=True)
        package = _extract_icu_package(source, symbol, out / f"icudt{major}l.dat")
        listing = subprocess.run([tools["icupkg"], "-l", str(package)], capture_output=True,
                                 text=True, check=True).stdout.split()
        (out / "drop.txt").write_text("\n".join(_icu_items_to_drop(listing)) + "\n")
        small = out / "small" / package.name  # same name: icupkg keeps the item prefix
        small.parent.mkdir(exist_ok=True)
        # --ignore-deps: dropped locales are parents only of other dropped locales, and
        # the dropped dictionaries are optional to the break rules. An older icupkg
        # (ICU 67 of Debian 11, the portable build) has no such option and does not
        # check: it makes the same file without it (compared byte for byte).
        usage = subprocess.run([tools["icupkg"], "--help"], capture_output=True, text=True,
                               check=False)
        ignore_deps = ["--ignore-deps"] if "--ignore-deps" in usage.stdout + usage.stderr \
            else []
        subprocess.run([tools["icupkg"], *ignore_deps, "-r", str(out / "drop.txt"),
                        str(package), str(small)], check=True, capture_output=True)
        assembly = out / "icudata.S"
        assembly.write_text(
            "    .section .rodata\n"
            f"    .globl {symbol}\n"
            f"    .type {symbol}, @object\n"
            "    .balign 16\n"
            f"{symbol}:\n"
            f'    .incbin "{small}"\n'
            f"    .size {symbol}, .-{symbol}\n"
            '    .section .note.GNU-stack,"",@progbits\n'
        )
        subprocess.run([tools["cc"], "-shared", "-nostdlib", f"-Wl,-soname,{soname}",
                        "-o", str(target), str(assembly)], check=True)
    binaries = list(binaries)
    binaries[index] = (dest, str(target), kind)
    return binaries, source.stat().st_size - target.stat().st_size


def _extract_icu_package(library: Path, symbol: str, out: Path) -> Path:
    """The ICU data package (.dat) that ``library`` carries in ``symbol``."""
    symbols = subprocess.run(["readelf", "--dyn-syms", "-W", str(library)],
                             capture_output=True, text=True, check=True).stdout
    match = re.search(rf"\s([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+(\d+)"
                      rf"\s+{symbol}\b", symbols)
    if match is None:
        raise RuntimeError(f"{library} has no symbol {symbol}")
    address, size = int(match.group(1), 16), int(match.group(2), 0)
    section_index = int(match.group(3))
    sections = subprocess.run(["readelf", "-S", "-W", str(library)], capture_output=True,
                              text=True, check=True).stdout
    row = re.search(rf"\[\s*{section_index}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)",
                    sections)
    if row is None:
        raise RuntimeError(f"cannot find section {section_index} of {library}")
    section_address, section_offset = int(row.group(1), 16), int(row.group(2), 16)
    with library.open("rb") as handle:
        handle.seek(address - section_address + section_offset)
        out.write_bytes(handle.read(size))
    return out


#: Where packed files are listed for the run-time hook (hooks/rthooks/pyi_rth_czt_packed.py).
PACKED_MANIFEST = "czt_packed.txt"


def _dynamic_entries(path: Path) -> tuple[str | None, list[str]]:
    """(DT_SONAME or None, DT_NEEDED names) of an ELF file."""
    dynamic = subprocess.run(["readelf", "-d", "-W", str(path)], capture_output=True,
                             text=True, check=True).stdout
    soname = re.search(r"\(SONAME\)\s+Library soname: \[(.+?)\]", dynamic)
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", dynamic)
    return (soname.group(1) if soname else None), needed


def _module_name(dest: str) -> str:
    """``numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so`` ->
    ``numpy._core._multiarray_umath``."""
    from importlib.machinery import EXTENSION_SUFFIXES

    for suffix in sorted(EXTENSION_SUFFIXES, key=len, reverse=True):
        if dest.endswith(suffix):
            return dest[: -len(suffix)].replace("/", ".")
    raise ValueError(f"{dest} does not end with an extension-module suffix")


def pack_libraries(binaries: list[Entry], datas: list[Entry], workdir: Path,
                   folders: Iterable[str]) -> tuple[list[Entry], list[Entry], int]:
    """Store the ELF files under ``folders`` (bundle paths) zlib-compressed.

    Only for packages imported after the first paint: their files are decompressed into
    memory at import (about 4 ms per MB here), never before the window is on screen.
    Each packed file becomes ``<dest>.z`` among the datas, plus one manifest line for the
    run-time hook: kind, path, module name, and the packed files it links to (loaded
    first, so the dynamic loader finds them by soname). Refuses (SystemExit) when a file
    left unpacked links to a packed one: nothing would load it first.
    Returns (binaries, datas, bytes saved).
    """
    import zlib

    prefixes = tuple(folder.rstrip("/") + "/" for folder in folders)
    chosen = [entry for entry in binaries if entry[0].replace("\\", "/").startswith(prefixes)]
    if not chosen:
        return binaries, datas, 0
    if shutil.which("readelf") is None:
        print("slimming: readelf not found (binutils); libraries left unpacked (+48 MB)")
        return binaries, datas, 0
    info = {dest: _dynamic_entries(Path(src).resolve()) for dest, src, _kind in chosen}
    by_name: dict[str, str] = {}
    for dest, (soname, _needed) in info.items():
        by_name[os.path.basename(dest)] = dest
        if soname:
            by_name[soname] = dest
    packed = set(info)
    # A library outside the packed set that links to a packed one could not load.
    for dest, src, _kind in binaries:
        if dest in packed or not Path(src).is_file():
            continue
        with open(src, "rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        _soname, needed = _dynamic_entries(Path(src).resolve())
        wrong = [name for name in needed if name in by_name]
        if wrong:
            raise SystemExit(f"slimming: {dest} links to {', '.join(wrong)}, which would be "
                             "packed: pack its folder too, or leave theirs unpacked")

    out = workdir / "packed"
    lines = ["# kind\tpath\tmodule\tpacked libraries it links to (written by slimming.py)"]
    new_datas: list[Entry] = []
    saved = 0
    for dest, src, kind in chosen:
        source = Path(src).resolve()
        target = out / (dest + ".z")
        if not target.is_file() or target.stat().st_mtime < source.stat().st_mtime:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(zlib.compress(source.read_bytes(), 9))
        saved += source.stat().st_size - target.stat().st_size
        new_datas.append((dest + ".z", str(target), "DATA"))
        deps = [by_name[name] for name in info[dest][1] if name in by_name]
        module = _module_name(dest) if kind == "EXTENSION" else "-"
        lines.append("\t".join(("ext" if kind == "EXTENSION" else "lib", dest, module,
                                 ",".join(deps) or "-")))
    manifest = out / PACKED_MANIFEST
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    new_datas.append((PACKED_MANIFEST, str(manifest), "DATA"))
    kept = [entry for entry in binaries if entry[0] not in packed]
    return kept, datas + new_datas, saved
