from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from framework.content_files import ContentError
from support.directory_content import read_directory
from support.directory_loading import load_support_directory


class Command(BaseCommand):
    help = "Load the support directory (support/content/) into the database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="Load even when this version was loaded before.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            directory = read_directory()
        except ContentError as error:
            raise CommandError(f"The support directory is not valid: {error}") from error
        loaded = load_support_directory(directory, force=options["force"])
        self.stdout.write(
            f"Support directory version {directory.version} loaded: {loaded} organisations."
            if loaded
            else "Support directory is up to date."
        )
