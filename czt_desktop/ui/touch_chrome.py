"""Window chrome for fingers: tabs and the language button a fingertip large, the tabs
all in one row (a mode for touch screens asks for it, see ``Capabilities.touch``).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QPushButton, QTabBar

#: Touch target of tabs and the language button at 100 % zoom (VISUAL.md: ≥ 44 px).
TOUCH_PX = 48
#: Their text at 100 % zoom: a little larger than body text, read standing up.
TAB_TEXT_PX = 18
#: When the tabs must shrink to fit the screen: the least padding, the smallest text
#: (the body size), and what each tab and the row need besides their titles.
MIN_TAB_PADDING_PX = 8
BODY_PX = 16
TAB_FRAME_PX = 4
TAB_ROW_SLACK_PX = 8


def touch_px(zoom_percent: int) -> int:
    """A fingertip at the zoom: the least height (or width) of a target."""
    return round(TOUCH_PX * zoom_percent / 100)


def style_for_touch(bar: QTabBar, language_button: QPushButton, touch: bool,
                    zoom_percent: int, screen_width: int) -> None:
    """Tabs a finger high, with large text, all in one row on the screen: the tab bar's
    scroll arrows are far too small to touch. Where the titles do not fit (English on a
    1024-pixel screen), less padding first, then smaller text, never below the body
    text. Without ``touch``: the desktop look again."""
    if not touch:
        bar.setStyleSheet("")
        language_button.setStyleSheet("")
        return
    zoom = zoom_percent / 100
    target = touch_px(zoom_percent)
    titles = [bar.tabText(i) for i in range(bar.count())]
    room = screen_width - TAB_ROW_SLACK_PX
    text = round(TAB_TEXT_PX * zoom)
    padding = target // 3
    while True:
        font = QFont(bar.font())
        font.setPixelSize(text)
        metrics = QFontMetrics(font)
        wanted = sum(metrics.horizontalAdvance(t) + 2 * padding + TAB_FRAME_PX
                     for t in titles)
        if wanted <= room:
            break
        if padding > MIN_TAB_PADDING_PX:
            padding -= 2
        elif text > round(BODY_PX * zoom):
            text -= 1
        else:
            break  # the smallest that is still readable: Qt's arrows it is
    bar.setStyleSheet(f"QTabBar::tab {{ min-height: {target}px; padding: 0px "
                      f"{padding}px; font-size: {text}px; }}")
    language_button.setStyleSheet(
        f"min-height: {target}px; min-width: {2 * target}px; "
        f"font-size: {round(TAB_TEXT_PX * zoom)}px; font-weight: bold;")
