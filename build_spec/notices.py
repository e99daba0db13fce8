"""Licence files for the bundle's ``licenses/`` folder, written at build time by the spec.

- ``QT-LGPL-NOTICE.txt``: which Qt files this build carries and how to replace them
  (from ``licenses/QT-LGPL-NOTICE.in`` plus the actual file list),
- ``LGPL-3.0.txt``, ``GPL-3.0.txt``: the licence texts the notice refers to,
- ``THIRD-PARTY.txt`` and ``third-party/<dist>/``: every Python distribution whose code
  is in the bundle, with its version, its declared licence and its own licence files,
- ``PYTHON-LICENSE.txt``: the interpreter's licence.

The app's own LICENSE and the fonts' OFL.txt are added by the spec itself.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
LICENCE_NAMES = ("LICENSE", "LICENCE", "COPYING", "NOTICE", "AUTHORS")

Entry = tuple[str, str, str]


def _qt_files(binaries: Iterable[Entry]) -> list[str]:
    qt = [dest.replace("\\", "/") for dest, _src, _kind in binaries
          if any(key in dest for key in ("PySide6", "shiboken6", "Qt6", "libicu"))]
    return sorted(qt)


def _distributions(module_names: Iterable[str]) -> dict[str, metadata.Distribution]:
    owners = metadata.packages_distributions()
    found: dict[str, metadata.Distribution] = {}
    for top in sorted({name.split(".")[0] for name in module_names}):
        for dist_name in owners.get(top, ()):
            if dist_name.lower().replace("_", "-") in {"czt-desktop", "pyinstaller"}:
                continue
            try:
                found.setdefault(dist_name, metadata.distribution(dist_name))
            except metadata.PackageNotFoundError:
                continue
    return found


def _licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    declared = (meta.get("License") or "").strip()
    if declared and len(declared) < 100 and "\n" not in declared:
        return declared
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    return "; ".join(classifiers) or "see the licence files"


def write_notices(out: Path, analysis: object, app_version: str) -> list[Entry]:
    """Write the licence files into ``out``; returns datas entries for the bundle."""
    import PySide6
    from PySide6.QtCore import qVersion

    if out.exists():
        shutil.rmtree(out)
    (out / "third-party").mkdir(parents=True)
    binaries = list(analysis.binaries)  # type: ignore[attr-defined]
    qt_version = qVersion()
    notice = (HERE / "licenses" / "QT-LGPL-NOTICE.in").read_text(encoding="utf-8").format(
        app_version=app_version,
        qt_version=qt_version,
        qt_version_minor=".".join(qt_version.split(".")[:2]),
        pyside_version=PySide6.__version__,
        qt_files="\n".join(f"  {name}" for name in _qt_files(binaries)) or "  (none)",
    )
    (out / "QT-LGPL-NOTICE.txt").write_text(notice, encoding="utf-8")
    for name in ("LGPL-3.0.txt", "GPL-3.0.txt"):
        shutil.copy2(HERE / "licenses" / name, out / name)

    python_licence = Path(sys.base_prefix) / "lib" / f"python{sys.version_info.major}." \
        f"{sys.version_info.minor}" / "LICENSE.txt"
    if not python_licence.is_file():
        python_licence = Path(sys.base_prefix) / "LICENSE.txt"  # Windows layout
    if python_licence.is_file():
        shutil.copy2(python_licence, out / "PYTHON-LICENSE.txt")

    modules = [name for name, _src, _kind in analysis.pure]  # type: ignore[attr-defined]
    modules += [dest.replace("\\", "/").split("/")[0].split(".")[0]
                for dest, _src, kind in binaries if kind == "EXTENSION"]
    lines = ["Python packages inside this build, with the licence each declares.",
             "Their own licence files are in third-party/<name>/.", "",
             f"Python {sys.version.split()[0]}: PSF License (PYTHON-LICENSE.txt)"]
    for _name, dist in sorted(_distributions(modules).items(), key=lambda i: i[0].lower()):
        lines.append(f"{dist.metadata['Name']} {dist.version}: {_licence(dist)}")
        target = out / "third-party" / dist.metadata["Name"]
        for file in dist.files or ():
            # Only the dist-info folder's licence files (not modules named "licenses").
            if not file.parts[0].endswith(".dist-info"):
                continue
            if file.parts[-1].upper().startswith(LICENCE_NAMES) or "licenses" in file.parts:
                source = Path(str(dist.locate_file(file)))
                if source.is_file():
                    target.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(source, target / source.name)
    (out / "THIRD-PARTY.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")

    entries: list[Entry] = []
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        relative = path.relative_to(out).parent.as_posix()
        dest_dir = "licenses" if relative == "." else f"licenses/{relative}"
        entries.append((f"{dest_dir}/{path.name}", str(path), "DATA"))
    return entries


__all__ = ["write_notices"]

if __name__ == "__main__":  # pragma: no cover - a look at what the spec would write
    print(os.linesep.join(sorted(_distributions(["numpy", "pandas", "matplotlib"]))))
