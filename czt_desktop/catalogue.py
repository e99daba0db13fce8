"""What the app is made of, declared once: its panes, its charts, the kinds of item a
reader can select, and its modes.

The window builds its tabs and menus from these tables, the settings check a remembered
pane against them, the search and the kiosk route an item to its pane through them, the
deck, the kiosk's tour and the handout find charts here. A new pane or chart is a row
here (and its class); nothing else lists them.

Qt-free and cheap to import: classes are named as ``"module:Class"`` and imported only
when built (the first frame needs none of them).
"""

from __future__ import annotations

import importlib
from typing import NamedTuple


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context`` (``make translations`` finds it);
    the UI translates it when it shows it."""
    return text


#: The context the item kinds' names are translated in.
KIND_CONTEXT = "ItemKinds"


class PaneSpec(NamedTuple):
    id: str
    #: ``"module:Class"`` of its :class:`~czt_desktop.ui.panes.base.Pane`.
    home: str


class ChartSpec(NamedTuple):
    id: str
    home: str
    #: The pane it is shown in, and the place in that pane (None: the pane's only one).
    pane: str
    slot: str | None = None


class KindSpec(NamedTuple):
    """A kind of record a reader can select (in a pane, on the timeline, in the search)."""

    id: str
    #: The pane that tells about such an item (the search and the timeline open it).
    pane: str
    #: Its name in the search results (English source; translated in KIND_CONTEXT).
    label: str
    #: How it ranks among search hits that match equally well.
    search_weight: int
    #: Panes that list such items too: picking one there keeps the reader there.
    also_in: tuple[str, ...] = ()


class ModeSpec(NamedTuple):
    id: str
    home: str


PANES: tuple[PaneSpec, ...] = (
    PaneSpec("overview", "czt_desktop.ui.panes.overview:OverviewPane"),
    PaneSpec("enterprises", "czt_desktop.ui.panes.enterprises:EnterprisesPane"),
    PaneSpec("plans", "czt_desktop.ui.panes.plans:PlansPane"),
    PaneSpec("statistics", "czt_desktop.ui.panes.statistics:StatisticsPane"),
    PaneSpec("today", "czt_desktop.ui.panes.today:TodayPane"),
    PaneSpec("analysis", "czt_desktop.ui.panes.analysis:AnalysisPane"),
    PaneSpec("map", "czt_desktop.ui.panes.map_pane:MapPane"),
    PaneSpec("quiz", "czt_desktop.ui.panes.quiz:QuizPane"),
)
PANE_IDS: tuple[str, ...] = tuple(p.id for p in PANES)
#: Where a reader starts (the window's first tab, a kiosk's home).
HOME_PANE = PANES[0].id

CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec("milestones", "czt_desktop.ui.charts.milestones:MilestonesPerStageChart",
              "overview"),
    ChartSpec("enterprises", "czt_desktop.ui.charts.enterprises:EnterprisesPerYearChart",
              "enterprises"),
    ChartSpec("gdp", "czt_desktop.ui.charts.gdp_by_city:GdpByCityChart", "statistics", "gdp"),
    ChartSpec("shares", "czt_desktop.ui.charts.gdp_share:GdpShareChart", "statistics",
              "shares"),
)

KINDS: tuple[KindSpec, ...] = (
    KindSpec("stage", "overview", QT_TRANSLATE_NOOP("ItemKinds", "Stage"), 50),
    KindSpec("event", "overview", QT_TRANSLATE_NOOP("ItemKinds", "Milestone"), 40,
             also_in=("plans",)),
    KindSpec("city", "map", QT_TRANSLATE_NOOP("ItemKinds", "City"), 35),
    KindSpec("enterprise", "enterprises", QT_TRANSLATE_NOOP("ItemKinds", "Enterprise"), 30),
    KindSpec("innovation_base", "today",
             QT_TRANSLATE_NOOP("ItemKinds", "Innovation base"), 25),
    KindSpec("industry", "today", QT_TRANSLATE_NOOP("ItemKinds", "Industry"), 25),
    KindSpec("statistic", "statistics", QT_TRANSLATE_NOOP("ItemKinds", "Figure"), 20),
    KindSpec("problem", "analysis", QT_TRANSLATE_NOOP("ItemKinds", "Problem"), 15),
    KindSpec("strategy", "analysis", QT_TRANSLATE_NOOP("ItemKinds", "Strategy"), 15),
    KindSpec("peer_cluster", "analysis",
             QT_TRANSLATE_NOOP("ItemKinds", "City cluster"), 15),
    KindSpec("fact", "overview", QT_TRANSLATE_NOOP("ItemKinds", "From the paper"), 10),
    KindSpec("data_note", "statistics", QT_TRANSLATE_NOOP("ItemKinds", "Note on the data"), 5),
)
KINDS_BY_ID: dict[str, KindSpec] = {k.id: k for k in KINDS}
#: Kinds that belong to one stage (picking one picks its stage): on the timeline.
STAGED_KINDS = ("event", "enterprise")

MODES: tuple[ModeSpec, ...] = (
    ModeSpec("student", "czt_desktop.ui.modes.student:StudentMode"),
    ModeSpec("classroom", "czt_desktop.ui.modes.presentation:PresentationMode"),
    ModeSpec("kiosk", "czt_desktop.ui.modes.kiosk:KioskMode"),
)
#: The mode the app starts in unless told otherwise.
DEFAULT_MODE = MODES[0].id


def pane_for(kind: str) -> str:
    """The pane that tells about an item of ``kind`` (the home pane for unknown kinds)."""
    spec = KINDS_BY_ID.get(kind)
    return spec.pane if spec is not None else HOME_PANE


def load(home: str) -> type:
    """The class named by ``"module:Class"`` (its module imported now)."""
    module_name, _, class_name = home.partition(":")
    found = getattr(importlib.import_module(module_name), class_name)
    if not isinstance(found, type):
        raise TypeError(f"{home} is not a class")
    return found
