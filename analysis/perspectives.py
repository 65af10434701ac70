"""Team, parents and pupils side by side, under the rule of five. Pure functions, no database.

Parents' and pupils' answers are anonymous; a figure based on fewer than five of them could point
at a family, so it is never shown: the cell says why instead.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from analysis.profile import Profile, ScoreCell

MIN_GROUP_SIZE = 5
TEAM, PARENTS, PUPILS = "team", "parents", "pupils"


@dataclass(frozen=True)
class Figure:
    """A mean with how many people it rests on; `mean` is None when hidden or when there are no answers."""

    mean: float | None
    respondents: int
    suppressed: bool = False


def shown(mean: float | None, respondents: int, anonymous: bool) -> Figure:
    if anonymous and 0 < respondents < MIN_GROUP_SIZE:
        return Figure(None, respondents, suppressed=True)
    return Figure(mean, respondents)


def perspective_figures(profile: Profile, side: str, dimensions: Sequence[str], anonymous: bool) -> dict[str, Figure]:
    side_profile = profile.side(side)
    return {
        dimension: shown(side_profile.result(dimension).mean, side_profile.result(dimension).respondents, anonymous)
        for dimension in dimensions
    }


@dataclass(frozen=True)
class ConstructScore:
    construct: str
    mean: float
    respondents: int


@dataclass(frozen=True)
class Gap:
    construct: str
    team: float
    parents: float
    parent_respondents: int

    @property
    def difference(self) -> float:
        """Positive: the team thinks better of it than parents do — a blind spot."""
        return self.team - self.parents


def mirror_gaps(team: Iterable[ConstructScore], parents: Iterable[ConstructScore]) -> list[Gap]:
    """Per construct, the team's estimate beside the parents' own answer; largest gaps first.

    Constructs answered by fewer than five parents are left out (rule of five).
    """
    team_by_construct = {score.construct: score for score in team}
    gaps = [
        Gap(score.construct, team_by_construct[score.construct].mean, score.mean, score.respondents)
        for score in parents
        if score.construct in team_by_construct and score.respondents >= MIN_GROUP_SIZE
    ]
    return sorted(gaps, key=lambda gap: (-abs(gap.difference), gap.construct))


@dataclass(frozen=True)
class GroupRow:
    group: str
    respondents: int
    figures: tuple[Figure, ...]  # one per dimension, in the dimensions' order; both directions together

    @property
    def suppressed(self) -> bool:
        return self.respondents < MIN_GROUP_SIZE


def breakdown(cells: Iterable[ScoreCell], group_of: Mapping[Any, str], dimensions: Sequence[str]) -> list[GroupRow]:
    """Mean per group (class, grade, home language) and dimension; small groups are hidden whole."""
    per_group: dict[str, list[ScoreCell]] = defaultdict(list)
    for cell in cells:
        group = group_of.get(cell.respondent)
        if group is not None:
            per_group[group].append(cell)
    rows = []
    for group in sorted(per_group):
        group_cells = per_group[group]
        respondents = len({cell.respondent for cell in group_cells})
        figures: list[Figure] = []
        for dimension in dimensions:
            in_dimension = [cell for cell in group_cells if cell.dimension == dimension]
            answered = sum(cell.answered for cell in in_dimension)
            mean = sum(cell.total for cell in in_dimension) / answered if answered else None
            people = len({cell.respondent for cell in in_dimension if cell.answered})
            large_enough = respondents >= MIN_GROUP_SIZE
            figures.append(shown(mean, people, anonymous=True) if large_enough else Figure(None, people, True))
        rows.append(GroupRow(group, respondents, tuple(figures)))
    return rows


@dataclass(frozen=True)
class ResponseRate:
    audience: str
    group: str
    invited: int
    answered: int

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.invited) if self.invited else 0


def response_rates(
    invited: Mapping[tuple[str, str], int], answered: Mapping[tuple[str, str], int]
) -> list[ResponseRate]:
    keys = sorted(set(invited) | set(answered))
    return [
        ResponseRate(audience, group, invited.get((audience, group), 0), answered.get((audience, group), 0))
        for audience, group in keys
    ]


def open_answers_to_show(answers: Iterable[tuple[str, str]], group_sizes: Mapping[str, int]) -> list[str]:
    """Open answers of groups with at least five respondents, without any metadata, in a neutral order."""
    return sorted(text for group, text in answers if group_sizes.get(group, 0) >= MIN_GROUP_SIZE and text.strip())
