"""``write_handout``: the stages as an A4 PDF for the classroom.

Laid out by a QTextDocument on a QPdfWriter (300 dpi) and painted page by page, so the
page numbers and the running title are ours and headings never end a page alone. Qt
embeds the bundled fonts (a subset, with a ToUnicode map: the Chinese stays searchable
and copyable). The PDF is made in memory and written to a temporary file beside the
target (:mod:`czt_desktop.atomic`), then renamed: a failed save leaves nothing behind.
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QIODevice,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QRawFont,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)

from czt_desktop import languages
from czt_desktop.atomic import describe_os_error, write_bytes_atomically
from czt_desktop.content import Content, Stage
from czt_desktop.fonts import font_families
from czt_desktop.ui.charts import style
from czt_desktop.ui.handout import text_map
from czt_desktop.ui.handout.document import STYLE_SHEET, HandoutBuilder, HandoutContent
from czt_desktop.ui.handout.words import HandoutWords

log = logging.getLogger("czt.handout")

RESOLUTION = 300
PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
#: Left, top, right, bottom. The bottom margin holds the running title and page number.
MARGINS_MM = (20.0, 18.0, 20.0, 22.0)
FOOTER_FROM_BOTTOM_MM = 11.0
BODY_PT = 10.5
FOOTER_PT = 8.0
INK = "#1E1B16"
MUTED = "#5A544A"
#: Qt sizes pictures as if their pixels were screen pixels at this many dpi.
QT_IMAGE_DPI = 96
#: A heading (or a chain of them) needs this much of what follows on its page.
KEEP_WITH_NEXT_MM = 25.0


def mm_to_px(mm: float) -> float:
    return mm / 25.4 * RESOLUTION


def body_width_mm() -> float:
    return PAGE_WIDTH_MM - MARGINS_MM[0] - MARGINS_MM[2]


def write_handout(content: Content, lang: str, stage_ids: Sequence[int] | None,
                  path: Path) -> Path:
    """Write the handout for ``stage_ids`` (None: every stage) in ``lang`` to ``path``.

    Raises OSError (with the path in its message) when the file cannot be written; then
    nothing is written. Needs a running QGuiApplication (fonts and layout are Qt's).
    """
    path = Path(path)
    if not languages.is_known(lang):
        raise ValueError(f"language must be one of {', '.join(languages.codes())}, "
                         f"not {lang!r}")
    stages = chosen_stages(content, stage_ids)
    check_writable(path)
    if QGuiApplication.instance() is None:
        raise RuntimeError("write_handout needs a QGuiApplication (or QApplication)")
    data = render_handout(content, lang, stages)
    write_atomically(path, data)
    log.info("handout (%s, stages %s) written to %s, %d bytes", lang,
             ",".join(str(s.id) for s in stages), path, len(data))
    return path


def chosen_stages(content: Content, stage_ids: Sequence[int] | None) -> list[Stage]:
    if stage_ids is None:
        return list(content.stages)
    known = {s.id for s in content.stages}
    unknown = [i for i in stage_ids if i not in known]
    if unknown or not stage_ids:
        raise ValueError(f"no such stage: {unknown}" if unknown else "no stage chosen")
    return [s for s in content.stages if s.id in set(stage_ids)]


def check_writable(path: Path) -> None:
    """Fail early, before any work, if ``path`` cannot be written."""
    folder = path.parent
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, f"cannot write the handout to {path}: "
                                "it is a folder", str(path))
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, f"cannot write the handout to {path}: the "
                                f"folder {folder} does not exist", str(path))
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise PermissionError(errno.EACCES, f"cannot write the handout to {path}: "
                              "permission denied", str(path))


def write_atomically(path: Path, data: bytes) -> None:
    """All at once through :mod:`czt_desktop.atomic` (a temporary file of its own beside
    ``path``, flushed, renamed, the folder flushed): a failed write leaves an earlier
    handout whole and nothing else behind. The OSError names the file and the reason."""
    try:
        write_bytes_atomically(path, data)
    except OSError as exc:
        raise OSError(exc.errno, f"cannot write the handout to {path}: "
                      f"{describe_os_error(exc)}", str(path)) from exc


# -- rendering ---------------------------------------------------------------------------------
def render_handout(content: Content, lang: str, stages: Sequence[Stage]) -> bytes:
    """The handout as PDF bytes."""
    style.register_fonts()  # the bundled fonts, for Qt and for matplotlib
    handout = HandoutBuilder(content, lang, body_width_mm()).build(stages)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setResolution(RESOLUTION)
    writer.setTitle(handout.title)
    writer.setCreator("czt-desktop")
    document = _document(handout, lang, writer)
    _keep_headings_with_next(document)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(errno.EIO, "the PDF could not be started")
    try:
        footers = _paint_pages(document, painter, writer, handout.title, HandoutWords(lang),
                               lang)
    finally:
        painter.end()
    buffer.close()
    pdf = bytes(buffer.data().data())
    # Copy and search must give the characters written, not look-alikes sharing a glyph.
    written = document.toPlainText() + handout.title + "".join(footers)
    return text_map.remap(pdf, text_map.aliases(_fonts_used(lang), written,
                                                text_map.cmap_codes(pdf)))


def _font(lang: str, families: list[str] | None = None, bold: bool = False,
          point_size: float = BODY_PT) -> QFont:
    font = QFont()
    font.setFamilies(families or font_families(lang))
    font.setPointSizeF(point_size)
    font.setBold(bold)
    # No ligatures: copied text would hold one character (U+FB03) for "ffi" in "Office".
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def _fonts_used(lang: str) -> list[QRawFont]:
    """The fonts Qt draws the handout with (each family, regular and bold)."""
    return [QRawFont.fromFont(_font(lang, [family], bold))
            for family in font_families(lang) for bold in (False, True)]


def _document(handout: HandoutContent, lang: str, writer: QPdfWriter) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(_font(lang))
    document.setDefaultStyleSheet(STYLE_SHEET)
    document.setDocumentMargin(0)
    body = QSizeF(mm_to_px(body_width_mm()),
                  mm_to_px(PAGE_HEIGHT_MM - MARGINS_MM[1] - MARGINS_MM[3]))
    document.setPageSize(body)
    html = handout.html
    for url, picture in handout.pictures.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url),
                             QImage.fromData(picture.png))
        # Qt scales a picture's size from screen pixels to the printer's: give it in those.
        width = round(picture.width_mm / 25.4 * QT_IMAGE_DPI)
        height = round(picture.height_mm / 25.4 * QT_IMAGE_DPI)
        html = html.replace(f'<img src="{url}" />',
                            f'<img src="{url}" width="{width}" height="{height}" />')
    document.setHtml(html)
    return document


def _keep_headings_with_next(document: QTextDocument) -> None:
    """Move a heading that would end a page (with no room for what it heads) to the next
    page, with the headings right before it. Repeats until nothing moves (each move can
    shift what follows)."""
    page = document.pageSize().height()
    room = mm_to_px(KEEP_WITH_NEXT_MM)
    layout = document.documentLayout()
    for _attempt in range(200):
        moved = False
        block = document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == 0 or block.previous().blockFormat() \
                    .headingLevel() > 0:
                block = block.next()
                continue
            top = layout.blockBoundingRect(block).top()
            after = block.next()
            while after.isValid() and after.blockFormat().headingLevel() > 0:
                after = after.next()
            if not after.isValid():
                break
            # What follows needs ``room`` (a table's header and first rows, a picture's
            # top), or less if the document ends sooner.
            rect = layout.blockBoundingRect(after)
            lines = after.layout()
            first_line = lines.lineAt(0).height() if lines is not None and \
                lines.lineCount() else 0.0
            needed = min(rect.top() + max(room, first_line),
                         layout.documentSize().height()) - 1
            starts_page = top % page < 1
            if not starts_page and int(needed // page) != int(top // page):
                cursor = QTextCursor(block)
                pushed = QTextBlockFormat()
                pushed.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.mergeBlockFormat(pushed)
                moved = True
                break
            block = block.next()
        if not moved:
            return


def _paint_pages(document: QTextDocument, painter: QPainter, writer: QPdfWriter,
                 title: str, words: HandoutWords, lang: str) -> list[str]:
    """Paint every page with its footer; returns the footers' page numbers as painted."""
    body = document.pageSize()
    left, top = mm_to_px(MARGINS_MM[0]), mm_to_px(MARGINS_MM[1])
    page_h = mm_to_px(PAGE_HEIGHT_MM)
    count = document.pageCount()
    footer_font = _font(lang, point_size=FOOTER_PT)
    footers: list[str] = []
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette.setColor(QPalette.ColorRole.Text, QColor(INK))
    for index in range(count):
        if index:
            writer.newPage()
        painter.save()
        painter.translate(left, top - index * body.height())
        clip = QRectF(0, index * body.height(), body.width(), body.height())
        painter.setClipRect(clip)
        context.clip = clip
        document.documentLayout().draw(painter, context)
        painter.restore()
        painter.save()
        painter.setFont(footer_font)
        painter.setPen(QColor(MUTED))
        line = QRectF(left, page_h - mm_to_px(FOOTER_FROM_BOTTOM_MM) - mm_to_px(4),
                      body.width(), mm_to_px(6))
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        number = words(QT_TRANSLATE_NOOP("HandoutWriter", "Page %1 of %2"), index + 1, count)
        footers.append(number)
        painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         number)
        painter.restore()
    return footers
