from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RespondentsConfig(AppConfig):
    name = "respondents"
    verbose_name = _("What parents and pupils meet without an account")

    def ready(self) -> None:
        from respondents import checks  # noqa: F401  (registers the deployment check)
