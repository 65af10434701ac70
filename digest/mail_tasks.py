"""The weekly summary, written and sent by the worker in the subscriber's staff language."""

from functools import partial

from django.utils import timezone
from django_tasks import task

from accounts.models import User
from accounts.staff_mail import send_to_user
from digest.sending import write_digest
from digest.summary import summaries_for


@task()
def send_weekly_digest(user_id: int) -> None:
    user = User.objects.filter(pk=user_id, weekly_digest=True).first()
    if user is None:  # switched off since the chore queued it
        return
    now = timezone.now()
    today = timezone.localdate(now)
    send_to_user(user, partial(write_digest, summaries_for(user, now, today), today))
