"""E-mail to staff: written in the recipient's staff language and sent by the worker, never in a web request.

An app that owns a message puts it in a django-tasks task (its `mail_tasks.py`) and queues that task with
`enqueue_on_commit`, so a rolled-back change sends nothing and a slow SMTP server never holds a page up. The
task writes the message under `translation.override(recipient's language)`. Every message is plain text, has
no tracking, and ends by saying why the person gets it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation
from django_tasks.base import Task

from accounts.models import User
from accounts.plain_text import single_line


@dataclass(frozen=True)
class StaffMail:
    subject: str
    body: str
    why: str  # one sentence: why this person gets this e-mail (and, where it applies, how to stop it)


def send_in_language(language: str, address: str, write: Callable[[], StaffMail]) -> None:
    with translation.override(language):
        mail = write()
    # single_line: a school or round name must not break the subject header.
    body = f"{mail.body.rstrip()}\n\n-- \n{mail.why}\n"
    send_mail(single_line(mail.subject), body, settings.DEFAULT_FROM_EMAIL, [address])


def send_to_user(user: User, write: Callable[[], StaffMail]) -> None:
    if user.is_active:
        send_in_language(user.language, user.email, write)


def public_url(path: str) -> str:
    """An address for a link in an e-mail: the worker has no request to build it from."""
    return settings.PUBLIC_BASE_URL.rstrip("/") + path


def enqueue_on_commit(task: Task[Any, Any], *args: Any) -> None:
    """Queue `task` once the current transaction commits (at once outside one); its arguments must be JSON."""
    transaction.on_commit(lambda: task.enqueue(*args))
