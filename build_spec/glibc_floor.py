"""The glibc a Linux build needs: the highest ``GLIBC_x.y`` symbol version any of its ELF
files asks for (their version-needed section, what ``readelf -V`` shows).

    python3 build_spec/glibc_floor.py [--max X.Y] PATH...
    python3 build_spec/glibc_floor.py --systems X.Y
    python3 build_spec/glibc_floor.py --readme TEMPLATE [--at-least X.Y] BUNDLE > README.txt

PATH is a bundle folder (every ELF file in it, including the libraries stored
zlib-compressed as ``<name>.z``, see slimming.py) or a file (the one-file executable:
its bootloader; what it unpacks is the same files as the one-folder bundle's). Prints
the floor and the files that need it; with ``--max`` exits 1 when the floor is above.
``--systems X.Y`` prints which Linux releases have glibc X.Y or newer; ``--readme``
fills the archive's README (build_spec/README-linux.txt) with the floor of BUNDLE
(or the glibc given with ``--at-least``, the build system's, if higher), the releases
that have it and the bundle's size. Standard library only: runs with any Python 3, also
where binutils are missing.
"""

from __future__ import annotations

import argparse
import struct
import sys
import textwrap
import zlib
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

SHT_GNU_VERNEED = 0x6FFFFFFE

#: glibc of each release (x86-64), oldest first in each family. Only releases whose
#: glibc we are sure of; a user checks any other system with `ldd --version`.
RELEASES = {
    "Debian": [("10", "2.28"), ("11", "2.31"), ("12", "2.36"), ("13", "2.41")],
    "Ubuntu": [("18.04", "2.27"), ("20.04", "2.31"), ("22.04", "2.35"), ("24.04", "2.39")],
    "Linux Mint": [("19", "2.27"), ("20", "2.31"), ("21", "2.35"), ("22", "2.39")],
    "Fedora": [("31", "2.30"), ("32", "2.31"), ("35", "2.34"), ("37", "2.36")],
    "RHEL/Rocky/AlmaLinux": [("8", "2.28"), ("9", "2.34")],
    "openSUSE Leap": [("15.3", "2.31")],
}


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def glibc_versions(data: bytes) -> set[str]:
    """The GLIBC_x.y versions an ELF image (bytes of the file) needs; empty if none."""
    if data[:4] != b"\x7fELF":
        return set()
    is64 = data[4] == 2
    end = "<" if data[5] == 1 else ">"
    if is64:
        shoff, = struct.unpack_from(end + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(end + "HH", data, 0x3A)
        section = end + "IIQQQQIIQQ"
    else:
        shoff, = struct.unpack_from(end + "I", data, 0x20)
        shentsize, shnum = struct.unpack_from(end + "HH", data, 0x2E)
        section = end + "IIIIIIIIII"
    headers = [struct.unpack_from(section, data, shoff + i * shentsize) for i in range(shnum)]
    found: set[str] = set()
    for _name, kind, _flags, _addr, offset, _size, link, count, _align, _ent in headers:
        if kind != SHT_GNU_VERNEED:
            continue
        strings = headers[link][4]
        entry = offset
        for _ in range(count):
            _ver, aux_count, _file, aux, following = struct.unpack_from(end + "HHIII", data,
                                                                          entry)
            position = entry + aux
            for _ in range(aux_count):
                _hash, _vflags, _other, name, aux_next = struct.unpack_from(end + "IHHII",
                                                                            data, position)
                text = data[strings + name:data.index(b"\0", strings + name)].decode()
                if text.startswith("GLIBC_") and text[6:].replace(".", "").isdigit():
                    found.add(text[6:])
                position += aux_next
            if not following:
                break
            entry += following
    return found


def elf_images(path: Path) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of every ELF file under ``path``, compressed libraries unpacked."""
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*")
                                                  if p.is_file() and not p.is_symlink())
    for file in files:
        name = str(file.relative_to(path)) if file != path else file.name
        if file.suffix == ".z":
            data = zlib.decompress(file.read_bytes())
            if data[:4] == b"\x7fELF":
                yield name + " (stored compressed)", data
            continue
        with file.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        yield name, file.read_bytes()


def systems_from(floor: str) -> str:
    """'Debian 11 or newer, Ubuntu 20.04 or newer, …' for a glibc floor."""
    parts = []
    for family, releases in RELEASES.items():
        oldest = next((release for release, glibc in releases
                       if version_key(glibc) >= version_key(floor)), None)
        if oldest:
            parts.append(f"{family} {oldest} or newer")
    return ", ".join(parts)


def floor_of(path: Path) -> tuple[str | None, dict[str, list[str]], int, int]:
    """(floor, {version: files needing it}, ELF files, of them stored compressed)."""
    needs: dict[str, list[str]] = defaultdict(list)
    files = compressed = 0
    for name, data in elf_images(path):
        files += 1
        compressed += name.endswith("(stored compressed)")
        for version in glibc_versions(data):
            needs[version].append(name)
    floor = max(needs, key=version_key) if needs else None
    return floor, needs, files, compressed


def fill_readme(template: str, bundle: Path, at_least: str | None = None) -> str:
    """The template with @GLIBC_FLOOR@, @GLIBC_SYSTEMS@ and @SIZE_MB@ filled in; the
    bullet holding them is wrapped again to the template's width. ``at_least``: the
    glibc the bundle was built and tested on, stated when it is above the floor (a
    PyInstaller bundle is only known to run there and on newer systems)."""
    floor, _needs, _files, _compressed = floor_of(bundle)
    if floor is None:
        raise SystemExit(f"glibc_floor: {bundle}: no ELF file asks for a glibc version")
    if at_least and version_key(at_least) > version_key(floor):
        floor = at_least
    size = sum(p.lstat().st_size for p in bundle.rglob("*")
               if p.is_file() and not p.is_symlink())
    lines = []
    for line in template.splitlines():
        filled = (line.replace("@GLIBC_FLOOR@", floor)
                  .replace("@GLIBC_SYSTEMS@", systems_from(floor))
                  .replace("@SIZE_MB@", f"{size / 1e6:.0f}"))
        if filled != line and len(filled) > 86:
            indent = " " * (len(filled) - len(filled.lstrip(" -")))
            lines += textwrap.wrap(filled, 86, subsequent_indent=indent,
                                   break_on_hyphens=False)
        else:
            lines.append(filled)
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--max", help="fail when the floor is above this glibc (X.Y)")
    parser.add_argument("--systems", metavar="X.Y",
                        help="print the releases with this glibc or newer, and exit")
    parser.add_argument("--readme", type=Path, metavar="TEMPLATE",
                        help="print TEMPLATE filled in for the bundle named, and exit")
    parser.add_argument("--at-least", metavar="X.Y",
                        help="with --readme: state at least this glibc (the build system's)")
    options = parser.parse_args()
    if options.systems:
        print(systems_from(options.systems))
        return 0
    if options.readme:
        if len(options.paths) != 1:
            parser.error("--readme needs the bundle folder")
        sys.stdout.write(fill_readme(options.readme.read_text(encoding="utf-8"),
                                     options.paths[0], options.at_least))
        return 0
    if not options.paths:
        parser.error("name a bundle folder or file")
    failed = False
    for path in options.paths:
        if not path.exists():
            print(f"glibc_floor: no {path}")
            return 2
        floor, needs, files, compressed = floor_of(path)
        if floor is None:
            print(f"glibc_floor: {path}: no ELF file asks for a glibc version")
            return 2
        ordered = sorted(needs, key=version_key, reverse=True)
        print(f"glibc floor of {path}: {floor} ({files} ELF file{'s' if files > 1 else ''}"
              f"{f', {compressed} stored compressed' if compressed else ''})")
        for version in ordered[:3]:
            names = needs[version]
            shown = ", ".join(names[:4]) + (f" and {len(names) - 4} more"
                                             if len(names) > 4 else "")
            print(f"  GLIBC_{version}: {shown}")
        if options.max:
            if version_key(floor) > version_key(options.max):
                print(f"FAIL  {path} needs glibc {floor}, above {options.max}")
                failed = True
            else:
                print(f"ok    not above glibc {options.max} "
                      f"({systems_from(options.max) or 'no release listed has it'})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
