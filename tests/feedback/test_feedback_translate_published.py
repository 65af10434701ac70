"""Red-team finding on issue 14: once a change is drafted after publishing, families keep reading the published
version, so the coordinator can still translate that one (and, by choice, the new draft)."""

from dataclasses import replace

import pytest
from django.test import Client

from feedback.models import FeedbackTranslation
from feedback.public import public_path
from feedback.versions import change_text, latest_version, version_text
from tests.feedback.test_feedback_consultation import url
from tests.helpers.feedback_rounds import published_page
from tests.helpers.world import World

pytestmark = pytest.mark.django_db


def test_the_published_version_stays_translatable_while_a_new_draft_waits(world: World, alice_client: Client) -> None:
    page = published_page(world)  # version 2 is what families read
    text = version_text(latest_version(page))
    change_text(page, replace(text, team="We vertellen ouders elke week wat de klas doet."), world.alice)  # version 3
    form = alice_client.get(url(world, "translation", "tr")).content.decode()
    assert "Vertaling in het Turks" in form and "(versie 2)" in form
    assert "Gezinnen lezen versie 2: u vertaalt die versie." in form
    assert "?versie=3" in form  # the way to the new draft
    saved = alice_client.post(url(world, "translation", "tr"), {"status": "draft", "introduction": "Merhaba"})
    assert saved.status_code == 302 and saved["Location"].endswith("?versie=2")
    assert FeedbackTranslation.objects.get(language="tr").version.number == 2
    assert "Merhaba" in Client().get(public_path(page), {"lang": "tr"}).content.decode()  # families read it now


def test_the_new_draft_is_chosen_by_its_number_and_no_other(world: World, alice_client: Client) -> None:
    page = published_page(world)
    text = version_text(latest_version(page))
    change_text(page, replace(text, team="We vertellen ouders elke week wat de klas doet."), world.alice)
    draft = alice_client.get(url(world, "translation", "tr") + "?versie=3").content.decode()
    assert "Versie 3 is een ontwerp: gezinnen lezen ze zodra ze gepubliceerd is." in draft
    assert "We vertellen ouders elke week" in draft
    for wrong in ("1", "4", "drie"):
        assert alice_client.get(url(world, "translation", "tr") + f"?versie={wrong}").status_code == 404


def test_without_a_newer_draft_the_page_says_nothing_of_versions(world: World, alice_client: Client) -> None:
    published_page(world)
    form = alice_client.get(url(world, "translation", "tr")).content.decode()
    assert "(versie 2)" in form and "Gezinnen lezen versie" not in form and "?versie=" not in form
