"""What the coordinator composes the page from: the round's figures under the rule of five, and its plan.

Figures come from results.round_results, the one place that turns answers into figures (with its chunks and
small-group guards): whole-school figures per dimension and side, and per group where the results show a group.
Nothing here counts answers itself.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from actions.models import Action, ActionStatus
from analysis.models import Round
from feedback.texts import POOLED_GROUP, FeedbackText, FigureRef, PlannedAction
from results.perspectives import MIN_GROUP_SIZE, Figure, GroupRow
from results.round_results import round_results
from schools.models import Membership
from surveys.models import SurveyResponse

PARENTS, PUPILS = "parents", "pupils"
BOTH_SIDES = "both"  # a group's figure covers both directions, as in the results' breakdowns


@dataclass(frozen=True)
class FigureOption:
    ref: FigureRef
    dimension_name: str
    side_name: str
    group_name: str
    pooled: bool = False  # the rest of several groups, released together when the voice closed (results.voices)


def _ref(audience: str, dimension: str, side: str, group: str, figure: Figure) -> FigureRef | None:
    """A figure the page may use: shown by the results (a mean, not hidden) and resting on five people or more."""
    if figure.mean is None or figure.suppressed or figure.respondents < MIN_GROUP_SIZE:
        return None
    return FigureRef(audience, dimension, side, group, figure.respondents, round(figure.mean, 1))


def figure_options(round_: Round, language: str) -> list[FigureOption]:
    """Every figure of the round's results a point may be tied to, whole school first, then per group."""
    results = round_results(round_, language)
    options = []
    for side in results.sides:
        for row in side.rows:
            for audience, figure in ((PARENTS, row.parents), (PUPILS, row.pupils)):
                ref = _ref(audience, row.dimension.key, side.side, "", figure)
                if ref is not None:
                    options.append(FigureOption(ref, row.dimension.name, str(side.title), ""))
    names = [dimension.name for dimension in results.dimensions]
    keys = [dimension.key for dimension in results.dimensions]
    rows_of: tuple[tuple[str, list[GroupRow]], ...] = (
        (PARENTS, results.voices.parents_by_group),
        (PUPILS, results.voices.pupils_by_group),
    )
    pooled = str(_("other groups"))  # results.voices' label of the pooled rest, in the language of `results`
    for audience, rows in rows_of:
        for group_row in rows:
            if group_row.suppressed:
                continue
            # The pooled rest is stored by a key, never by its label: a figure chosen in Dutch stays the same
            # figure when the page is saved again in another staff language.
            group = POOLED_GROUP if group_row.group == pooled else group_row.group
            for key, name, figure in zip(keys, names, group_row.figures, strict=True):
                ref = _ref(audience, key, BOTH_SIDES, group, figure)
                if ref is not None:
                    options.append(FigureOption(ref, name, "", group_row.group, ref.is_pooled))
    return sorted(options, key=lambda option: (option.ref.audience, option.ref.group != "", option.ref.group))


def allowed_figures(options: list[FigureOption]) -> dict[str, FigureRef]:
    return {option.ref.key: option.ref for option in options}


def round_open_answers(round_: Round) -> list[str]:
    """Every open answer of the round, also those not in the figures yet: none may be quoted on the page."""
    rows = SurveyResponse.objects.filter(round=round_).exclude(open_answer="").values_list("open_answer", flat=True)
    return list(rows)


def _when(starts_on: date | None, due_on: date | None) -> str:
    with translation.override("nl"):
        if starts_on and due_on:
            return f"van {date_format(starts_on, 'F Y')} tot {date_format(due_on, 'F Y')}"
        if due_on:
            return f"tegen {date_format(due_on, 'F Y')}"
        if starts_on:
            return f"vanaf {date_format(starts_on, 'F Y')}"
    return ""


def plan_actions(round_: Round) -> list[PlannedAction]:
    """The round's actions as the page would show them: when (in Dutch), who by role (never a name), the pupils' part.

    A stopped action is left out: the page tells families what the school does."""
    with translation.override("nl"):
        roles = {
            membership.user_id: str(membership.get_role_display())
            for membership in Membership.objects.filter(school_id=round_.school_id)
        }
    actions = (
        Action.objects.filter(round=round_)
        .exclude(status=ActionStatus.STOPPED)
        .prefetch_related("dimensions")
        .order_by("due_on", "title")
    )
    return [
        PlannedAction(
            action_id=str(action.id),
            title=action.title,
            when=_when(action.starts_on, action.due_on),
            who=roles.get(action.owner_id, "") if action.owner_id is not None else "",
            pupils_part=action.pupil_part,
            dimensions=tuple(sorted(dimension.key for dimension in action.dimensions.all())),
        )
        for action in actions
    ]


FIRST_INTRODUCTION = (
    "U gaf uw mening over onze school. Uw kind ook. Dank u wel! Hier leest u wat we hoorden. En wat de school nu doet."
)


def first_text(round_: Round) -> FeedbackText:
    """The draft a new page starts from: a plain introduction and the plan's actions; the points are for the
    coordinator to write (they must say what parents said, in their own words)."""
    return FeedbackText(introduction=FIRST_INTRODUCTION, actions=tuple(plan_actions(round_)))
