"""An invitation into a school is written and sent by the worker: in the inviter's language for a newcomer,
in their own staff language for someone who already has an account, and not at all once withdrawn."""

import re

from django.conf import settings
from django.core import mail
from django.test import Client, TestCase
from django.urls import reverse

from accounts.models import User
from schools.invitations import invitation_token
from schools.models import Invitation
from tests.helpers.database_scan import places_holding
from tests.helpers.mail import sent_by_the_worker
from tests.helpers.worker import run_worker
from tests.helpers.world import World, make_user


def _invite(client: Client, world: World, email: str) -> None:
    response = client.post(reverse("schools:members", args=[world.school.id]), {"email": email, "role": "team"})
    assert response.status_code == 302


def test_nothing_is_sent_during_the_request_and_the_worker_sends_it(world: World, alice_client: Client) -> None:
    with sent_by_the_worker():
        _invite(alice_client, world, "dirk@example.org")
        assert mail.outbox == []
    [message] = mail.outbox
    assert message.to == ["dirk@example.org"] and message.from_email == settings.DEFAULT_FROM_EMAIL
    assert message.subject == "Je bent uitgenodigd voor De Regenboog op Betrokken"
    assert re.search(r"http://testserver/invitations/\S+/", message.body)
    assert message.body.rstrip().endswith(
        "Je krijgt deze e-mail omdat een coördinator van De Regenboog dit adres uitnodigde. "
        "Wil je niet meedoen, negeer hem dan."
    )
    assert message.alternatives == []  # plain text only, nothing to track


def test_a_newcomer_reads_the_language_the_inviter_used_when_inviting(world: World, alice_client: Client) -> None:
    alice_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with sent_by_the_worker():
        _invite(alice_client, world, "dirk@example.org")
        alice_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"  # a later switch does not change it
    [message] = mail.outbox
    assert message.subject == "You are invited to De Regenboog on Betrokken"
    assert "You get this e-mail because a coordinator of De Regenboog invited this address." in message.body


def test_someone_with_an_account_reads_their_own_language(world: World, alice_client: Client) -> None:
    make_user("Eve Engels", "eve@example.org")
    User.objects.filter(email="eve@example.org").update(language="en")
    with sent_by_the_worker():
        _invite(alice_client, world, "Eve@Example.org")  # Alice's pages are Dutch
    assert [message.subject for message in mail.outbox] == ["You are invited to De Regenboog on Betrokken"]


def test_an_invitation_withdrawn_before_the_worker_ran_is_not_sent(world: World, alice_client: Client) -> None:
    with sent_by_the_worker():
        _invite(alice_client, world, "dirk@example.org")
        invitation = Invitation.objects.get(email="dirk@example.org")
        alice_client.post(reverse("schools:revoke_invitation", args=[world.school.id, invitation.id]))
        assert not Invitation.objects.filter(pk=invitation.pk).exists()
    assert mail.outbox == []


def test_the_queue_never_holds_a_working_link(world: World, alice_client: Client) -> None:
    with TestCase.captureOnCommitCallbacks(execute=True):
        _invite(alice_client, world, "dirk@example.org")
    invitation = Invitation.objects.get(email="dirk@example.org")
    token = invitation_token(invitation.pk)
    assert places_holding({str(invitation.pk)}) != []  # the task is queued with the invitation's id, and found
    assert places_holding({token}) == []  # but not with the link: the worker writes it
    run_worker()
    assert f"http://testserver/invitations/{token}/" in mail.outbox[0].body
    assert places_holding({token}) == []
