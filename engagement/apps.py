from datetime import timedelta

from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "engagement"
    verbose_name = "Engagementsverklaring"

    def ready(self) -> None:
        from engagement.families.file_jobs import BUILDERS
        from engagement.families.retention import delete_family_data_past_retention
        from jobs.builders import register
        from jobs.schedule import register_chore

        for kind, builder in BUILDERS.items():
            register(kind, builder)
        register_chore("engagement.family_data_retention", timedelta(days=1), delete_family_data_past_retention)
