"""Bundle benchmark: size of the PyInstaller builds and their start-up against the source.

1. Size of the one-folder bundle ``dist/czt-desktop/`` (target <= 150 MB on Linux), the
   one-file executable and the Linux archive.
2. Start to first paint (``--exit-after-first-paint``) of the one-folder bundle and of
   ``python -m czt_desktop`` from source, alternating in the same run, median of N
   (target: bundle <= 1.1x source).
3. What the libraries stored compressed (build_spec/slimming.py: numpy with OpenBLAS,
   pandas, Pillow) cost: their size packed and unpacked (the unpacked bytes are held in
   memory while the app runs), and ``czt-desktop validate data/`` (imports numpy and
   pandas, as the app does after its first paint) from the bundle against the source.
4. The same start for the one-file executable, which is slower: before Python even
   starts, its bootloader unpacks everything (~140 MB) into a new temporary folder, and
   deletes it again at exit, on every start.

    .venv/bin/python bench/bundle.py [--runs N] [--dist DIR]

Build first (build_spec/build.sh). Runs offscreen with a throw-away settings folder;
prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import _time_to_first_paint

ROOT = Path(__file__).resolve().parent.parent
SIZE_TARGET_MB = 150
RATIO_TARGET = 1.1


def tree_bytes(path: Path) -> int:
    """Bytes in the files under ``path`` (what a copy of it takes, symlinks not followed)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def median_of(command: list[str], env: dict[str, str], runs: int) -> list[float]:
    return [_time_to_first_paint(command, env) for _ in range(runs)]


def time_to_exit(command: list[str], env: dict[str, str], runs: int) -> float:
    """Median wall time of a command that exits at once (``--version``: no Qt, no window)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, env=env, timeout=120, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def packed_sizes(internal: Path) -> tuple[int, int, int]:
    """(files, bytes stored, bytes once decompressed) of the packed libraries."""
    manifest = internal / "czt_packed.txt"
    if not manifest.is_file():
        return 0, 0, 0
    files = stored = unpacked = 0
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            path = internal / (line.split("\t")[1] + ".z")
            files += 1
            stored += path.stat().st_size
            unpacked += len(zlib.decompress(path.read_bytes()))
    return files, stored, unpacked


def describe(label: str, times: list[float]) -> str:
    return (f"{label}: median {statistics.median(times):.3f} s "
            f"(min {min(times):.3f}, max {max(times):.3f}, {len(times)} runs)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    options = parser.parse_args()
    folder = options.dist / "czt-desktop"
    folder_exe = folder / ("czt-desktop.exe" if sys.platform == "win32" else "czt-desktop")
    onefile = sorted(p for p in options.dist.glob("czt-desktop-*")
                     if p.is_file() and not p.name.endswith((".tar.gz", ".zip")))
    archives = sorted(options.dist.glob("czt-desktop-*.tar.gz"))
    if not folder_exe.is_file():
        print(f"no bundle at {folder}: run build_spec/build.sh first")
        return 2

    print("== size")
    size_mb = tree_bytes(folder) / 1e6
    verdict = "met" if size_mb <= SIZE_TARGET_MB else "NOT met"
    print(f"one-folder bundle {folder}: {size_mb:.1f} MB "
          f"(target <= {SIZE_TARGET_MB} MB: {verdict})")
    for path in onefile:
        print(f"one-file executable {path.name}: {tree_bytes(path) / 1e6:.1f} MB")
    files, stored, unpacked = packed_sizes(folder / "_internal")
    if files:
        print(f"stored compressed: {files} libraries, {stored / 1e6:.1f} MB "
              f"({unpacked / 1e6:.1f} MB unpacked, held in memory once imported)")
    for path in archives:
        print(f"archive {path.name}: {tree_bytes(path) / 1e6:.1f} MB")

    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "CZT_DESKTOP_HOME": tempfile.mkdtemp(prefix="czt-bench-bundle-")}
    source_cmd = [sys.executable, "-m", "czt_desktop", "--exit-after-first-paint"]
    folder_cmd = [str(folder_exe), "--exit-after-first-paint"]
    # Warm the OS file cache, the content cache and matplotlib's font cache for each.
    for command in (source_cmd, folder_cmd, *([[str(onefile[0]), "--exit-after-first-paint"]]
                                              if onefile else [])):
        _time_to_first_paint(command, env)

    print(f"\n== start to first paint (offscreen, {options.runs} runs each, alternating)")
    source, bundled = [], []
    for _ in range(options.runs):
        source.append(_time_to_first_paint(source_cmd, env))
        bundled.append(_time_to_first_paint(folder_cmd, env))
    ratio = statistics.median(bundled) / statistics.median(source)
    print(describe("from source (python -m czt_desktop)", source))
    print(describe("one-folder bundle                  ", bundled))
    verdict = "met" if ratio <= RATIO_TARGET else "NOT met"
    print(f"ratio one-folder / source: {ratio:.2f}x (target <= {RATIO_TARGET:.1f}x: {verdict})")

    # After the first paint the app imports numpy and pandas: `validate` does just that
    # (and checks the content), so it shows what the packed libraries cost to load.
    data = folder / "_internal" / "data"
    if data.is_dir():
        source_runs, bundle_runs = [], []
        for _ in range(options.runs):  # alternating, like the first paint
            source_runs.append(time_to_exit([sys.executable, "-m", "czt_desktop", "validate",
                                             str(ROOT / "data")], env, 1))
            bundle_runs.append(time_to_exit([str(folder_exe), "validate", str(data)], env, 1))
        source_validate = statistics.median(source_runs)
        bundle_validate = statistics.median(bundle_runs)
        print(f"`validate` (imports numpy + pandas, as after the first paint): source "
              f"{source_validate:.3f} s, one-folder {bundle_validate:.3f} s "
              f"({bundle_validate - source_validate:+.3f} s; median of {options.runs})")

    if onefile:
        onefile_cmd = [str(onefile[0]), "--exit-after-first-paint"]
        runs = max(3, options.runs // 2)
        single = median_of(onefile_cmd, env, runs)
        print(describe(f"one-file {onefile[0].name}", single))
        print(f"ratio one-file / source: "
              f"{statistics.median(single) / statistics.median(source):.2f}x — slower because "
              f"its bootloader unpacks {tree_bytes(folder) / 1e6:.0f} MB into a new temporary "
              "folder before Python starts, on every start (and removes it at exit)")
        # The unpacking alone: `--version` exits before Qt or the window are touched.
        packed = time_to_exit([str(onefile[0]), "--version"], env, runs)
        loose = time_to_exit([str(folder_exe), "--version"], env, runs)
        print(f"`--version` (no window): one-file {packed:.3f} s, one-folder {loose:.3f} s "
              f"-> unpacking costs about {packed - loose:.2f} s a start")
    else:
        print("no one-file executable in dist/ (CZT_BUNDLE=both build_spec/build.sh)")
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") \
        else "n/a"
    print(f"\nmachine: {platform.platform()}, {os.cpu_count()} CPUs, load average {load}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
