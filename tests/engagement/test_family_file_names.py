"""The families' downloads say which school, which school year and which family or class they are for."""

import pytest
from django.test import Client
from django.urls import reverse

from engagement.families.file_names import family_file_name, letters_about
from engagement.models import Declaration
from tests.helpers.engagement_parent_steps import make_family
from tests.helpers.job_downloads import made_file
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("compiled_messages")


def test_a_name_carries_the_school_the_year_and_whom_it_is_about() -> None:
    assert family_file_name("gezinnen", "De Regenboog", "2026-2027", "csv") == "gezinnen-de-regenboog-2026-2027.csv"
    name = family_file_name("brieven", 'Sint-Jozef "Tienen"/Zuid', "2026-2027", "pdf", "G 17/b")
    assert name == "brieven-sint-jozef-tienen-zuid-2026-2027-g-17-b.pdf"


def test_letters_are_about_the_one_family_else_the_class_else_every_class() -> None:
    assert letters_about("3A", "F001") == "F001"
    assert letters_about("", "F001") == "F001"
    assert letters_about("3A", "") == "3A"
    assert letters_about("", "") == "alle-klassen"


def test_the_letter_of_one_family_is_named_after_it(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    make_family(world, reference="F001")
    make_family(world, reference="F002")
    url = reverse("engagement:family_letters", args=[world.school.id, published_declaration.id])
    one = made_file(alice_client, url, {"class_name": "", "families": "all", "reference": "F001"})
    assert one["Content-Disposition"] == 'attachment; filename="brieven-de-regenboog-2026-2027-f001.pdf"'
    everyone = made_file(alice_client, url, {"class_name": "", "families": "all"})
    assert everyone["Content-Disposition"] == 'attachment; filename="brieven-de-regenboog-2026-2027-alle-klassen.pdf"'


def test_the_family_list_carries_the_school_name(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    make_family(world)
    args = [world.school.id, published_declaration.id]
    csv = made_file(alice_client, reverse("engagement:family_export", args=args))
    assert csv["Content-Disposition"] == 'attachment; filename="gezinnen-de-regenboog-2026-2027.csv"'
    xlsx = made_file(alice_client, reverse("engagement:family_export_xlsx", args=args))
    assert xlsx["Content-Disposition"] == 'attachment; filename="gezinnen-de-regenboog-2026-2027.xlsx"'
