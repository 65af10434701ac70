from typing import Any

from django.core.management.base import BaseCommand

from support.examples import load_support_examples


class Command(BaseCommand):
    help = "Add a handful of invented example support organisations (marked as examples)."

    def handle(self, *args: Any, **options: Any) -> None:
        added = load_support_examples()
        self.stdout.write(f"{added} example support organisations added.")
