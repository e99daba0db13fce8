"""What each pane shows of the stage picked on the timeline, in one sentence.

Picking a stage changes every pane: the pane shows that stage's part of what it is
about, or says in words why the stage does not apply and what it shows instead (the
teaching brief: "pick a stage and everything on screen is about that stage, or says
plainly why not"). The sentences are ours; every fact in them comes from the content.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from PySide6.QtCore import QObject

from czt_desktop.content import Content, Stage
from czt_desktop.languages import fill, language


def stage_number(content: Content, stage: Stage) -> int:
    return content.stages.index(stage) + 1


class StageLensWords(QObject):
    """The sentences, as methods so that lupdate sees ``self.tr`` (and its plural forms:
    it reads ``%n`` only from ``self.tr``, not from ``QCoreApplication.translate``)."""

    def kicker(self, content: Content, stage: Stage, lang: str) -> str:
        """``Stage 2 of 5 · 1980–1996 · Economic zone idea``"""
        return fill(
            self.tr("Stage %1 of %2 · %3 · %4"),
            stage_number(content, stage),
            len(content.stages),
            stage.years_label,
            stage.short.get(lang),
        )

    def enterprises(self, content: Content, stage: Stage, lang: str) -> str:
        everything = content.enterprises
        total = len(everything)  # a plain name: lupdate reads only names as the %n argument
        if not everything:
            return self.tr("The paper lists no enterprises.")
        years = sorted(e.founded for e in everything)
        mine = content.enterprises_in_stage(stage.id)
        if len(mine) == len(everything):
            return fill(
                self.tr(
                    "All %n enterprise(s) the paper lists were built in this stage, %1–%2.",
                    None,
                    total,
                ),
                years[0],
                years[-1],
            )
        if mine:
            built = sorted(e.founded for e in mine)
            return fill(
                self.tr(
                    "%1 of the %n enterprise(s) the paper lists were built in this "
                    "stage, %2–%3; the table shows them all.",
                    None,
                    total,
                ),
                len(mine),
                built[0],
                built[-1],
            )
        stages = {e.stage_id for e in everything}
        if len(stages) == 1:
            home = content.stage(next(iter(stages)))
            return fill(
                self.tr(
                    "None of the %n enterprise(s) the paper lists were built in this "
                    "stage: all were built in %1–%2, in stage %3 (%4).",
                    None,
                    total,
                ),
                years[0],
                years[-1],
                stage_number(content, home),
                home.short.get(lang),
            )
        return fill(
            self.tr(
                "None of the %n enterprise(s) the paper lists were built in this "
                "stage: they were built in %1–%2.",
                None,
                total,
            ),
            years[0],
            years[-1],
        )

    def plans(self, shown: int, following: bool) -> str:
        if following:
            return self.tr(
                "Showing the %n milestone(s) of this stage: plans, documents and events.",
                None,
                shown,
            )
        return self.tr(
            "Showing %n milestone(s) chosen with the lists below, not only this stage's.",
            None,
            shown,
        )

    def statistics(self, content: Content, stage: Stage) -> str:
        mine = [s for s in content.statistics if content.stage_of_record(s) is stage]
        count = len(mine)
        if mine:
            return self.tr(
                "%n figure(s) the paper gives for this stage come first, marked in the "
                "stage's colour.",
                None,
                count,
            )
        dated = [s for s in content.statistics if content.stage_of_record(s) is not None]
        latest = max((s.year for s in dated if s.year is not None), default=None)
        if latest is not None:
            return fill(
                self.tr(
                    "The paper gives no figures for this stage; below are all its "
                    "figures, the latest for %1.",
                ),
                latest,
            )
        return self.tr("The paper gives no figures for this stage; below are all its figures.")

    def today(self, stage: Stage, lang: str) -> str:
        led = stage.outcome or stage.headline
        row = language(lang)
        said = row.quote(led.get(lang)) if led is not None else ""
        lead = (
            fill(
                self.tr("What this stage led to, in the paper's words: %1"),
                said,
            )
            if said
            else ""
        )
        rest = self.tr(
            "Below, the three cities as the paper describes them at the time of "
            "writing, with figures for 2019.",
        )
        return row.sentence_space.join(p for p in (lead, rest) if p)

    def analysis(self, stage: Stage, lang: str) -> str:
        # §3 ¶1: proposed in the 1980s, about 40 years of development since.
        first = self.tr(
            "The paper names these problems at the time of writing, about 40 years "
            "after the cluster was proposed in the 1980s.",
        )
        if stage.end_year < 1980:
            second = self.tr("This stage came before that.")
        else:
            second = self.tr("This stage is part of those years.")
        return language(lang).sentence_space.join((first, second))

    def map_view(self, content: Content, stage: Stage, lang: str) -> str:
        mine = content.enterprises_in_stage(stage.id)
        row = language(lang)
        count = len(mine)
        if mine:
            counts = Counter(e.city_id for e in mine)
            by_city = row.join(
                f"{content.city(c).name.get(lang)}{row.word_space}{n}"
                for c, n in counts.most_common()
            )
            return fill(
                self.tr(
                    "The numbers by the cities: the %n enterprise(s) of this stage the "
                    "paper lists, by city (%1).",
                    None,
                    count,
                ),
                by_city,
            )
        return self.tr(
            "The paper places no milestone of this stage at one city: the map shows "
            "where the cities lie.",
        )

    def quiz(self, all_stages: bool) -> str:
        if all_stages:
            return self.tr(
                "Questions about all the stages; choose “This stage” below for questions "
                "about this one only.",
            )
        return self.tr("Questions about this stage; the questions change with the stage.")


@cache
def words() -> StageLensWords:
    """One for the process: it holds no state, only the translation context."""
    return StageLensWords()
