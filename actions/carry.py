"""Actions of the previous round: carried over into the new round, or closed with an evaluation."""

from django.db import transaction
from django.db.models import QuerySet

from actions.models import Action, ActionStatus
from analysis.models import Round

FINISHED = (ActionStatus.DONE, ActionStatus.STOPPED)


def open_previous_actions(round_: Round) -> QuerySet[Action]:
    """The previous round's actions that are neither finished nor carried over into this round yet."""
    if round_.previous_id is None:
        return Action.objects.none()
    carried = Action.objects.filter(round=round_, carried_from__isnull=False).values("carried_from_id")
    return (
        Action.objects.filter(round_id=round_.previous_id)
        .exclude(status__in=FINISHED)
        .exclude(id__in=carried)
        .prefetch_related("dimensions")
    )


@transaction.atomic
def carry_over(action: Action, into: Round) -> Action:
    """A copy of the action in the new round, keeping its evaluation so far; the old one stays as it was."""
    copy = Action.objects.create(
        school_id=into.school_id,
        round=into,
        title=action.title,
        description=action.description,
        target_group=action.target_group,
        pupil_role=action.pupil_role,
        pupil_part=action.pupil_part,
        owner_id=action.owner_id,
        starts_on=action.starts_on,
        due_on=action.due_on,
        status=action.status,
        success_indicator=action.success_indicator,
        evaluation=action.evaluation,
        source_id=action.source_id,
        carried_from=action,
    )
    copy.dimensions.set(action.dimensions.all())
    return copy


def close_with_evaluation(action: Action, status: str, evaluation: str) -> None:
    action.status = status
    action.evaluation = evaluation
    action.save(update_fields=["status", "evaluation", "updated_at"])
