"""Issue 15 follow-up: anyone may create an organisation, but a school finds, invites and shares with it only once
the site's administrators verified it in the Django admin (who and when recorded), so nobody poses as "Atlas"."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from accounts.models import User
from organisations.links import invite_organisation, share_round
from organisations.models import Organisation, SchoolLink, SharedRound
from organisations.staff import register_organisation
from organisations.verification import OrganisationNotVerified
from tests.helpers.migrations import migrate_to, migrate_to_latest
from tests.helpers.world import World, in_dutch, make_user
from tests.organisations.regional_data import closed_round, organisation_with_coach

NOTICE = (
    "This organisation is waiting for the site's administrators to verify it. Until then no school can find or "
    "invite it, and nothing can be shared with it. You can already invite your staff."
)


def impostor() -> tuple[Organisation, User]:
    """Someone registers "Atlas" with an ordinary account: the organisation exists, unverified."""
    person = make_user("Ivo Postor", "ivo@example.org")
    return register_organisation("Atlas", "integration", None, person), person


def site_admin_client() -> tuple[Client, User]:
    admin = User.objects.create_superuser("beheer@example.org", None, name="Beheerder")
    client = Client()
    client.force_login(admin)
    return client, admin


def test_a_school_is_offered_only_verified_organisations(world: World, alice_client: Client) -> None:
    fake, _person = impostor()
    real, _coach = organisation_with_coach("Atlas Antwerpen")
    page = alice_client.get(reverse("organisations:school_links", args=[world.school.id])).content.decode()
    assert f'value="{real.id}"' in page
    assert f'value="{fake.id}"' not in page


def test_a_forged_post_cannot_invite_an_unverified_organisation(world: World, alice_client: Client) -> None:
    fake, _person = impostor()
    url = reverse("organisations:school_links", args=[world.school.id])
    response = alice_client.post(url, {"organisation": fake.id, "school_year": "2026-2027"})
    assert response.status_code == 200  # the form again, with its error
    assert response.context["form"].errors["organisation"]
    assert not SchoolLink.objects.exists()
    with pytest.raises(OrganisationNotVerified):  # the domain refuses too, whoever calls it
        invite_organisation(world.school, fake, "2026-2027", False, world.alice)
    assert not SchoolLink.objects.exists()


def test_nothing_is_shared_with_an_unverified_organisation(world: World, alice_client: Client) -> None:
    fake, _person = impostor()
    round_ = closed_round("De Regenboog", school=world.school)
    # A link made before organisations were verified (the migration left them all unverified).
    link = SchoolLink.objects.create(school=world.school, organisation=fake, school_year="2026-2027")
    assert share_round(link, round_, world.alice) is False
    url = reverse("organisations:share_round", args=[world.school.id, link.id, round_.id])
    assert alice_client.post(url, {"confirmed": "on"}).status_code == 404
    assert not SharedRound.objects.exists()
    page = alice_client.get(reverse("organisations:link", args=[world.school.id, link.id])).content.decode()
    assert (
        escape(
            in_dutch("The site's administrators have not verified this organisation: nothing can be shared with it.")
        )
        in page
    )
    assert url not in page  # no share button


def test_an_unverified_organisations_pages_say_why(world: World) -> None:
    fake, person = impostor()
    client = world.client_for(person)
    for name in ("overview", "staff"):
        page = client.get(reverse(f"organisations:{name}", args=[fake.id])).content.decode()
        assert escape(in_dutch(NOTICE)) in page, name
    export = client.get(reverse("organisations:export", args=[fake.id]))
    assert export.status_code == 302 and export["Location"] == reverse("organisations:overview", args=[fake.id])
    listed = client.get(reverse("organisations:list")).content.decode()
    assert in_dutch("waiting for verification") in listed


def test_a_verified_organisations_pages_have_no_notice(world: World) -> None:
    real, coach = organisation_with_coach("Atlas Antwerpen")
    page = world.client_for(coach).get(reverse("organisations:overview", args=[real.id])).content.decode()
    assert escape(in_dutch(NOTICE)) not in page


def test_verifying_in_the_admin_records_who_and_when_and_makes_it_appear(world: World, alice_client: Client) -> None:
    fake, _person = impostor()
    real, _coach = organisation_with_coach("Atlas Antwerpen")
    client, admin = site_admin_client()
    changelist = reverse("admin:organisations_organisation_changelist")
    waiting = client.get(changelist, {"verified__exact": "0"}).context["cl"].result_list
    assert list(waiting) == [fake]
    response = client.post(changelist, {"action": "verify", "_selected_action": [str(fake.pk)]})
    assert response.status_code == 302
    fake.refresh_from_db()
    assert fake.verified and fake.verified_by == admin and fake.verified_at is not None
    assert list(client.get(changelist, {"verified__exact": "0"}).context["cl"].result_list) == []
    real_before = Organisation.objects.values_list("verified_by", "verified_at").get(pk=real.pk)
    client.post(changelist, {"action": "verify", "_selected_action": [str(real.pk)]})  # already verified: kept
    assert Organisation.objects.values_list("verified_by", "verified_at").get(pk=real.pk) == real_before
    page = alice_client.get(reverse("organisations:school_links", args=[world.school.id])).content.decode()
    assert f'value="{fake.id}"' in page


def test_the_admin_form_cannot_set_verified_without_the_action(world: World) -> None:
    fake, _person = impostor()
    client, _admin = site_admin_client()
    url = reverse("admin:organisations_organisation_change", args=[fake.pk])
    response = client.post(url, {"name": "Atlas (renamed)", "kind": "integration", "verified": "on"})
    assert response.status_code == 302  # saved
    fake.refresh_from_db()
    assert fake.name == "Atlas (renamed)" and not fake.verified


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_existing_organisations_unverified() -> None:
    old = migrate_to([("organisations", "0001_initial")])
    kept = old.get_model("organisations", "Organisation").objects.create(name="Atlas", kind="integration")
    new = migrate_to([("organisations", "0002_organisation_verification")])
    row = new.get_model("organisations", "Organisation").objects.get(pk=kept.pk)
    assert (row.name, row.verified, row.verified_at, row.verified_by_id) == ("Atlas", False, None, None)
    migrate_to_latest()
