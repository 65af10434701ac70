from typing import Any

from django.core.management.base import BaseCommand

from actions.library_loading import load_action_library
from demo.school import create_demo_school
from framework.loading import load_framework
from support.directory_loading import load_support_directory


class Command(BaseCommand):
    help = "Load a demo school (coordinator, team, one round with answers) and print how to log in."

    def handle(self, *args: Any, **options: Any) -> None:
        load_framework()
        load_action_library()
        load_support_directory()
        login = create_demo_school()
        self.stdout.write(
            "Demo school ready. Log in at http://127.0.0.1:8000/accounts/login/ with\n"
            f"  e-mail:   {login.email}\n  password: {login.password}\n"
            "Team members (same password): sofie@, youssef@, katrien@, mehmet@, lotte@demo.betrokken.invalid\n"
            "Parent representative (same password): ouderraad@demo.betrokken.invalid"
        )
