"""The text beside the map, as rich text: the chosen city, the distances, the paper's
statement and the data note on it, the “3+5” ring, every city, the sources.

It is also the map's text alternative: a screen reader gets from it everything the
drawing shows. Rich text in a QTextBrowser, like the stage page, so it reflows and can
be read, selected and copied.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from czt_desktop.content import City, Content, Text
from czt_desktop.content.citing import Cited, source_line
from czt_desktop.languages import SOURCE_LANGUAGE, fill, language
from czt_desktop.ui.panes.look import note_background
from czt_desktop.ui.theme import Theme, TypeScale, city_color
from czt_desktop.ui.words import section_names

# The paper's distance statement (引言 ¶1) and the fact on the cities' layout.
DISTANCE_STATISTIC_ID = "distance-between-cities"
LAYOUT_FACT_ID = "geography-4"
# Background of a data note, as on the stage page; the high-contrast theme keeps white.


@dataclass(frozen=True, slots=True)
class MapTextWords:
    """UI words of the text, already translated by the pane."""

    choose_city: str
    core_city: str
    ring_city: str
    industries: str
    innovation_base: str
    no_industries: str
    straight_line_to: str  # "%1" city, "%2" distance
    distances: str
    distances_how: str
    paper_says: str
    ring_title: str
    cities: str
    core_cities: str
    ring_cities: str
    north_up: str
    sources: str
    source: str
    from_paper: str
    note: str
    distance: str  # "%1" km


class MapText:
    """Builds the HTML for one language, theme and type scale."""

    def __init__(self, content: Content, lang: str, words: MapTextWords, theme: Theme,
                 scale: TypeScale, pairs: Sequence[tuple[str, str]]) -> None:
        self.content = content
        self.lang = lang
        self.words = words
        self.theme = theme
        self.scale = scale
        self.pairs = pairs
        self.row = language(lang)

    # -- pieces ---------------------------------------------------------------------------
    def _t(self, text: Text) -> str:
        return escape(text.get(self.lang))

    def _sep(self) -> str:
        return self.row.colon

    def _km(self, km: float) -> str:
        return fill(self.words.distance, round(km))

    def _small(self, html: str, margin: str = "0") -> str:
        return (f"<p style='color:{self.theme.muted}; font-size:{self.scale.small}px;"
                f" margin:{margin}'>{html}</p>")

    def _h(self, text: str) -> str:
        return (f"<p style='font-size:{self.scale.lead}px; font-weight:bold;"
                f" margin:16px 0 6px 0'>{escape(text)}</p>")

    def _dot(self, city_id: str) -> str:
        return f"<span style='color:{city_color(self.content, city_id)}'>●</span>"

    def cite(self, record: Cited) -> str:
        """A source line; the paper, cited in full under Sources, is named short here."""
        return escape(source_line(self.content, [record], self.lang, self.words.source,
                                  paper_as=self.words.from_paper,
                                  section_names=section_names()))

    def _note_box(self, title: Text, text: Text) -> str:
        theme = self.theme
        background = note_background(theme)
        border = "" if theme.name == "light" else " border='1'"
        return (f"<table width='100%' cellpadding='10' cellspacing='0'{border}"
                f" style='margin:8px 0; border-color:{theme.ink}'>"
                f"<tr><td bgcolor='{background}'>"
                f"<b>{escape(self.words.note)}{self._sep()}{self._t(title)}</b>"
                f"<br><span style='font-size:{self.scale.small}px'>{self._t(text)}</span>"
                f"</td></tr></table>")

    # -- the page -------------------------------------------------------------------------
    def layout_quote(self) -> tuple[str, str]:
        """The paper's sentence on the cities' layout (quoted) and its source line, as plain
        text for the map's caption; empty if the content lacks it."""
        fact = next((f for f in self.content.facts_about("geography")
                     if f.id == LAYOUT_FACT_ID), None)
        if fact is None:
            return "", ""
        # The paper's own words (English: our translation of them, not a quotation).
        text = fact.text.get(self.lang)
        quote = self.row.quote(text) if self.lang == SOURCE_LANGUAGE else text
        cite = source_line(self.content, [fact], self.lang, self.words.source,
                           paper_as=self.words.from_paper, section_names=section_names())
        return quote, cite

    def html(self, city_id: str) -> str:
        first = self.city(city_id) if city_id else \
            f"<p style='color:{self.theme.muted}'>{escape(self.words.choose_city)}</p>"
        return "".join((first, self.distances(), self.ring(), self.cities(), self.sources()))

    def city(self, city_id: str) -> str:
        content, w, s = self.content, self.words, self.scale
        city = content.city(city_id)
        role = w.core_city if city.role == "core" else w.ring_city
        parts = [
            "<table width='100%' cellspacing='0' cellpadding='0'><tr>"
            f"<td width='6' bgcolor='{city_color(content, city.id)}'></td>"
            "<td style='padding-left:12px'>"
            f"<p style='font-size:{s.title}px; font-weight:bold; margin:0'>"
            f"{self._t(city.name)}</p>"
            f"<p style='color:{self.theme.muted}; margin:0 0 8px 0'>{escape(role)}</p>"
        ]
        industries = content.industries_of(city.id)
        if industries:
            parts.append(f"<p style='margin:8px 0 0 0'><b>{escape(w.industries)}</b></p>"
                         f"<p style='margin:2px 0 0 0'>"
                         + escape(self.row.join(i.name.get(self.lang) for i in industries))
                         + "</p>")
        bases = content.innovation_bases_of(city.id)
        if bases:
            parts.append(f"<p style='margin:8px 0 0 0'><b>{escape(w.innovation_base)}</b></p>"
                         + "".join(f"<p style='margin:2px 0 0 0'>{self._t(b.name)}</p>"
                                   for b in bases))
        if industries or bases:
            first = industries[0] if industries else bases[0]
            parts.append(self._small(self.cite(first), "6px 0 0 0"))
            notes = {n.id: n for i in industries for n in content.notes_for("industries", i.id)}
            parts.extend(self._note_box(n.title, n.text) for n in notes.values())
        else:
            parts.append(f"<p style='margin:8px 0 0 0'>{escape(w.no_industries)}</p>")
        if city.role != "core":
            core = content.cities_with_role("core")
            km = content.distance_km(core[0].id, city.id) if core else None
            if core and km is not None:
                line = fill(w.straight_line_to, core[0].name.get(self.lang), self._km(km))
                parts.append(f"<p style='margin:8px 0 0 0'>{escape(line)}</p>")
        place = content.place_of(city.id)
        if place is not None:
            parts.append(self._small(self.cite(place), "6px 0 0 0"))
        parts.append("</td></tr></table>")
        return "".join(parts)

    def distances(self) -> str:
        """Computed distances, the paper's "less than 40 km", and the note on the two."""
        content, w = self.content, self.words
        rows = []
        for a, b in self.pairs:
            km = content.distance_km(a, b)
            if km is None:
                continue
            rows.append(
                f"<tr><td style='padding:3px 12px 3px 0'>{self._dot(a)} "
                f"{self._t(content.city(a).name)} – {self._dot(b)} "
                f"{self._t(content.city(b).name)}</td>"
                f"<td style='padding:3px 0' align='right'><b>{escape(self._km(km))}</b>"
                "</td></tr>")
        parts = [self._h(w.distances), f"<table cellspacing='0'>{''.join(rows)}</table>",
                 self._small(escape(w.distances_how), "4px 0 0 0")]
        stat = next((x for x in content.statistics if x.id == DISTANCE_STATISTIC_ID), None)
        if stat is not None:
            # "三市两两之间的距离不足40km" reads as one phrase; English needs a colon.
            joint = self.row.value_joint
            parts.append(
                f"<p style='margin:10px 0 0 0'>{escape(w.paper_says)}{self._sep()}"
                f"{self._t(stat.label)}{joint}<b>{self._t(stat.value_text)}</b></p>"
                + self._small(self.cite(stat)))
            # The note that explains why the map measures more than the paper says.
            parts.extend(self._note_box(n.title, n.text)
                         for n in content.notes_for("statistics", stat.id)
                         if any(ref.startswith("places:") for ref in n.applies_to))
        return "".join(parts)

    def ring(self) -> str:
        facts = self.content.facts_about("ring")
        if not facts:
            return ""
        parts = [self._h(self.words.ring_title)]
        for fact in facts:
            parts.append(f"<p style='margin:0'>{self._t(fact.text)}</p>"
                         + self._small(self.cite(fact), "2px 0 0 0"))
        return "".join(parts)

    def cities(self) -> str:
        """Every city on the map, as links that select it (the list a screen reader needs)."""
        w = self.words
        def names(cities: Iterable[City]) -> str:
            return self.row.join(f"{self._dot(c.id)}&nbsp;<a href='city:{c.id}' style='color:"
                               f"{self.theme.ink}'>{self._t(c.name)}</a>" for c in cities)

        return (self._h(w.cities)
                + f"<p style='margin:0'><b>{escape(w.core_cities)}</b>{self._sep()}"
                + names(self.content.cities_with_role("core")) + "</p>"
                + f"<p style='margin:4px 0 0 0'><b>{escape(w.ring_cities)}</b>{self._sep()}"
                + names(self.content.cities_with_role("ring")) + "</p>"
                + self._small(escape(w.north_up), "4px 0 0 0"))

    def sources(self) -> str:
        content = self.content
        records: list[object] = [*content.facts_about("geography"), *content.facts_about("ring"),
                                 *content.statistics, *content.places, *content.industries,
                                 *content.innovation_bases]
        ids = dict.fromkeys(str(getattr(r, "source_id", "")) for r in records)
        known = {s.id for s in content.sources}
        items = "".join(self._small(self._t(content.source(i).citation), "2px 0")
                        for i in ids if i in known)
        note = "" if self.row.is_source else \
            self._small(escape(content.manifest.translation_note.get(self.lang)), "6px 0 0 0")
        return self._h(self.words.sources) + items + note
