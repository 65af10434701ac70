"""Starting a round, answering page by page, following progress and closing it."""

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from analysis.models import (
    Answer,
    CollectionWindow,
    DimensionNote,
    ResponseStatus,
    Round,
    RoundStatus,
    TeamResponse,
    Voice,
)
from analysis.queries import counted_items
from framework.models import Dimension, HiddenItem
from tests.helpers.world import World


def page_post(world: World, page: int, value: str, action: str = "next", note: str = "") -> dict[str, str]:
    dimension = Dimension.objects.get(position=page)
    data = {f"item-{item.id}": value for item in counted_items(world.round).filter(dimension=dimension)}
    return data | {"note": note, "action": action}


def answer_url(world: World, page: int) -> str:
    return reverse("analysis:answer", args=[world.school.id, world.round.id, page])


def test_coordinator_starts_a_round_for_a_situation(world: World, alice_client: Client) -> None:
    response = alice_client.post(
        reverse("analysis:round_create", args=[world.school.id]),
        {
            "title": "Kleuterklas",
            "scope": "situation",
            "scope_description": "Ouders van de kleuterklas komen niet naar de ouderavond.",
            "starts_on": "2026-11-01",
            "ends_on": "2026-11-30",
            "invitees": [world.bob.pk],
        },
    )
    round_ = Round.objects.get(title="Kleuterklas")
    assert response["Location"] == reverse("analysis:round", args=[world.school.id, round_.id])
    assert round_.items.count() >= 60
    assert list(TeamResponse.objects.filter(round=round_).values_list("user__email", flat=True)) == ["bob@example.org"]


def test_situation_needs_a_description_and_end_after_start(world: World, alice_client: Client) -> None:
    response = alice_client.post(
        reverse("analysis:round_create", args=[world.school.id]),
        {
            "title": "X",
            "scope": "situation",
            "scope_description": " ",
            "starts_on": "2026-11-30",
            "ends_on": "2026-11-01",
        },
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"scope_description", "ends_on"}
    assert not Round.objects.filter(title="X").exists()


def test_answering_saves_each_page_and_resumes(world: World, bob_client: Client) -> None:
    response = bob_client.post(answer_url(world, 1), page_post(world, 1, "4", note="Een voorbeeld"))
    assert response["Location"] == answer_url(world, 2)
    response = bob_client.post(answer_url(world, 2), page_post(world, 2, "dk", action="save"))
    assert response["Location"] == reverse("analysis:round", args=[world.school.id, world.round.id])

    response_row = TeamResponse.objects.get(round=world.round, user=world.bob)
    assert response_row.status == ResponseStatus.IN_PROGRESS
    assert response_row.last_page == 2
    assert Answer.objects.filter(response=response_row, value=4).exists()
    assert Answer.objects.filter(response=response_row, value__isnull=True).exists()
    assert DimensionNote.objects.get(response=response_row, dimension__key="kennis").text == "Een voorbeeld"

    detail = bob_client.get(reverse("analysis:round", args=[world.school.id, world.round.id]))
    assert answer_url(world, 3).encode() in detail.content  # resume where he left off
    page_one = bob_client.get(answer_url(world, 1))
    assert re.search(r'value="4" id="[^"]+" checked', page_one.content.decode())
    assert "Een voorbeeld" in page_one.content.decode()


def test_progress_is_shown(world: World, bob_client: Client) -> None:
    bob_client.post(answer_url(world, 1), page_post(world, 1, "3"))
    page = bob_client.get(answer_url(world, 2))
    answered, total = page.context["answered_total"], page.context["total_items"]
    assert 0 < answered < total
    assert f'<progress max="{total}" value="{answered}"' in page.content.decode()


def test_handing_in_on_the_last_page(world: World, bob_client: Client) -> None:
    for page in range(1, 8):
        bob_client.post(answer_url(world, page), page_post(world, page, "3", action="submit" if page == 7 else "next"))
    assert TeamResponse.objects.get(round=world.round, user=world.bob).status == ResponseStatus.SUBMITTED


def test_coordinator_sees_who_answered_but_not_the_answers(
    world: World, bob_client: Client, alice_client: Client
) -> None:
    bob_client.post(answer_url(world, 1), page_post(world, 1, "2", note="Geheime notitie van Bob"))
    page = alice_client.get(reverse("analysis:round", args=[world.school.id, world.round.id])).content.decode()
    assert "Bob Leraar" in page
    assert "Geheime notitie van Bob" not in page
    assert page.count('value="2"') == 0


def test_closing_the_team_reflection_freezes_answers(world: World, bob_client: Client, alice_client: Client) -> None:
    bob_client.post(answer_url(world, 1), page_post(world, 1, "2"))
    close_url = reverse("analysis:voice_close", args=[world.school.id, world.round.id, "team"])
    assert alice_client.get(close_url).status_code == 200  # a confirmation page first
    alice_client.post(close_url)
    assert CollectionWindow.objects.get(round=world.round, voice=Voice.TEAM).closed_at is not None
    world.round.refresh_from_db()
    assert world.round.status == RoundStatus.OPEN  # parents and pupils still answer
    before = sorted(Answer.objects.values_list("item_id", "value"))
    bob_client.post(answer_url(world, 1), page_post(world, 1, "5"))
    assert sorted(Answer.objects.values_list("item_id", "value")) == before


def test_hiding_an_item_takes_it_out_of_an_open_round_and_close_makes_that_final(
    world: World, alice_client: Client
) -> None:
    item = counted_items(world.round).first()
    assert item is not None
    url = reverse("framework:item_visibility", args=[world.school.id, item.id])
    alice_client.post(url, {"hidden": "on"})
    assert HiddenItem.objects.filter(school=world.school, item=item).exists()
    assert not counted_items(world.round).filter(id=item.id).exists()
    alice_client.post(url, {})  # shown again
    assert counted_items(world.round).filter(id=item.id).exists()
    alice_client.post(url, {"hidden": "on"})
    for voice in ("team", "parents", "pupils"):
        alice_client.post(reverse("analysis:voice_close", args=[world.school.id, world.round.id, voice]))
    world.round.refresh_from_db()
    assert world.round.status == RoundStatus.CLOSED
    alice_client.post(url, {})
    world.round.refresh_from_db()
    assert not counted_items(world.round).filter(id=item.id).exists()


def test_school_adds_its_own_item_used_in_new_rounds(world: World, alice_client: Client) -> None:
    response = alice_client.post(
        reverse("framework:items", args=[world.school.id]),
        {"dimension": "tijd", "direction": "school_to_parent", "scale": "frequency", "text_nl": "Hoe vaak bellen we?"},
    )
    assert response.status_code == 302
    other = world.client_for(world.charlie).get(reverse("framework:items", args=[world.other_school.id]))
    assert "Hoe vaak bellen we?" not in other.content.decode()
    alice_client.post(
        reverse("analysis:round_create", args=[world.school.id]),
        {"title": "Nieuw", "scope": "whole_school", "starts_on": "2026-11-01", "ends_on": "2026-11-02"},
    )
    new_round = Round.objects.get(title="Nieuw")
    assert new_round.items.filter(school=world.school).count() == 1


def test_own_item_must_be_a_question(world: World, alice_client: Client) -> None:
    response = alice_client.post(
        reverse("framework:items", args=[world.school.id]),
        {"dimension": "tijd", "direction": "school_to_parent", "scale": "frequency", "text_nl": "Wij bellen vaak."},
    )
    assert response.status_code == 200
    assert "text_nl" in response.context["form"].errors


@pytest.mark.parametrize("value", ["0", "6", "x", ""])
def test_values_off_the_scale_are_not_stored(world: World, bob_client: Client, value: str) -> None:
    response = bob_client.post(answer_url(world, 1), page_post(world, 1, value))
    assert response.status_code == (302 if value == "" else 200)  # nothing chosen is allowed; the rest is refused
    assert not Answer.objects.exclude(value__isnull=True).exclude(value__gte=1, value__lte=5).exists()
    assert not Answer.objects.filter(response__user=world.bob).exists()


def test_rounds_of_other_dates_are_listed_newest_first(world: World, alice_client: Client) -> None:
    Round.objects.filter(pk=world.round.pk).update(starts_on=date(2025, 1, 1))
    alice_client.post(
        reverse("analysis:round_create", args=[world.school.id]),
        {"title": "Nieuwer", "scope": "whole_school", "starts_on": "2026-11-01", "ends_on": "2026-11-02"},
    )
    rounds = list(alice_client.get(reverse("analysis:rounds", args=[world.school.id])).context["rounds"])
    assert [r.title for r in rounds] == ["Nieuwer", "Oudercontact"], [
        (r.title, r.starts_on, r.created_at) for r in rounds
    ]
