"""Interaction benchmark: stage-switch latency and memory over many random actions.

1. Stage switch: a PageDown/PageUp key press delivered to the window, until the pane
   and its chart have repainted; p50/p95/max over N switches (target p95 <= 50 ms),
   on the Overview and then (fewer switches) on every other pane: each pane follows
   the stage, so each has its own cost.
2. Memory: resident set size after the first 500 of M random actions (stage, pane,
   item selection, language) and after all of them (target: within 5 MB).

    .venv/bin/python bench/interaction.py [--switches 1000] [--actions 10000]

Runs offscreen with its own settings folder; prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CZT_DESKTOP_HOME"] = tempfile.mkdtemp(prefix="czt-bench-")

from common import open_main_window, rss_mb, settle


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--switches", type=int, default=1000)
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication(["czt-bench"])
    window, content = open_main_window(app, (1024, 768))
    window.show_pane("statistics")
    for _ in range(3):
        app.processEvents()
    window.show_pane("overview")
    app.processEvents()

    # -- 1. stage switch latency -------------------------------------------------------
    latencies: list[float] = []
    stages = len(content.stages)
    for index in range(options.switches):
        forward = (index // (stages - 1)) % 2 == 0
        key = Qt.Key.Key_PageDown if forward else Qt.Key.Key_PageUp
        started = time.perf_counter()
        QTest.keyClick(window, key)
        app.processEvents()  # runs draw_idle of the charts
        window.repaint()  # synchronous paint of everything visible
        latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    print(f"stage switch (key press -> pane and chart repainted), {len(latencies)} switches: "
          f"p50 {statistics.median(latencies):.1f} ms, p95 {p95:.1f} ms, "
          f"max {latencies[-1]:.1f} ms (target p95 <= 50 ms)")

    per_pane = max(10, options.switches // 20)
    for pane_id in window.pane_ids():
        if pane_id == "overview":
            continue
        window.show_pane(pane_id)
        settle(app)
        times: list[float] = []
        for index in range(per_pane):
            forward = (index // (stages - 1)) % 2 == 0
            key = Qt.Key.Key_PageDown if forward else Qt.Key.Key_PageUp
            started = time.perf_counter()
            QTest.keyClick(window, key)
            app.processEvents()
            window.repaint()
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        print(f"  on {pane_id}: p50 {statistics.median(times):.1f} ms, "
              f"p95 {times[int(len(times) * 0.95) - 1]:.1f} ms, max {times[-1]:.1f} ms "
              f"({per_pane} switches)")
    window.show_pane("overview")
    settle(app)

    # -- 2. memory over random actions ---------------------------------------------------
    rng = random.Random(options.seed)
    panes = window.pane_ids()
    items = [("event", e.id) for e in content.events] + [
        ("enterprise", e.id) for e in content.enterprises]
    baseline = 0.0
    trace: list[float] = []  # RSS every 1,000 actions: a leak climbs, a warming cache levels off
    started = time.perf_counter()
    for index in range(options.actions):
        roll = rng.random()
        if roll < 0.4:
            window.selection.set_stage(rng.choice(content.stages).id)
        elif roll < 0.7:
            window.show_pane(rng.choice(panes))
        elif roll < 0.9:
            window.selection.set_item(*rng.choice(items))
        else:
            window.set_language(rng.choice(("zh", "en")))
        settle(app)
        if index == 499:
            app.processEvents()
            baseline = rss_mb()
        if (index + 1) % 1000 == 0:
            trace.append(rss_mb())
    settle(app)
    final = rss_mb()
    elapsed = time.perf_counter() - started
    print(f"memory: RSS after 500 actions {baseline:.1f} MB, after {options.actions} "
          f"{final:.1f} MB, growth {final - baseline:+.1f} MB (target within 5 MB); "
          f"{options.actions} actions in {elapsed:.0f} s")
    print("memory every 1,000 actions (MB): " + ", ".join(f"{v:.1f}" for v in trace))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
