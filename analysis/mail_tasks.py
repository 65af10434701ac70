"""The e-mails of analysis rounds, written and sent by the worker in each recipient's staff language."""

from functools import partial

from django_tasks import task

from accounts.models import User
from accounts.staff_mail import send_to_user
from analysis.models import Round
from analysis.round_mail import write_invitation, write_reminder

WRITERS = {"invitation": write_invitation, "reminder": write_reminder}


@task()
def send_round_mail(kind: str, round_id: str, user_ids: list[int], sender: str) -> None:
    round_ = Round.objects.select_related("school").filter(pk=round_id).first()
    if round_ is None:
        return
    write = WRITERS[kind]
    for user in User.objects.filter(pk__in=user_ids).order_by("pk"):
        send_to_user(user, partial(write, round_, sender))
