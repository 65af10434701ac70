from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from framework.content_files import CONTENT_DIR, ContentError, read_content
from framework.loading import load_framework


class Command(BaseCommand):
    help = "Load the werkkader content (dimensions, scales, items, translations) into the database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--content-dir", type=Path, default=CONTENT_DIR)
        parser.add_argument("--force", action="store_true", help="Load even when this version was loaded before.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            content = read_content(options["content_dir"])
        except ContentError as error:
            raise CommandError(f"The content files are not valid: {error}") from error
        report = load_framework(content, force=options["force"])
        if report.skipped:
            self.stdout.write("Framework content is up to date.")
        else:
            self.stdout.write(
                f"Framework content loaded: {report.items_created} items added, "
                f"{report.items_updated} changed, {report.items_retired} retired."
            )
