"""What the handout says, as HTML for a QTextDocument, from the content only.

Per stage: its number and years, title, closing summary, the paper's account, the
milestones, the enterprises (where the stage has any), one chart, the data notes that
concern it and where in the paper it comes from. At the end: the sources. Every text
is the content's, in the handout's language; the handout's own words come from
:class:`~czt_desktop.ui.handout.words.HandoutWords`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP

from czt_desktop.content import Content, DataNote, Stage
from czt_desktop.content.citing import Cited, named_places, places, source_line
from czt_desktop.ui.charts.data import (
    city_figures,
    enterprise_years,
    join_names,
    leader_of,
    notes_of,
)
from czt_desktop.ui.handout import figures
from czt_desktop.ui.handout.words import HandoutWords
from czt_desktop.ui.words import section_names, size_classes_text

#: Type sizes (pt) and colours of the page; the body is 10.5 pt (Chinese 五号).
STYLE_SHEET = """
h1 { font-size: 20pt; font-weight: bold; margin-top: 0px; margin-bottom: 4px; }
h2 { font-size: 16pt; font-weight: bold; margin-top: 0px; margin-bottom: 6px; }
h3 { font-size: 12pt; font-weight: bold; margin-top: 18px; margin-bottom: 6px; }
h4 { font-size: 9pt; font-weight: normal; color: #5A544A; margin-top: 0px;
     margin-bottom: 6px; }
p { font-size: 10.5pt; margin-top: 0px; margin-bottom: 8px; }
p.lede { font-size: 11pt; color: #5A544A; margin-bottom: 14px; }
p.kicker { font-size: 9pt; font-weight: bold; color: #5A544A; margin-bottom: 2px; }
p.outcome { font-size: 11.5pt; font-weight: bold; margin-bottom: 12px; }
p.small { font-size: 8.5pt; color: #5A544A; }
p.note-title { font-size: 9pt; font-weight: bold; margin-bottom: 2px; }
p.note { font-size: 8.5pt; margin-bottom: 8px; }
td { font-size: 9.5pt; }
th { font-size: 9pt; font-weight: bold; background-color: #ECE7DD; text-align: left; }
td.when { font-weight: bold; white-space: nowrap; }
"""

TABLE = ('<table width="100%" cellspacing="0" cellpadding="5" border="0.5" '
         'style="border-collapse: collapse; border-color: #B8B0A2;">')


@dataclass(slots=True)
class HandoutContent:
    """The handout as HTML, its pictures by URL, its title, and the records it cites."""

    title: str
    html: str
    pictures: dict[str, figures.ChartPicture] = field(default_factory=dict)
    cited: list[Cited] = field(default_factory=list)


def _p(text: str, css: str = "", line_height: int = 0) -> str:
    style = f' style="line-height: {line_height}%;"' if line_height else ""
    klass = f' class="{css}"' if css else ""
    return f"<p{klass}{style}>{escape(text)}</p>"


def notes_for_stage(content: Content, stage: Stage, extra: Iterable[DataNote] = ()
                    ) -> list[DataNote]:
    """The data notes about the stage or any of its events and enterprises, and those of
    the figures its chart shows, in the content's order."""
    refs = {f"stages:{stage.id}"}
    refs.update(f"events:{e.id}" for e in content.events_in_stage(stage.id))
    refs.update(f"enterprises:{e.id}" for e in content.enterprises_in_stage(stage.id))
    wanted = {n.id for n in extra}
    return [n for n in content.data_notes if refs.intersection(n.applies_to) or n.id in wanted]


class HandoutBuilder:
    """Builds :class:`HandoutContent` for some stages in one language."""

    def __init__(self, content: Content, lang: str, body_width_mm: float) -> None:
        self.content = content
        self.lang = lang
        self.words = HandoutWords(lang)
        self.body_width_mm = body_width_mm
        self.result = HandoutContent(title=content.manifest.title.get(lang), html="")

    # -- the whole ------------------------------------------------------------------------
    def build(self, stages: Sequence[Stage]) -> HandoutContent:
        words, lang = self.words, self.lang
        parts = [f"<h1>{escape(self.result.title)}</h1>"]
        if len(stages) == len(self.content.stages):
            scope = words(QT_TRANSLATE_NOOP("HandoutWriter", "Handout: all %1 stages"),
                          len(stages))
        else:
            scope = words(QT_TRANSLATE_NOOP("HandoutWriter", "Handout: %1"),
                          words.row.join(
                              f"{s.years_label} {s.short.get(lang)}" for s in stages))
        parts.append(_p(scope, "lede"))
        if not words.row.is_source:
            parts.append(_p(self.content.manifest.translation_note.get(lang), "small"))
        for index, stage in enumerate(stages):
            parts.append(self._stage(stage, first=index == 0))
        parts.append(self._sources())
        self.result.html = "\n".join(parts)
        return self.result

    # -- one stage --------------------------------------------------------------------------
    def _stage(self, stage: Stage, first: bool) -> str:
        words, lang = self.words, self.lang
        content = self.content
        number = [s.id for s in content.stages].index(stage.id) + 1
        line = words.row.line_height
        # Each stage from a new page: a teacher can hand out one stage's pages.
        brk = "" if first else ' style="page-break-before: always;"'
        parts = [f'<p class="kicker"{brk}>'
                 + escape(words(QT_TRANSLATE_NOOP("HandoutWriter", "Stage %1 of %2"),
                                number, len(content.stages))) + "</p>",
                 f"<h2>{escape(stage.years_label)}{words.row.title_gap}"
                 f"{escape(stage.title.get(lang))}</h2>"]
        self.result.cited.append(stage)
        if stage.summary is not None:
            # Our teaching text first (correct where the paper slips), marked as ours;
            # then the paper's own account, verbatim, its slips noted below.
            if stage.headline is not None:
                parts.append(_p(stage.headline.get(lang), "outcome", line))
            parts.append(_p(stage.summary.get(lang), "", line))
            parts.append(_p(words(QT_TRANSLATE_NOOP("HandoutWriter",
                                                    "Our summary of %1 of the paper."),
                                  stage.locator), "small"))
            account = words(QT_TRANSLATE_NOOP("HandoutWriter", "The paper's account"))
            parts.append(f"<h3>{escape(account)}</h3>")
        if stage.outcome is not None:
            parts.append(_p(stage.outcome.get(lang), "outcome", line))
        parts.append(_p(stage.narrative.get(lang), "", line))

        events = content.events_in_stage(stage.id)
        if events:
            heading = words(QT_TRANSLATE_NOOP("HandoutWriter", "Milestones"))
            parts.append(f"<h3>{escape(heading)}</h3>")
            rows = "".join(f'<tr><td class="when" width="22%">{escape(e.when.get(lang))}</td>'
                           f"<td>{escape(e.title.get(lang))}</td></tr>" for e in events)
            parts.append(f"{TABLE}{rows}</table>")
            self.result.cited.extend(events)

        enterprises = content.enterprises_in_stage(stage.id)
        if enterprises:
            parts.append(self._enterprise_table(stage))
        chart_html, chart_notes = self._chart(stage)
        parts.append(chart_html)

        notes = notes_for_stage(content, stage, chart_notes)
        if notes:
            heading = words(QT_TRANSLATE_NOOP("HandoutWriter", "Notes on the data"))
            parts.append(f"<h3>{escape(heading)}</h3>")
            for note in notes:
                parts.append(_p(note.title.get(lang), "note-title"))
                parts.append(_p(note.text.get(lang), "note"))
            self.result.cited.extend(notes)
        parts.append(_p(self._source_line([stage, *events, *enterprises]), "small"))
        return "\n".join(parts)

    def _enterprise_table(self, stage: Stage) -> str:
        words, lang, content = self.words, self.lang, self.content
        enterprises = content.enterprises_in_stage(stage.id)
        first, last = enterprises[0].founded, enterprises[-1].founded
        heading = words(QT_TRANSLATE_NOOP("HandoutWriter",
                                          "Enterprises the paper lists, built %1–%2"),
                        first, last)
        headers = (words(QT_TRANSLATE_NOOP("HandoutWriter", "Built")),
                   words(QT_TRANSLATE_NOOP("HandoutWriter", "Enterprise")),
                   words(QT_TRANSLATE_NOOP("HandoutWriter", "City")),
                   words(QT_TRANSLATE_NOOP("HandoutWriter", "Size class")),
                   words(QT_TRANSLATE_NOOP("HandoutWriter", "Industry (from the name)")))
        head = "".join(f"<th>{escape(h)}</th>" for h in headers)
        rows = "".join(
            f"<tr><td>{e.founded}</td><td>{escape(e.name.get(lang))}</td>"
            f"<td>{escape(content.city(e.city_id).name.get(lang))}</td>"
            f"<td>{escape(size_classes_text(e.size_classes, lang, words.translate))}</td>"
            f"<td>{escape(e.industry.get(lang))}</td></tr>"
            for e in enterprises)
        # A header row (thead) is repeated on the next page when the table breaks.
        return f"<h3>{escape(heading)}</h3>{TABLE}<thead><tr>{head}</tr></thead>{rows}</table>"

    # -- the stage's chart ----------------------------------------------------------------------
    def _chart(self, stage: Stage) -> tuple[str, tuple[DataNote, ...]]:
        """The chart that tells most about the stage: its enterprises if it has any, the
        GDP of the cities if their year lies in it, else its milestones among all."""
        content, words, lang = self.content, self.words, self.lang
        width = self.body_width_mm
        notes: tuple[DataNote, ...] = ()
        gdp = city_figures(content, "gdp")
        if content.enterprises_in_stage(stage.id):
            data = enterprise_years(content)
            top = data.top_city()
            first, last = data.years[0], data.years[-1]
            if top is not None:
                title = words(QT_TRANSLATE_NOOP(
                    "HandoutWriter",
                    "%1 got %2 of the %3 enterprises the paper lists, built %4–%5"),
                    top.name.get(lang), data.counts[top.id], data.total, first, last)
            else:
                title = words(QT_TRANSLATE_NOOP(
                    "HandoutWriter", "The paper lists %1 enterprises built in %2–%3"),
                    data.total, first, last)
            subtitle = words(QT_TRANSLATE_NOOP(
                "HandoutWriter", "Enterprises the paper lists, by year built and city"))
            names = [words(QT_TRANSLATE_NOOP("HandoutWriter", "%1 (%2)"), c.name.get(lang),
                           data.counts[c.id]) for c in data.cities]
            picture = figures.enterprises_per_year(content, lang, names, width)
            records: Sequence[Cited] = [e for year in data.years for e in data.stacks[year]]
        elif gdp.year is not None and stage.contains(gdp.year) and gdp.cities:
            lead = leader_of(gdp)
            name = {s.id: content.city(s.city_id).name.get(lang) if s.city_id else ""
                    for s in gdp.cities}
            if lead is not None and lead.ratio > 1:
                others = join_names([name[s.id] for s in lead.others], lang,
                                    words(QT_TRANSLATE_NOOP("HandoutWriter", " and ")))
                twice = QT_TRANSLATE_NOOP(
                    "HandoutWriter",
                    "In %1, %2 alone produced more than twice as much as %3 together")
                more = QT_TRANSLATE_NOOP(
                    "HandoutWriter", "In %1, %2 alone produced more than %3 together")
                template = twice if lead.ratio > 2 else more
                title = words(template, gdp.year, name[lead.leader.id], others)
            else:
                title = words(QT_TRANSLATE_NOOP("HandoutWriter", "GDP by city in %1"), gdp.year)
            subtitle = words(QT_TRANSLATE_NOOP(
                "HandoutWriter", "Gross domestic product (GDP) in %1, in 100 million yuan"),
                gdp.year)
            if gdp.cluster is not None:
                subtitle += ("\n" + gdp.cluster.label.get(lang) + words.row.colon
                             + gdp.cluster.value_text.get(lang))
            picture = figures.gdp_by_city(content, lang, width)
            records = gdp.records()
            notes = notes_of(content, gdp.cluster)
        else:
            counts = {s.id: len(content.events_in_stage(s.id)) for s in content.stages}
            title = words(QT_TRANSLATE_NOOP(
                "HandoutWriter", "%1 of the paper's %2 milestones fall in this stage"),
                counts[stage.id], sum(counts.values()))
            subtitle = words(QT_TRANSLATE_NOOP(
                "HandoutWriter", "Milestones the paper gives for each stage"))
            picture = figures.milestones_per_stage_chart(content, lang, stage, width)
            records = list(content.stages)
        url = f"handout://chart-{stage.id}"
        self.result.pictures[url] = picture
        self.result.cited.extend(records)
        subtitle_html = escape(subtitle).replace("\n", "<br />")
        html = (f"<h3>{escape(title)}</h3><h4>{subtitle_html}</h4>"
                f'<p><img src="{url}" /></p>{_p(self._source_line(records), "small")}')
        return html, notes

    # -- sources ----------------------------------------------------------------------------------
    def _source_line(self, records: Sequence[Cited]) -> str:
        """``Source: <citation>, §1.2; §2 ¶2`` (each source once, places in paper order)."""
        return source_line(self.content, records, self.lang,
                           self.words(QT_TRANSLATE_NOOP("HandoutWriter", "Source")),
                           section_names=section_names(self.words.translate))

    def _sources(self) -> str:
        words, lang = self.words, self.lang
        by_source = places(self.result.cited)
        if not words.row.is_source:
            # Translated text: the translation is a source of what the reader reads.
            for source in self.content.sources:
                if source.kind == "translation":
                    by_source.setdefault(source.id, [])
        heading = words(QT_TRANSLATE_NOOP("HandoutWriter", "Sources"))
        parts = [f"<h3>{escape(heading)}</h3>"]
        for source_id, found in by_source.items():
            source = self.content.source(source_id)
            text = source.citation.get(lang)
            where = "; ".join(named_places(found, section_names(words.translate)))
            if where:
                text += " " + words(QT_TRANSLATE_NOOP("HandoutWriter", "Sections used: %1"),
                                    where)
            parts.append(_p(text, "note"))
            if source.note is not None:
                parts.append(_p(source.note.get(lang), "small"))
        return "\n".join(parts)
