#!/usr/bin/env python3
"""Render the start screen and every pane at stages 1 and 4, in both languages, at the
projector's 1024×768 and at 1920×1080, the way a pupil clicking through would see them.

    python tools/teaching_screenshots.py OUT_DIR [--sheets docs/screenshots]

Writes one PNG per view to OUT_DIR (``<lang>-<W>x<H>-<view>.png``, for looking at
closely) and, with ``--sheets``, one contact sheet per language and size: the start
screen, then each pane at stage 1 beside the same pane at stage 4, so a reader of the
docs sees at a glance that every pane changes with the stage.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = ((1024, 768), (1920, 1080))
LANGS = ("zh", "en")
STAGES = (1, 4)
#: Width of one picture on a contact sheet.
THUMB = 480


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("out", type=Path)
    args.add_argument("--sheets", type=Path, help="folder for the contact sheets")
    options = args.parse_args(argv)

    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap
    from PySide6.QtWidgets import QApplication

    from czt_desktop.content import load_content
    from czt_desktop.paths import bundled_data_dir
    from czt_desktop.settings import Preferences, SettingsStore
    from czt_desktop.ui.assemble import open_window

    app = QApplication.instance() or QApplication([])
    content = load_content(bundled_data_dir())
    options.out.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        # Layouts settle and the charts' deferred draws run before a picture is taken.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        loop = QEventLoop()
        QTimer.singleShot(250, loop.quit)
        loop.exec()
        app.processEvents()

    for lang in LANGS:
        for width, height in SIZES:
            with tempfile.TemporaryDirectory() as config:
                window = open_window(content, SettingsStore(Path(config)),
                                     Preferences(language=lang, welcomed=True))
                window.resize(width, height)
                window.show()
                window.finish_building()
                settle()
                shots: list[tuple[str, QPixmap]] = []
                window.show_start()
                settle()
                shots.append(("start", window.grab()))
                window.show_explorer()
                for pane_id in window.pane_ids():
                    for stage in STAGES:
                        window.selection.set_stage(stage)
                        window.show_pane(pane_id)
                        settle()
                        shots.append((f"{pane_id}-stage{stage}", window.grab()))
                tag = f"{lang}-{width}x{height}"
                for name, pixmap in shots:
                    pixmap.save(str(options.out / f"{tag}-{name}.png"))
                if options.sheets is not None:
                    options.sheets.mkdir(parents=True, exist_ok=True)
                    scale = THUMB / width
                    thumb_h = round(height * scale)
                    caption = 28
                    rows = 1 + len(window.pane_ids())
                    sheet = QImage(THUMB * 2 + 24, rows * (thumb_h + caption + 12) + 12,
                                   QImage.Format.Format_RGB32)
                    sheet.fill(QColor("#ffffff"))
                    painter = QPainter(sheet)
                    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                    font = QFont(painter.font())
                    font.setPixelSize(16)
                    painter.setFont(font)
                    for index, (name, pixmap) in enumerate(shots):
                        row = 0 if index == 0 else 1 + (index - 1) // 2
                        col = 0 if index == 0 else (index - 1) % 2
                        x = 8 + col * (THUMB + 8)
                        y = 8 + row * (thumb_h + caption + 12)
                        painter.setPen(QColor("#222222"))
                        painter.drawText(x, y + 18, name.replace("-stage", ", stage "))
                        small = pixmap.scaledToWidth(
                            THUMB, Qt.TransformationMode.SmoothTransformation)
                        painter.drawPixmap(x, y + caption, small)
                        painter.setPen(QColor("#999999"))
                        painter.drawRect(x, y + caption, small.width() - 1, small.height() - 1)
                    painter.end()
                    sheet.save(str(options.sheets / f"teaching-{tag}.png"))
                window.close()
                window.deleteLater()
                settle()
    return 0


if __name__ == "__main__":
    sys.exit(main())
