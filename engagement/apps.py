from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "engagement"
    verbose_name = "Engagementsverklaring"

    def ready(self) -> None:
        from engagement.families.file_jobs import BUILDERS
        from jobs.builders import register

        for kind, builder in BUILDERS.items():
            register(kind, builder)
