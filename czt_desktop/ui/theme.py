"""Colours, type scale and the Qt style sheet, in one place.

City colours come from the Okabe–Ito colour-blind-safe set and are the same in every
view and chart; each is at least 3:1 against the paper colour (checked in the tests).
"""

from __future__ import annotations

from functools import lru_cache
from string import Template
from typing import TYPE_CHECKING, NamedTuple

from czt_desktop.paths import resource_path

if TYPE_CHECKING:
    from czt_desktop.content import Content

#: One colour per core city, everywhere, given in the order the content lists the core
#: cities (长沙, 株洲, 湘潭 in the bundled content); a pack with more core cities gets the
#: next colours of the set. Ring cities share a quiet grey.
CITY_PALETTE: tuple[str, ...] = (
    "#D55E00",  # vermilion
    "#0072B2",  # blue
    "#009E73",  # bluish green
    "#B8860B",  # dark goldenrod (Okabe–Ito orange, darkened to 3:1 on the paper colour)
    "#CC79A7",  # reddish purple
)
RING_CITY_COLOR = "#6B6459"


@lru_cache(maxsize=4)
def city_colors(content: Content) -> dict[str, str]:
    """Each city's colour: the core cities in the content's order, then grey."""
    core = [c.id for c in content.cities if c.role == "core"]
    colors = {city_id: CITY_PALETTE[i % len(CITY_PALETTE)] for i, city_id in enumerate(core)}
    return {c.id: colors.get(c.id, RING_CITY_COLOR) for c in content.cities}


def city_color(content: Content, city_id: str | None) -> str:
    return city_colors(content).get(city_id or "", RING_CITY_COLOR)


# NamedTuples rather than frozen dataclasses: cheaper to define before the first paint
# (docs/PERFORMANCE.md, first paint).
class Theme(NamedTuple):
    name: str
    paper: str
    surface: str
    ink: str
    muted: str
    accent: str
    accent_ink: str
    rule: str
    selection: str
    #: Quiet background tint and a stronger edge colour for each stage (1-based).
    stage_tints: tuple[str, ...]
    stage_edges: tuple[str, ...]

    def stage_tint(self, index: int) -> str:
        return self.stage_tints[index % len(self.stage_tints)]

    def stage_edge(self, index: int) -> str:
        return self.stage_edges[index % len(self.stage_edges)]


LIGHT = Theme(
    name="light",
    paper="#FBF8F1",
    surface="#FFFFFF",
    ink="#1E1B16",
    muted="#5A544A",
    accent="#1D4E79",
    accent_ink="#FFFFFF",
    rule="#DDD5C6",
    selection="#E3ECF5",
    stage_tints=("#F2E4D3", "#E3EBD6", "#DAE6EF", "#E9DFEF", "#F4E6C4"),
    stage_edges=("#9A5B1E", "#55772A", "#2D6A94", "#7A4E96", "#8C6A12"),
)

HIGH_CONTRAST = Theme(
    name="high-contrast",
    paper="#FFFFFF",
    surface="#FFFFFF",
    ink="#000000",
    muted="#000000",
    accent="#00306B",
    accent_ink="#FFFFFF",
    rule="#000000",
    selection="#FFE66B",
    stage_tints=("#FFFFFF",) * 5,
    stage_edges=("#000000",) * 5,
)


class TypeScale(NamedTuple):
    """Pixel sizes at 100 % zoom (VISUAL.md: 14 / 16 / 20 / 28 / 40)."""

    small: int = 14
    body: int = 16
    lead: int = 20
    title: int = 28
    display: int = 40

    def scaled(self, percent: int) -> TypeScale:
        factor = percent / 100
        return TypeScale(*(round(v * factor) for v in (self.small, self.body, self.lead,
                                                        self.title, self.display)))


def style_sheet(theme: Theme) -> str:
    """The application style sheet from ``resources/styles/app.qss`` (colours only)."""
    template = Template(resource_path("styles", "app.qss").read_text(encoding="utf-8"))
    return template.substitute(
        paper=theme.paper,
        surface=theme.surface,
        ink=theme.ink,
        muted=theme.muted,
        accent=theme.accent,
        accent_ink=theme.accent_ink,
        rule=theme.rule,
        selection=theme.selection,
    )
