"""The detail panes in tab order. The main window builds one of each."""

from __future__ import annotations

from czt_desktop.ui.panes.analysis import AnalysisPane
from czt_desktop.ui.panes.base import Pane
from czt_desktop.ui.panes.enterprises import EnterprisesPane
from czt_desktop.ui.panes.map_pane import MapPane
from czt_desktop.ui.panes.overview import OverviewPane
from czt_desktop.ui.panes.plans import PlansPane
from czt_desktop.ui.panes.quiz import QuizPane
from czt_desktop.ui.panes.statistics import StatisticsPane
from czt_desktop.ui.panes.today import TodayPane

PANE_CLASSES: tuple[type[Pane], ...] = (
    OverviewPane,
    EnterprisesPane,
    PlansPane,
    StatisticsPane,
    TodayPane,
    AnalysisPane,
    MapPane,
    QuizPane,
)
