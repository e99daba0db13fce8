"""Content scale benchmark: how loading a content pack grows with its size.

Loads the bundled pack and generated packs with more events (1,000, 5,000 and 10,000
by default: the bundled events repeated with new ids, in their stages, the longest pack
the row limit allows) and prints, for each, the size of events.csv, the time of
``load_content`` (median of N, pandas already imported) with the time per event, and
the memory it took (peak resident memory over the process before loading, and the
content's own Python objects). Each pack is measured in a fresh process so one does not
inherit another's heap. If the time per event stays flat from 1,000 to 10,000 events,
loading is linear.

    .venv/bin/python bench/content_scale.py [--runs N] [--events 1000,5000,10000]
        [--short-details]

``--short-details`` cuts every detail to 60 characters (a pack of brief entries, like
the 1.9 MB 10,000-event pack of issue 21). Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data"

_CHILD = r"""
import gc, json, resource, statistics, sys, time, tracemalloc
from pathlib import Path

import pandas  # noqa: F401  (imported first: its 0.6 s are not the loader's)
from czt_desktop.content.loader import load_content

folder, runs = Path(sys.argv[1]), int(sys.argv[2])

def rss_mb():
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * resource.getpagesize() / 1e6

gc.collect()
before = rss_mb()
load_content(folder)  # warm: regular expressions compiled, modules imported
times = []
for _ in range(runs):
    start = time.perf_counter()
    content = load_content(folder)
    times.append(time.perf_counter() - start)
    del content
    gc.collect()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3  # KB on Linux
tracemalloc.start()
content = load_content(folder)
kept, top = tracemalloc.get_traced_memory()
tracemalloc.stop()
print(json.dumps({"seconds": statistics.median(times), "before_mb": before, "peak_mb": peak,
                  "python_top_mb": top / 1e6, "content_mb": kept / 1e6,
                  "events": len(content.events)}))
"""


def generate(folder: Path, events: int, short_details: bool) -> int:
    """A copy of the bundled pack with ``events`` events; returns events.csv's size."""
    shutil.copytree(BUNDLED, folder)
    with (BUNDLED / "events.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, originals = rows[0], rows[1:]
    at = {name: i for i, name in enumerate(header)}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for number in range(events):
        row = list(originals[number % len(originals)])
        if number >= len(originals):
            row[at["id"]] = f"{row[at['id']]}-copy-{number}"
        if short_details:
            for name in ("detail_zh", "detail_en"):
                row[at[name]] = row[at[name]][:60]
        writer.writerow(row)
    text = out.getvalue()
    (folder / "events.csv").write_text(text, encoding="utf-8")
    # The data notes name events by id: they stay valid, all originals are kept.
    return len(text.encode("utf-8"))


def measure(folder: Path, runs: int) -> dict[str, float]:
    result = subprocess.run([sys.executable, "-c", _CHILD, str(folder), str(runs)],
                            capture_output=True, text=True, check=True, cwd=ROOT)
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--events", default="1000,5000,10000",
                        help="comma-separated event counts of the generated packs")
    parser.add_argument("--short-details", action="store_true")
    options = parser.parse_args()
    counts = [int(n) for n in options.events.split(",") if n.strip()]
    print(f"load_content, median of {options.runs} (pandas imported beforehand); memory: "
          "peak resident over the resident size before loading, and the content's Python "
          "objects")
    print(f"{'pack':>22} {'events.csv':>11} {'time':>9} {'per event':>10} "
          f"{'peak RSS +':>11} {'content':>9}")
    with tempfile.TemporaryDirectory(prefix="czt-scale-") as scratch:
        packs: list[tuple[str, Path, int]] = [
            ("bundled", BUNDLED, (BUNDLED / "events.csv").stat().st_size)]
        for count in counts:
            folder = Path(scratch) / f"events-{count}"
            packs.append((f"{count:,} events", folder,
                          generate(folder, count, options.short_details)))
        for name, folder, size in packs:
            figures = measure(folder, options.runs)
            seconds = figures["seconds"]
            print(f"{name:>22} {size / 1e6:>9.2f}MB {seconds * 1e3:>7.0f}ms "
                  f"{seconds / figures['events'] * 1e6:>8.0f}µs "
                  f"{figures['peak_mb'] - figures['before_mb']:>9.1f}MB "
                  f"{figures['content_mb']:>7.1f}MB")


if __name__ == "__main__":
    main()
