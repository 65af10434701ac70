"""Regional figures across the schools that share with an organisation. Pure functions, no database.

A school's figure for a dimension and perspective is the mean of its answers, shown only when at least five
people stand behind it (results.perspectives' rule of five, counted the same way: per audience, the most scale
answers any one item got). A regional figure needs at least five schools with a figure; it is a distribution
(quartiles and the 10th and 90th percentile), never one school's value, so no school is ranked or exposed.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from results.perspectives import MIN_GROUP_SIZE, PARENTS, PUPILS, TEAM

MIN_SCHOOLS = 5
PERSPECTIVES = (TEAM, PARENTS, PUPILS)
WEAKEST_PER_SCHOOL = 2  # as results.profile marks the weakest dimensions of a side
MIN_SCORED_FOR_WEAKEST = 3  # with fewer scored dimensions "weakest" says nothing (results.profile)

# Why a regional figure is not shown; the page and the export word them (organisations.regional.wording).
TOO_FEW_SCHOOLS = "too_few_schools"
CHANGED_BY_FEW = "changed_by_few"


def perspective_of(audience: str) -> str:
    """The perspective an audience of framework.models.Audience speaks in."""
    if audience == "team":
        return TEAM
    return PARENTS if audience == "parent" else PUPILS


@dataclass(frozen=True)
class Contribution:
    """One round's sums for one dimension and audience (from the database: analysis answers or survey tallies)."""

    round_id: str
    audience: str
    dimension: str
    total: int  # sum of the answers on the 1–5 scale
    answered: int  # answers on the scale
    people: int  # people behind them: the most scale answers one item got


Key = tuple[str, str]  # (dimension, perspective)


def school_means(contributions: Iterable[Contribution]) -> dict[Key, dict[str, float]]:
    """Per dimension and perspective, each round's mean where at least five people stand behind it."""
    sums: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for contribution in contributions:
        cell = sums[(contribution.dimension, perspective_of(contribution.audience), contribution.round_id)]
        cell[0] += contribution.total
        cell[1] += contribution.answered
        cell[2] += contribution.people  # different audiences (age bands) are different people
    means: dict[Key, dict[str, float]] = defaultdict(dict)
    for (dimension, perspective, round_id), (total, answered, people) in sums.items():
        if people >= MIN_GROUP_SIZE and answered:
            means[(dimension, perspective)][round_id] = total / answered
    return means


@dataclass(frozen=True)
class Distribution:
    schools: int
    p10: float
    q1: float
    median: float
    q3: float
    p90: float


def quantile(ordered: Sequence[float], share: float) -> float:
    """Linear interpolation between the closest ranks (the inclusive method)."""
    position = share * (len(ordered) - 1)
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def distribution(values: Iterable[float]) -> Distribution | None:
    """None under five schools: a regional figure needs at least five."""
    ordered = sorted(values)
    if len(ordered) < MIN_SCHOOLS:
        return None
    return Distribution(
        len(ordered),
        *(quantile(ordered, share) for share in (0.1, 0.25, 0.5, 0.75, 0.9)),
    )


def weakest_per_round(
    means: Mapping[Key, Mapping[str, float]], perspective: str, dimensions: Sequence[str]
) -> dict[str, tuple[str, ...]]:
    """Per round, its weakest dimensions in the perspective (when it has enough scored dimensions).

    A dimension tied with the last of the weakest counts too, so the order of the dimensions never decides;
    when the tie takes in every dimension, none stands out and the round has no weakest.
    """
    per_round: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for dimension in dimensions:
        for round_id, mean in means.get((dimension, perspective), {}).items():
            per_round[round_id].append((round(mean, 2), dimension))  # as shown: a difference under 0.01 is a tie
    weakest: dict[str, tuple[str, ...]] = {}
    for round_id, scored in per_round.items():
        if len(scored) < MIN_SCORED_FOR_WEAKEST:
            continue
        cutoff = sorted(mean for mean, _dimension in scored)[WEAKEST_PER_SCHOOL - 1]
        tied_or_lower = tuple(dimension for mean, dimension in scored if mean <= cutoff)
        weakest[round_id] = tied_or_lower if len(tied_or_lower) < len(scored) else ()
    return weakest


def weakest_counts(
    weakest: Mapping[str, tuple[str, ...]], rounds: Iterable[str], dimensions: Sequence[str]
) -> dict[str, int]:
    """How many of `rounds` have each dimension among their weakest."""
    counts = dict.fromkeys(dimensions, 0)
    for round_id in rounds:
        for dimension in weakest[round_id]:
            counts[dimension] += 1
    return counts


def gaps_per_round(means: Mapping[Key, Mapping[str, float]], dimension: str) -> dict[str, float]:
    """Per round with both figures, the team's mean minus the parents' (positive: a blind spot of the team)."""
    team = means.get((dimension, TEAM), {})
    parents = means.get((dimension, PARENTS), {})
    return {round_id: team[round_id] - parents[round_id] for round_id in team.keys() & parents.keys()}


@dataclass(frozen=True)
class ActionChoice:
    """One round's actions taken from one library action, by status (from the database)."""

    round_id: str
    library_key: str
    status: str
    actions: int
    evaluated: int  # of which an evaluation was written (its text never leaves the school)


def actions_per_key(choices: Iterable[ActionChoice]) -> dict[str, list[ActionChoice]]:
    grouped: dict[str, list[ActionChoice]] = defaultdict(list)
    for choice in choices:
        grouped[choice.library_key].append(choice)
    return grouped
