"""Pages rendered in Dutch read as Dutch: no English words, no "---------" as an empty choice.

Every staff page reachable with GET is opened as each role of the world (coordinator, team member,
parent representative, schoolraad member, support coach) and without an account; the respondent pages
are opened in Dutch along a questionnaire and the engagementsverklaring. Forms sent empty or wrong show
Django's own validator messages, in Dutch.
"""

import random
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from analysis.models import TeamResponse, Voice
from analysis.queries import counted_items
from analysis.rounds import close_round, save_page
from analysis.windows import close_voice
from engagement.families.codes import issue_code
from framework.models import Dimension
from schools.invitations import create_invitation
from schools.models import Membership, Role
from tests.helpers.engagement_parent_steps import make_family, opened_client
from tests.helpers.english_words import dutch_text, english_in
from tests.helpers.respondent_helpers import answer_everything, hand_in, issue, start
from tests.helpers.survey_data import BATCH, constant, hand_in_surveys, invitations_url, messages_of, team_answers
from tests.helpers.team_answers import answer_everything as answer_everything_in_team
from tests.helpers.world import World, make_user
from tests.schools.test_outsiders_get_404 import kwargs_for

NOT_PAGES = (".pdf", ".csv", ".xlsx", ".txt", "/export/", "/audio/")  # files, not pages a person reads
NOT_STAFF = ("admin/", "i18n/", "q/", "v/")


def staff_patterns() -> Iterator[tuple[str, URLPattern]]:
    """Every named staff URL pattern with its namespace and its full route."""

    def walk(patterns: list[URLPattern | URLResolver], namespace: str, prefix: str) -> Iterator[tuple[str, URLPattern]]:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if route.startswith(NOT_STAFF) or route.endswith(NOT_PAGES) or any(part in route for part in NOT_PAGES):
                continue
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}:{pattern.namespace}" if namespace and pattern.namespace else pattern.namespace
                yield from walk(pattern.url_patterns, inner or namespace, route)
            elif pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name, pattern

    yield from walk(get_resolver().url_patterns, "", "")


def staff_urls(world: World) -> list[str]:
    urls = []
    for name, pattern in staff_patterns():
        if set(pattern.pattern.converters) - {
            "school_id",
            "round_id",
            "batch_id",
            "action_id",
            "declaration_id",
            "comment_id",
            "number",
            "language",
            "library_id",
            "invitation_id",
            "item_id",
            "page",
            "name",
        }:
            continue  # a token from an e-mail (password reset, invitation): no page without one
        urls.append(reverse(name, kwargs=kwargs_for(pattern, world)))
    return urls


def dutch_problems(client: Client, urls: list[str]) -> dict[str, list[str]]:
    problems = {}
    for url in urls:
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        found = english_in(response.content.decode())
        if found:
            problems[url] = found
    return problems


ROLES = [Role.COORDINATOR, Role.TEAM, Role.PARENT_REP, Role.SCHOOLRAAD, Role.COACH]


def test_a_round_with_answers_reads_as_dutch_while_open_and_once_closed(world: World, alice_client: Client) -> None:
    """The pages the coordinator reads once there are figures: the team, parents and pupils, per group."""
    team_answers(world.round, world.alice)
    team_answers(world.round, world.bob, constant(2))
    for group in ("3A", "4B"):
        hand_in_surveys(world.round, "parent", 6, group=group, open_answer="Meer contact graag.")
        hand_in_surveys(world.round, "pupil_10_12", 6, group=group)
    profile = reverse("results:profile", args=[world.school.id, world.round.id])
    assert "Meer contact graag." in alice_client.get(profile).content.decode()  # the figures are on the page
    urls = staff_urls(world)
    assert dutch_problems(alice_client, urls) == {}
    close_round(world.round)
    assert dutch_problems(alice_client, urls) == {}


@pytest.mark.parametrize("role", ROLES)
def test_every_staff_page_reads_as_dutch_for_each_role(world: World, role: str) -> None:
    """alice coordinates and bob answers the round; the other roles are added to the school."""
    person = {Role.COORDINATOR: world.alice, Role.TEAM: world.bob}.get(role)  # type: ignore[call-overload]
    if person is None:
        person = make_user(f"Persoon {role}", f"{role}@example.org")
        Membership.objects.create(school=world.school, user=person, role=role)
    urls = staff_urls(world)
    opened = [url for url in urls if world.client_for(person).get(url).status_code == 200]
    assert reverse("results:dashboard", args=[world.school.id]) in opened  # the walk reaches the pages
    assert dutch_problems(world.client_for(person), urls) == {}


def test_pages_without_an_account_read_as_dutch(world: World) -> None:
    """Including the pages a link in an e-mail opens: a password reset and an invitation."""
    names = ("login", "signup", "password_reset", "password_reset_done", "password_reset_complete")
    urls = [reverse(f"accounts:{name}") for name in names] + [reverse("guide:werkkader")]
    assert dutch_problems(Client(), urls) == {}
    reset = reverse(
        "accounts:password_reset_confirm",
        args=[urlsafe_base64_encode(force_bytes(world.bob.pk)), default_token_generator.make_token(world.bob)],
    )
    browser = Client()
    set_password = browser.get(reset, follow=True)
    assert set_password.status_code == 200 and 'name="new_password1"' in set_password.content.decode()
    assert english_in(set_password.content.decode()) == []
    wrong = browser.post(set_password.redirect_chain[-1][0], {"new_password1": "12345", "new_password2": "12345"})
    assert "Dit wachtwoord is te kort. Het moet minstens 10 tekens bevatten." in wrong.content.decode()
    assert english_in(wrong.content.decode()) == []
    _invitation, token = create_invitation(world.school, "nieuw@example.org", Role.TEAM, world.alice)
    assert dutch_problems(Client(), [reverse("schools:accept_invitation", args=[token])]) == {}


@pytest.mark.parametrize("audience", ["parent", "pupil_10_12", "pupil_12_18"])
def test_the_questionnaire_reads_as_dutch(world: World, audience: str) -> None:
    phone = Client()
    assert dutch_problems(phone, [reverse("surveys:code")]) == {}
    code = issue(world, audience=audience).codes[0]
    assert dutch_problems(phone, [reverse("surveys:code_link", args=[code])]) == {}
    response = start(phone, code, "nl")
    assert dutch_problems(phone, [reverse("surveys:language"), reverse("surveys:page", args=[1])]) == {}
    answer_everything(phone, response)
    assert dutch_problems(phone, [reverse("surveys:end")]) == {}
    hand_in(phone, response)
    assert dutch_problems(phone, [reverse("surveys:thanks")]) == {}


def test_the_engagementsverklaring_reads_as_dutch(world: World, published_declaration: object) -> None:
    family = make_family(world, language="nl")
    assert (
        dutch_problems(
            Client(),
            [reverse("engagement:parent_code"), reverse("engagement:parent_code_link", args=[issue_code(family)])],
        )
        == {}
    )
    parent = opened_client(family)
    assert dutch_problems(parent, [reverse("engagement:parent_read")]) == {}


def test_django_validator_messages_are_dutch(world: World, alice_client: Client) -> None:
    signup = Client().post(reverse("accounts:signup"), {"name": "", "email": "geen-adres", "password": "12345"})
    page = signup.content.decode()
    assert english_in(page) == []
    assert "Dit veld is verplicht." in page
    assert "Voer een geldig e-mailadres in." in page
    assert "Dit wachtwoord is te kort. Het moet minstens 10 tekens bevatten." in page
    assert "Dit wachtwoord is te algemeen." in page
    assert "Dit wachtwoord bevat alleen cijfers." in page
    new_round = alice_client.post(reverse("analysis:round_create", args=[world.school.id]), {"title": "x" * 300})
    page = new_round.content.decode()
    assert english_in(page) == []
    assert "Zorg dat deze waarde niet meer dan 200 tekens bevat (het zijn er nu 300)." in page  # Django's own


def test_the_english_finder_finds_english_and_leaves_dutch_alone() -> None:
    assert english_in("<p>Save the round</p>") != []
    assert english_in('<select><option value="">---------</option></select>') == ["---------"]
    assert english_in('<button aria-label="Delete">x</button>') != []
    assert english_in('<p>Het is in orde: over de hand, of niet, in het team.</p><p lang="en">the answers</p>') == []
    assert english_in("<script>var the = 1;</script><p>Ouders</p>") == []
    assert english_in("<p>This password is too short. It must contain at least 10 characters.</p>") != []


def test_counts_in_a_sentence_take_the_right_dutch_form(world: World, alice_client: Client) -> None:
    rng = random.Random(5)
    bob_response = TeamResponse.objects.get(round=world.round, user=world.bob)
    first = Dimension.objects.order_by("position").first()
    assert first is not None
    save_page(
        bob_response, first, 1, {item.id: 3 for item in counted_items(world.round) if item.dimension_id == first.pk}, ""
    )
    round_page = reverse("analysis:round", args=[world.school.id, world.round.id])
    text = dutch_text(alice_client.get(round_page).content.decode())
    assert "0 van de 2 uitgenodigde mensen hebben hun antwoorden ingediend; 1 is nog bezig." in text
    answer_everything_in_team(world.round, world.alice, rng)
    text = dutch_text(alice_client.get(round_page).content.decode())
    assert "1 van de 2 uitgenodigde mensen heeft de antwoorden ingediend; 1 is nog bezig." in text
    close_page = reverse("analysis:voice_close", args=[world.school.id, world.round.id, "team"])
    assert "1 teamlid heeft de antwoorden ingediend; 1 is nog bezig." in dutch_text(
        alice_client.get(close_page).content.decode()
    )
    close_voice(world.round, Voice.TEAM)  # bob can no longer go on: the page says what became of his answers
    text = dutch_text(alice_client.get(round_page).content.decode())
    assert (
        "1 van de 2 uitgenodigde mensen heeft de antwoorden ingediend; 1 was begonnen: wat bewaard was, telt mee."
        in text
    )
    assert "nog bezig" not in text


@pytest.mark.parametrize(("size", "message"), [("1", "Er is 1 code gemaakt."), ("3", "Er zijn 3 codes gemaakt.")])
def test_the_codes_made_message_counts_in_dutch(world: World, alice_client: Client, size: str, message: str) -> None:
    response = alice_client.post(invitations_url(world), {**BATCH, "size": size}, follow=True)
    assert any(said.startswith(message) for said in messages_of(response)), messages_of(response)


def test_the_families_deletion_counts_in_dutch(world: World, alice_client: Client, published_declaration: Any) -> None:
    make_family(world, language="tr")
    url = reverse("engagement:family_delete", args=[world.school.id, published_declaration.id])
    text = dutch_text(alice_client.get(url).content.decode())
    assert "Dit verwijdert 1 gezin en 0 kennisnames van het schooljaar 2026-2027, definitief." in text


def test_the_voices_sentence_is_composed_of_counted_parts(world: World, alice_client: Client) -> None:
    hand_in_surveys(world.round, "parent", 5)
    profile = reverse("results:profile", args=[world.school.id, world.round.id])
    text = dutch_text(alice_client.get(profile).content.decode())
    assert "5 ouders en 0 leerlingen staan in de cijfers." in text
