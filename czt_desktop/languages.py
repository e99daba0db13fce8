"""The languages the app speaks, declared once: one row per language.

Everything that differs between languages and is not a translated sentence lives in a
row here: what the language calls itself, where its translations are, which content
columns hold its text and what to show when a record lacks them, its punctuation,
numbers and line spacing. Code asks the row (``language(code).join(names)``) instead
of testing ``lang == "zh"``.

Adding a language is data columns (``title_<code>`` … in ``data/``), a ``.ts`` file in
``resources/translations`` and one row in :data:`_TABLE` (see CONTRIBUTING.md).

Qt-free and cheap to import: the first frame and the content layer use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

#: The paper's language: every record has its text, and other languages fall back to it.
SOURCE_LANGUAGE = "zh"

#: Closing quotes and brackets that may follow a sentence's full stop (``…network.”``).
_CLOSERS = "”’\"'）)》」』"
#: Marks that already end a sentence, in any of the app's languages.
_ENDS = ("。", ".", "!", "?", "！", "？", "…")


# A NamedTuple rather than a frozen dataclass: cheaper to define before the first paint
# (docs/PERFORMANCE.md, first paint).
class Language(NamedTuple):
    """One language the app speaks (see the module docstring)."""

    #: Short code: settings, ``--lang``, and the suffix of content columns (``title_zh``).
    code: str
    #: What the language calls itself (the language button and menu).
    native_name: str
    #: Its name in English (logs, ``--help``).
    english_name: str
    #: The Qt locale that formats dates and numbers and picks Qt's own translations.
    qt_locale: str
    #: Our compiled catalogue in ``resources/translations`` ("" when the source strings
    #: are used as they are). English has one only for plural forms.
    catalogue: str
    #: Qt's own catalogues (standard dialog buttons), from Qt's translations folder.
    qt_catalogues: tuple[str, ...]
    #: Where a record's text comes from when this language has none, in order; the
    #: source language comes last in every chain.
    fallbacks: tuple[str, ...]
    #: Whether content in this language must be present in every record (the bundled
    #: content has Chinese and English throughout); other languages may be partial.
    content_required: bool
    #: Chinese type: the CJK face first (so its punctuation is full-width) and taller lines.
    cjk: bool
    colon: str
    #: Between the parts of one phrase (a citation and its place: 论文，§1.2 / Paper, §1.2).
    comma: str
    #: Between the items of a list of names (株洲、湘潭 / Zhuzhou, Xiangtan).
    list_separator: str
    #: Between clauses that each hold a list (…；… / …; …).
    clause_separator: str
    sentence_end: str
    #: Between two sentences.
    sentence_space: str
    #: Between a number and the word after it, and between a year and a name.
    word_space: str
    open_quote: str
    close_quote: str
    #: Around a note after a name: 株洲冶炼厂（株洲） / Zhuzhou Smelting Plant (Zhuzhou).
    open_paren: str
    close_paren: str
    #: After the number of a numbered item: 1．… / 1. …
    number_mark: str
    #: Between a figure's label and its value where they read as one phrase in Chinese
    #: (三市两两之间的距离不足40km) and need a colon in English.
    value_joint: str
    #: Between the two ends of a range written with words or units (0—10 km / 0 – 10 km).
    range_dash: str
    #: Between years and a title on one line (1949–1979　前期发展 / 1949–1979  Early …).
    title_gap: str
    #: The app's name in this language (window title, About).
    app_title: str
    #: Thousands separator in numbers ("" for none: the paper prints 11574.22).
    thousands: str
    #: Line height of running text, in per cent of the font's (VISUAL.md: CJK ≈ 160).
    line_height: int
    #: The same for chart texts, as matplotlib's multiple of the font size.
    chart_line_spacing: float

    @property
    def is_source(self) -> bool:
        """Whether this is the paper's language (any other is our translation: say so)."""
        return self.code == SOURCE_LANGUAGE

    # -- punctuation ----------------------------------------------------------------------
    def join(self, items: Iterable[str]) -> str:
        """A list of names: ``株洲、湘潭`` / ``Zhuzhou, Xiangtan``."""
        return self.list_separator.join(items)

    def join_clauses(self, items: Iterable[str]) -> str:
        return self.clause_separator.join(items)

    def labelled(self, label: str, value: str) -> str:
        """``来源：…`` / ``Source: …``."""
        return f"{label}{self.colon}{value}"

    def quote(self, text: str) -> str:
        return f"{self.open_quote}{text}{self.close_quote}"

    def aside(self, text: str, note: str) -> str:
        """A note in brackets after a text: ``长沙（1951）`` / ``Changsha (1951)``."""
        return f"{text}{self.open_paren}{note}{self.close_paren}"

    def numbered(self, number: int, text: str) -> str:
        return f"{number}{self.number_mark}{text}"

    def sentence(self, text: str) -> str:
        """The text ending as a sentence (no doubled full stop after a closing quote)."""
        text = text.strip()
        if not text or text.rstrip(_CLOSERS).endswith(_ENDS):
            return text
        return text + self.sentence_end

    def sentences(self, parts: Iterable[str]) -> str:
        """Sentences one after the other, each ended."""
        return self.sentence_space.join(self.sentence(p) for p in parts if p.strip())

    def number(self, value: float, decimals: int = 0) -> str:
        """``11,574.22`` in English; ``11574.22`` in Chinese, as the paper prints it."""
        text = f"{value:,.{decimals}f}"
        return text.replace(",", self.thousands)


_TABLE: dict[str, Language] = {
    "zh": Language(
        code="zh", native_name="中文", english_name="Chinese", qt_locale="zh_CN",
        catalogue="czt_desktop_zh_CN.qm", qt_catalogues=("qtbase_zh_CN",),
        fallbacks=(), content_required=True, cjk=True,
        colon="：", comma="，", list_separator="、", clause_separator="；", sentence_end="。",
        sentence_space="", word_space="", open_quote="“", close_quote="”",
        open_paren="（", close_paren="）", number_mark="．", value_joint="", range_dash="—",
        title_gap="　",
        app_title="长株潭城市群时间轴",
        thousands="", line_height=160, chart_line_spacing=1.45,
    ),
    "en": Language(
        code="en", native_name="English", english_name="English", qt_locale="en",
        catalogue="czt_desktop_en.qm", qt_catalogues=(),
        fallbacks=("zh",), content_required=True, cjk=False,
        colon=": ", comma=", ", list_separator=", ", clause_separator="; ", sentence_end=".",
        sentence_space=" ", word_space=" ", open_quote="“", close_quote="”",
        open_paren=" (", close_paren=")", number_mark=". ", value_joint=": ",
        range_dash=" – ", title_gap="  ", app_title="Changsha–Zhuzhou–Xiangtan Timeline",
        thousands=",", line_height=145, chart_line_spacing=1.2,
    ),
}


def codes() -> tuple[str, ...]:
    """Every language's code, in the table's order (the source language first)."""
    return tuple(_TABLE)


def language(code: str) -> Language:
    """The row of ``code``; an unknown code gets the source language's row."""
    return _TABLE.get(code) or _TABLE[SOURCE_LANGUAGE]


def is_known(code: str) -> bool:
    return code in _TABLE


def following(code: str) -> Language:
    """The language after ``code`` in the table (what the language button offers)."""
    order = codes()
    index = order.index(code) if code in order else -1
    return _TABLE[order[(index + 1) % len(order)]]


def content_order(code: str) -> tuple[str, ...]:
    """Where a record's text in ``code`` is looked for: itself, its fallbacks, the source."""
    chain = _chains.get(code)
    if chain is None:
        chain = _chains[code] = tuple(dict.fromkeys(
            (code, *language(code).fallbacks, SOURCE_LANGUAGE)))
    return chain


#: content_order's answers (every text lookup asks; the table changes only in tests).
_chains: dict[str, tuple[str, ...]] = {}


def generation() -> int:
    """Changes whenever a language is added or removed (for caches of derived tables)."""
    return _generation[0]


_generation = [0]


def register(row: Language) -> None:
    """Add a language (a test's pseudo-language; a new language is a row in the table)."""
    _TABLE[row.code] = row
    _chains.clear()
    _generation[0] += 1


def unregister(code: str) -> None:
    if code == SOURCE_LANGUAGE:
        raise ValueError("the source language cannot be removed")
    _TABLE.pop(code, None)
    _chains.clear()
    _generation[0] += 1


_PLACEHOLDER = re.compile(r"%(\d)")


def fill(template: str, *values: object) -> str:
    """Qt-style ``%1``…``%9`` placeholders (translators may reorder them), filled in one
    pass: a value that itself contains ``%2`` is not filled again."""

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, template)
