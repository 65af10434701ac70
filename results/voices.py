"""What parents and pupils said, for the round's profile page: blind spots, response rates,
breakdowns and open answers — every part under the rule of five."""

from dataclasses import dataclass

from analysis.models import Round
from framework.localized import ShownDimension
from framework.models import PUPIL_AUDIENCES, Audience
from respondents.languages import native_name
from results.perspectives import (
    MIN_GROUP_SIZE,
    Gap,
    GroupRow,
    GroupSize,
    ResponseRate,
    Tally,
    breakdown,
    construct_scores,
    mirror_gaps,
    open_answers_to_show,
    response_rates,
)
from results.profile import build_profile
from results.profile_page import Perspectives
from results.queries import (
    group_sizes,
    invited_counts,
    open_answers,
    score_cells,
    tallies,
    team_construct_scores,
    team_questions_by_construct,
)

MAX_GAPS = 10


@dataclass(frozen=True)
class SurveyTallies:
    """A round's tallies of handed-in questionnaires, split by perspective."""

    parents: list[Tally]
    pupils: list[Tally]
    parent_groups: list[GroupSize]
    pupil_groups: list[GroupSize]

    @classmethod
    def split(cls, tallies: list[Tally], sizes: list[GroupSize]) -> "SurveyTallies":
        return cls(
            parents=[tally for tally in tallies if tally.audience == Audience.PARENT],
            pupils=[tally for tally in tallies if tally.audience in PUPIL_AUDIENCES],
            parent_groups=[size for size in sizes if size.audience == Audience.PARENT],
            pupil_groups=[size for size in sizes if size.audience in PUPIL_AUDIENCES],
        )


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


def _by_group(row: Tally | GroupSize) -> str:
    return row.group


def _by_home_language(row: Tally | GroupSize) -> str:
    return native_name(row.home_language)


def voices_of_parents_and_pupils(
    round_: Round, tallies: SurveyTallies, dimensions: list[ShownDimension], language: str
) -> Voices:
    keys = [dimension.key for dimension in dimensions]
    team_questions = team_questions_by_construct(round_, language)
    gaps = mirror_gaps(team_construct_scores(round_), construct_scores(tallies.parents))[:MAX_GAPS]
    answered: dict[tuple[str, str], int] = {}
    for size in [*tallies.parent_groups, *tallies.pupil_groups]:
        answered[(size.audience, size.group)] = answered.get((size.audience, size.group), 0) + size.responses
    return Voices(
        # every handed-in questionnaire, also one that holds only "weet ik niet"
        parents=sum(size.responses for size in tallies.parent_groups),
        pupils=sum(size.responses for size in tallies.pupil_groups),
        gaps=[LabelledGap(gap, team_questions.get(gap.construct, gap.construct)) for gap in gaps],
        rates=response_rates(invited_counts(round_), answered),
        parents_by_group=breakdown(tallies.parents, tallies.parent_groups, _by_group, keys),
        parents_by_language=breakdown(tallies.parents, tallies.parent_groups, _by_home_language, keys),
        pupils_by_group=breakdown(tallies.pupils, tallies.pupil_groups, _by_group, keys),
        open_answers=open_answers_to_show(open_answers(round_), {f"{a}:{g}": n for (a, g), n in answered.items()}),
    )


def round_perspectives(round_: Round, dimension_keys: dict[int, str]) -> tuple[Perspectives, SurveyTallies]:
    """The team's profile and the parents' and pupils' tallies of a round (three queries)."""
    surveyed = SurveyTallies.split(tallies(round_, dimension_keys), group_sizes(round_))
    team = build_profile(score_cells(round_, dimension_keys), list(dimension_keys.values()))
    return Perspectives(team=team, parents=surveyed.parents, pupils=surveyed.pupils), surveyed
