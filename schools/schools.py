"""Starting a school: the tenant and its first coordinator."""

from django.db import transaction

from accounts.models import User
from schools.models import Membership, Role, School


@transaction.atomic
def register_school(name: str, town: str, coordinator: User) -> School:
    """A new school with `coordinator` as its coordinator: a school is never without one."""
    school = School.objects.create(name=name, town=town)
    Membership.objects.create(school=school, user=coordinator, role=Role.COORDINATOR)
    return school


def set_family_data_months(school: School, months: int) -> None:
    """How long the school keeps family data after a school year (validated by SchoolSettingsForm)."""
    school.family_data_months = months
    school.save(update_fields=["family_data_months"])
