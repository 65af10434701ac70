from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Questionnaires for parents and pupils")

    def ready(self) -> None:
        from jobs.builders import register
        from surveys.letters import LETTERS_JOB, build_letters
        from surveys.round_closing import listen

        listen()
        register(LETTERS_JOB, build_letters)
