"""The staff's hidden exit gesture: N taps in one corner of the screen within T seconds.

Qt-free so the rule is easy to test; :mod:`czt_desktop.ui.kiosk.exit_gesture` feeds it
the presses it sees.
"""

from __future__ import annotations

import time
from collections.abc import Callable

#: Side of the corner square that counts, in px (bigger than a finger, hidden in chrome).
CORNER_SIZE = 96


def in_corner(corner: str, x: float, y: float, width: float, height: float,
              size: float = CORNER_SIZE) -> bool:
    """Whether ``(x, y)`` lies in ``corner`` ("top-left", …) of a ``width``×``height`` area."""
    vertical, _, horizontal = corner.partition("-")
    near_y = y < size if vertical == "top" else y >= height - size
    near_x = x < size if horizontal == "left" else x >= width - size
    return near_x and near_y and 0 <= x < width and 0 <= y < height


class TapSequence:
    """Counts taps in the corner; a tap elsewhere, or a pause too long, starts again."""

    def __init__(self, taps: int = 5, within_seconds: float = 3.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.taps = taps
        self.within_seconds = within_seconds
        self._clock = clock
        self._times: list[float] = []

    def tap(self, in_the_corner: bool) -> bool:
        """Record one tap; True when it completes the gesture (the count starts again)."""
        if not in_the_corner:
            self._times.clear()
            return False
        now = self._clock()
        self._times = [t for t in self._times if now - t <= self.within_seconds]
        self._times.append(now)
        if len(self._times) >= self.taps:
            self._times.clear()
            return True
        return False

    def reset(self) -> None:
        self._times.clear()
