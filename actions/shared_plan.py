"""A round's plan as parent representatives and schoolraad members read it when the coordinator shares it.

Who carries an action is shown by role ("Coordinator", "Team member"), not by name: the plan is the school's
promise to parents, not a list of colleagues to hold to account one by one, and the parents' association
has no need of staff names (the people page, which they may read, names the school's people anyway).
Evaluation notes stay with the team.
"""

from dataclasses import dataclass
from datetime import date

from actions.models import Action
from analysis.models import Round
from framework.localized import ShownDimension
from schools.models import Membership


@dataclass(frozen=True)
class SharedAction:
    title: str
    description: str
    dimensions: tuple[str, ...]
    target_group: str
    status: str
    due_on: date | None
    carried_by: str | None  # the owner's role in the school, or None when nobody carries it yet


def shared_plan(round_: Round, dimensions: list[ShownDimension]) -> list[SharedAction]:
    names = {dimension.dimension.pk: dimension.name for dimension in dimensions}
    order = {dimension.dimension.pk: index for index, dimension in enumerate(dimensions)}
    roles = {
        membership.user_id: membership.get_role_display()
        for membership in Membership.objects.filter(school=round_.school)
    }
    actions = Action.objects.filter(round=round_).prefetch_related("dimensions").order_by("due_on", "title")
    return [
        SharedAction(
            title=action.title,
            description=action.description,
            dimensions=tuple(
                names[dimension.pk]
                for dimension in sorted(action.dimensions.all(), key=lambda d: order.get(d.pk, 0))
                if dimension.pk in names
            ),
            target_group=action.get_target_group_display(),
            status=action.get_status_display(),
            due_on=action.due_on,
            carried_by=roles.get(action.owner_id) if action.owner_id is not None else None,
        )
        for action in actions
    ]
