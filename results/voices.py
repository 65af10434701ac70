"""What parents and pupils said, for the round's profile page: blind spots, response rates,
breakdowns and open answers — every part under the rule of five.

The tallies hold only questionnaires released in chunks of at least five with the same group, home
language (the batch's tag) and language answered in (surveys.tallies), plus, once their voice closes,
the rest pooled as "other groups" / "other languages". Every figure here (the breakdowns by group, by
the letter's language and by the language answered in included) is a sum over such chunks, so no
arithmetic on the figures, on one page or between two downloads, isolates fewer than five people
(docs/privacy.md).
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from analysis.models import Round
from framework.localized import ShownDimension
from framework.models import PUPIL_AUDIENCES, Audience
from respondents.languages import staff_label
from results.perspectives import (
    MIN_GROUP_SIZE,
    MIN_OPEN_ANSWERS_GROUP,
    Gap,
    GroupRow,
    GroupSize,
    ResponseRate,
    Tally,
    breakdown,
    construct_scores,
    mirror_gaps,
    open_answers_held_back,
    open_answers_to_show,
    response_rates,
)
from results.profile import build_profile
from results.profile_page import Perspectives
from results.queries import (
    asked_dimensions,
    group_sizes,
    invited_counts,
    open_answers,
    score_cells,
    tallies,
    team_construct_scores,
    team_questions_by_construct,
)
from surveys.tallies import POOL, waiting_count

MAX_GAPS = 10
POOLED = GroupSize("", POOL, POOL, 0)  # what the questionnaires released together at their voice's close are tallied as


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
    parents_by_language: list[GroupRow]  # by the home language of the batch (the letter's tag)
    parents_by_answered_language: list[GroupRow]  # by the language they answered in
    pupils_by_group: list[GroupRow]
    open_answers: list[str]
    # In the figures but not shown yet (fewer than ten people of their audience); a waiting questionnaire's open
    # answer is never counted: a count that moved at a hand-in would tell whether that one parent wrote something.
    open_answers_held: int
    waiting: int  # handed in, not yet in the figures (they wait for a chunk of five)
    min_group_size: int = MIN_GROUP_SIZE
    min_open_answers_group: int = MIN_OPEN_ANSWERS_GROUP

    @property
    def waiting_is_few(self) -> bool:
        """1–4 waiting: the page says "a few", never the count (rule of five)."""
        return 0 < self.waiting < MIN_GROUP_SIZE

    @property
    def is_empty(self) -> bool:
        return not self.rates and not self.waiting


def _by_group(row: Tally | GroupSize) -> str:
    return str(_("other groups")) if row.home_language == POOL else row.group


def language_label(code: str) -> str:
    """A breakdown row's language as staff read it, "Pasjtoe (پښتو)"; a batch without a tag says so."""
    if code == POOL:
        return str(_("other languages"))
    return staff_label(code) if code else str(_("no language chosen"))


def _by_home_language(row: Tally | GroupSize) -> str:
    return language_label(row.home_language)


def _by_answered_language(row: Tally | GroupSize) -> str:
    return language_label(row.answered_in)


def _pool_last(rows: list[GroupRow], pool_label: str) -> list[GroupRow]:
    return sorted(rows, key=lambda row: row.group == pool_label)


def voices_of_parents_and_pupils(
    round_: Round, tallies: SurveyTallies, dimensions: list[ShownDimension], language: str
) -> Voices:
    keys = [dimension.key for dimension in dimensions]
    team_questions = team_questions_by_construct(round_, language)
    gaps = mirror_gaps(team_construct_scores(round_), construct_scores(tallies.parents))[:MAX_GAPS]
    answered: dict[tuple[str, str], int] = defaultdict(int)
    per_audience: dict[str, int] = defaultdict(int)
    for size in [*tallies.parent_groups, *tallies.pupil_groups]:
        answered[(size.audience, _by_group(size))] += size.responses
        per_audience[size.audience] += size.responses
    other_groups, other_languages = _by_group(POOLED), _by_home_language(POOLED)
    texts = open_answers(round_)
    return Voices(
        # every handed-in questionnaire, also one that holds only "weet ik niet"
        parents=sum(size.responses for size in tallies.parent_groups),
        pupils=sum(size.responses for size in tallies.pupil_groups),
        gaps=[LabelledGap(gap, team_questions.get(gap.construct, gap.construct)) for gap in gaps],
        rates=response_rates(invited_counts(round_), answered),
        parents_by_group=_pool_last(breakdown(tallies.parents, tallies.parent_groups, _by_group, keys), other_groups),
        parents_by_language=_pool_last(
            breakdown(tallies.parents, tallies.parent_groups, _by_home_language, keys), other_languages
        ),
        parents_by_answered_language=_pool_last(
            breakdown(tallies.parents, tallies.parent_groups, _by_answered_language, keys), other_languages
        ),
        pupils_by_group=_pool_last(breakdown(tallies.pupils, tallies.pupil_groups, _by_group, keys), other_groups),
        open_answers=open_answers_to_show(texts, per_audience, settings.SECRET_KEY.encode()),
        open_answers_held=open_answers_held_back(texts, per_audience),
        waiting=sum(waiting_count(round_).values()),
    )


def _in_the_figures(sizes: list[GroupSize]) -> tuple[str, ...]:
    return tuple(sorted({size.audience for size in sizes if size.responses}))


def round_perspectives(round_: Round, dimension_keys: dict[int, str]) -> tuple[Perspectives, SurveyTallies]:
    """The team's profile, the parents' and pupils' tallies of a round, and what their questionnaires ask."""
    surveyed = SurveyTallies.split(tallies(round_, dimension_keys), group_sizes(round_))
    team = build_profile(score_cells(round_, dimension_keys), list(dimension_keys.values()))
    perspectives = Perspectives(
        team=team,
        parents=surveyed.parents,
        pupils=surveyed.pupils,
        parents_asked=asked_dimensions(round_, [Audience.PARENT], dimension_keys),
        # Asked of the pupils in the figures: 10–12 and 12–18 have different questionnaires.
        pupils_asked=asked_dimensions(
            round_, _in_the_figures(surveyed.pupil_groups) or PUPIL_AUDIENCES, dimension_keys
        ),
        parents_in_figures=sum(size.responses for size in surveyed.parent_groups),
        pupils_in_figures=sum(size.responses for size in surveyed.pupil_groups),
    )
    return perspectives, surveyed
