from typing import Any

from django.core.management.base import BaseCommand

from surveys.code_files import delete_expired_code_files


class Command(BaseCommand):
    help = "Delete the files of plain invitation codes older than 24 hours (the worker does it hourly too)."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = delete_expired_code_files()
        self.stdout.write(f"{deleted} code file(s) deleted.")
