from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Questionnaires for parents and pupils")

    def ready(self) -> None:
        from jobs.builders import register
        from jobs.schedule import register_chore
        from surveys.code_files import delete_expired_code_files
        from surveys.draft_retention import forget_devices_of_closed_voices
        from surveys.letters import LETTERS_JOB, build_letters
        from surveys.round_closing import listen

        listen()
        register(LETTERS_JOB, build_letters)
        register_chore("surveys.delete_expired_code_files", timedelta(hours=1), delete_expired_code_files)
        register_chore("surveys.forget_devices_of_closed_voices", timedelta(days=1), forget_devices_of_closed_voices)
