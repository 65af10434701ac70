"""The team's profile of a round: per dimension and per side, how strong involvement looks.

Pure functions on plain data, so they are tested without a database. The input is one
`ScoreCell` per respondent, dimension and item direction (the database sums answers per cell;
`cells_from_answers` does the same in Python for tests and small sets).

The numbers are there to start a conversation, not to grade anyone: the mean shows where the
team sees weak involvement, the spread (standard deviation of the respondents' own means) shows
where the team does not agree, and the share of "weet ik niet" shows what the team does not know.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from statistics import pstdev
from typing import Any

PARENT_SIDE = "parent_to_school"
SCHOOL_SIDE = "school_to_parent"
SIDES = (PARENT_SIDE, SCHOOL_SIDE)
# The team's own feelings and views are part of how the school relates to parents.
SIDE_OF_DIRECTION = {"parent_to_school": PARENT_SIDE, "school_to_parent": SCHOOL_SIDE, "team_self": SCHOOL_SIDE}

WEAKEST_COUNT = 2  # how many dimensions are marked as weakest per side
DISAGREEMENT_COUNT = 2  # how many dimensions are marked for the largest disagreement
MIN_SPREAD_FOR_DISAGREEMENT = 0.5  # below this the team broadly agrees; nothing to mark


@dataclass(frozen=True)
class ScoreCell:
    respondent: Any  # a team response id (int) or an anonymous questionnaire id (UUID)
    dimension: str
    direction: str
    total: int  # sum of the answers on the 1–5 scale
    answered: int  # answers on the scale
    dont_know: int  # "weet ik niet" answers


@dataclass(frozen=True)
class AnswerRow:
    respondent: Any  # a team response id (int) or an anonymous questionnaire id (UUID)
    item: str
    value: int | None  # None: "weet ik niet"


@dataclass(frozen=True)
class ItemInfo:
    dimension: str
    direction: str


@dataclass(frozen=True)
class DimensionResult:
    dimension: str
    mean: float | None
    answers: int
    respondents: int
    spread: float | None
    dont_know_share: float | None
    weakest: bool = False
    disagreement: bool = False


@dataclass(frozen=True)
class SideProfile:
    side: str
    dimensions: tuple[DimensionResult, ...]

    def result(self, dimension: str) -> DimensionResult:
        return next(result for result in self.dimensions if result.dimension == dimension)


@dataclass(frozen=True)
class Profile:
    respondents: int
    sides: tuple[SideProfile, ...]

    def side(self, side: str) -> SideProfile:
        return next(profile for profile in self.sides if profile.side == side)

    @property
    def is_empty(self) -> bool:
        return self.respondents == 0


def cells_from_answers(answers: Iterable[AnswerRow], items: Mapping[str, ItemInfo]) -> list[ScoreCell]:
    """Sum answers per respondent, dimension and direction; answers to items not in `items` are ignored
    (an item hidden after answers were given no longer counts)."""
    sums: dict[tuple[int, str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for answer in answers:
        info = items.get(answer.item)
        if info is None:
            continue
        cell = sums[(answer.respondent, info.dimension, info.direction)]
        if answer.value is None:
            cell[2] += 1
        else:
            cell[0] += answer.value
            cell[1] += 1
    return [ScoreCell(r, d, direction, *values) for (r, d, direction), values in sums.items()]


def build_profile(cells: Iterable[ScoreCell], dimensions: Sequence[str]) -> Profile:
    # side -> dimension -> respondent -> [total, answered, dont_know]
    grouped: dict[str, dict[str, dict[int, list[int]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    )
    respondents: set[int] = set()
    for cell in cells:
        side = SIDE_OF_DIRECTION.get(cell.direction)
        if side is None or cell.dimension not in dimensions:
            continue
        respondents.add(cell.respondent)
        totals = grouped[side][cell.dimension][cell.respondent]
        totals[0] += cell.total
        totals[1] += cell.answered
        totals[2] += cell.dont_know
    sides = tuple(_side_profile(side, grouped[side], dimensions) for side in SIDES)
    return Profile(respondents=len(respondents), sides=sides)


def _dimension_result(dimension: str, per_respondent: Mapping[int, list[int]]) -> DimensionResult:
    total = sum(values[0] for values in per_respondent.values())
    answered = sum(values[1] for values in per_respondent.values())
    dont_know = sum(values[2] for values in per_respondent.values())
    respondent_means = [values[0] / values[1] for values in per_respondent.values() if values[1]]
    given = answered + dont_know
    return DimensionResult(
        dimension=dimension,
        mean=total / answered if answered else None,
        answers=answered,
        respondents=len(per_respondent),
        spread=pstdev(respondent_means) if len(respondent_means) >= 2 else None,
        dont_know_share=dont_know / given if given else None,
    )


def _side_profile(
    side: str, per_dimension: Mapping[str, Mapping[int, list[int]]], dimensions: Sequence[str]
) -> SideProfile:
    results = [_dimension_result(dimension, per_dimension.get(dimension, {})) for dimension in dimensions]
    weakest = set(_lowest_means(results))
    disagreement = set(_largest_spreads(results))
    marked = tuple(
        DimensionResult(
            **{**r.__dict__, "weakest": r.dimension in weakest, "disagreement": r.dimension in disagreement}
        )
        for r in results
    )
    return SideProfile(side=side, dimensions=marked)


def _lowest_means(results: Sequence[DimensionResult]) -> list[str]:
    scored = [r for r in results if r.mean is not None]
    if len(scored) <= WEAKEST_COUNT:
        return []  # with so few scored dimensions "weakest" says nothing
    return [r.dimension for r in sorted(scored, key=lambda r: (r.mean, r.dimension))[:WEAKEST_COUNT]]


def _largest_spreads(results: Sequence[DimensionResult]) -> list[str]:
    spread = [r for r in results if r.spread is not None and r.spread >= MIN_SPREAD_FOR_DISAGREEMENT]
    return [r.dimension for r in sorted(spread, key=lambda r: (-(r.spread or 0.0), r.dimension))[:DISAGREEMENT_COUNT]]
