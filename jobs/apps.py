from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = _("Background jobs")

    def ready(self) -> None:
        from jobs.running import fail_abandoned_jobs, remove_expired_files
        from jobs.schedule import register_chore

        register_chore("jobs.fail_abandoned", timedelta(minutes=1), fail_abandoned_jobs)
        register_chore("jobs.remove_expired_files", timedelta(minutes=10), remove_expired_files)
