from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DigestConfig(AppConfig):
    name = "digest"
    verbose_name = _("Weekly summary by e-mail")

    def ready(self) -> None:
        from digest.sending import CHORE_EVERY, queue_due_digests
        from jobs.schedule import register_chore

        # Hourly, each subscriber's week counted from their own last summary: a new subscriber waits at most an
        # hour, and a worker that was down catches up without sending anyone two.
        register_chore("digest.weekly", CHORE_EVERY, queue_due_digests)
