from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from actions.library_content import read_library
from actions.library_loading import load_action_library
from framework.content_files import CONTENT_DIR, ContentError, read_content
from framework.loading import load_framework


class Command(BaseCommand):
    help = "Load the werkkader content (dimensions, scales, items, action library, translations) into the database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--content-dir", type=Path, default=CONTENT_DIR)
        parser.add_argument("--force", action="store_true", help="Load even when this version was loaded before.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            content = read_content(options["content_dir"])
            library = read_library()
        except ContentError as error:
            raise CommandError(f"The content files are not valid: {error}") from error
        report = load_framework(content, force=options["force"])
        loaded = load_action_library(library, force=options["force"])
        if loaded:
            self.stdout.write(f"Action library loaded: {loaded} actions.")
        if report.skipped:
            self.stdout.write("Framework content is up to date.")
        else:
            self.stdout.write(
                f"Framework content loaded: {report.items_created} items added, "
                f"{report.items_updated} changed, {report.items_retired} retired."
            )
