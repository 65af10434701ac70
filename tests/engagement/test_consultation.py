"""The consultation: comments per domain and answers, adoption with the schoolraad's date, publication."""

import re
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from engagement.drafting import change_text, latest_version, start_declaration, take_step, version_text
from engagement.models import Declaration, DeclarationState, DomainComment, DomainEvaluation, PublishedVersionIsFrozen
from engagement.texts import DeclarationText
from schools.models import Membership, Role
from tests.helpers.world import World, make_user

pytestmark = pytest.mark.django_db


def member(world: World, name: str, role: str) -> User:
    user = make_user(name, f"{role}@example.org")
    Membership.objects.create(school=world.school, user=user, role=role)
    return user


@pytest.fixture
def in_consultation(world: World) -> Declaration:
    declaration = start_declaration(world.school, "2026-2027", world.alice)
    take_step(declaration, "consult")
    return declaration


def url(name: str, declaration: Declaration, *extra: object) -> str:
    return reverse(f"engagement:{name}", args=[declaration.school_id, declaration.id, *extra])


@pytest.mark.parametrize("role", [Role.PARENT_REP, Role.SCHOOLRAAD])
def test_parent_reps_and_schoolraad_members_comment_per_domain(
    world: World, in_consultation: Declaration, role: str
) -> None:
    client = world.client_for(member(world, "Fatima Ouder", role))
    response = client.post(
        url("comment", in_consultation), {"domain": "oudercontact", "body": "Kan het ook 's avonds?"}
    )
    assert response.status_code == 302
    comment = DomainComment.objects.get()
    assert (comment.domain, comment.version.number, comment.author.name) == ("oudercontact", 1, "Fatima Ouder")
    page = client.get(url("declaration", in_consultation)).content.decode()
    section = page[page.index('id="domain-section-oudercontact"') : page.index('id="domain-section-aanwezigheid"')]
    assert "Kan het ook &#x27;s avonds?" in section
    assert client.get(url("edit", in_consultation)).status_code == 403


def test_comments_only_during_the_consultation_and_never_by_a_coach(world: World) -> None:
    declaration = start_declaration(world.school, "2026-2027", world.alice)
    rep = world.client_for(member(world, "Fatima Ouder", Role.PARENT_REP))
    rep.post(url("comment", declaration), {"domain": "oudercontact", "body": "Te vroeg?"})
    assert not DomainComment.objects.exists()
    take_step(declaration, "consult")
    coach = world.client_for(member(world, "Koen Coach", Role.COACH))
    assert coach.post(url("comment", declaration), {"domain": "general", "body": "Advies"}).status_code == 403
    rep.post(url("comment", declaration), {"domain": "geen-domein", "body": "x"})
    rep.post(url("comment", declaration), {"domain": "general", "body": "   "})
    assert not DomainComment.objects.exists()


def test_the_coordinator_answers_a_comment(world: World, in_consultation: Declaration, alice_client: Client) -> None:
    rep = member(world, "Fatima Ouder", Role.PARENT_REP)
    comment = DomainComment.objects.create(
        declaration=in_consultation,
        school=world.school,
        version=latest_version(in_consultation),
        domain="nederlands",
        author=rep,
        body="Graag een tolk bij het eerste gesprek.",
    )
    alice_client.post(url("answer", in_consultation, comment.id), {"answer": "Goed idee, we passen het aan."})
    comment.refresh_from_db()
    assert comment.answer == "Goed idee, we passen het aan." and comment.answered_by == world.alice
    rep_client = world.client_for(rep)
    assert rep_client.post(url("answer", in_consultation, comment.id), {"answer": "zelf"}).status_code == 403


def test_adoption_records_the_schoolraad_meeting_date(
    world: World, in_consultation: Declaration, alice_client: Client
) -> None:
    tomorrow = timezone.localdate() + timedelta(days=1)
    alice_client.post(url("step", in_consultation, "adopt"), {"adopted_on": tomorrow.isoformat()})
    alice_client.post(url("step", in_consultation, "adopt"), {"adopted_on": "gisteren"})
    in_consultation.refresh_from_db()
    assert in_consultation.state == DeclarationState.CONSULTATION
    alice_client.post(url("step", in_consultation, "adopt"), {"adopted_on": "2026-09-15"})
    in_consultation.refresh_from_db()
    assert in_consultation.state == DeclarationState.ADOPTED
    assert in_consultation.adopted_on == date(2026, 9, 15)
    assert in_consultation.adopted_version == latest_version(in_consultation)


def test_changing_an_adopted_text_needs_the_schoolraad_again(world: World, in_consultation: Declaration) -> None:
    take_step(in_consultation, "adopt", adopted_on=date(2026, 9, 15))
    text = version_text(latest_version(in_consultation))
    change_text(
        in_consultation, DeclarationText("Nieuw", text.introduction, text.domain_titles, text.domains), world.alice, ""
    )
    in_consultation.refresh_from_db()
    assert in_consultation.state == DeclarationState.CONSULTATION


def test_publishing_asks_for_confirmation_and_freezes_the_version(
    world: World, in_consultation: Declaration, alice_client: Client
) -> None:
    take_step(in_consultation, "adopt", adopted_on=date(2026, 9, 15))
    confirm = alice_client.get(url("step", in_consultation, "publish"))
    assert confirm.status_code == 200 and 'name="confirm"' in confirm.content.decode()
    in_consultation.refresh_from_db()
    assert in_consultation.state == DeclarationState.ADOPTED
    alice_client.post(url("step", in_consultation, "publish"), {"confirm": "1"})
    in_consultation.refresh_from_db()
    published = in_consultation.published_version
    assert in_consultation.state == DeclarationState.PUBLISHED and published is not None and published.published_at
    published.title = "Stiekem anders"
    with pytest.raises(PublishedVersionIsFrozen):
        published.save()


def test_a_change_after_publishing_is_a_new_version_and_the_published_one_stays(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    published = published_declaration.published_version
    text = version_text(published)
    data = {"title": "Engagementsverklaring 2.0", "introduction": text.introduction, "change_note": ""}
    for key, domain in text.domains.items():
        data |= {
            f"{key}-title": text.domain_titles[key],
            f"{key}-school_offers": domain.school_offers,
            f"{key}-parents_commit": domain.parents_commit,
            f"{key}-pupil_commits": domain.pupil_commits,
        }
    alice_client.post(url("edit", published_declaration), data)
    published_declaration.refresh_from_db()
    assert latest_version(published_declaration).number == 2
    assert published_declaration.state == DeclarationState.DRAFT
    assert published_declaration.published_version == published
    published.refresh_from_db()
    assert published.title != "Engagementsverklaring 2.0"


def test_a_step_out_of_order_is_refused_with_a_message(world: World, alice_client: Client) -> None:
    declaration = start_declaration(world.school, "2026-2027", world.alice)
    response = alice_client.post(url("step", declaration, "publish"), {"confirm": "1"}, follow=True)
    declaration.refresh_from_db()
    assert declaration.state == DeclarationState.DRAFT and response.status_code == 200
    assert alice_client.post(url("step", declaration, "skip")).status_code == 404


def test_the_year_end_evaluation_is_saved_per_domain(
    world: World, published_declaration: Declaration, alice_client: Client, bob_client: Client
) -> None:
    response = alice_client.post(
        url("evaluation", published_declaration),
        {"oudercontact-delivered": "yes", "oudercontact-learned": "Tolken hielpen.", "nederlands-learned": "half"},
    )
    assert response.status_code == 200  # nederlands has a note but no answer: nothing is saved
    assert not DomainEvaluation.objects.exists()
    alice_client.post(
        url("evaluation", published_declaration),
        {"oudercontact-delivered": "yes", "oudercontact-learned": "Tolken hielpen."},
    )
    assert DomainEvaluation.objects.get().learned == "Tolken hielpen."
    assert "Tolken hielpen." in bob_client.get(url("evaluation", published_declaration)).content.decode()
    assert (
        bob_client.post(url("evaluation", published_declaration), {"oudercontact-delivered": "no"}).status_code == 403
    )


@pytest.mark.parametrize("role", [Role.PARENT_REP, Role.SCHOOLRAAD])
def test_parent_reps_and_schoolraad_members_see_only_pages_they_may_open(world: World, role: str) -> None:
    start_declaration(world.school, "2026-2027", world.alice)
    client = world.client_for(member(world, "Fatima Ouder", role))
    dashboard = client.get(reverse("results:dashboard", args=[world.school.id])).content.decode()
    assert reverse("engagement:declarations", args=[world.school.id]) in dashboard
    assert reverse("analysis:rounds", args=[world.school.id]) not in dashboard
    for page in (dashboard, client.get(reverse("engagement:declarations", args=[world.school.id])).content.decode()):
        for link in set(re.findall(r'href="(/s/[^"#?]+)"', page)):
            assert client.get(link).status_code == 200, link
