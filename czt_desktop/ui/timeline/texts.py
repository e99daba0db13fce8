"""What the timeline says: accessible names, descriptions and tooltips.

UI wording is English here and translated through Qt (context ``TimelineTexts``);
names, titles and dates come from the content in the requested language.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from czt_desktop.content import Content, Enterprise, Event, Stage


class TimelineTexts(QObject):
    def __init__(self, content: Content, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.content = content

    # -- the widget as a whole --------------------------------------------------------
    def view_name(self) -> str:
        return _fill(self.tr("Timeline, %1–%2"), self.content.first_year,
                     self.content.last_year)

    def view_description(self) -> str:
        return self.tr("The stages and what happened in them. Left and Right arrow keys "
                       "choose a stage, Tab moves to its events and enterprises, Enter shows "
                       "one. "
                       "Plus and minus zoom.")

    def stages_name(self) -> str:
        return self.tr("Stages")

    def items_name(self) -> str:
        return self.tr("Events and enterprises")

    # -- stages -----------------------------------------------------------------------
    def stage_name(self, stage: Stage, number: int, lang: str) -> str:
        return _fill(self.tr("Stage %1, %2, %3"), number, stage.years_label,
                     stage.short.get(lang))

    def stage_description(self, stage: Stage, lang: str) -> str:
        events = len(self.content.events_in_stage(stage.id))
        firms = len(self.content.enterprises_in_stage(stage.id))
        counts = (_fill(self.tr("Events: %1. Enterprises built: %2."), events, firms)
                  if firms else _fill(self.tr("Events: %1."), events))
        return f"{stage.title.get(lang)}. {counts}"

    def stage_tooltip(self, stage: Stage, number: int, lang: str) -> str:
        return "\n".join((self.stage_name(stage, number, lang), stage.title.get(lang),
                          self.source(stage.source_id, stage.locator, lang)))

    # -- events -----------------------------------------------------------------------
    def event_name(self, event: Event, lang: str) -> str:
        # The date as the paper gives it ("20世纪50年代", "1984年11月"), then the title.
        return f"{event.when.get(lang)} {event.title.get(lang)}"

    def event_label(self, event: Event, lang: str) -> str:
        """The visible label: the axis gives the year, so only a vague date is spelled
        out ("1950s", "from the 1980s on"), lest it read as an exact one."""
        if event.precision in ("decade", "after"):
            return self.event_name(event, lang)
        return event.title.get(lang)

    def event_description(self, event: Event, lang: str) -> str:
        stage = self.content.stage(event.stage_id)
        parts = [p for p in (self.kind(event.kind),
                             _fill(self.tr("Stage: %1 (%2)"), stage.short.get(lang),
                                   stage.years_label)) if p]
        return " · ".join(parts)

    def event_tooltip(self, event: Event, lang: str) -> str:
        return "\n".join((event.when.get(lang), event.title.get(lang),
                          self.event_description(event, lang),
                          self.source(event.source_id, event.locator, lang)))

    def kind(self, kind: str) -> str:
        labels = {
            "idea": self.tr("Idea"),
            "context": self.tr("National context"),
            "project": self.tr("Key projects"),
            "proposal": self.tr("Proposal"),
            "document": self.tr("Document"),
            "body": self.tr("New body"),
            "plan": self.tr("Plan"),
            "statement": self.tr("Statement"),
            "study": self.tr("Study"),
            "construction": self.tr("Construction"),
            "designation": self.tr("Designation"),
            "policy": self.tr("Policy"),
        }
        return labels.get(kind, "")

    # -- enterprises --------------------------------------------------------------------
    def enterprise_name(self, firm: Enterprise, lang: str) -> str:
        # The paper's own form: 湘潭钢铁厂（1958年建）.
        return _fill(self.tr("%1 (built %2)"), firm.name.get(lang), firm.founded)

    def enterprise_label(self, firm: Enterprise, lang: str) -> str:
        return firm.name.get(lang)

    def enterprise_description(self, firm: Enterprise, lang: str) -> str:
        sizes = {"large": self.tr("large enterprise"),
                 "large-1": self.tr("“large, grade 1” enterprise")}
        parts = [self.content.city(firm.city_id).name.get(lang), firm.industry.get(lang),
                 *(sizes[s] for s in firm.size_classes if s in sizes)]
        return " · ".join(p for p in parts if p)

    def enterprise_tooltip(self, firm: Enterprise, lang: str) -> str:
        return "\n".join((self.enterprise_name(firm, lang),
                          self.enterprise_description(firm, lang),
                          self.source(firm.source_id, firm.locator, lang)))

    # -- sources ------------------------------------------------------------------------
    def source(self, source_id: str, locator: str, lang: str) -> str:
        citation = self.content.source(source_id).citation.get(lang)
        return _fill(self.tr("Source: %1, %2"), citation, locator)


def _fill(template: str, *values: object) -> str:
    """Qt-style ``%1 %2`` placeholders, filled in one pass (a value may contain "%2")."""
    out, i = [], 0
    while i < len(template):
        if template[i] == "%" and i + 1 < len(template) and template[i + 1].isdigit():
            n = int(template[i + 1])
            out.append(str(values[n - 1]) if 0 < n <= len(values) else template[i:i + 2])
            i += 2
        else:
            out.append(template[i])
            i += 1
    return "".join(out)
