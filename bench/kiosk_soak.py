"""Kiosk soak: thousands of random touches and keys on the locked kiosk, timers shortened.

What a crowd of visitors does over weeks, compressed: taps on whatever is visible, taps
anywhere, swipes, keys (escape attempts included: Esc, Alt+F4, Ctrl+Q, Ctrl+W, F11,
F5), long presses, the staff corner with wrong PINs, and walking away (so the idle
countdown, the reset and the attract loop run many times during the run).

Checks after every action that the kiosk is still there (visible, full screen, in kiosk
mode) and counts unhandled errors and Qt warnings; prints resident memory after the
first 500 actions and at the end beside the target (within 5 MB), both times measured
after the visitor has walked away and the kiosk has reset to home.

    .venv/bin/python bench/kiosk_soak.py [--actions 10000] [--seed 1] [--trace]

``--trace`` also prints the Python allocations that grew most (tracemalloc) and the
Qt objects that grew in number, to find a leak. Runs offscreen in a temporary home.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from common import MemoryParts, memory_parts, open_main_window, rss_mb, settle

HOME = Path(tempfile.mkdtemp(prefix="czt-kiosk-soak-"))
os.environ["CZT_DESKTOP_HOME"] = str(HOME)
if "QT_QPA_PLATFORM" not in os.environ:
    # An offscreen screen the size of a museum's wall screen (Qt's default is 800×800).
    SCREEN = HOME / "screen.json"
    SCREEN.write_text(json.dumps({"screens": [{"name": "wall", "x": 0, "y": 0, "width": 1920,
                                               "height": 1080, "logicalDpi": 96,
                                               "logicalBaseDpi": 96, "dpr": 1}]}),
                      encoding="ascii")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"

#: Timers short enough for many idle → countdown → reset → attract cycles in one run.
SOAK_CONFIG: dict[str, Any] = {"idle_seconds": 0.25, "countdown_seconds": 0.25,
               "attract_seconds_per_slide": 0.1, "pin_pad_timeout_seconds": 0.5,
               "default_language": "zh"}
TARGET_MB = 5.0


def trimmed_rss_mb() -> float:
    """RSS after glibc gives freed heap pages back (``malloc_trim``): what is really in
    use. Plain RSS also counts the heap's high-water mark, which never shrinks. (Not
    glibc: the plain figure is all there is.)"""
    from czt_desktop.kiosk.memory import release_free_memory

    release_free_memory()
    return rss_mb()


def print_parts(before: MemoryParts, after: MemoryParts) -> None:
    """The same two moments by kind of memory: a leak shows as growth of the heap in use
    or of Python's blocks; pages of code and fonts read for the first time show as
    file-backed growth, which is bounded by the files' size and not a leak."""
    print(f"  by kind (after malloc_trim): anonymous {before.anonymous:.1f} -> "
          f"{after.anonymous:.1f} MB ({after.anonymous - before.anonymous:+.1f}), "
          f"file-backed (code, fonts) {before.file_backed:.1f} -> {after.file_backed:.1f} MB "
          f"({after.file_backed - before.file_backed:+.1f})")
    if before.heap_in_use is not None and after.heap_in_use is not None:
        print(f"  heap in use (malloc, not freed): {before.heap_in_use:.1f} -> "
              f"{after.heap_in_use:.1f} MB ({after.heap_in_use - before.heap_in_use:+.1f}); "
              f"Python blocks {before.python_blocks} -> {after.python_blocks} "
              f"({after.python_blocks - before.python_blocks:+d})")


class _Count(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.CRITICAL)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record.getMessage()[-400:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--trace", action="store_true", help="report what grew (slower)")
    parser.add_argument("--no-warm-up", action="store_true",
                        help="start the random actions at once, without first showing every "
                        "pane, stage, language, chart table and overlay")
    options = parser.parse_args()

    from PySide6.QtCore import (
        QObject,
        QPoint,
        Qt,
        QtMsgType,
        qInstallMessageHandler,
    )
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

    from czt_desktop import paths
    from czt_desktop.kiosk.pin import hash_pin
    from czt_desktop.ui.modes import ModeOptions
    from czt_desktop.ui.modes import kiosk as kiosk_module

    warnings: Counter[str] = Counter()

    def on_qt_message(kind: QtMsgType, _context: object, message: str) -> None:
        if kind not in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            warnings[message[:160]] += 1

    qInstallMessageHandler(on_qt_message)
    errors = _Count()
    logging.getLogger("czt.crash").addHandler(errors)
    logging.getLogger("czt").setLevel(logging.INFO)
    quits: list[bool] = []
    kiosk_module.quit_application = lambda: quits.append(True)  # the right PIN is never typed

    app = QApplication(["czt-kiosk-soak"])
    config = paths.user_config_dir() / "kiosk.json"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(json.dumps({**SOAK_CONFIG, "pin_hash": hash_pin("97531")}),
                      encoding="utf-8")
    window, content = open_main_window(app, (1024, 768))
    window.set_mode("kiosk", ModeOptions(kiosk_config=config))
    mode = window.mode
    handle = window.windowHandle()
    assert handle is not None

    def wait(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.005)
        settle(app)

    rng = random.Random(options.seed)
    keys = [Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Tab, Qt.Key.Key_Backtab,
            Qt.Key.Key_Return, Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Home,
            Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_A, Qt.Key.Key_Backspace]
    escapes = [(Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
               (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
               (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
               (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
               (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
               (Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier),
               (Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)]
    done: Counter[str] = Counter()

    def point() -> QPoint:
        return QPoint(rng.randrange(window.width()), rng.randrange(window.height()))

    def visible_widget_point() -> QPoint:
        """A point on a widget a visitor can see (not scrolled away, not covered)."""
        shown = [(w, w.visibleRegion().boundingRect()) for w in window.findChildren(QWidget)
                 if w.isVisible() and w.isEnabled() and w.window() is window]
        shown = [(w, r) for w, r in shown if r.width() > 4 and r.height() > 4]
        target, rect = rng.choice(shown)
        last[0] = f"tap {type(target).__name__} '{target.objectName()}'"
        inside = QPoint(rect.x() + rng.randrange(rect.width()),
                        rect.y() + rng.randrange(rect.height()))
        return target.mapTo(window, inside)

    def tap(where: QPoint) -> None:
        QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         where)

    last = [""]  # what the current action did, for the memory jumps list

    def count(kind: str) -> None:
        done[kind] += 1
        last[0] = kind

    def act() -> None:
        roll = rng.random()
        last[0] = ""
        if roll < 0.45:
            count("tap widget")
            tap(visible_widget_point())
        elif roll < 0.60:
            count("tap anywhere")
            tap(point())
        elif roll < 0.70:
            count("swipe")
            start, end = point(), point()
            QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             start)
            for step in range(1, 6):
                QTest.mouseMove(handle, start + (end - start) * step / 5)
            QTest.mouseRelease(handle, Qt.MouseButton.LeftButton,
                               Qt.KeyboardModifier.NoModifier, end)
        elif roll < 0.82:
            count("key")
            QTest.keyClick(handle, rng.choice(keys))
        elif roll < 0.90:
            count("escape key")
            key, modifiers = rng.choice(escapes)
            QTest.keyClick(handle, key, modifiers)
        elif roll < 0.93:
            count("long press")
            where = point()
            QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             where)
            wait(0.02)
            QTest.mouseRelease(handle, Qt.MouseButton.LeftButton,
                               Qt.KeyboardModifier.NoModifier, where)
            target = app.widgetAt(window.mapToGlobal(where)) or window
            QApplication.sendEvent(target, QContextMenuEvent(
                QContextMenuEvent.Reason.Mouse, target.mapFrom(window, where),
                window.mapToGlobal(where)))
        elif roll < 0.95:
            count("staff corner, wrong PIN")
            for _ in range(5):
                tap(QPoint(rng.randrange(40), rng.randrange(40)))
            settle(app)
            if mode.pin_pad.isVisible():  # type: ignore[attr-defined]
                for digit in str(rng.randrange(10_000, 99_999)):
                    if digit != "9":
                        QTest.keyClick(handle, getattr(Qt.Key, f"Key_{digit}"))
                QTest.keyClick(handle, Qt.Key.Key_Return)
        elif roll < 0.975:
            count("pause (countdown)")
            wait(SOAK_CONFIG["idle_seconds"] + 0.1)
        else:
            count("walk away (reset, attract)")
            wait(SOAK_CONFIG["idle_seconds"] + SOAK_CONFIG["countdown_seconds"] + 0.3)

    def warm_up() -> None:
        """Show everything once, as a kiosk does in its first minutes of a day.

        The app builds pages, charts' drawing buffers and tables when they are first
        shown, so a cold kiosk grows for a while (by ≈20-30 MB over the first 2,000 or
        so random actions here) and then stays flat. Measuring from a warm kiosk
        separates that one-off growth from a leak.
        """
        for lang in ("en", "zh"):
            window.set_language(lang)
            for pane_id in window.pane_ids():
                window.show_pane(pane_id)
                for stage in content.stages:
                    window.selection.set_stage(stage.id)
                    settle(app)
                for area in window.pane(pane_id).findChildren(QScrollArea):
                    bar = area.verticalScrollBar()
                    for value in range(0, bar.maximum() + 1, max(1, bar.pageStep())):
                        bar.setValue(value)
                        settle(app)
                    bar.setValue(0)
            for chart in window.charts.values():
                chart.show_table(True)  # type: ignore[attr-defined]
                settle(app)
                chart.show_table(False)  # type: ignore[attr-defined]
        mode.open_pin_pad()  # type: ignore[attr-defined]
        settle(app)
        mode.pin_pad.cancel()  # type: ignore[attr-defined]
        tap(QPoint(window.width() // 2, window.height() // 2))
        wait(SOAK_CONFIG["idle_seconds"] + SOAK_CONFIG["countdown_seconds"] + 1.0)
        tap(QPoint(window.width() // 2, window.height() // 2))
        settle(app)

    def walk_away() -> None:
        """Nobody touches the kiosk: it resets to home, starts its attract loop and gives
        freed memory back, as it does many times a day. Memory is compared in this state
        at both ends, so what happened to be built at that moment (a quiz question, an
        overview page, English instead of Chinese) does not count as growth."""
        wait(SOAK_CONFIG["idle_seconds"] + SOAK_CONFIG["countdown_seconds"] + 0.3)
        wait(kiosk_module.TRIM_DELAY_MS / 1000 + 0.3)
        gc.collect()
        settle(app)

    def qobject_census() -> Counter[str]:
        return Counter(type(o).__name__ for o in window.findChildren(QObject))

    if not options.no_warm_up:
        warm_up()
    baseline = baseline_trimmed = 0.0
    baseline_parts = memory_parts()
    census: Counter[str] = Counter()
    broken = 0
    started = time.perf_counter()
    tracemalloc_snapshot = None
    #: The actions after which resident memory grew most: (MB, index, what, where).
    jumps: list[tuple[float, int, str, str]] = []
    for index in range(options.actions):
        before = rss_mb()
        where = f"{window.current_pane_id}/stage {window.selection.stage}/{window.lang}"
        act()
        settle(app)
        grew = rss_mb() - before
        if index >= 500 and grew >= 0.5:
            jumps.append((grew, index, last[0], where))
        if not (window.isVisible() and window.isFullScreen() and window.mode.name == "kiosk"):
            broken += 1
        if index == 499:
            walk_away()
            baseline = rss_mb()
            baseline_trimmed = trimmed_rss_mb()
            baseline_parts = memory_parts()
            census = qobject_census()
            if options.trace:
                import tracemalloc

                tracemalloc.start(12)
                tracemalloc_snapshot = tracemalloc.take_snapshot()
        if (index + 1) % 1000 == 0:
            print(f"  {index + 1} actions, RSS {rss_mb():.1f} MB, "
                  f"{time.perf_counter() - started:.0f} s", flush=True)
    walk_away()
    final = rss_mb()
    final_trimmed = trimmed_rss_mb()
    final_parts = memory_parts()
    final_census = qobject_census()
    objects = sum(final_census.values())
    elapsed = time.perf_counter() - started
    usage = mode.usage  # type: ignore[attr-defined]
    window.set_mode("student")  # closes the usage log
    settle(app)

    print(f"kiosk soak: {options.actions} actions in {elapsed:.0f} s (seed {options.seed}, "
          f"{'cold start' if options.no_warm_up else 'after a warm-up showing everything once'})")
    print("  " + ", ".join(f"{name} {count}" for name, count in done.most_common()))
    print(f"  kiosk left or hidden after an action: {broken} times (target 0)")
    print(f"  unhandled errors: {len(errors.records)} (target 0)")
    for record in errors.records[:3]:
        print("    " + record.replace("\n", "\n    "))
    print(f"  Qt warnings: {sum(warnings.values())}")
    for message, times in warnings.most_common(5):
        print(f"    {times}× {message}")
    print(f"  staff exits: {len(quits)} (no right PIN was typed: target 0)")
    if usage is not None or (paths.user_data_dir() / "kiosk-usage.sqlite3").exists():
        from czt_desktop.kiosk.usage_log import summarize

        summary = summarize(paths.user_data_dir() / "kiosk-usage.sqlite3")
        print(f"  usage log: {summary.sessions} sessions, {summary.attract_loops} attract "
              f"loops ({summary.attract_interrupted} interrupted by a touch), "
              f"{summary.idle_resets} idle resets, {summary.error_resets} error resets")
    growth = final - baseline
    print(f"memory (at the home screen after an idle reset): RSS after 500 actions "
          f"{baseline:.1f} MB, after {options.actions} "
          f"{final:.1f} MB, growth {growth:+.1f} MB (target within {TARGET_MB:.0f} MB: "
          f"{'met' if abs(growth) <= TARGET_MB else 'NOT met'})")
    print(f"  in use (after malloc_trim): {baseline_trimmed:.1f} MB -> {final_trimmed:.1f} MB, "
          f"growth {final_trimmed - baseline_trimmed:+.1f} MB; Qt objects in the window: "
          f"{sum(census.values())} -> {objects}")
    print_parts(baseline_parts, final_parts)
    if jumps:
        print("  largest steps of resident memory after action 500:")
        for grew, index, what, where in sorted(jumps, reverse=True)[:8]:
            print(f"    {grew:+.1f} MB at action {index}: {what} (was on {where})")
    grown = final_census - census
    print("  Qt objects that grew in number:", dict(grown.most_common(10)) or "none")
    if options.trace and tracemalloc_snapshot is not None:
        import tracemalloc

        stats = tracemalloc.take_snapshot().compare_to(tracemalloc_snapshot, "traceback")
        for stat in stats[:8]:
            print(f"  {stat.size_diff / 1024:+.0f} KiB in {stat.count_diff:+d} blocks")
            for line in stat.traceback.format()[-6:]:
                print("     ", line)
    window.close()
    return 0 if broken == 0 and not errors.records else 1


if __name__ == "__main__":
    sys.exit(main())
