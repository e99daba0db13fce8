"""Make the app icon files from the one source image, resources/icons/czt-desktop.svg.

    .venv/bin/python tools/make_icons.py

Writes, beside the SVG:
- ``czt-desktop-<N>.png`` for N in :data:`PNG_SIZES` (the Linux hicolor icon sizes; the
  packaging script copies them into ``share/icons/hicolor/NxN/apps/``),
- ``czt-desktop.png`` (256 px: the window icon the app sets at start),
- ``czt-desktop.ico`` (Windows executable icon, 16–256 px),
- ``czt-desktop.icns`` (macOS app bundle icon, 16–1024 px).

Qt (QtSvg, in PySide6-Essentials) renders the SVG; Pillow (already installed as a
dependency of matplotlib) writes the .ico and .icns containers. The generated files are
committed, so building the app does not need this script.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "czt-desktop.svg"
#: hicolor sizes a desktop asks for (freedesktop icon theme spec), plus 512 for HiDPI.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render_png(size: int) -> bytes:
    """The SVG rendered at ``size``×``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SOURCE}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    # Rendering needs a QGuiApplication (fonts, image plugins) but no screen.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    rendered = {size: render_png(size) for size in sorted({*PNG_SIZES, *ICNS_SIZES})}
    written: list[Path] = []
    for size in PNG_SIZES:
        path = ICONS / f"czt-desktop-{size}.png"
        path.write_bytes(rendered[size])
        written.append(path)
    window_icon = ICONS / "czt-desktop.png"
    window_icon.write_bytes(rendered[256])
    written.append(window_icon)

    # Each size is rendered from the SVG (not scaled down from 256 px) so small icons
    # stay crisp; Pillow only packs them.
    images = {size: Image.open(io.BytesIO(rendered[size])).convert("RGBA")
              for size in rendered}
    ico = ICONS / "czt-desktop.ico"
    images[256].save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                     append_images=[images[s] for s in ICO_SIZES if s != 256])
    written.append(ico)
    icns = ICONS / "czt-desktop.icns"
    images[1024].save(icns, format="ICNS",
                      append_images=[images[s] for s in ICNS_SIZES if s != 1024])
    written.append(icns)
    del app
    for path in written:
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
