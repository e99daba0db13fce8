"""Line breaking for chart text that mixes Chinese and English.

matplotlib's own ``wrap=True`` breaks only at spaces and only inside the figure, so a
Chinese title (no spaces) runs off the edge. Here a line may break at a space or next
to a hanzi, but never before closing punctuation (，。）》…) or after opening
punctuation (（《“), as Chinese typesetting requires.
"""

from __future__ import annotations

from collections.abc import Callable

#: Characters a line must not start with.
NO_BREAK_BEFORE = frozenset("，。、；：？！）》」』〉】”’%…·—,.;:?!)]}")
#: Characters a line must not end with.
NO_BREAK_AFTER = frozenset("（《「『〈【“‘([{")


def is_wide(char: str) -> bool:
    """A hanzi or full-width sign: a line may break on either side of it."""
    code = ord(char)
    return (0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF
            or 0xFF00 <= code <= 0xFFEF or 0x3000 <= code <= 0x303F)


def _may_break(before: str, after: str) -> bool:
    if after in NO_BREAK_BEFORE or before in NO_BREAK_AFTER:
        return False
    return is_wide(before) or is_wide(after)


def break_units(text: str) -> list[tuple[str, bool]]:
    """Split one paragraph into ``(unit, space_before)`` pieces that stay whole."""
    units: list[tuple[str, bool]] = []
    for index, word in enumerate(w for w in text.split(" ") if w):
        current = word[0]
        space = index > 0
        for char in word[1:]:
            if _may_break(current[-1], char):
                units.append((current, space))
                current, space = char, False
            else:
                current += char
        units.append((current, space))
    return units


def wrap(text: str, width: float, measure: Callable[[str], float]) -> str:
    """``text`` with line breaks so no line is wider than ``width``.

    ``measure`` gives a string's width in the unit of ``width``; whole candidate lines
    are measured (not summed pieces), so kerning and side bearings are right. A unit
    wider than ``width`` on its own gets a line of its own (it is never cut).
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for unit, space_before in break_units(paragraph):
            candidate = line + (" " if space_before and line else "") + unit
            if line and measure(candidate) > width:
                lines.append(line)
                line = unit
            else:
                line = candidate
        lines.append(line)
    return "\n".join(lines)
