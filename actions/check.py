"""The multidimensional check of an action plan. Pure functions, no database.

The werkkader: an action plan that works on one dimension ("send more letters") is weak, because
the dimensions influence each other. The check says where the plan falls short, each time with
the reason it matters (worded in actions/plan_warnings.py, by warning code).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

MIN_DIMENSIONS = 3  # a plan on two dimensions or fewer is not multidimensional
INACTIVE = frozenset({"stopped"})
PUPILS_TAKE_PART = frozenset({"participates", "leads"})  # the PupilRole values that give pupils a part

FEW_DIMENSIONS = "few_dimensions"
WEAKEST_UNTOUCHED = "weakest_untouched"
GAPS_UNTOUCHED = "gaps_untouched"
NO_PUPILS = "no_pupils"
NO_OWNER_OR_DATE = "no_owner_or_date"


@dataclass(frozen=True)
class ActionFacts:
    title: str
    dimensions: frozenset[str]
    pupil_role: str
    status: str
    has_owner: bool
    has_due_date: bool


@dataclass(frozen=True)
class PlanWarning:
    code: str
    dimensions: tuple[str, ...] = ()  # the dimensions concerned, in framework order
    actions: tuple[str, ...] = ()  # the titles of the actions concerned


@dataclass(frozen=True)
class PlanCheck:
    coverage: dict[str, int]  # dimension -> number of active actions working on it
    warnings: list[PlanWarning] = field(default_factory=list)

    @property
    def covered(self) -> frozenset[str]:
        return frozenset(dimension for dimension, count in self.coverage.items() if count)


def check_plan(
    actions: Iterable[ActionFacts],
    dimensions: Sequence[str],
    weakest: Iterable[str] = (),
    largest_gaps: Iterable[str] = (),
) -> PlanCheck:
    """Coverage per dimension and the warnings for a plan; stopped actions do not count."""
    active = [action for action in actions if action.status not in INACTIVE]
    coverage = {dimension: sum(dimension in action.dimensions for action in active) for dimension in dimensions}
    covered = {dimension for dimension, count in coverage.items() if count}
    warnings = []
    if len(covered) < MIN_DIMENSIONS:
        warnings.append(PlanWarning(FEW_DIMENSIONS, tuple(d for d in dimensions if d in covered)))
    untouched_weakest = tuple(d for d in dimensions if d in set(weakest) and d not in covered)
    if untouched_weakest:
        warnings.append(PlanWarning(WEAKEST_UNTOUCHED, untouched_weakest))
    untouched_gaps = tuple(d for d in dimensions if d in set(largest_gaps) and d not in covered)
    if untouched_gaps:
        warnings.append(PlanWarning(GAPS_UNTOUCHED, untouched_gaps))
    if not any(action.pupil_role in PUPILS_TAKE_PART for action in active):
        warnings.append(PlanWarning(NO_PUPILS))
    loose = tuple(action.title for action in active if not (action.has_owner and action.has_due_date))
    if loose:
        warnings.append(PlanWarning(NO_OWNER_OR_DATE, actions=loose))
    return PlanCheck(coverage, warnings)
