"""The consultation's e-mail, written and sent by the worker in each recipient's staff language."""

from functools import partial

from django_tasks import task

from engagement.consultation.opened_mail import send_to_consulted, write_consultation_opened
from engagement.models import Declaration


@task()
def send_consultation_opened(declaration_id: str, user_ids: list[int]) -> None:
    declaration = Declaration.objects.select_related("school").filter(pk=declaration_id).first()
    if declaration is None:
        return
    send_to_consulted(declaration.school_id, user_ids, partial(write_consultation_opened, declaration))
