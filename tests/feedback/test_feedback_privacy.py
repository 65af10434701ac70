"""Issue 14, point 7: nothing on the feedback page identifies a respondent. A figure of fewer than five people is
refused, also when two figures shown (now, or in a version families read) subtract to fewer than five; an open
answer is never quoted, only rewritten as a theme."""

import pytest
from django.test import Client
from django.urls import reverse

from feedback.models import FeedbackPage
from feedback.privacy import BY_DIFFERENCE, NOT_IN_RESULTS, SMALL_GROUP, figure_problems, quoted_open_answers
from feedback.texts import FeedbackText, FigureRef, Point
from feedback.versions import TextRefused, change_text, latest_version, start_page, version_text
from tests.feedback.test_feedback_consultation import compose_data, url
from tests.helpers.feedback_rounds import OPEN_ANSWER, closed_round, complete_text, options_of, published_page
from tests.helpers.world import World

WHOLE = FigureRef("parents", "kennis", "parent_to_school", "", 12, 2.8)
CLASS_3A = FigureRef("parents", "kennis", "both", "3A", 9, 2.6)
CLASS_3B = FigureRef("parents", "kennis", "both", "3B", 5, 3.0)


def allowed(*figures: FigureRef) -> dict[str, FigureRef]:
    return {figure.key: figure for figure in figures}


def test_a_figure_of_fewer_than_five_is_refused() -> None:
    small = FigureRef("parents", "tijd", "both", "2B", 4, 3.5)
    assert [problem.reason for problem in figure_problems([small], allowed(small))] == [SMALL_GROUP]


def test_a_figure_computable_by_difference_is_refused() -> None:
    """12 parents in all, 9 of them in 3A: the page would tell the other 3's mean."""
    problems = figure_problems([WHOLE, CLASS_3A], allowed(WHOLE, CLASS_3A))
    assert [(problem.figure, problem.reason) for problem in problems] == [(CLASS_3A, BY_DIFFERENCE)]


def test_a_difference_through_several_groups_is_refused() -> None:
    """12 − 5 (3B) leaves 7, fine; but 3A and 3B together (14) cannot stand beside a total of 16: two parents."""
    whole = FigureRef("parents", "kennis", "parent_to_school", "", 16, 2.8)
    assert figure_problems([whole, CLASS_3B], allowed(whole, CLASS_3B)) == []
    both = figure_problems([whole, CLASS_3A, CLASS_3B], allowed(whole, CLASS_3A, CLASS_3B))
    assert {problem.reason for problem in both} == {BY_DIFFERENCE}


def test_a_difference_with_a_version_families_read_is_refused() -> None:
    """The same figure at two moments, 12 then 14 people: the two who came between are isolated."""
    later = FigureRef("parents", "kennis", "parent_to_school", "", 14, 2.9)
    problems = figure_problems([later], allowed(later), shown_before=[WHOLE])
    assert [problem.reason for problem in problems] == [BY_DIFFERENCE]
    assert figure_problems([WHOLE], allowed(WHOLE), shown_before=[WHOLE]) == []  # unchanged: nothing new


def test_a_figure_the_results_do_not_show_is_refused() -> None:
    invented = FigureRef("parents", "kennis", "parent_to_school", "", 12, 3.9)  # another mean than the results'
    assert [problem.reason for problem in figure_problems([invented], allowed(WHOLE))] == [NOT_IN_RESULTS]


def test_an_open_answer_pasted_is_a_quote_a_theme_is_not() -> None:
    answers = [OPEN_ANSWER, "Niets.", "Meer Turks"]
    assert quoted_open_answers(f"Een ouder schreef: {OPEN_ANSWER.upper()}", answers) == [OPEN_ANSWER]
    assert quoted_open_answers("juf van mijn dochter antwoordt nooit op berichten", answers) == [
        OPEN_ANSWER
    ]  # 6+ words
    assert quoted_open_answers("Sommige ouders krijgen geen antwoord op hun berichten.", answers) == []
    assert quoted_open_answers("Wij zeggen niets.", answers) == []  # one or two words are no quote


@pytest.mark.django_db
def test_a_small_group_figure_cannot_be_saved_or_published(world: World) -> None:
    """Three parents of 3C answer: 3C's figures exist in no offered choice, and a crafted one is refused."""
    round_ = closed_round(world, parents={"3A": 5, "3B": 5, "3C": 3})
    assert options_of(round_, "parents", "3C") == []
    page = start_page(round_, world.alice)
    text = complete_text(round_, version_text(latest_version(page)))
    crafted = FigureRef("parents", "kennis", "both", "3C", 3, 3.0)
    with pytest.raises(TextRefused) as refused:
        change_text(page, FeedbackText(parents=(*text.parents, Point("kennis", "In 3C ...", crafted))), world.alice)
    assert [problem.reason for problem in refused.value.refusal.figures] == [SMALL_GROUP]
    assert latest_version(page).number == 1


@pytest.mark.django_db
def test_an_open_answer_pasted_into_the_page_is_refused(world: World, alice_client: Client) -> None:
    closed_round(world)
    alice_client.post(url(world, "start"))
    response = alice_client.post(url(world, "compose"), compose_data(world, team=OPEN_ANSWER))
    assert response.status_code == 400
    assert "Open antwoorden worden nooit geciteerd" in response.content.decode()
    assert latest_version(FeedbackPage.objects.get()).number == 1
    rewritten = "Sommige ouders krijgen geen antwoord op hun berichten."
    assert alice_client.post(url(world, "compose"), compose_data(world, team=rewritten)).status_code == 302


@pytest.mark.django_db
def test_a_posted_figure_the_form_does_not_offer_is_refused(world: World, alice_client: Client) -> None:
    closed_round(world, parents={"3A": 5, "3B": 5, "3C": 3})
    alice_client.post(url(world, "start"))
    response = alice_client.post(url(world, "compose"), compose_data(world, parents_1_figure="parents:both:kennis:3C"))
    assert response.status_code == 400
    assert latest_version(FeedbackPage.objects.get()).number == 1


@pytest.mark.django_db
def test_the_public_page_names_nobody(world: World) -> None:
    """No group, no open answer, no staff name: the figures say how many answered, the actions who by role."""
    page = published_page(world)
    html = Client().get(reverse("feedback:public", args=[page.public_slug])).content.decode()
    for forbidden in (OPEN_ANSWER, "3A", "3B", "Alice", world.alice.email):
        assert forbidden not in html
    assert "Coördinator" in html
