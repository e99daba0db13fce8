"""The presenter's keys, in one table that both handles them and shows them in the key
help (F1), so the two can never disagree.

Keys are what a presenter remote sends (PageUp/PageDown, B for a black screen, F5/Esc)
and what a teacher at a keyboard expects from presentation software.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


#: The context the key help is translated in.
CONTEXT = "PresentationWindow"

Key = Qt.Key


class Binding(NamedTuple):
    #: What the key does; the window runs ``_key_<command>``.
    command: str
    keys: tuple[Qt.Key, ...]
    #: How the help writes the keys (``%1``: the number of stages, at most 9).
    shown: str
    #: What it does, for the help.
    what: str


DIGITS: dict[Qt.Key, int] = {getattr(Key, f"Key_{n}"): n for n in range(1, 10)}

BINDINGS: tuple[Binding, ...] = (
    Binding("next", (Key.Key_Right, Key.Key_PageDown, Key.Key_Space, Key.Key_Down,
                     Key.Key_Return, Key.Key_Enter, Key.Key_N),
            QT_TRANSLATE_NOOP("PresentationWindow", "→  PgDn  Space  ↓  Enter"),
            QT_TRANSLATE_NOOP("PresentationWindow", "Next slide")),
    Binding("previous", (Key.Key_Left, Key.Key_PageUp, Key.Key_Backspace, Key.Key_Up),
            QT_TRANSLATE_NOOP("PresentationWindow", "←  PgUp  Backspace  ↑"),
            QT_TRANSLATE_NOOP("PresentationWindow", "Previous slide")),
    # Not a key, but how a presenter moves on without one; told with the keys.
    Binding("click", (),
            QT_TRANSLATE_NOOP("PresentationWindow", "Click or tap right / left third"),
            QT_TRANSLATE_NOOP("PresentationWindow", "Next / previous slide")),
    Binding("ends", (Key.Key_Home, Key.Key_End),
            QT_TRANSLATE_NOOP("PresentationWindow", "Home  /  End"),
            QT_TRANSLATE_NOOP("PresentationWindow", "First / last slide")),
    Binding("stage", tuple(DIGITS),
            QT_TRANSLATE_NOOP("PresentationWindow", "1 – %1"),
            QT_TRANSLATE_NOOP("PresentationWindow", "First slide of that stage")),
    Binding("black", (Key.Key_B, Key.Key_Period),
            QT_TRANSLATE_NOOP("PresentationWindow", "B  or  ."),
            QT_TRANSLATE_NOOP("PresentationWindow", "Black screen (again to show the slide)")),
    Binding("white", (Key.Key_W, Key.Key_Comma),
            QT_TRANSLATE_NOOP("PresentationWindow", "W  or  ,"),
            QT_TRANSLATE_NOOP("PresentationWindow", "White screen")),
    Binding("pen", (Key.Key_P, Key.Key_H),
            QT_TRANSLATE_NOOP("PresentationWindow", "P  /  H"),
            QT_TRANSLATE_NOOP("PresentationWindow", "Pen / highlighter on or off")),
    Binding("clear", (Key.Key_C, Key.Key_E),
            QT_TRANSLATE_NOOP("PresentationWindow", "C  or  E"),
            QT_TRANSLATE_NOOP("PresentationWindow", "Clear the drawing")),
    Binding("language", (Key.Key_L,),
            QT_TRANSLATE_NOOP("PresentationWindow", "L"),
            QT_TRANSLATE_NOOP("PresentationWindow", "Switch language")),
    Binding("help", (Key.Key_F1, Key.Key_Question, Key.Key_Slash),
            QT_TRANSLATE_NOOP("PresentationWindow", "F1  /  ?"),
            QT_TRANSLATE_NOOP("PresentationWindow", "Show or hide these keys")),
    Binding("end", (Key.Key_Escape,),
            QT_TRANSLATE_NOOP("PresentationWindow", "Esc"),
            QT_TRANSLATE_NOOP("PresentationWindow", "End the presentation")),
    # F5 starts presenting elsewhere; here it must not fall through to anything.
    Binding("present", (Key.Key_F5,), "", ""),
)

BY_KEY: dict[Qt.Key, Binding] = {key: b for b in BINDINGS for key in b.keys}


def binding_for(key: Qt.Key) -> Binding | None:
    return BY_KEY.get(key)


def help_rows() -> tuple[Binding, ...]:
    """The bindings the key help lists, in order."""
    return tuple(b for b in BINDINGS if b.shown)
