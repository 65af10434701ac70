"""What parents and pupils said, for the round's profile page: blind spots, response rates,
breakdowns and open answers — every part under the rule of five."""

from dataclasses import dataclass

from analysis.models import Round
from analysis.perspectives import (
    MIN_GROUP_SIZE,
    Gap,
    GroupRow,
    ResponseRate,
    breakdown,
    mirror_gaps,
    open_answers_to_show,
    response_rates,
)
from analysis.profile import ScoreCell
from analysis.profile_page import Perspectives
from framework.localized import ShownDimension
from framework.models import Audience
from surveys.results import (
    PUPIL_AUDIENCES,
    answered_counts,
    invited_counts,
    open_answers,
    respondent_groups,
    survey_construct_scores,
    team_construct_scores,
    team_questions_by_construct,
)

MAX_GAPS = 10


@dataclass(frozen=True)
class PerspectiveCells:
    parents: list[ScoreCell]
    pupils: list[ScoreCell]


@dataclass(frozen=True)
class LabelledGap:
    gap: Gap
    question: str  # the team's item for the construct, in the reader's language


@dataclass(frozen=True)
class Voices:
    parents: int
    pupils: int
    gaps: list[LabelledGap]
    rates: list[ResponseRate]
    parents_by_group: list[GroupRow]
    parents_by_language: list[GroupRow]
    pupils_by_group: list[GroupRow]
    open_answers: list[str]
    min_group_size: int = MIN_GROUP_SIZE

    @property
    def is_empty(self) -> bool:
        return not self.rates


def voices_of_parents_and_pupils(
    round_: Round, cells: PerspectiveCells, perspectives: Perspectives, dimensions: list[ShownDimension], language: str
) -> Voices:
    keys = [dimension.key for dimension in dimensions]
    team_questions = team_questions_by_construct(round_, language)
    gaps = mirror_gaps(team_construct_scores(round_), survey_construct_scores(round_, [Audience.PARENT]))[:MAX_GAPS]
    answered = answered_counts(round_)
    groups = respondent_groups(round_)
    parents = {r: (group, home) for r, (audience, group, home) in groups.items() if audience == Audience.PARENT}
    pupils = {r: group for r, (audience, group, _home) in groups.items() if audience in PUPIL_AUDIENCES}
    return Voices(
        parents=perspectives.parents.respondents,
        pupils=perspectives.pupils.respondents,
        gaps=[LabelledGap(gap, team_questions.get(gap.construct, gap.construct)) for gap in gaps],
        rates=response_rates(invited_counts(round_), answered),
        parents_by_group=breakdown(cells.parents, {r: group for r, (group, _home) in parents.items()}, keys),
        parents_by_language=breakdown(cells.parents, {r: home or "—" for r, (_group, home) in parents.items()}, keys),
        pupils_by_group=breakdown(cells.pupils, pupils, keys),
        open_answers=open_answers_to_show(open_answers(round_), {f"{a}:{g}": n for (a, g), n in answered.items()}),
    )
