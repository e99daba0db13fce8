"""``czt-desktop snapshot OUT.png``: render the window offscreen to an image and exit.

For README screenshots, handouts and checking the look at projector and kiosk sizes
without a screen. Uses its own throw-away settings, so the user's are never touched.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from czt_desktop import APP_NAME
from czt_desktop.settings import LANGUAGES, PANES, Preferences

#: ``--pane start``: the start screen ("the big picture") instead of a pane.
START = "start"

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{3,4})[xX×](\d{3,4})", text)
    if not match:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1024x768")
    return int(match.group(1)), int(match.group(2))


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=f"{APP_NAME} snapshot",
        description="Render the main window offscreen to a PNG file and exit.",
    )
    p.add_argument("out", type=Path, help="image file to write (.png)")
    p.add_argument("--stage", type=int, default=1, help="stage number (default 1)")
    p.add_argument("--pane", choices=(*PANES, START), default="overview",
                   help=f"detail pane to show ('{START}': the start screen)")
    p.add_argument("--lang", choices=LANGUAGES, default="zh", help="language (default zh)")
    p.add_argument("--size", type=_size, default=(1024, 768), metavar="WxH",
                   help="window size in pixels (default 1024x768)")
    p.add_argument("--zoom", type=int, default=100, help="text zoom in percent (default 100)")
    p.add_argument("--high-contrast", action="store_true", help="use the high-contrast theme")
    p.add_argument("--data", type=Path, metavar="DIR", help="content folder to use")
    return p


def _save_atomically(image: QPixmap, out: Path) -> str | None:
    """Write the image all at once (an earlier file stays whole if this fails); None
    when it was written, else why not."""
    from czt_desktop.atomic import save_by_name

    return save_by_name(out, image.save)


def snapshot_command(argv: Sequence[str]) -> int:
    options = parser().parse_args(argv)
    # Offscreen unless the caller chose a platform: a snapshot needs no screen.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from czt_desktop.app import choose_content
    from czt_desktop.content import ContentError
    from czt_desktop.settings import SettingsStore
    from czt_desktop.ui.assemble import open_window

    app = QApplication.instance() or QApplication([APP_NAME])
    assert isinstance(app, QApplication)
    try:
        content, problem = choose_content(options.data)
    except ContentError as broken:
        print(f"{APP_NAME}: {broken}\n{broken.report()}", file=sys.stderr)
        return 1
    if problem is not None:
        print(f"{APP_NAME}: {problem}; the snapshot shows the bundled content",
              file=sys.stderr)
    stage_ids = [s.id for s in content.stages]
    if options.stage not in stage_ids:
        print(f"{APP_NAME} snapshot: --stage must be one of {stage_ids}", file=sys.stderr)
        return 2
    start = options.pane == START
    prefs = Preferences(language=options.lang, stage=options.stage,
                        pane=PANES[0] if start else options.pane,
                        zoom_percent=max(50, min(300, options.zoom)),
                        high_contrast=options.high_contrast)
    with tempfile.TemporaryDirectory(prefix="czt-snapshot-") as scratch:
        store = SettingsStore(Path(scratch))
        window = open_window(content, store, prefs)
        if start:
            window.show_start()
        window.resize(*options.size)
        window.show()
        window.build_charts()
        # Let layouts settle and the charts' deferred draws run before grabbing.
        loop = QEventLoop()
        QTimer.singleShot(300, loop.quit)
        loop.exec()
        QCoreApplication.processEvents()
        failure = _save_atomically(window.grab(), options.out)
        window.close()
        window.deleteLater()
    if failure is not None:
        print(f"{APP_NAME} snapshot: could not write {options.out}: {failure}", file=sys.stderr)
        return 1
    print(options.out)
    return 0
