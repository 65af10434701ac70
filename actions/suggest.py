"""Ranking the action library for a round: what would strengthen this plan most? Pure functions.

Ranking alone piles up on one dimension (an action on Kennis after another), so the suggestions are
then spread: round-robin over the weakest dimensions and the largest blind spots, each taking its
best-ranked action not chosen yet, until every one has had its turn; the rest follow by rank.
"""

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
    effort: str = ""
    target_group: str = ""


@dataclass(frozen=True)
class Reason:
    kind: str  # FOR_WEAKEST, FOR_GAP, …
    dimensions: tuple[str, ...]


@dataclass(frozen=True)
class Suggestion:
    key: str
    score: int
    reasons: tuple[Reason, ...]  # every reason, most important first
    dimensions: tuple[str, ...]  # all the action works on, in the framework's order

    @property
    def reason(self) -> str:
        return self.reasons[0].kind

    @property
    def reason_dimensions(self) -> tuple[str, ...]:
        return self.reasons[0].dimensions


@dataclass(frozen=True)
class SuggestionFilter:
    """What the coordinator narrows the library to; an empty field does not narrow."""

    dimension: str = ""
    effort: str = ""
    target_group: str = ""

    def admits(self, action: LibraryFacts) -> bool:
        return (
            (not self.dimension or self.dimension in action.dimensions)
            and (not self.effort or action.effort == self.effort)
            and (not self.target_group or action.target_group == self.target_group)
        )


def _reasons(
    action: LibraryFacts, in_order: list[str], weakest: set[str], gaps: set[str], covered: set[str], adds_pupils: bool
) -> tuple[Reason, ...]:
    on_weakest = [d for d in in_order if d in weakest]
    on_gaps = [d for d in in_order if d in gaps]
    new = [d for d in in_order if d not in covered and d not in weakest and d not in gaps]
    reasons = [
        Reason(kind, tuple(dimensions))
        for kind, dimensions in ((FOR_WEAKEST, on_weakest), (FOR_GAP, on_gaps), (FOR_UNCOVERED, new))
        if dimensions
    ]
    if adds_pupils:
        reasons.append(Reason(FOR_PUPILS, ()))
    return tuple(reasons) or (Reason(FOR_BREADTH, tuple(in_order)),)


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
        in_order = sorted(action.dimensions, key=lambda d: order.get(d, 99))
        focus = action.dimensions & (weakest_set | gap_set)
        adds_pupils = not pupils_take_part and action.pupil_role in PUPILS_TAKE_PART
        score = (
            WEIGHT_WEAKEST * len((action.dimensions & weakest_set) - covered_set)
            + WEIGHT_GAP * len((action.dimensions & gap_set) - covered_set)
            + WEIGHT_ALREADY_COVERED * len(focus & covered_set)
            + WEIGHT_UNCOVERED * len(action.dimensions - covered_set)
            + WEIGHT_PUPILS * adds_pupils
        )
        reasons = _reasons(action, in_order, weakest_set, gap_set, covered_set, adds_pupils)
        ranked.append(Suggestion(action.key, score, reasons, tuple(in_order)))
    ranked.sort(key=lambda suggestion: (-suggestion.score, suggestion.key))
    return spread(ranked, _lanes(dimensions, weakest_set, gap_set, covered_set), limit)


def _lanes(dimensions: Sequence[str], weakest: set[str], gaps: set[str], covered: set[str]) -> list[str]:
    """The dimensions that take turns: weakest before blind spots, and those the plan leaves untouched first."""
    lanes = [d for d in dimensions if d in weakest] + [d for d in dimensions if d in gaps and d not in weakest]
    return sorted(lanes, key=lambda d: d in covered)  # a stable sort keeps weakest before gaps


def spread(ranked: Sequence[Suggestion], lanes: Sequence[str], limit: int = MAX_SUGGESTIONS) -> list[Suggestion]:
    """Round-robin over `lanes` (dimensions): each turn a lane takes its best-ranked action not chosen yet;
    once no lane finds one, the rest follow by rank. No action appears twice."""
    chosen: list[Suggestion] = []
    taken: set[str] = set()
    progress = True
    while progress and len(chosen) < limit:
        progress = False
        for lane in lanes:
            pick = next((s for s in ranked if s.key not in taken and lane in s.dimensions), None)
            if pick is not None and len(chosen) < limit:
                chosen.append(pick)
                taken.add(pick.key)
                progress = True
    chosen += [s for s in ranked if s.key not in taken][: limit - len(chosen)]
    return chosen
