"""The coordinator's view of the questionnaire translations and the school's corrections."""

import pytest
from django.test import Client
from django.urls import reverse

from analysis.models import Round
from framework.item_bank import questionnaire_items
from framework.models import Audience, Item, ItemText
from surveys.models import (
    TranslationCorrection,
)
from surveys.texts import respondent_items
from tests.helpers.survey_data import (
    count_queries,
    in_english,
    messages_of,
    section,
    translations_url,
)
from tests.helpers.world import World

# 3. Translations -------------------------------------------------------------------------------


def parent_item(position: int = 0) -> Item:
    return list(questionnaire_items().filter(audience=Audience.PARENT).order_by("dimension__position", "position"))[
        position
    ]


@pytest.mark.parametrize(
    ("language", "audience", "status", "label"),
    [
        ("fr", "parent", "draft", "draft"),
        ("en", "pupil_12_18", "reviewed", "reviewed"),
        ("so", "pupil_10_12", "missing", "missing: Dutch is shown"),
    ],
)
def test_the_coordinator_sees_each_translations_status(
    world: World, alice_client: Client, language: str, audience: str, status: str, label: str
) -> None:
    response = in_english(alice_client).get(translations_url(world, language, audience))
    assert response.status_code == 200
    rows = response.context["rows"]
    items = questionnaire_items().filter(audience=audience)
    assert {row.item_id for row in rows} == set(items.values_list("id", flat=True))
    assert {row.status for row in rows} == {status}
    assert all(row.dutch and row.audience == audience for row in rows)
    if status == "missing":
        assert all(row.text == "" for row in rows)
    else:
        texts = dict(ItemText.objects.filter(item__in=items, language=language).values_list("item_id", "text"))
        assert all(row.text == texts[row.item_id] for row in rows)
    html = response.content.decode()
    assert html.count(f"<td>{label}</td>") == len(rows)


def test_unknown_language_or_audience_falls_back_to_french_parents(world: World, alice_client: Client) -> None:
    response = alice_client.get(translations_url(world, "nl", "team"))
    assert response.status_code == 200
    assert (response.context["language"], response.context["audience"]) == ("fr", "parent")


def test_a_correction_is_shown_to_that_schools_respondents_only(world: World, alice_client: Client) -> None:
    item = parent_item()
    original = ItemText.objects.get(item=item, language="fr").text
    client = in_english(alice_client)
    response = client.post(translations_url(world), {"item": str(item.id), "text": "  Savez-vous comment ?  "})
    assert response.status_code == 302
    assert response["Location"].endswith(f"?language=fr&audience=parent#item-{item.id}")
    page = client.get(response["Location"])
    row = next(row for row in page.context["rows"] if row.item_id == item.id)
    assert (row.text, row.status) == ("Savez-vous comment ?", "school")
    assert "corrected by your school" in page.content.decode()
    assert [str(message) for message in page.context["messages"]] == [
        "The corrected translation is saved. Your school's respondents see it now."
    ]

    def shown_to(round_: Round, school_id: object) -> tuple[str, bool]:
        mine = next(
            shown for shown in respondent_items(round_.id, "parent", "fr", school_id) if shown.item.id == item.id
        )
        return mine.text, mine.is_fallback

    assert shown_to(world.round, world.school.id) == ("Savez-vous comment ?", False)
    assert shown_to(world.other_round, world.other_school.id) == (original, False)
    other = world.client_for(world.charlie).get(
        reverse("surveys:translations", args=[world.other_school.id]) + "?language=fr"
    )
    assert next(row for row in other.context["rows"] if row.item_id == item.id).status == "draft"
    # In another language the school's respondents still see the framework's text.
    english = next(
        shown for shown in respondent_items(world.round.id, "parent", "en", world.school.id) if shown.item.id == item.id
    )
    assert english.text == ItemText.objects.get(item=item, language="en").text


def test_correcting_again_replaces_the_correction(world: World, alice_client: Client) -> None:
    item = parent_item(3)
    for text in ("Eerste", "Tweede"):
        assert alice_client.post(translations_url(world), {"item": str(item.id), "text": text}).status_code == 302
    assert list(TranslationCorrection.objects.values_list("school", "item", "language", "text")) == [
        (world.school.id, item.id, "fr", "Tweede")
    ]


def test_a_missing_translation_can_be_filled_in_by_the_school(world: World, alice_client: Client) -> None:
    item = questionnaire_items().filter(audience=Audience.PUPIL_10_12).first()
    assert item is not None
    url = translations_url(world, "so", "pupil_10_12")
    before = respondent_items(world.round.id, "pupil_10_12", "so", world.school.id)
    assert all(shown.is_fallback for shown in before)
    assert alice_client.post(url, {"item": str(item.id), "text": "Su'aal cusub"}).status_code == 302
    row = next(row for row in alice_client.get(url).context["rows"] if row.item_id == item.id)
    assert (row.text, row.status) == ("Su'aal cusub", "school")
    after = {shown.item.id: shown for shown in respondent_items(world.round.id, "pupil_10_12", "so", world.school.id)}
    assert after[item.id].text == "Su'aal cusub" and not after[item.id].is_fallback
    other = respondent_items(world.other_round.id, "pupil_10_12", "so", world.other_school.id)
    assert all(shown.is_fallback for shown in other)


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_an_empty_correction_is_refused(world: World, alice_client: Client, text: str) -> None:
    item = parent_item(1)
    response = in_english(alice_client).post(translations_url(world), {"item": str(item.id), "text": text})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Write the corrected translation." in html
    row_html = section(html, f'id="item-{item.id}"', "</tr>")
    assert "Write the corrected translation." in row_html  # the message stands beside the question
    assert not TranslationCorrection.objects.exists()


def test_a_too_long_correction_is_refused(world: World, alice_client: Client) -> None:
    response = alice_client.post(translations_url(world), {"item": str(parent_item().id), "text": "x" * 401})
    assert response.status_code == 400
    assert not TranslationCorrection.objects.exists()


@pytest.mark.parametrize("item", ["", "not-a-uuid", "team", "00000000-0000-0000-0000-000000000000"])
def test_a_correction_needs_a_questionnaire_item(world: World, alice_client: Client, item: str) -> None:
    if item == "team":
        item = str(Item.objects.filter(audience=Audience.TEAM).values_list("id", flat=True).first())
    response = in_english(alice_client).post(translations_url(world), {"item": item, "text": "Texte"})
    assert response.status_code == 400
    assert "Choose a question from the list." in messages_of(response)
    assert not TranslationCorrection.objects.exists()


def test_translations_team_member_403_outsider_404(world: World, bob_client: Client, charlie_client: Client) -> None:
    item = str(parent_item().id)
    for client, status in ((bob_client, 403), (charlie_client, 404)):
        assert client.get(translations_url(world)).status_code == status
        assert client.post(translations_url(world), {"item": item, "text": "Piraat"}).status_code == status
    assert not TranslationCorrection.objects.exists()


# Query counts -------------------------------------------------------------------------------


def test_translations_query_count_does_not_grow_with_corrections(world: World, alice_client: Client) -> None:
    few = count_queries(alice_client, translations_url(world))
    for position in range(10):
        alice_client.post(translations_url(world), {"item": str(parent_item(position).id), "text": f"Texte {position}"})
    assert TranslationCorrection.objects.count() == 10
    assert count_queries(alice_client, translations_url(world)) == few
