"""The Qt canvas of a chart. Imports matplotlib: import this module only to build a chart
(``ChartView.__init__`` does), never at start-up."""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtGui import QShowEvent


class ChartCanvas(FigureCanvasQTAgg):
    """A canvas that does not draw while hidden.

    The window keeps charts in panes that are mostly not on screen; each language
    switch, zoom step or resize would otherwise redraw all of them (~0.1 s each on a
    small machine). A hidden canvas remembers that it is out of date and draws when
    shown.
    """

    _stale_while_hidden = False

    def __init__(self, figure: Figure) -> None:
        super().__init__(figure)  # type: ignore[no-untyped-call]

    def draw_idle(self) -> None:
        if self.isVisible():
            super().draw_idle()  # type: ignore[no-untyped-call]
        else:
            self._stale_while_hidden = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # type: ignore[no-untyped-call]
        if self._stale_while_hidden:
            self._stale_while_hidden = False
            super().draw_idle()  # type: ignore[no-untyped-call]
