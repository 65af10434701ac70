"""The guide explains the Flemish language rule in plain Dutch, and why the questionnaire is another case."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.helpers.respondent_helpers import parse, text_of
from tests.helpers.world import in_dutch

pytestmark = pytest.mark.usefixtures("compiled_messages")


@pytest.mark.django_db
def test_the_guide_explains_when_a_school_may_translate_and_why_the_questionnaire_differs() -> None:
    page = Client().get(reverse("guide:werkkader"))
    assert page.status_code == 200
    section = next(node for node in parse(page.content).iter("section") if node.attrs.get("id") == "languages")
    words = " ".join(section.text().split())
    assert "Sinds juni 2024 mag een school alleen een vertaling toevoegen waar dat echt nodig is" in words
    assert "altijd naast de Nederlandse tekst" in words
    assert "alleen voor de ouders die ze nodig hebben, nooit voor alle gezinnen." in words
    assert "per gezin waarom het een vertaling van de engagementsverklaring krijgt en tot wanneer" in words
    assert "geen officiële communicatie: het is onderzoek, anoniem en vrijwillig" in words
    assert "vragenlijst voor ouders er in elke taal" in words
    table_of_contents = [link.attrs.get("href") for link in parse(page.content).iter("a")]
    assert "#languages" in table_of_contents
    assert in_dutch("Languages: when the school may translate") in text_of(page)
