from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from actions.library_content import read_library
from actions.library_loading import load_action_library
from framework.content_files import ContentError


class Command(BaseCommand):
    help = "Load the action library (actions/content/) into the database; run after load_framework."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="Load even when this version was loaded before.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            library = read_library()
        except ContentError as error:
            raise CommandError(f"The action library is not valid: {error}") from error
        loaded = load_action_library(library, force=options["force"])
        self.stdout.write(f"Action library loaded: {loaded} actions." if loaded else "Action library is up to date.")
