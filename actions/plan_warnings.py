"""The words of the plan check's warnings: what falls short and why it matters, by warning code.

actions/check.py only names a warning; the plan page and the round's report both print these words.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from actions.check import FEW_DIMENSIONS, GAPS_UNTOUCHED, NO_OWNER_OR_DATE, NO_PUPILS, WEAKEST_UNTOUCHED, PlanWarning

# What falls short; %(dimensions)s and %(actions)s are the names of the dimensions and actions concerned.
HEADLINES: dict[str, Promise] = {
    FEW_DIMENSIONS: _("The plan works on two dimensions or fewer."),
    WEAKEST_UNTOUCHED: _("No action works on the weakest dimensions: %(dimensions)s."),
    GAPS_UNTOUCHED: _("No action works on the largest gaps between team and parents: %(dimensions)s."),
    NO_PUPILS: _("In no action do pupils take part."),
    NO_OWNER_OR_DATE: _("Without owner or due date: %(actions)s."),
}

# Why it matters, in the words of the werkkader.
REASONS: dict[str, Promise] = {
    FEW_DIMENSIONS: _(
        "An action on one dimension alone (say, sending more letters) changes little: "
        "knowledge, feelings, time and skills all play together."
    ),
    WEAKEST_UNTOUCHED: _(
        "The analysis shows that this is where involvement is weakest, so that is where a plan makes the most "
        "difference."
    ),
    GAPS_UNTOUCHED: _(
        "Where the team sees it differently from parents, the team's picture may be a blind spot; "
        "an action there checks and closes it."
    ),
    NO_PUPILS: _(
        "Do not forget the pupil: children and young people strongly influence how their parents and the school relate."
    ),
    NO_OWNER_OR_DATE: _("An action that nobody owns or that has no date tends not to happen."),
}


@dataclass(frozen=True)
class PlanWarningText:
    headline: str
    reason: str


def explain(warning: PlanWarning, dimension_names: Mapping[str, str]) -> PlanWarningText:
    """The warning in the active language, with the names of its dimensions (key -> name) or actions filled in."""
    names = {
        "dimensions": ", ".join(dimension_names[key] for key in warning.dimensions),
        "actions": ", ".join(warning.actions),
    }
    return PlanWarningText(str(HEADLINES[warning.code]) % names, str(REASONS[warning.code]))
