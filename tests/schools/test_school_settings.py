"""The school's settings page: the coordinator sets how long family data is kept, within bounds."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from schools.forms import SchoolSettingsForm
from schools.models import FAMILY_DATA_MONTHS_DEFAULT, School
from tests.helpers.world import World, in_dutch


def settings_url(world: World) -> str:
    return reverse("schools:settings", args=[world.school.id])


def test_the_coordinator_reads_what_the_setting_means_and_changes_it(world: World, alice_client: Client) -> None:
    page = alice_client.get(settings_url(world)).content.decode()
    assert in_dutch("School settings") in page
    assert 'name="family_data_months"' in page and f'value="{FAMILY_DATA_MONTHS_DEFAULT}"' in page
    with translation.override("nl"):
        meaning = str(SchoolSettingsForm().fields["family_data_months"].help_text)
    assert meaning.startswith("Een schooljaar eindigt op 31 augustus.") and escape(meaning) in page

    response = alice_client.post(settings_url(world), {"family_data_months": "6"})
    assert response.status_code == 302 and response["Location"] == settings_url(world)
    assert School.objects.get(pk=world.school.pk).family_data_months == 6
    assert School.objects.get(pk=world.other_school.pk).family_data_months == FAMILY_DATA_MONTHS_DEFAULT


@pytest.mark.parametrize("months", ["0", "37", "", "twelve"])
def test_a_setting_out_of_bounds_is_refused(world: World, alice_client: Client, months: str) -> None:
    response = alice_client.post(settings_url(world), {"family_data_months": months})
    assert response.status_code == 200
    assert response.context["form"].errors["family_data_months"]
    assert School.objects.get(pk=world.school.pk).family_data_months == FAMILY_DATA_MONTHS_DEFAULT


def test_only_the_coordinator_opens_it(world: World, bob_client: Client, charlie_client: Client) -> None:
    assert bob_client.get(settings_url(world)).status_code == 403
    assert bob_client.post(settings_url(world), {"family_data_months": "1"}).status_code == 403
    assert charlie_client.get(settings_url(world)).status_code == 404
    assert charlie_client.post(settings_url(world), {"family_data_months": "1"}).status_code == 404
    assert School.objects.get(pk=world.school.pk).family_data_months == FAMILY_DATA_MONTHS_DEFAULT


def test_the_menu_shows_it_to_the_coordinator_only(world: World, alice_client: Client, bob_client: Client) -> None:
    dashboard = reverse("results:dashboard", args=[world.school.id])
    assert settings_url(world) in alice_client.get(dashboard).content.decode()
    assert settings_url(world) not in bob_client.get(dashboard).content.decode()
