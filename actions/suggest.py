"""Ranking the action library for a round: what would strengthen this plan most? Pure functions."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from actions.check import PUPILS_TAKE_PART

MAX_SUGGESTIONS = 8
# A weakest dimension or a large gap the plan does not touch yet counts most; once an action works on it,
# another one there still helps, but less.
WEIGHT_WEAKEST = 4
WEIGHT_GAP = 3
WEIGHT_ALREADY_COVERED = 1
WEIGHT_UNCOVERED = 1
WEIGHT_PUPILS = 2

# Why a suggestion is there, most important first; the template words each reason.
FOR_WEAKEST = "weakest"
FOR_GAP = "gap"
FOR_UNCOVERED = "uncovered"
FOR_PUPILS = "pupils"
FOR_BREADTH = "breadth"


@dataclass(frozen=True)
class LibraryFacts:
    key: str
    dimensions: frozenset[str]
    pupil_role: str


@dataclass(frozen=True)
class Suggestion:
    key: str
    score: int
    reason: str
    reason_dimensions: tuple[str, ...]


def rank_suggestions(
    library: Iterable[LibraryFacts],
    dimensions: Sequence[str],
    weakest: Iterable[str],
    largest_gaps: Iterable[str],
    covered: Iterable[str],
    pupils_take_part: bool,
    already_used: Iterable[str] = (),
    limit: int = MAX_SUGGESTIONS,
) -> list[Suggestion]:
    """Library actions ranked by what they add: weakest dimensions, largest gaps, missing dimensions, pupils."""
    weakest_set, gap_set, covered_set, used = set(weakest), set(largest_gaps), set(covered), set(already_used)
    order = {dimension: index for index, dimension in enumerate(dimensions)}
    ranked = []
    for action in library:
        if action.key in used:
            continue

        def in_order(dimensions: set[str] | frozenset[str]) -> list[str]:
            return sorted(dimensions, key=lambda d: order.get(d, 99))

        on_weakest = in_order((action.dimensions & weakest_set) - covered_set)
        on_gaps = in_order((action.dimensions & gap_set) - covered_set)
        reinforced = (action.dimensions & (weakest_set | gap_set)) & covered_set
        new = in_order(action.dimensions - covered_set)
        adds_pupils = not pupils_take_part and action.pupil_role in PUPILS_TAKE_PART
        score = (
            WEIGHT_WEAKEST * len(on_weakest)
            + WEIGHT_GAP * len(on_gaps)
            + WEIGHT_ALREADY_COVERED * len(reinforced)
            + WEIGHT_UNCOVERED * len(new)
            + WEIGHT_PUPILS * adds_pupils
        )
        if on_weakest:
            reason, concerned = FOR_WEAKEST, tuple(on_weakest)
        elif on_gaps:
            reason, concerned = FOR_GAP, tuple(on_gaps)
        elif new:
            reason, concerned = FOR_UNCOVERED, tuple(new)
        elif adds_pupils:
            reason, concerned = FOR_PUPILS, ()
        else:
            reason, concerned = FOR_BREADTH, tuple(in_order(action.dimensions))
        ranked.append(Suggestion(action.key, score, reason, concerned))
    ranked.sort(key=lambda suggestion: (-suggestion.score, suggestion.key))
    return ranked[:limit]
