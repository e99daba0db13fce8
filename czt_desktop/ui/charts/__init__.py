"""Charts embedded in the detail panes: one matplotlib Figure each, updated in place.

Importing this package does not import matplotlib; building a chart does.
"""

from czt_desktop.ui.charts.base import EXPORT_FORMATS, ChartView
from czt_desktop.ui.charts.enterprises import EnterprisesPerYearChart
from czt_desktop.ui.charts.gdp_by_city import GdpByCityChart
from czt_desktop.ui.charts.gdp_share import GdpShareChart
from czt_desktop.ui.charts.milestones import MilestonesPerStageChart

__all__ = [
    "EXPORT_FORMATS",
    "ChartView",
    "EnterprisesPerYearChart",
    "GdpByCityChart",
    "GdpShareChart",
    "MilestonesPerStageChart",
]
