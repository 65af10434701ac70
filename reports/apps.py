from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from jobs.builders import register
        from reports.round_files import ROUND_FILES, build_round_file

        for kind in ROUND_FILES:
            register(kind, build_round_file)
