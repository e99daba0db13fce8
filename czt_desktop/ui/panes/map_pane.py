"""The map pane: the offline map of the cities beside a text that says what it shows.

The drawing is ``map_canvas``; the text (``map_text``) adds the paper's words (the 品
layout as the caption, the “less than 40 km” statement with the data note that explains
why the map measures more, the “3+5” ring), the chosen city's industries and innovation
base, and the sources. That text is also the map's text alternative for screen readers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QHBoxLayout, QTextBrowser, QVBoxLayout, QWidget

from czt_desktop.content import Content, Enterprise, Industry, InnovationBase, Stage
from czt_desktop.ui.appearance import Appearance
from czt_desktop.ui.panes import lens
from czt_desktop.ui.panes.base import LensAction, Pane
from czt_desktop.ui.panes.map_canvas import MapCanvas, MapWords
from czt_desktop.ui.panes.map_text import MapText, MapTextWords
from czt_desktop.ui.selection import Selection


class MapPane(Pane):
    pane_id = "map"

    def __init__(self, content: Content, selection: Selection, appearance: Appearance,
                 parent: QWidget | None = None) -> None:
        super().__init__(content, selection, appearance, parent)
        self.city_id = ""
        self.canvas = MapCanvas(content)
        self.canvas.city_clicked.connect(self.choose_city)
        self.text = QTextBrowser()
        self.text.setObjectName("mapText")
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(self._follow_link)
        self.text.document().setDocumentMargin(16)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.make_lens())
        row = QHBoxLayout()
        row.setContentsMargins(16, 12, 16, 16)
        row.setSpacing(16)
        row.addWidget(self.canvas, 64)
        row.addWidget(self.text, 36)
        column.addLayout(row, 1)
        self.text.setMinimumWidth(300)
        self.text.setMaximumWidth(620)

        selection.item_changed.connect(self._on_item_changed)
        self.city_id = self._city_of(*selection.item)
        self.retranslate_ui()
        self.update_lens()

    # -- Pane API ---------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Map")

    def stage_lens(self, stage: Stage) -> tuple[str, list[LensAction]]:
        # The stage's enterprises by city, as numbers beside the cities' dots.
        counts = Counter(e.city_id for e in self.content.enterprises_in_stage(stage.id))
        self.canvas.badges = dict(counts)
        self.canvas.badge_color = self.theme.stage_edge(self.content.stages.index(stage))
        self.canvas.update()
        return lens.words().map_view(self.content, stage, self.lang), []

    def retranslate_ui(self) -> None:
        ring_title = self.tr("The “3+5” city cluster")
        ring_city = self.tr("“3+5” ring city")
        distance = self.tr("≈ %1 km")
        self.words = MapTextWords(
            choose_city=self.tr("Choose a city on the map to see the industries it focuses on."),
            core_city=self.tr("Core city"),
            ring_city=ring_city,
            industries=self.tr("Industries it focuses on"),
            innovation_base=self.tr("Science and innovation base"),
            no_industries=self.tr("The paper names no industries this city focuses on."),
            straight_line_to=self.tr("Straight line to %1: %2"),
            distances=self.tr("Distances between the three cities"),
            distances_how=self.tr("Straight lines between the city centres given by GeoNames."),
            paper_says=self.tr("The paper says"),
            ring_title=ring_title,
            cities=self.tr("Cities on the map"),
            core_cities=self.tr("Core cities"),
            ring_cities=self.tr("Ring cities"),
            north_up=self.tr("North is up. No river is drawn: the paper gives no course for it."),
            sources=self.tr("Sources"),
            source=self.tr("Source"),
            from_paper=self.tr("From the paper"),
            note=self.tr("Note on the data"),
            distance=distance,
        )
        # The paper's sentence on the 品 layout is the map's headline, like a museum
        # label's; a content pack without it gets a plain title.
        quote, cite = MapText(self.content, self.lang, self.words, self.theme, self.scale,
                              ()).layout_quote()
        self.canvas.lang = self.lang
        self.canvas.words = MapWords(
            core_title=quote or self.tr("The three cities"),
            core_cite=cite,
            ring_title=ring_title,
            north=self.tr("N"),
            core_area=self.tr("The three cities (see left)"),
            ring_city=ring_city,
            distance=distance,
        )
        self.canvas.setAccessibleName(self.tr("Map of the cities"))
        about = self.tr(
            "The cities are buttons; the text beside the map describes everything it shows.")
        self.canvas.setAccessibleDescription(f"{quote} ({cite}) {about}" if quote else about)
        self.text.setAccessibleName(self.tr("About the map"))
        for city_id, button in self.canvas.buttons.items():
            role = self.words.core_city if button.core else self.words.ring_city
            button.setAccessibleDescription(role)
            button.setToolTip(self.content.city(city_id).name.get(self.lang))
        self.refresh()

    def refresh(self) -> None:
        theme, s = self.theme, self.scale
        self.setStyleSheet(
            f"#pane-map {{ background: {theme.paper}; }}"
            f"QTextBrowser#mapText {{ background: {theme.surface}; color: {theme.ink};"
            f" border: 1px solid {theme.rule}; border-radius: 8px;"
            f" font-size: {s.body}px; }}"
        )
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        text = MapText(self.content, self.lang, self.words, theme, s, self.canvas.pairs())
        self.canvas.theme = theme
        self.canvas.scale = s
        self.canvas.setMinimumHeight(self.canvas.minimum_height())
        self.canvas.relayout()
        scroll = self.text.verticalScrollBar().value()
        self.text.setHtml(text.html(self.city_id))
        self.text.verticalScrollBar().setValue(scroll)
        self._sync_buttons()

    # -- selection --------------------------------------------------------------------------
    def choose_city(self, city_id: str) -> None:
        """Select a city (a click on the map or on its name in the text)."""
        if city_id in self.canvas.buttons:
            self.selection.set_item("city", city_id)

    def _follow_link(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("city:"):
            self.choose_city(target.removeprefix("city:"))

    def _on_item_changed(self, kind: str, item_id: str) -> None:
        self.city_id = self._city_of(kind, item_id)
        if hasattr(self, "canvas"):
            self.refresh()
            self.text.verticalScrollBar().setValue(0)

    def _city_of(self, kind: str, item_id: str) -> str:
        """The city an item is in, for the kinds that have one."""
        content = self.content
        if kind == "city":
            return item_id if item_id in self.canvas.buttons else ""
        records: dict[str, Iterable[Industry | InnovationBase | Enterprise]] = {
            "industry": content.industries,
            "innovation_base": content.innovation_bases,
            "enterprise": content.enterprises,
        }
        return next((r.city_id for r in records.get(kind, ()) if r.id == item_id), "")

    def _sync_buttons(self) -> None:
        for city_id, button in self.canvas.buttons.items():
            button.setChecked(city_id == self.city_id)
