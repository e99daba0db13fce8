"""Start-up benchmark: time to first paint of the app against a bare PySide6 window.

Both are measured in the same run, alternating, as wall-clock time from launching the
process to the first paint of the window (the process prints the moment). Prints the
median and the ratio; the target for the app is at most 1.3x the bare window.

    .venv/bin/python bench/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE_WINDOW = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel

class Watch(QObject):
    done = False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, lambda: (print(f"first-paint {time.time():.6f}", flush=True),
                                          app.quit()))
        return False

app = QApplication([])
label = QLabel("bare window")
label.resize(1024, 720)
watch = Watch()
label.installEventFilter(watch)
label.show()
app.exec()
"""


def _time_to_first_paint(command: list[str], env: dict[str, str]) -> float:
    started = time.time()
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120,
                            check=True)
    for line in result.stdout.splitlines():
        if line.startswith("first-paint "):
            return float(line.split()[1]) - started
    raise RuntimeError(f"no first-paint line from {command}: {result.stderr}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "CZT_DESKTOP_HOME": tempfile.mkdtemp(prefix="czt-bench-")}
    bare_cmd = [sys.executable, "-c", BARE_WINDOW]
    app_cmd = [sys.executable, "-m", "czt_desktop", "--exit-after-first-paint"]
    _time_to_first_paint(app_cmd, env)  # warm the OS file cache and matplotlib's font cache
    bare, app = [], []
    for _ in range(options.runs):
        bare.append(_time_to_first_paint(bare_cmd, env))
        app.append(_time_to_first_paint(app_cmd, env))
    bare_median, app_median = statistics.median(bare), statistics.median(app)
    print(f"bare PySide6 window, first paint: median {bare_median:.3f} s "
          f"(min {min(bare):.3f}, max {max(bare):.3f}, {options.runs} runs)")
    print(f"czt-desktop,         first paint: median {app_median:.3f} s "
          f"(min {min(app):.3f}, max {max(app):.3f}, {options.runs} runs)")
    print(f"ratio app / bare: {app_median / bare_median:.2f}x (target <= 1.30x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
