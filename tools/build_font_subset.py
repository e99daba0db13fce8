#!/usr/bin/env python3
"""Build the bundled font subsets in ``resources/fonts/``.

Why this exists
---------------
czt_desktop shows Chinese and English text and must render Chinese on a
machine that has no CJK font installed (a stock Windows Server image, a
minimal Linux container, CI).  We therefore ship our own copy of Noto Sans CJK
SC, which is licensed under the SIL Open Font License 1.1 (see
``resources/fonts/OFL.txt`` and ``resources/fonts/README.md``).

We also ship Noto Sans (Latin, same family, same licence).  Noto Sans CJK
draws the punctuation that Chinese and English share (“ ” ‘ ’ … •) one em
wide, as Chinese typography wants; in English that reads “ Five Sames Plan ”.
The app puts Noto Sans first for English text and Noto Sans CJK SC first for
Chinese text, and Qt and matplotlib fall back per character to the other one
(``czt_desktop/fonts.py``).

The full face is ~16 MB per weight (65,535 glyphs covering Japanese, Korean
and both Chinese standards), far too much to ship for an app that only needs
Simplified Chinese.  This script cuts it down to:

* printable ASCII, Latin-1 Supplement, General Punctuation, CJK Symbols and
  Punctuation, Halfwidth and Fullwidth Forms and a few common math / arrow
  symbols;
* the whole GB 2312 repertoire: its 6,763 hanzi (which cover ~99.99 % of
  running modern Chinese text) and its 682 non-hanzi symbols (pinyin tone
  letters, Greek, Cyrillic, kana, bopomofo, circled numbers, ℃, №, box
  drawing...);
* every non-ASCII character that actually occurs in the project's own text
  (``data/`` and the UI sources), so a rare place name can never render as a
  box.

Noto Sans (~0.5 MB per weight, 3,300 glyphs incl. Greek, Cyrillic, IPA and
Vietnamese) is cut down to printable ASCII, Latin-1 Supplement, Latin
Extended-A, the pinyin tone letters, General Punctuation and a few symbols,
plus the project's non-CJK characters; Han and full-width forms are left to
the CJK font.

Inputs are the Debian/Ubuntu packages ``fonts-noto-cjk`` (Noto Sans CJK as
OpenType collections, .ttc) and ``fonts-noto-core`` (Noto Sans as static,
hinted TrueType .ttf): ``apt-get install fonts-noto-cjk fonts-noto-core``.
The only Python dependency is fontTools.  Nothing is downloaded.

Usage::

    python tools/build_font_subset.py            # regenerate resources/fonts/*
    python tools/build_font_subset.py --help     # all options

The module is importable: tests use :func:`required_characters` to check
that the shipped CJK fonts cover every character the project displays.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # fontTools is only needed to *build*, not to import this module.
    from fontTools.ttLib import TTFont

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Where Debian's fonts-noto-cjk puts the static Regular / Bold collections.
DEFAULT_SOURCE_REGULAR = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
DEFAULT_SOURCE_BOLD = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")
# Where Debian's fonts-noto-core puts static, ttfautohint-hinted Noto Sans.
DEFAULT_SOURCE_LATIN_REGULAR = Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf")
DEFAULT_SOURCE_LATIN_BOLD = Path("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf")
# Debian's machine-readable copyright file, which carries the full OFL 1.1 text.
DEFAULT_LICENCE_SOURCE = Path("/usr/share/doc/fonts-noto-cjk/copyright")

# The collection member we want.  Chosen by the family name in the 'name'
# table, never by index: the member order of a .ttc is not a stable interface.
SOURCE_FAMILY = "Noto Sans CJK SC"

# The Latin font, by the same rule.  Noto Sans has no typographic names
# (IDs 16/17), so this is its legacy family name (ID 1), kept unchanged.
LATIN_SOURCE_FAMILY = "Noto Sans"

# Output file names, by style (the style must match the name table's subfamily).
# The extension follows the outlines: CFF in .otf, TrueType in .ttf.
OUTPUT_FILES: dict[str, str] = {
    "Regular": "NotoSansCJKsc-Regular-subset.otf",
    "Bold": "NotoSansCJKsc-Bold-subset.otf",
}
LATIN_OUTPUT_FILES: dict[str, str] = {
    "Regular": "NotoSans-Regular-subset.ttf",
    "Bold": "NotoSans-Bold-subset.ttf",
}

# Project text scanned for characters: (folder relative to the project root,
# glob patterns matched recursively).  Folders that do not exist are skipped.
PROJECT_TEXT_SOURCES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("data", ("*.csv", "*.json", "*.md")),
    ("czt_desktop", ("*.py",)),
    ("resources/translations", ("*.ts",)),
    ("resources/styles", ("*",)),
)

# Unicode blocks kept whole (assigned code points only).
KEPT_BLOCKS: tuple[tuple[str, int, int], ...] = (
    ("Basic Latin (printable)", 0x0020, 0x007E),
    ("Latin-1 Supplement", 0x00A0, 0x00FF),
    ("General Punctuation", 0x2000, 0x206F),
    ("CJK Symbols and Punctuation", 0x3000, 0x303F),
    ("Halfwidth and Fullwidth Forms", 0xFF00, 0xFFEF),
)

# Symbols used in figures, tables and UI text that the blocks above miss.
EXTRA_SYMBOLS = "×÷±≤≥→←↑↓≈−…·•"

# Unicode blocks kept whole in the Latin font (assigned code points only).
LATIN_KEPT_BLOCKS: tuple[tuple[str, int, int], ...] = (
    ("Basic Latin (printable)", 0x0020, 0x007E),
    ("Latin-1 Supplement", 0x00A0, 0x00FF),
    # Names and words in English text beyond Latin-1 (Łódź, Dvořák, ő, œ).
    ("Latin Extended-A", 0x0100, 0x017F),
    # Pinyin in English text (Xiāngtán, Lǚ): Latin Extended-A has the macron
    # and caron vowels ā ě ī ō ū, these hold Ǎǎ Ǐǐ Ǒǒ Ǔǔ and the ü forms Ǖǖ Ǘǘ Ǚǚ Ǜǜ.
    ("Latin Extended-B (pinyin tone letters)", 0x01CD, 0x01DC),
    ("Latin Extended-B (pinyin Ǹ ǹ)", 0x01F8, 0x01F9),
    # The reason the Latin font exists: – — ‘ ’ “ ” … • ′ ″ at Latin width.
    ("General Punctuation", 0x2000, 0x206F),
)

# The rest of pinyin: ḿ, ế, ề are precomposed outside the blocks above, and
# m̄, ê̄, ê̌ (and pinyin pasted in decomposed form, a + U+0304) need the
# combining tone marks.  A mark missing here would be drawn by the CJK font,
# placed by a different font's metrics.
LATIN_PINYIN_EXTRAS = "ḾḿẾếỀề\u0300\u0301\u0304\u0308\u030c"

# Symbols for English UI text, figures and tables.  Only the ones Noto Sans
# has end up in the subset; the build lists the others, which Qt and
# matplotlib then take from the CJK font (or the system).
LATIN_EXTRA_SYMBOLS = "€×÷±−≤≥≈←↑→↓●○▶✓✗"

# OpenType layout features to keep.  HarfBuzz applies the first group by
# default for Latin and Han; 'palt'/'halt' (proportional / half-width CJK
# punctuation) and the vertical-text features are small and let the UI opt in
# to them.  Everything else (aalt, fwid, hwid, pwid, ruby, hist, dlig...) is
# for DTP use and is dropped.
LAYOUT_FEATURES: tuple[str, ...] = (
    "rvrn",
    "ccmp",
    "locl",
    "rlig",
    "calt",
    "clig",
    "liga",
    "kern",
    "mark",
    "mkmk",
    "palt",
    "halt",
    "vert",
    "vrt2",
    "vkrn",
    "vpal",
    "vhal",
)

# Layout features kept in the Latin font: what HarfBuzz applies by default
# to horizontal Latin text.  Small caps, old-style and proportional figures,
# fractions, stylistic sets, superiors... are typesetting options the UI does
# not use.  (Noto Sans's default figures are already tabular, so columns of
# numbers line up without 'tnum'.)
LATIN_LAYOUT_FEATURES: tuple[str, ...] = (
    "rvrn",
    "ccmp",
    "locl",
    "rlig",
    "calt",
    "clig",
    "liga",
    "kern",
    "mark",
    "mkmk",
)

# Language systems kept in GSUB/GPOS (besides each script's default one).
# The SC member's default glyphs already are the Simplified Chinese forms;
# its 'locl' lookups for JAN/KOR/ZHT/ZHH swap ~5,000 hanzi to Japanese,
# Korean or Traditional forms.  Keeping them would pull all those alternate
# glyphs into the subset (3.45 MB instead of 1.95 MB) and, worse, make Qt/HarfBuzz draw our
# Chinese text with Japanese glyph shapes on a machine whose locale is ja_JP.
KEPT_LANGUAGE_SYSTEMS = frozenset({"ZHS "})

# OS/2 ulCodePageRange1 bits (OpenType spec).  Windows and Qt's Windows font
# database decide whether a font "supports" Chinese from these bits, so the
# subset must keep bit 18 and must not claim the CJK code pages it lost.
CP_JIS, CP_GB2312, CP_KOREAN_WANSUNG, CP_BIG5, CP_KOREAN_JOHAB = 17, 18, 19, 20, 21


# --------------------------------------------------------------------------
# Character sets
# --------------------------------------------------------------------------


def _is_displayable(ch: str) -> bool:
    """True for characters a font is expected to have a glyph for.

    Never glyphs: control characters (newline, tab...), surrogates, private
    use and unassigned code points.  Invisible too: format characters (BOM,
    zero-width space/joiners, bidi controls, U+2061...) and the line and
    paragraph separators, which shapers handle without a glyph and Noto does
    not contain; only the soft hyphen (drawn as "-" at a line break) stays.
    """
    if ch == "\u00ad":
        return True
    return unicodedata.category(ch) not in {"Cc", "Cs", "Co", "Cn", "Cf", "Zl", "Zp"}


def _gb2312_characters(first_row: int, last_row: int) -> set[str]:
    """Decode every two-byte GB 2312 code in rows ``first_row..last_row``.

    Cells run 0xA1..0xFE.  Codes the codec rejects (the unassigned tail of
    row 0xD7 and holes in the symbol rows) are skipped.
    """
    chars: set[str] = set()
    for row in range(first_row, last_row + 1):
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(bytes((row, cell)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def gb2312_hanzi() -> set[str]:
    """The 6,763 hanzi of GB 2312 (rows 0xB0-0xF7)."""
    hanzi = _gb2312_characters(0xB0, 0xF7)
    # A codec change would silently shrink the subset; fail loudly instead.
    if len(hanzi) != 6763:
        raise RuntimeError(f"expected 6763 GB 2312 hanzi, the codec gave {len(hanzi)}")
    return hanzi


def gb2312_symbols() -> set[str]:
    """The 682 non-hanzi characters of GB 2312 (rows 0xA1-0xA9).

    Cheap (~100 KB per weight) and they turn up in Chinese text: ℃, №, ‰,
    ①, Ⅳ, pinyin tone letters (Chángshā), Greek letters in statistics.
    Having them all also makes the font honestly cover code page 936, which
    is what Windows and Qt look at (OS/2 code-page bit 18).
    """
    return _gb2312_characters(0xA1, 0xA9)


def base_characters() -> set[str]:
    """Unicode blocks and symbols kept regardless of the project's text."""
    chars = {chr(cp) for _name, first, last in KEPT_BLOCKS for cp in range(first, last + 1)}
    chars.update(EXTRA_SYMBOLS)
    return {ch for ch in chars if _is_displayable(ch)}


def is_wide(ch: str) -> bool:
    """True for characters that East Asian text draws full width (UAX #11: W or F).

    Hanzi, kana, 《》, 「」, full-width forms such as （）and ，: these belong
    to the CJK font even inside English text (a quoted Chinese title), so the
    Latin font neither needs nor should take them.  "Ambiguous" characters
    such as “ ” … are not wide: they are exactly what the Latin font is for.
    """
    return unicodedata.east_asian_width(ch) in {"W", "F"}


def latin_base_characters() -> set[str]:
    """Blocks and symbols asked of the Latin font regardless of the project's text."""
    chars = {chr(cp) for _name, first, last in LATIN_KEPT_BLOCKS for cp in range(first, last + 1)}
    chars.update(LATIN_PINYIN_EXTRAS)
    chars.update(LATIN_EXTRA_SYMBOLS)
    return {ch for ch in chars if _is_displayable(ch)}


def _iter_project_text_files(project_root: Path) -> Iterator[Path]:
    """Yield the project files whose characters must be renderable, sorted."""
    for folder, patterns in PROJECT_TEXT_SOURCES:
        base = project_root / folder
        if not base.is_dir():
            continue  # the folder may not exist yet in an early checkout
        found: set[Path] = set()
        for pattern in patterns:
            found.update(p for p in base.rglob(pattern) if p.is_file())
        yield from sorted(found)


def _read_text(path: Path) -> str | None:
    """Read a project file as UTF-8, or return None for a binary file.

    A file containing NUL bytes (an icon under resources/styles, say) is
    binary and skipped.  Any other file must be UTF-8: guessing another
    encoding would put wrong characters into the font without warning.
    """
    raw = path.read_bytes()
    if b"\x00" in raw:
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 ({exc}); convert it to UTF-8") from exc


def _json_strings(value: object) -> Iterator[str]:
    """Yield every string (keys included) inside a parsed JSON document."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def _characters_in_file(path: Path) -> set[str]:
    """All characters a file would show, undoing format-level escapes."""
    text = _read_text(path)
    if text is None:
        return set()
    chars = set(text)
    suffix = path.suffix.lower()
    if suffix == ".json":
        # json.dump(ensure_ascii=True) writes 长 as "\u957f": decode it.
        try:
            document = json.loads(text)
        except json.JSONDecodeError:
            pass  # malformed JSON is the data loader's problem; keep raw text
        else:
            for string in _json_strings(document):
                chars.update(string)
    elif suffix == ".ts":
        # Qt Linguist files are XML and may hold &#x957f; references.
        chars.update(html.unescape(text))
    return chars


def required_characters(project_root: Path) -> set[str]:
    """Return the non-ASCII characters that the project's own text displays.

    Scans every file listed in ``PROJECT_TEXT_SOURCES`` (data/*.csv|json|md,
    czt_desktop/**/*.py, resources/translations/**/*.ts, resources/styles/*)
    below ``project_root``; missing folders are skipped.  ASCII is left out
    (the fonts always contain printable ASCII), and so are characters that
    never need a glyph (see :func:`_is_displayable`: controls, BOM,
    zero-width and bidi format characters, private use, unassigned).

    Needs only the standard library, so tests can import it without fontTools.
    """
    chars: set[str] = set()
    for path in _iter_project_text_files(project_root):
        chars.update(_characters_in_file(path))
    return {ch for ch in chars if ord(ch) > 0x7F and _is_displayable(ch)}


@dataclass(frozen=True)
class CharacterRequest:
    """The characters asked of the subsetter, kept by origin for the report."""

    base: frozenset[str]
    gb2312_hanzi: frozenset[str]
    gb2312_symbols: frozenset[str]
    project: frozenset[str]

    @property
    def all(self) -> frozenset[str]:
        return self.base | self.gb2312_hanzi | self.gb2312_symbols | self.project


def requested_characters(project_root: Path) -> CharacterRequest:
    """Everything the subset should contain."""
    return CharacterRequest(
        base=frozenset(base_characters()),
        gb2312_hanzi=frozenset(gb2312_hanzi()),
        gb2312_symbols=frozenset(gb2312_symbols()),
        project=frozenset(required_characters(project_root)),
    )


@dataclass(frozen=True)
class LatinCharacterRequest:
    """The characters asked of the Latin subsetter, kept by origin for the report."""

    base: frozenset[str]
    project: frozenset[str]

    @property
    def all(self) -> frozenset[str]:
        return self.base | self.project


def requested_latin_characters(project_root: Path) -> LatinCharacterRequest:
    """Everything the Latin subset should contain.

    The project's own non-wide characters are asked for too, so a new one in
    the English text (ő in a name, ℃ in a note) is drawn by the Latin font
    whenever Noto Sans has it, without editing the lists above.
    """
    return LatinCharacterRequest(
        base=frozenset(latin_base_characters()),
        project=frozenset(ch for ch in required_characters(project_root) if not is_wide(ch)),
    )


# --------------------------------------------------------------------------
# Fonts
# --------------------------------------------------------------------------


def _family_and_style(font: TTFont) -> tuple[str | None, str | None]:
    """Typographic family/subfamily (name IDs 16/17), else legacy IDs 1/2."""
    name = font["name"]
    family = name.getDebugName(16) or name.getDebugName(1)
    style = name.getDebugName(17) or name.getDebugName(2)
    return family, style


def find_member(collection: Path, family: str, style: str) -> int:
    """Index of the ``family``/``style`` face inside an OpenType collection.

    Reads only the name tables.  Also accepts a plain .otf/.ttf, returning 0
    if its names match.
    """
    from fontTools.ttLib import TTCollection, TTFont

    if collection.read_bytes()[:4] == b"ttcf":
        members = list(TTCollection(str(collection), lazy=True).fonts)
    else:
        members = [TTFont(str(collection), lazy=True)]
    seen: list[str] = []
    for index, member in enumerate(members):
        member_family, member_style = _family_and_style(member)
        seen.append(f"{index}: {member_family} / {member_style}")
        if member_family == family and member_style == style:
            return index
    raise LookupError(
        f"{collection}: no face '{family}' / '{style}'; it holds:\n  " + "\n  ".join(seen)
    )


def _keep_language_systems(font: TTFont, keep: frozenset[str]) -> None:
    """Drop GSUB/GPOS language systems not in ``keep`` (see KEPT_LANGUAGE_SYSTEMS).

    Each script's default language system stays.  The subsetter then closes
    glyphs over the remaining features only and prunes unused lookups.
    """
    for tag in ("GSUB", "GPOS"):
        if tag not in font:
            continue
        script_list = font[tag].table.ScriptList
        if script_list is None:
            continue
        for record in script_list.ScriptRecord:
            script = record.Script
            script.LangSysRecord = [r for r in script.LangSysRecord if r.LangSysTag in keep]
            script.LangSysCount = len(script.LangSysRecord)


def _set_cjk_code_pages(font: TTFont, covers_gb2312: bool) -> None:
    """Make OS/2 ulCodePageRange1 claim exactly the CJK code page we cover.

    fontTools clears bit 18 (GB 2312) unless U+3105 ㄅ survives, and keeps
    JIS/Big5 bits that a GB 2312 subset does not honour.  Qt on Windows only
    offers a font for Han text if it has a CJK code-page bit, and a false
    Japanese/Korean/Traditional claim would stop Qt falling back to a font
    that really has those glyphs.
    """
    os2 = font["OS/2"]
    bits = os2.ulCodePageRange1
    for bit in (CP_JIS, CP_KOREAN_WANSUNG, CP_BIG5, CP_KOREAN_JOHAB):
        bits &= ~(1 << bit)
    if covers_gb2312:
        bits |= 1 << CP_GB2312
    else:
        bits &= ~(1 << CP_GB2312)
    os2.ulCodePageRange1 = bits


@dataclass(frozen=True)
class SubsetResult:
    """What one subsetting run produced."""

    style: str
    source: Path
    member_index: int
    output: Path
    covered: frozenset[str]
    missing: frozenset[str]
    glyph_count: int
    size_bytes: int
    version: str
    seconds: float


def subset_face(
    source: Path,
    style: str,
    chars: frozenset[str],
    output: Path,
    *,
    family: str = SOURCE_FAMILY,
    keep_hinting: bool = True,
    gb2312: frozenset[str] = frozenset(),
    layout_features: Sequence[str] = LAYOUT_FEATURES,
    language_systems: frozenset[str] | None = KEPT_LANGUAGE_SYSTEMS,
) -> SubsetResult:
    """Subset the ``family``/``style`` face of ``source`` to ``chars``; write ``output``.

    The defaults are those of the CJK font.  ``language_systems=None`` keeps
    every language system (the Latin font's Romanian, Catalan... ``locl``
    forms are a handful of glyphs).  A font that covers no GB 2312
    (``gb2312`` empty) ends up claiming no CJK code page.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    started = time.perf_counter()
    index = find_member(source, family, style)
    # recalcTimestamp=False keeps head.modified from upstream, so the same
    # inputs give byte-identical outputs (no churn in git on a rebuild).
    font = TTFont(str(source), fontNumber=index, recalcTimestamp=False)
    if "fvar" in font:
        # We ship one static face per file and style: a variable font would
        # carry every weight in one bigger file, and find_member() above only
        # matched its default instance's names.
        raise ValueError(
            f"{source} is a variable font; make a static {style} instance first, e.g. "
            f"'fonttools varLib.instancer {source.name} wght={700 if style == 'Bold' else 400}'"
        )
    available = {chr(cp) for cp in font.getBestCmap()}
    version = font["name"].getDebugName(5) or "unknown"
    outlines = "CFF " if "CFF " in font else "glyf"

    if language_systems is not None:
        _keep_language_systems(font, language_systems)

    options = subset.Options()
    options.layout_features = list(layout_features)
    # Keep the whole name table, all languages (the zh-CN names too): it
    # holds the copyright, licence and trademark notices the OFL requires us
    # to keep, and the original family name (see README: no RFN applies).
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    # A visible box for .notdef makes a missing glyph obvious instead of blank.
    options.notdef_outline = True
    # Hints (CFF stem hints in the CJK font, ttfautohint's TrueType
    # instructions in Noto Sans) cost ~15 % of the CJK files (~0.3 MB) and
    # ~35 % of the small Latin ones (~21 KB), and keep small UI text crisp
    # where the rasteriser uses them (FreeType, GDI); so they stay unless asked.
    options.hinting = keep_hinting
    # Keep CFF subroutines: desubroutinising would grow the file.
    options.desubroutinize = False

    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(ch) for ch in chars))
    subsetter.subset(font)

    kept = {chr(cp) for cp in font.getBestCmap()}
    _set_cjk_code_pages(font, covers_gb2312=bool(gb2312) and gb2312 <= kept)

    output.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(output))
    font.close()

    _check_output(output, family, style, outlines)
    return SubsetResult(
        style=style,
        source=source,
        member_index=index,
        output=output,
        covered=frozenset(chars & kept),
        missing=frozenset(chars - available),
        glyph_count=len(TTFont(str(output), lazy=True).getGlyphOrder()),
        size_bytes=output.stat().st_size,
        version=version,
        seconds=time.perf_counter() - started,
    )


# sfnt version and file extension that go with each kind of outlines.
_OUTLINE_FORMATS: dict[str, tuple[str, str]] = {
    "CFF ": ("OTTO", ".otf"),
    "glyf": ("\x00\x01\x00\x00", ".ttf"),
}


def _check_output(path: Path, family: str, style: str, outlines: str) -> None:
    """Re-open the written file: one face, ``outlines`` as in the source, our names.

    The extension must match the outlines too: some font managers trust it.
    """
    from fontTools.ttLib import TTFont

    sfnt_version, suffix = _OUTLINE_FORMATS[outlines]
    font = TTFont(str(path))
    if font.sfntVersion != sfnt_version or outlines not in font:
        raise RuntimeError(f"{path}: expected a font with {outlines.strip()} outlines")
    if path.suffix.lower() != suffix:
        raise RuntimeError(f"{path}: {outlines.strip()} outlines belong in a {suffix} file")
    got = _family_and_style(font)
    if got != (family, style):
        raise RuntimeError(f"{path}: names are {got}, expected {(family, style)}")
    font.ensureDecompiled()  # parses every table: catches a corrupt write


# --------------------------------------------------------------------------
# Licence
# --------------------------------------------------------------------------

OFL_HEADER = """\
{notices}

This Font Software is licensed under the SIL Open Font License, Version 1.1.
This license is copied below, and is also available with a FAQ at:
http://scripts.sil.org/OFL


"""


def ofl_text_from_debian_copyright(copyright_file: Path) -> str:
    """Extract the verbatim OFL 1.1 text from a Debian machine-readable copyright file.

    The licence is the stand-alone ``License: SIL-1.1`` paragraph.  Its lines
    are indented by one space and blank lines are written as `` .``
    (DEP-5), which we undo; the words are left exactly as they are.
    """
    text = copyright_file.read_text(encoding="utf-8")
    match = re.search(
        r"^License: (?:SIL-1\.1|OFL-1\.1)\n((?:[ \t].*(?:\n|$))+)", text, re.MULTILINE
    )
    if match is None:
        raise LookupError(f"{copyright_file}: no full 'License: SIL-1.1' paragraph")
    lines = match.group(1).rstrip("\n").split("\n")
    body = "\n".join("" if line.strip() == "." else line[1:] for line in lines)
    for needle in ("SIL OPEN FONT LICENSE Version 1.1", "PERMISSION & CONDITIONS", "DISCLAIMER"):
        if needle not in body:
            raise LookupError(f"{copyright_file}: OFL text incomplete (no '{needle}')")
    return body.strip("\n") + "\n"


@dataclass(frozen=True)
class LicensedFont:
    """One bundled family, for its notice at the top of OFL.txt."""

    family: str
    # (source font, style) of every face we ship; each one's notices are read.
    faces: tuple[tuple[Path, str], ...]
    # The bundled files made from it, named so a reader knows whose notice is whose.
    files: tuple[str, ...]


def font_notice(licensed: LicensedFont) -> str:
    """'<family> (<files>):' and the copyright/trademark lines of its name tables.

    Lines are taken from every shipped face and de-duplicated, so a weight
    with a different notice would not be silently dropped.
    """
    from fontTools.ttLib import TTFont

    lines: list[str] = []
    for source, style in licensed.faces:
        font = TTFont(str(source), fontNumber=find_member(source, licensed.family, style))
        name = font["name"]
        # nameID 0 reads "© 2014-2021 Adobe (...)."; spelled "Copyright" as the OFL template does.
        notice = (name.getDebugName(0) or "").replace("©", "Copyright").strip()
        trademark = (name.getDebugName(7) or "").strip()
        lines.extend(line for line in (notice, trademark) if line and line not in lines)
    return f"{licensed.family} ({', '.join(licensed.files)}):\n" + "\n".join(lines)


def write_licence(copyright_file: Path, fonts: Sequence[LicensedFont], output: Path) -> None:
    """Write OFL.txt: each font's own copyright/trademark lines + the OFL 1.1 text.

    One licence text serves all the fonts: they are all under OFL 1.1, and
    the OFL's own template lists several copyright holders above one text.
    """
    notices = "\n\n".join(font_notice(licensed) for licensed in fonts)
    output.write_text(
        OFL_HEADER.format(notices=notices) + ofl_text_from_debian_copyright(copyright_file),
        encoding="utf-8",
    )


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------


def _describe(chars: Iterable[str]) -> str:
    return ", ".join(f"U+{ord(ch):04X} {unicodedata.name(ch, '?')}" for ch in sorted(chars))


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Build resources/fonts/NotoSansCJKsc-{Regular,Bold}-subset.otf, "
        "NotoSans-{Regular,Bold}-subset.ttf and OFL.txt from Debian's fonts-noto-cjk "
        "and fonts-noto-core.",
    )
    parser.add_argument(
        "--source-regular",
        type=Path,
        default=DEFAULT_SOURCE_REGULAR,
        help="Noto Sans CJK Regular .ttc/.otf (default: %(default)s)",
    )
    parser.add_argument(
        "--source-bold",
        type=Path,
        default=DEFAULT_SOURCE_BOLD,
        help="Noto Sans CJK Bold .ttc/.otf (default: %(default)s)",
    )
    parser.add_argument(
        "--source-latin-regular",
        type=Path,
        default=DEFAULT_SOURCE_LATIN_REGULAR,
        help="static Noto Sans Regular .ttf (default: %(default)s)",
    )
    parser.add_argument(
        "--source-latin-bold",
        type=Path,
        default=DEFAULT_SOURCE_LATIN_BOLD,
        help="static Noto Sans Bold .ttf (default: %(default)s)",
    )
    parser.add_argument(
        "--licence-source",
        type=Path,
        default=DEFAULT_LICENCE_SOURCE,
        help="Debian copyright file holding the OFL text (default: %(default)s)",
    )
    parser.add_argument(
        "--project-root",
        type=Path,
        default=PROJECT_ROOT,
        help="project whose text is scanned (default: %(default)s)",
    )
    parser.add_argument(
        "--output-dir",
        type=Path,
        default=None,
        help="where to write the fonts (default: PROJECT_ROOT/resources/fonts)",
    )
    parser.add_argument(
        "--drop-hinting",
        action="store_true",
        help="drop hints (about 15%% smaller, blurrier small text on FreeType/GDI)",
    )
    return parser.parse_args(argv)


def _print_result(
    result: SubsetResult, family: str, wanted: frozenset[str], project: frozenset[str]
) -> None:
    """Report one subsetting run: source, coverage, what the source lacks, output."""
    print(
        f"\n{family} {result.style}: {result.source} member #{result.member_index} "
        f"({result.version})"
    )
    print(
        f"  covered: {len(result.covered)} of {len(wanted)} requested characters, "
        f"{result.glyph_count} glyphs"
    )
    if result.missing:
        # Block ranges contain code points a font need not draw (e.g. U+2061
        # FUNCTION APPLICATION); list them, but call out project text.
        project_missing = result.missing & project
        if project_missing:
            print(
                f"  WARNING: project characters not in the source font "
                f"({len(project_missing)}): {_describe(project_missing)}"
            )
        print(f"  not in the source font ({len(result.missing)}): {_describe(result.missing)}")
    print(
        f"  wrote {result.output} ({result.size_bytes:,} bytes, "
        f"{result.size_bytes / 1_048_576:.2f} MiB) in {result.seconds:.1f} s"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    started = time.perf_counter()
    project_root: Path = args.project_root.resolve()
    output_dir: Path = args.output_dir or project_root / "resources" / "fonts"

    cjk_options = "--source-regular/--source-bold"
    latin_options = "--source-latin-regular/--source-latin-bold"
    sources = (
        (args.source_regular, "fonts-noto-cjk", cjk_options),
        (args.source_bold, "fonts-noto-cjk", cjk_options),
        (args.source_latin_regular, "fonts-noto-core", latin_options),
        (args.source_latin_bold, "fonts-noto-core", latin_options),
    )
    for source, package, options in sources:
        if not source.is_file():
            print(
                f"error: {source} not found; install it with "
                f"'apt-get install {package}' or pass {options}",
                file=sys.stderr,
            )
            return 2

    request = requested_characters(project_root)
    wanted = request.all
    print(f"{SOURCE_FAMILY}: characters requested: {len(wanted)}")
    print(f"  base blocks + symbols: {len(request.base)}")
    print(f"  GB 2312 hanzi:         {len(request.gb2312_hanzi)}")
    print(f"  GB 2312 symbols:       {len(request.gb2312_symbols)}")
    print(
        f"  project text (non-ASCII, from {sum(1 for _ in _iter_project_text_files(project_root))}"
        f" files): {len(request.project)}"
    )

    cjk_sources = {"Regular": args.source_regular, "Bold": args.source_bold}
    for style, source in cjk_sources.items():
        result = subset_face(
            source,
            style,
            wanted,
            output_dir / OUTPUT_FILES[style],
            keep_hinting=not args.drop_hinting,
            gb2312=request.gb2312_hanzi | request.gb2312_symbols,
        )
        _print_result(result, SOURCE_FAMILY, wanted, request.project)

    latin_request = requested_latin_characters(project_root)
    latin_wanted = latin_request.all
    print(f"\n{LATIN_SOURCE_FAMILY}: characters requested: {len(latin_wanted)}")
    print(f"  base blocks + symbols: {len(latin_request.base)}")
    print(f"  project text (non-ASCII, not wide): {len(latin_request.project)}")
    latin_sources = {"Regular": args.source_latin_regular, "Bold": args.source_latin_bold}
    for style, source in latin_sources.items():
        result = subset_face(
            source,
            style,
            latin_wanted,
            output_dir / LATIN_OUTPUT_FILES[style],
            family=LATIN_SOURCE_FAMILY,
            keep_hinting=not args.drop_hinting,
            layout_features=LATIN_LAYOUT_FEATURES,
            language_systems=None,
        )
        # Not an error: whatever Noto Sans lacks, Qt and matplotlib take
        # from the CJK font next in the family list.
        _print_result(result, LATIN_SOURCE_FAMILY, latin_wanted, frozenset())
        project_missing = result.missing & latin_request.project
        if project_missing:
            print(
                f"  project characters left to the CJK font ({len(project_missing)}): "
                f"{_describe(project_missing)}"
            )

    licence = output_dir / "OFL.txt"
    licensed = (
        LicensedFont(
            SOURCE_FAMILY,
            tuple((source, style) for style, source in cjk_sources.items()),
            tuple(OUTPUT_FILES.values()),
        ),
        LicensedFont(
            LATIN_SOURCE_FAMILY,
            tuple((source, style) for style, source in latin_sources.items()),
            tuple(LATIN_OUTPUT_FILES.values()),
        ),
    )
    write_licence(args.licence_source, licensed, licence)
    print(f"\nwrote {licence} (OFL 1.1 text from {args.licence_source})")
    print(f"done in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
