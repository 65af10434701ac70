"""Signing up, logging in, resetting a password, creating a school and inviting people."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from schools.models import Invitation, Membership, Role, School
from tests.helpers.mail import sent_by_the_worker
from tests.helpers.world import PASSWORD, World, make_user


@pytest.mark.django_db
def test_signup_hashes_the_password_with_argon2_and_logs_in() -> None:
    client = Client()
    response = client.post(
        reverse("accounts:signup"), {"name": "An", "email": "An@Example.org", "password": "een-lang-wachtwoord"}
    )
    assert response.status_code == 302
    user = User.objects.get(email="an@example.org")
    assert user.password.startswith("argon2")
    assert client.get(reverse("schools:home")).status_code == 200


@pytest.mark.django_db
def test_signup_refuses_a_weak_password_and_a_taken_address() -> None:
    make_user("Taken", "taken@example.org")
    response = Client().post(
        reverse("accounts:signup"), {"name": "X", "email": "taken@example.org", "password": "1234"}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "email" in form.errors and "password" in form.errors
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_login_with_email_and_password() -> None:
    make_user("Ann", "ann@example.org")
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": "ann@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("schools:home")).status_code == 200


@pytest.mark.django_db
def test_login_is_rate_limited_after_five_failures() -> None:
    make_user("Ann", "ann@example.org")
    client = Client()
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": "ann@example.org", "password": "wrong"})
    response = client.post(reverse("accounts:login"), {"username": "ann@example.org", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_password_reset_by_email() -> None:
    make_user("Ann", "ann@example.org")
    client = Client()
    with sent_by_the_worker():
        client.post(reverse("accounts:password_reset"), {"email": "ann@example.org"})
        assert mail.outbox == []  # the worker writes it
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/password-reset/\S+/)", mail.outbox[0].body)
    assert link is not None
    response = client.get(link.group(1), follow=True)
    new = "een-nieuw-wachtwoord-2026"
    response = client.post(response.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    assert User.objects.get(email="ann@example.org").check_password(new)


@pytest.mark.django_db
def test_creating_a_school_makes_you_its_coordinator() -> None:
    user = make_user("Ann", "ann@example.org")
    client = Client()
    client.force_login(user)
    response = client.post(reverse("schools:create"), {"name": "Sint-Jozef", "town": "Brugge"})
    school = School.objects.get(name="Sint-Jozef")
    assert response["Location"] == reverse("results:dashboard", args=[school.id])
    assert Membership.objects.get(school=school, user=user).role == Role.COORDINATOR


def test_invitation_by_email_link_joins_the_school_in_its_role(world: World, alice_client: Client) -> None:
    with sent_by_the_worker():
        response = alice_client.post(
            reverse("schools:members", args=[world.school.id]), {"email": "Dirk@Example.org", "role": Role.COACH}
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="dirk@example.org")
    assert len(invitation.token_hash) == 64
    link = re.search(r"http://testserver(/invitations/\S+/)", mail.outbox[0].body)
    assert link is not None and link.group(1).split("/")[2] not in invitation.token_hash  # only the hash is stored

    dirk = make_user("Dirk Coach", "dirk@example.org")
    client = world.client_for(dirk)
    assert client.get(link.group(1)).status_code == 200
    response = client.post(link.group(1))
    assert response.status_code == 302
    assert Membership.objects.get(school=world.school, user=dirk).role == Role.COACH
    assert client.get(link.group(1)).status_code == 404  # used once


def test_invitation_for_another_address_is_refused(world: World, alice_client: Client) -> None:
    with sent_by_the_worker():
        alice_client.post(
            reverse("schools:members", args=[world.school.id]), {"email": "dirk@example.org", "role": "team"}
        )
    link = re.search(r"http://testserver(/invitations/\S+/)", mail.outbox[0].body)
    assert link is not None
    client = world.client_for(world.charlie)
    client.post(link.group(1))
    assert not Membership.objects.filter(school=world.school, user=world.charlie).exists()


def test_inviting_an_existing_member_says_so(world: World, alice_client: Client) -> None:
    response = alice_client.post(
        reverse("schools:members", args=[world.school.id]), {"email": "bob@example.org", "role": "team"}
    )
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert not Invitation.objects.exists()


def test_withdrawing_an_invitation(world: World, alice_client: Client) -> None:
    alice_client.post(reverse("schools:members", args=[world.school.id]), {"email": "x@example.org", "role": "team"})
    invitation = Invitation.objects.get()
    url = reverse("schools:revoke_invitation", args=[world.school.id, invitation.id])
    assert alice_client.get(url).status_code == 405
    assert alice_client.post(url).status_code == 302
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_login_ignores_the_case_of_the_address() -> None:
    make_user("Ann", "ann@example.org")
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": " Ann@Example.ORG ", "password": PASSWORD})
    assert response.status_code == 302
