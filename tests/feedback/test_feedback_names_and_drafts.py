"""Red-team findings on issue 14's feedback page: a name from an open answer never reaches the page, and the parent
representatives and the schoolraad read versions from the consultation on, never a draft the coordinator kept."""

import pytest
from django.test import Client
from django.urls import reverse

from feedback.models import FeedbackPage
from feedback.privacy import names_in, quoted_open_answers, repeated_names
from feedback.versions import latest_version, version_text
from schools.models import Role
from tests.feedback.test_feedback_consultation import compose_data, member, url
from tests.feedback.test_feedback_done import WHAT_HAPPENED, told
from tests.helpers.feedback_rounds import closed_round
from tests.helpers.world import World

BULLIED = "Mijn zoon Ahmed in 3A wordt gepest door Kevin en de juf doet niets."


def test_names_are_capitalised_words_inside_a_sentence_that_are_no_ordinary_words() -> None:
    assert names_in(BULLIED) == ["Ahmed", "Kevin"]  # "Mijn" starts the sentence
    assert names_in("Ik wil meer uitleg in het Turks. Kevin helpt mij.") == []  # a language; a sentence's start
    assert names_in("Hoe het onderwijs in Vlaanderen werkt, weet ik niet.") == []  # a word of the questionnaires


def test_a_text_that_repeats_a_name_or_four_words_of_an_open_answer_is_refused() -> None:
    assert repeated_names("Een ouder zegt: Ahmed wordt gepest door Kevin.", [BULLIED]) == ["Ahmed", "Kevin"]
    assert repeated_names("Sommige ouders zeggen dat hun kind gepest wordt.", [BULLIED]) == []
    assert quoted_open_answers("Een kind wordt gepest door anderen.", [BULLIED]) == []  # three words shared
    assert quoted_open_answers("Ouders zeggen: de juf doet niets.", [BULLIED]) == [BULLIED]  # four words


@pytest.mark.django_db
def test_the_composer_refuses_a_name_and_says_why(world: World, alice_client: Client) -> None:
    closed_round(world, open_answer=BULLIED)
    alice_client.post(url(world, "start"))
    data = compose_data(world, parents_1_text="Een ouder zegt: Ahmed wordt gepest door Kevin.")
    response = alice_client.post(url(world, "compose"), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "“Ahmed” is een naam uit een open antwoord." in html and "“Kevin” is een naam uit een open antwoord." in html
    assert latest_version(FeedbackPage.objects.get()).number == 1
    themed = compose_data(world, parents_1_text="Sommige ouders zeggen dat hun kind gepest wordt.")
    assert alice_client.post(url(world, "compose"), themed).status_code == 302


@pytest.mark.django_db
def test_a_draft_never_opened_stays_with_the_coordinator_and_the_team(
    world: World, alice_client: Client, bob_client: Client
) -> None:
    rep = member(world, "Rita Ouderraad", "rita@example.org", Role.PARENT_REP)
    raad = member(world, "Sam Schoolraad", "sam@example.org", Role.SCHOOLRAAD)
    closed_round(world)
    alice_client.post(url(world, "start"))
    alice_client.post(url(world, "compose"), compose_data(world, team="Een eerste idee van de coördinator."))
    for reader in (rep, raad):
        client = world.client_for(reader)
        assert client.get(url(world, "version", 1)).status_code == 404
        assert client.get(url(world, "version", 2)).status_code == 404
        assert "Een eerste idee" not in client.get(url(world, "page")).content.decode()
    assert bob_client.get(url(world, "version", 2)).status_code == 200  # the team reads the analysis side
    alice_client.post(url(world, "step", "consult"))
    alice_client.post(url(world, "compose"), compose_data(world, team="We vertellen ouders elke maand meer."))
    rep_client = world.client_for(rep)
    opened = rep_client.get(url(world, "version", 2)).content.decode()  # opened for consultation
    assert "De eerste versie: er is niets om mee te vergelijken." in opened  # not compared with the kept draft
    assert "U gaf uw mening over onze school" not in opened
    changes = rep_client.get(url(world, "version", 3)).content.decode()  # made while it was open
    assert "<del>Een eerste idee van de coördinator</del><ins>We vertellen ouders elke maand meer</ins>" in changes


@pytest.mark.django_db
def test_a_save_without_the_forms_fields_keeps_the_text(world: World, alice_client: Client) -> None:
    """A POST with only the CSRF token (or a form cut short) is no wish to empty the page."""
    closed_round(world)
    alice_client.post(url(world, "start"))
    alice_client.post(url(world, "compose"), compose_data(world))
    cut_short = {key: value for key, value in compose_data(world).items() if key != "team"}
    for sent in ({"csrfmiddlewaretoken": "x"}, cut_short):
        response = alice_client.post(url(world, "compose"), sent)
        html = response.content.decode()
        assert response.status_code == 400
        assert "Het formulier kwam onvolledig aan, dus er is niets bewaard." in html
        assert "We vertellen ouders elke maand wat de klas doet." in html  # the kept text, shown again
    assert latest_version(FeedbackPage.objects.get()).number == 2


@pytest.mark.django_db
def test_a_wij_deden_save_without_its_fields_keeps_what_families_were_told(world: World, alice_client: Client) -> None:
    page, action = told(world, alice_client)  # version 3 says what happened
    response = alice_client.post(reverse("feedback:done", args=[page.school_id, page.round_id]), {})
    html = response.content.decode()
    assert response.status_code == 400 and "Het formulier kwam onvolledig aan" in html
    assert WHAT_HAPPENED in html
    assert latest_version(page).number == 3 and version_text(latest_version(page)).done[0].action_id == str(action.id)
