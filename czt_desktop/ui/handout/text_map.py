"""Make the PDF's text come out as it was written when copied or searched.

A PDF maps each glyph back to a character (its ``/ToUnicode`` CMap). Qt picks, for a
glyph, the lowest code point the font maps to it. Fonts share glyphs between look-alike
code points: Noto Sans CJK draws 长 (U+957F) and the radical U+2ED3 with one glyph,
文 (U+6587) and the Kangxi radical U+2F42, the en dash (U+2013) and the figure dash
(U+2012). So a teacher copying "长株潭" from the handout would get a radical instead of
长 (it looks the same), and searching the PDF for 长株潭 would fail. This module
rewrites those CMap entries to the characters the document really contains. Each
replacement has the same length (four hex digits), so the PDF's byte offsets stay
valid.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtGui import QRawFont

_TO_UNICODE = re.compile(rb"/ToUnicode\s+(\d+)\s+0\s+R")
_ARRAY = re.compile(rb"\[([^\]]*)\]")
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_PAIR = re.compile(rb"(<[0-9A-Fa-f]{4}>\s*)<([0-9A-Fa-f]{4})>")
_CODE = re.compile(rb"<([0-9A-Fa-f]{4})>")


def aliases(fonts: Iterable[QRawFont], wanted: Iterable[str], found: Iterable[int]
            ) -> dict[int, int]:
    """For each code point in ``found`` that the document does not contain: the document
    character drawn with the same glyph of one of ``fonts``, if there is one."""
    wanted_chars = sorted({c for c in wanted if ord(c) <= 0xFFFF})
    wanted_codes = {ord(c) for c in wanted_chars}
    strangers = sorted({u for u in found if u not in wanted_codes})
    result: dict[int, int] = {}
    if not strangers or not wanted_chars:
        return result
    for font in fonts:
        if not font.isValid():
            continue
        glyphs = font.glyphIndexesForString("".join(wanted_chars))
        by_glyph: dict[int, int] = {}
        for char, glyph in zip(wanted_chars, glyphs, strict=True):
            if glyph:
                by_glyph.setdefault(glyph, ord(char))
        stranger_glyphs = font.glyphIndexesForString("".join(chr(u) for u in strangers))
        for code, glyph in zip(strangers, stranger_glyphs, strict=True):
            if glyph and glyph in by_glyph:
                result.setdefault(code, by_glyph[glyph])
    return result


def cmap_codes(pdf: bytes) -> set[int]:
    """Every destination code point of the PDF's ToUnicode CMaps."""
    codes: set[int] = set()
    for start, end in _cmap_spans(pdf):
        body = pdf[start:end]
        for array in _ARRAY.finditer(body):
            codes.update(int(c, 16) for c in _CODE.findall(array.group(1)))
        for section in _BFCHAR.finditer(body):
            codes.update(int(m.group(2), 16) for m in _PAIR.finditer(section.group(1)))
    return codes


def remap(pdf: bytes, mapping: dict[int, int]) -> bytes:
    """The PDF with the ToUnicode destinations in ``mapping`` replaced."""
    if not mapping:
        return pdf

    def code(value: bytes) -> bytes:
        number = int(value, 16)
        return f"{mapping.get(number, number):04X}".encode() if number in mapping else value

    def in_array(match: re.Match[bytes]) -> bytes:
        return b"[" + _CODE.sub(lambda m: b"<" + code(m.group(1)) + b">", match.group(1)) + b"]"

    def in_bfchar(match: re.Match[bytes]) -> bytes:
        inner = _PAIR.sub(lambda m: m.group(1) + b"<" + code(m.group(2)) + b">", match.group(1))
        return b"beginbfchar" + inner + b"endbfchar"

    out = bytearray(pdf)
    for start, end in _cmap_spans(pdf):
        body = pdf[start:end]
        fixed = _BFCHAR.sub(in_bfchar, _ARRAY.sub(in_array, body))
        assert len(fixed) == len(body)  # same length: the cross-reference table holds
        out[start:end] = fixed
    return bytes(out)


def _cmap_spans(pdf: bytes) -> list[tuple[int, int]]:
    """Where the content of each ToUnicode stream is (between stream/endstream)."""
    spans = []
    for number in dict.fromkeys(m.group(1) for m in _TO_UNICODE.finditer(pdf)):
        header = re.search(rb"(?:^|\s)" + number + rb"\s+0\s+obj\b", pdf)
        if header is None:
            continue
        start = pdf.find(b"stream", header.end())
        end = pdf.find(b"endstream", start)
        if start < 0 or end < 0:
            continue
        spans.append((start + len(b"stream"), end))
    return spans
