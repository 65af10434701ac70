"""The declaration editor: starting, editing with guardrails and linked results, versions and their diffs."""

import random
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from actions.models import Action
from analysis.rounds import invite_to_round
from engagement.drafting import change_text, latest_version, start_declaration, take_step, version_text
from engagement.models import Declaration, DeclarationState, DomainEvaluation
from engagement.texts import DeclarationText
from framework.models import Dimension
from schools.models import Membership, Role
from tests.helpers.team_answers import answer_everything
from tests.helpers.world import World, in_dutch, make_user

pytestmark = pytest.mark.django_db


def start(client: Client, world: World, year: str, start_from: str = "template") -> Declaration:
    response = client.post(
        reverse("engagement:declarations", args=[world.school.id]), {"school_year": year, "start_from": start_from}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Declaration.objects.get(school=world.school, school_year=year)


def edit_data(declaration: Declaration, **changes: str) -> dict[str, str]:
    text = version_text(latest_version(declaration))
    data = {"title": text.title, "introduction": text.introduction, "change_note": ""}
    for key, domain in text.domains.items():
        data[f"{key}-title"] = text.domain_titles[key]
        data[f"{key}-school_offers"] = domain.school_offers
        data[f"{key}-parents_commit"] = domain.parents_commit
        data[f"{key}-pupil_commits"] = domain.pupil_commits
    data.update(changes)
    return data


def test_the_empty_state_invites_the_coordinator_to_start(world: World, alice_client: Client) -> None:
    page = alice_client.get(reverse("engagement:declarations", args=[world.school.id])).content.decode()
    assert in_dutch("Start the draft") in page


def test_a_declaration_starts_from_the_template_with_four_domains(world: World, alice_client: Client) -> None:
    declaration = start(alice_client, world, "2026-2027")
    version = latest_version(declaration)
    assert version.number == 1 and declaration.state == DeclarationState.DRAFT
    # PostgreSQL's jsonb keeps no key order: the order of the domains comes from DOMAIN_KEYS when read
    assert sorted(version.domains) == sorted(["oudercontact", "aanwezigheid", "leerlingenbegeleiding", "nederlands"])
    assert list(version_text(version).domains) == [
        "oudercontact",
        "aanwezigheid",
        "leerlingenbegeleiding",
        "nederlands",
    ]
    page = alice_client.get(reverse("engagement:declaration", args=[world.school.id, declaration.id])).content.decode()
    assert "Oudercontact" in page and "<li>" in page  # the Markdown lists are rendered


def test_only_one_declaration_per_school_year(world: World, alice_client: Client) -> None:
    start(alice_client, world, "2026-2027")
    response = alice_client.post(
        reverse("engagement:declarations", args=[world.school.id]),
        {"school_year": "2026-2027", "start_from": "template"},
    )
    assert response.status_code == 200  # the year is no longer offered: the form shows an error
    assert Declaration.objects.filter(school=world.school).count() == 1


def test_next_year_starts_from_last_year_and_shows_its_evaluation(world: World, alice_client: Client) -> None:
    last_year = start_declaration(world.school, "2025-2026", world.alice)
    text = version_text(latest_version(last_year))
    change_text(
        last_year,
        DeclarationText("Onze afspraken", text.introduction, text.domain_titles, text.domains),
        world.alice,
        "",
    )
    DomainEvaluation.objects.create(
        declaration=last_year,
        school=world.school,
        domain="oudercontact",
        delivered="partly",
        learned="Avondmomenten werkten beter dan namiddagen.",
    )
    declaration = start(alice_client, world, "2026-2027", "previous")
    assert declaration.previous == last_year
    assert latest_version(declaration).title == "Onze afspraken"
    page = alice_client.get(reverse("engagement:edit", args=[world.school.id, declaration.id])).content.decode()
    assert "Avondmomenten werkten beter dan namiddagen." in page


def test_saving_makes_a_version_and_warns_about_sanctions_without_blocking(world: World, alice_client: Client) -> None:
    declaration = start_declaration(world.school, "2026-2027", world.alice)
    sanction = "- Wie te vaak spijbelt, wordt geschorst."
    data = edit_data(declaration, **{"aanwezigheid-parents_commit": sanction, "change_note": "strenger"})
    response = alice_client.post(reverse("engagement:edit", args=[world.school.id, declaration.id]), data, follow=True)
    assert latest_version(declaration).number == 2
    assert latest_version(declaration).change_note == "strenger"
    page = response.content.decode()
    assert "Wie te vaak spijbelt, wordt geschorst." in page  # the sentence is quoted
    assert "geen schorsing, geen uitsluiting" in page  # and the rule


def test_the_flash_after_saving_quotes_the_sentence_it_warns_about(world: World, alice_client: Client) -> None:
    declaration = start_declaration(world.school, "2026-2027", world.alice)
    sanction = "Wie niet komt, gaat niet mee op schoolreis."
    data = edit_data(declaration, **{"aanwezigheid-parents_commit": sanction})
    response = alice_client.post(reverse("engagement:edit", args=[world.school.id, declaration.id]), data, follow=True)
    flashes = [str(message) for message in response.context["messages"] if message.level_tag == "warning"]
    assert flashes == [
        "In “Aanwezigheid en spijbelbeleid” sluit deze zin de leerling uit van een schoolactiviteit. "
        "Dat mag niet in een engagementsverklaring: “Wie niet komt, gaat niet mee op schoolreis.”"
    ]


def test_saving_without_change_makes_no_version(world: World, alice_client: Client) -> None:
    declaration = start_declaration(world.school, "2026-2027", world.alice)
    alice_client.post(reverse("engagement:edit", args=[world.school.id, declaration.id]), edit_data(declaration))
    assert declaration.versions.count() == 1


def test_an_emptied_domain_is_saved_as_missing_and_blocks_publishing(world: World, alice_client: Client) -> None:
    declaration = start_declaration(world.school, "2026-2027", world.alice)
    emptied = {f"nederlands-{part}": "" for part in ("school_offers", "parents_commit", "pupil_commits")}
    alice_client.post(
        reverse("engagement:edit", args=[world.school.id, declaration.id]), edit_data(declaration, **emptied)
    )
    assert "nederlands" not in latest_version(declaration).domains
    take_step(declaration, "consult")
    take_step(declaration, "adopt", adopted_on=date(2026, 9, 1))
    url = reverse("engagement:step", args=[world.school.id, declaration.id, "publish"])
    response = alice_client.post(url, {"confirm": "1"}, follow=True)
    declaration.refresh_from_db()
    assert declaration.state == DeclarationState.ADOPTED and declaration.published_version is None
    assert "missing" in response.content.decode() or "ontbreekt" in response.content.decode()


def test_markdown_is_rendered_safely(world: World, alice_client: Client) -> None:
    declaration = start_declaration(world.school, "2026-2027", world.alice)
    evil = "<script>alert(1)</script> [klik](javascript:alert(2)) <img src=x onerror=alert(3)> **vet**"
    alice_client.post(
        reverse("engagement:edit", args=[world.school.id, declaration.id]),
        edit_data(declaration, **{"oudercontact-school_offers": evil}),
    )
    page = alice_client.get(reverse("engagement:declaration", args=[world.school.id, declaration.id])).content.decode()
    assert "<script>alert(1)" not in page and "<img" not in page  # raw HTML is shown as text, never as tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page
    assert "<strong>vet</strong>" in page


def test_bad_input_on_the_editor_is_an_error_not_a_500(world: World, alice_client: Client) -> None:
    declaration = start_declaration(world.school, "2026-2027", world.alice)
    url = reverse("engagement:edit", args=[world.school.id, declaration.id])
    response = alice_client.post(url, edit_data(declaration, title="", **{"oudercontact-school_offers": "x" * 7000}))
    assert response.status_code == 200
    assert declaration.versions.count() == 1
    assert response.content.decode().count('class="errorlist') >= 2


def test_the_team_reads_but_does_not_edit(world: World, bob_client: Client) -> None:
    declaration = start_declaration(world.school, "2026-2027", world.alice)
    assert bob_client.get(reverse("engagement:declaration", args=[world.school.id, declaration.id])).status_code == 200
    assert bob_client.get(reverse("engagement:edit", args=[world.school.id, declaration.id])).status_code == 403
    assert (
        bob_client.post(reverse("engagement:step", args=[world.school.id, declaration.id, "consult"])).status_code
        == 403
    )


def test_beside_each_domain_the_latest_round_and_the_related_actions(world: World, alice_client: Client) -> None:
    declaration = start_declaration(world.school, "2026-2027", world.alice)
    action = Action.objects.create(school=world.school, round=world.round, title="Oudercafé op vrijdagavond")
    action.dimensions.add(Dimension.objects.get(key="tijd"))
    other = Action.objects.create(school=world.school, round=world.round, title="Rekenclub")
    other.dimensions.add(Dimension.objects.get(key="rationeel"))
    page = alice_client.get(reverse("engagement:edit", args=[world.school.id, declaration.id])).content.decode()
    oudercontact = page[page.index('id="edit-oudercontact"') : page.index('id="edit-aanwezigheid"')]
    assert "Oudercafé op vrijdagavond" in oudercontact and "Rekenclub" not in oudercontact
    nederlands = page[page.index('id="edit-nederlands"') :]
    assert "Competentie" in nederlands  # every page speaks Dutch unless someone chose another language


@pytest.mark.parametrize(("members", "team_shown"), [(4, False), (5, True)])
def test_the_teams_figures_beside_a_domain_follow_the_rule_of_five(
    world: World, alice_client: Client, members: int, team_shown: bool
) -> None:
    """Parent representatives and the schoolraad read this page: a team of four would be four people's figures."""
    team = [world.alice, world.bob] + [make_user(f"Lid {n}", f"lid{n}@example.org") for n in range(members - 2)]
    for user in team[2:]:
        Membership.objects.create(school=world.school, user=user, role=Role.TEAM)
    invite_to_round(world.round, team[2:])
    for user in team:
        answer_everything(world.round, user, random.Random(len(user.email)))
    declaration = start_declaration(world.school, "2026-2027", world.alice)
    page = alice_client.get(reverse("engagement:edit", args=[world.school.id, declaration.id])).content.decode()
    table = page[page.index('id="edit-oudercontact"') : page.index('id="edit-aanwezigheid"')]
    team_cells = [row.split("<td>")[2].split("</td>")[0] for row in table.split("<tr>")[2:] if "<td>" in row]
    assert team_cells, table
    hidden = in_dutch("fewer than 5")
    assert all((hidden not in cell) == team_shown for cell in team_cells), team_cells


def test_version_changes_show_what_was_removed_and_added(world: World, alice_client: Client) -> None:
    declaration = start_declaration(world.school, "2026-2027", world.alice)
    original = version_text(latest_version(declaration)).domains["oudercontact"].school_offers
    changed = original.replace("vaste momenten", "drie vaste momenten")
    alice_client.post(
        reverse("engagement:edit", args=[world.school.id, declaration.id]),
        edit_data(declaration, **{"oudercontact-school_offers": changed}),
    )
    page = alice_client.get(reverse("engagement:version", args=[world.school.id, declaration.id, 2])).content.decode()
    assert "drie" in page.split("<ins>", 1)[1].split("</ins>", 1)[0]
    versions = alice_client.get(reverse("engagement:versions", args=[world.school.id, declaration.id])).content.decode()
    assert reverse("engagement:version", args=[world.school.id, declaration.id, 2]) in versions
    assert alice_client.get(reverse("engagement:version", args=[world.school.id, declaration.id, 9])).status_code == 404


def test_last_years_evaluation_is_offered_also_when_starting_from_the_template(
    world: World, alice_client: Client
) -> None:
    last_year = start_declaration(world.school, "2025-2026", world.alice)
    DomainEvaluation.objects.create(
        declaration=last_year, school=world.school, domain="nederlands", delivered="no", learned="Geen taalbad gestart."
    )
    declaration = start(alice_client, world, "2026-2027", "template")
    assert declaration.previous is None
    page = alice_client.get(reverse("engagement:edit", args=[world.school.id, declaration.id])).content.decode()
    assert "Geen taalbad gestart." in page[page.index('id="edit-nederlands"') :]
