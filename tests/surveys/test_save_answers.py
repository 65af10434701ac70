"""Saving a page of answers (surveys.respond.save_answers) keeps the same rules on SQLite and on PostgreSQL,
where it is one statement (surveys.page_save_postgres): an upsert per item, only while in progress."""

import pytest

from surveys.models import SurveyAnswer, SurveyResponse
from surveys.respond import AlreadyHandedIn, hand_in, save_answers
from surveys.texts import questionnaire_pages
from tests.helpers.hand_ins import respond
from tests.helpers.world import World

pytestmark = pytest.mark.django_db


def stored(response: SurveyResponse) -> dict[object, int | None]:
    return dict(SurveyAnswer.objects.filter(response=response).values_list("item_id", "value"))


def test_a_page_is_upserted_and_an_item_left_out_keeps_its_answer(world: World) -> None:
    response = respond(world, [], "parent", "3A", handed_in=False)
    first, second = questionnaire_pages(world.round.id, "parent")[0][:2]
    save_answers(response, 1, {first: None, second: None}, "ar")  # only "I don't know": no number at all
    assert stored(response) == {first: None, second: None}
    save_answers(response, 1, {first: 4}, "ar")
    assert stored(response) == {first: 4, second: None}
    response.refresh_from_db()
    assert (response.last_page, response.language) == (1, "ar")


def test_a_page_shown_again_does_not_move_the_questionnaire_on(world: World) -> None:
    response = respond(world, [], "parent", "3A", handed_in=False)
    pages = questionnaire_pages(world.round.id, "parent")
    save_answers(response, 2, {pages[1][0]: 3}, "nl")
    save_answers(response, 3, {pages[2][0]: 2}, "tr", goes_on=False)  # the Dutch text or another language asked
    save_answers(response, 1, {}, "tr")  # back on page 1: an empty page, still saved
    response.refresh_from_db()
    assert (response.last_page, response.language) == (2, "tr")


def test_a_handed_in_questionnaire_never_changes(world: World) -> None:
    response = respond(world, [], "parent", "3A", handed_in=False)
    item = questionnaire_pages(world.round.id, "parent")[0][0]
    save_answers(response, 1, {item: 2}, "nl")
    assert hand_in(response, "")
    with pytest.raises(AlreadyHandedIn):
        save_answers(response, 1, {item: 5}, "fr")
    response.refresh_from_db()
    assert stored(response) == {item: 2} and response.language == "nl"
