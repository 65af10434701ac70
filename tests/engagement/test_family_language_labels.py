"""Staff pages of families and translations name a language in Dutch first, its own script beside it
("Oekraïens (Українська)"), so that a coordinator who reads neither script knows which it is."""

import pytest
from django.test import Client
from django.urls import reverse

from engagement.models import Declaration
from tests.helpers.engagement_parent_steps import add_translation, make_family
from tests.helpers.respondent_helpers import parse, text_of
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("compiled_messages")

UKRAINIAN, ARABIC = "Oekraïens (Українська)", "Arabisch (العربية)"


def test_the_families_pages_name_languages_in_dutch_and_their_own_script(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    family = make_family(world, language="uk")
    make_family(world, language="ar", reference="F002")
    args = [world.school.id, published_declaration.id]
    for url in (
        reverse("engagement:family_overview", args=args),
        reverse("engagement:family_translations", args=args),
    ):
        text = text_of(alice_client.get(url))
        assert UKRAINIAN in text and ARABIC in text, url
        assert text.count("Українська") == 1 and text.count("العربية") == 1, url  # never the script alone
    one = text_of(alice_client.get(reverse("engagement:family_translation", args=[*args, family.id])))
    assert UKRAINIAN in one


def test_the_translations_pages_name_languages_in_dutch_and_their_own_script(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    add_translation(published_declaration, "ar")
    args = [world.school.id, published_declaration.id]
    listing = parse(alice_client.get(reverse("engagement:translations", args=args)).content)
    row = next(node for node in listing.iter("tr") if node.attrs.get("id") == "translation-ar")
    assert next(row.iter("th")).text() == ARABIC  # the row, not the dropdown that adds a language
    edit = alice_client.get(reverse("engagement:translation_edit", args=[*args, "ar"]))
    assert edit.status_code == 200
    assert next(parse(edit.content).iter("h1")).text().endswith(": " + ARABIC)
