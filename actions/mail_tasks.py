"""The e-mails of action plans, written and sent by the worker in the recipient's staff language."""

from functools import partial

from django_tasks import task

from accounts.staff_mail import send_to_user
from actions.comment_mail import write_coach_comment
from actions.models import ActionComment


@task()
def send_coach_comment(comment_id: str) -> None:
    comment = (
        ActionComment.objects.select_related("action__school", "action__owner", "author").filter(pk=comment_id).first()
    )
    if comment is None or comment.action.owner is None:
        return
    send_to_user(comment.action.owner, partial(write_coach_comment, comment, comment.action.owner))
