"""Handing in the team questionnaire with questions still open asks first, without JavaScript (issue 11, point 9)."""

from django.test import Client
from django.urls import reverse
from django.utils import translation

from analysis.models import ResponseStatus, TeamResponse
from analysis.queries import counted_items, open_questions
from analysis.windows import close_voice
from framework.models import Dimension
from tests.helpers.world import World

LAST_PAGE = 7


def answer_url(world: World, page: int) -> str:
    return reverse("analysis:answer", args=[world.school.id, world.round.id, page])


def hand_in_url(world: World) -> str:
    return reverse("analysis:hand_in", args=[world.school.id, world.round.id])


def page_post(world: World, page: int, value: str, action: str = "next", answered: int | None = None) -> dict[str, str]:
    items = counted_items(world.round).filter(dimension=Dimension.objects.get(position=page)).order_by("id")
    chosen = list(items)[:answered] if answered is not None else list(items)
    return {f"item-{item.id}": value for item in chosen} | {"note": "", "action": action}


def bobs(world: World) -> TeamResponse:
    return TeamResponse.objects.get(round=world.round, user=world.bob)


def warning(count: int, total: int) -> str:
    with translation.override("nl"):
        return translation.ngettext(
            "%(open)s of the %(total)s questions is still open. Hand in anyway?",
            "%(open)s of the %(total)s questions are still open. Hand in anyway?",
            count,
        ) % {"open": count, "total": total}


def test_the_plural_reads_as_dutch() -> None:
    assert warning(1, 69) == "Er staat nog 1 van de 69 vragen open. Toch indienen?"
    assert warning(68, 69) == "Er staan nog 68 van de 69 vragen open. Toch indienen?"


def test_handing_in_with_one_answer_says_how_many_are_open_and_hands_in_nothing_yet(
    world: World, bob_client: Client
) -> None:
    total = counted_items(world.round).count()
    response = bob_client.post(answer_url(world, LAST_PAGE), page_post(world, LAST_PAGE, "4", "submit", answered=1))
    assert response["Location"] == hand_in_url(world)
    assert bobs(world).status == ResponseStatus.IN_PROGRESS  # the page is saved, nothing handed in
    assert bobs(world).answers.count() == 1

    page = bob_client.get(hand_in_url(world)).content.decode()
    assert warning(total - 1, total) in page
    first_open = answer_url(world, 1)  # the first page with an open question
    assert f'href="{first_open}"' in page


def test_handing_in_anyway_is_possible_on_purpose(world: World, bob_client: Client) -> None:
    bob_client.post(answer_url(world, LAST_PAGE), page_post(world, LAST_PAGE, "4", "submit", answered=1))
    response = bob_client.post(hand_in_url(world))
    assert response["Location"] == reverse("analysis:round", args=[world.school.id, world.round.id])
    row = bobs(world)
    assert row.status == ResponseStatus.SUBMITTED and row.submitted_at is not None
    assert row.answers.count() == 1  # the confirmation step changes no answer


def test_with_every_question_answered_it_hands_in_without_asking(world: World, bob_client: Client) -> None:
    for page in range(1, LAST_PAGE):
        bob_client.post(answer_url(world, page), page_post(world, page, "dk"))
    response = bob_client.post(answer_url(world, LAST_PAGE), page_post(world, LAST_PAGE, "3", "submit"))
    assert response["Location"] == reverse("analysis:round", args=[world.school.id, world.round.id])
    assert bobs(world).status == ResponseStatus.SUBMITTED
    assert open_questions(bobs(world), world.round).open == 0  # "weet ik niet" counts as an answer


def test_after_the_team_reflection_closed_the_confirmation_hands_in_nothing(world: World, bob_client: Client) -> None:
    bob_client.post(answer_url(world, LAST_PAGE), page_post(world, LAST_PAGE, "4", "submit", answered=1))
    close_voice(world.round, "team")
    bob_client.post(hand_in_url(world))
    assert bobs(world).status == ResponseStatus.IN_PROGRESS


def test_only_an_invited_member_reaches_the_confirmation(world: World, charlie_client: Client) -> None:
    assert charlie_client.get(hand_in_url(world)).status_code == 404
