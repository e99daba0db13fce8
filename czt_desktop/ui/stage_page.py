"""A stage's page as rich text: years, title, outcome, narrative, milestones, sources.

Rich text in a QTextBrowser (not painted pixels) so a screen reader reads it, the user
can select and copy it, and it reflows at any window size.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from czt_desktop.content import Content, DataNote, Stage, Text
from czt_desktop.ui.theme import CITY_COLORS, RING_CITY_COLOR, Theme, TypeScale


@dataclass(frozen=True, slots=True)
class PageLabels:
    """UI words of the page, already translated by the widget that owns it."""

    milestones: str
    enterprises: str
    size_classes: dict[str, str]
    data_notes: str
    source: str
    translation_note: str
    next_stage: str


def _city_color(city_id: str) -> str:
    return CITY_COLORS.get(city_id, RING_CITY_COLOR)


def _notes_for_stage(content: Content, stage: Stage) -> list[DataNote]:
    refs = {f"stages:{stage.id}"}
    refs.update(f"events:{e.id}" for e in content.events_in_stage(stage.id))
    refs.update(f"enterprises:{e.id}" for e in content.enterprises_in_stage(stage.id))
    return [n for n in content.data_notes if refs.intersection(n.applies_to)]


def stage_html(
    content: Content,
    stage: Stage,
    lang: str,
    labels: PageLabels,
    theme: Theme,
    scale: TypeScale,
) -> str:
    """The whole page for one stage in one language."""

    def t(text: Text) -> str:
        return escape(text.get(lang))

    sep = "：" if lang == "zh" else ": "
    parts = [
        f"<p style='font-size:{scale.display}px; font-weight:bold; color:{theme.accent};"
        f" margin:0'>{escape(stage.years_label)}</p>",
        f"<h1 style='font-size:{scale.title}px; margin:4px 0 12px 0'>{t(stage.title)}</h1>",
    ]
    if stage.outcome:
        parts.append(
            f"<p style='font-size:{scale.lead}px; color:{theme.ink}; margin:0 0 12px 0'>"
            f"<b>{t(stage.outcome)}</b></p>"
        )
    parts.append(f"<p style='line-height:160%'>{t(stage.narrative)}</p>")

    events = content.events_in_stage(stage.id)
    if events:
        parts.append(f"<h2 style='font-size:{scale.lead}px; margin-top:20px'>"
                     f"{escape(labels.milestones)}</h2>")
        rows = "".join(
            f"<tr><td style='padding:6px 16px 6px 0; color:{theme.accent}; white-space:nowrap'>"
            f"<b>{t(e.when)}</b></td><td style='padding:6px 0'>{t(e.title)}"
            + (f"<br><span style='color:{theme.muted}; font-size:{scale.small}px'>"
               f"{t(e.detail)}</span>" if e.detail else "")
            + "</td></tr>"
            for e in events
        )
        parts.append(f"<table cellspacing='0'>{rows}</table>")

    enterprises = content.enterprises_in_stage(stage.id)
    if enterprises:
        parts.append(f"<h2 style='font-size:{scale.lead}px; margin-top:20px'>"
                     f"{escape(labels.enterprises)}</h2>")
        rows = "".join(
            f"<tr><td style='padding:4px 16px 4px 0'><b>{e.founded}</b></td>"
            f"<td style='padding:4px 16px 4px 0'>{t(e.name)}</td>"
            f"<td style='padding:4px 16px 4px 0; color:{_city_color(e.city_id)}'>● </td>"
            f"<td style='padding:4px 16px 4px 0'>{t(content.city(e.city_id).name)}</td>"
            f"<td style='padding:4px 0; color:{theme.muted}'>"
            + escape(("、" if lang == "zh" else ", ").join(
                labels.size_classes.get(c, c) for c in e.size_classes))
            + "</td></tr>"
            for e in enterprises
        )
        parts.append(f"<table cellspacing='0'>{rows}</table>")

    notes = _notes_for_stage(content, stage)
    if notes:
        parts.append(f"<h2 style='font-size:{scale.lead}px; margin-top:20px'>"
                     f"{escape(labels.data_notes)}</h2>")
        parts.extend(
            f"<p style='background:#FFF6DA; padding:8px'><b>{t(n.title)}</b>{sep}{t(n.text)}</p>"
            for n in notes
        )

    source = content.source(stage.source_id)
    parts.append(
        f"<p style='color:{theme.muted}; font-size:{scale.small}px; margin-top:24px'>"
        f"{escape(labels.source)}{sep}{t(source.citation)}, {escape(stage.locator)}"
        + (f"<br>{escape(labels.translation_note)}" if lang == "en" else "")
        + "</p>"
    )
    following = [s for s in content.stages if s.start_year > stage.end_year]
    if following:
        nxt = following[0]
        parts.append(
            f"<p style='font-size:{scale.small}px'>{escape(labels.next_stage)}{sep}"
            f"<a href='stage:{nxt.id}'>{escape(nxt.years_label)} {t(nxt.title)}</a></p>"
        )
    return "".join(parts)
