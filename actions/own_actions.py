"""The actions a parent representative or schoolraad member carries, as she reads them on her page “My actions”.

She reads her own actions only, never the team's plan: their title, the dimensions they work on, their status
and due date. Nothing of the other actions, no staff names, no warnings or suggestions (those come from the
team's analysis, which she does not read).
"""

from dataclasses import dataclass

from django.db.models import F

from actions.models import Action
from framework.localized import ShownDimension
from schools.models import Membership


@dataclass(frozen=True)
class OwnAction:
    action: Action
    dimensions: tuple[str, ...]  # named in the page's language, in the framework's order


def own_actions(membership: Membership, dimensions: list[ShownDimension]) -> list[OwnAction]:
    """The member's actions in this school, the nearest due date first (undated last)."""
    names = {shown.dimension.pk: shown.name for shown in dimensions}  # in the framework's order
    actions = (
        Action.objects.filter(school=membership.school, owner_id=membership.user_id)
        .prefetch_related("dimensions")
        .order_by(F("due_on").asc(nulls_last=True), "title")
    )
    found = []
    for action in actions:
        its = {dimension.pk for dimension in action.dimensions.all()}
        found.append(OwnAction(action, tuple(name for pk, name in names.items() if pk in its)))
    return found
