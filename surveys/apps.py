from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Questionnaires for parents and pupils")

    def ready(self) -> None:
        from jobs.schedule import register_chore
        from surveys.code_files import delete_expired_code_files
        from surveys.round_closing import listen

        listen()
        # Plain codes older than 24 hours go even when nobody opens the invitations page (no cron needed).
        register_chore("surveys.delete_expired_code_files", timedelta(hours=1), delete_expired_code_files)
