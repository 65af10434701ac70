"""The weekly summary: off by default; a chore of the worker sends each subscriber one e-mail a week, in their
staff language, with their schools' open rounds (counts as the round's page shows them, 1–4 parents as "fewer
than 5"), new consultation comments and actions due; it says why it comes and how to stop it."""

from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.models import User
from actions.models import Action
from digest.models import DigestDelivery
from digest.sending import queue_due_digests
from engagement.consultation.commenting import add_comment
from engagement.drafting import start_declaration, take_step
from jobs.schedule import registered_chores
from tests.helpers.hand_ins import parent_answers_in
from tests.helpers.mail import sent_by_the_worker
from tests.helpers.world import World

WEEK = timedelta(days=7)


def _subscribe(user: User, language: str) -> None:
    User.objects.filter(pk=user.pk).update(weekly_digest=True, language=language)


def _digest_to(email: str) -> str:
    [message] = [message for message in mail.outbox if message.to == [email]]
    return message.body


def _week(now: datetime) -> None:
    with sent_by_the_worker():
        queue_due_digests(now)


def test_the_digest_is_a_chore_of_the_worker() -> None:
    assert "digest.weekly" in [chore.name for chore in registered_chores()]


def test_only_subscribers_get_it_each_in_their_language(world: World, dave: User) -> None:
    _subscribe(world.alice, "en")
    _subscribe(world.bob, "nl")
    _week(timezone.now())
    assert sorted(message.to[0] for message in mail.outbox) == ["alice@example.org", "bob@example.org"]
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {"alice@example.org": "Your week on Betrokken", "bob@example.org": "Jouw week op Betrokken"}
    english = _digest_to("alice@example.org")
    assert "De Regenboog\n============\nOpen round Oudercontact (2 team members invited)\n" in english
    assert "Het Anker" not in english  # only her own schools
    assert english.rstrip().endswith(
        "You get this e-mail because you asked for a weekly summary. To stop it, switch it off under "
        "My e-mail: http://127.0.0.1:8000/accounts/email/"
    )
    assert "Open ronde Oudercontact (2 teamleden uitgenodigd)" in _digest_to("bob@example.org")
    assert all(message.alternatives == [] for message in mail.outbox)


def test_parents_counts_follow_the_round_page_and_the_rule_of_five(world: World) -> None:
    _subscribe(world.alice, "en")
    for _ in range(3):
        parent_answers_in(world, "nl", 4)
    _week(timezone.now())
    body = _digest_to("alice@example.org")
    assert "- The team's reflection: 0 handed in, 0 busy\n" in body
    assert "- The parents' voice: 0 handed in, fewer than 5 busy\n" in body
    assert "3 busy" not in body
    assert "Bob Leraar" not in body and "Alice" not in body  # counts, never who


def test_one_a_week_and_the_next_a_week_later(world: World) -> None:
    _subscribe(world.bob, "nl")
    now = timezone.now()
    _week(now)
    _week(now + timedelta(days=6, hours=23))
    assert len(mail.outbox) == 1
    _week(now + WEEK)
    assert len(mail.outbox) == 2
    assert DigestDelivery.objects.get(user=world.bob).last_sent_at == now + WEEK


def test_switching_off_before_the_worker_sends_stops_it(world: World) -> None:
    _subscribe(world.bob, "nl")
    with sent_by_the_worker():
        queue_due_digests(timezone.now())
        User.objects.filter(pk=world.bob.pk).update(weekly_digest=False)
    assert mail.outbox == []


def test_actions_due_all_for_the_coordinator_own_for_a_team_member(world: World) -> None:
    _subscribe(world.alice, "nl")
    _subscribe(world.bob, "nl")
    soon = timezone.localdate() + timedelta(days=3)
    Action.objects.create(school=world.school, round=world.round, title="Koffiemoment", owner=world.bob, due_on=soon)
    Action.objects.create(school=world.school, round=world.round, title="Infoavond", owner=world.alice, due_on=soon)
    Action.objects.create(
        school=world.school, round=world.round, title="Later", owner=world.bob, due_on=soon + timedelta(days=30)
    )
    _week(timezone.now())
    coordinator, member = _digest_to("alice@example.org"), _digest_to("bob@example.org")
    assert "Acties die de komende week klaar moeten zijn:" in coordinator
    assert "- Infoavond" in coordinator and "- Koffiemoment" in coordinator and "Later" not in coordinator
    assert "- Koffiemoment" in member and "Infoavond" not in member


def test_new_consultation_comments_are_counted(world: World) -> None:
    _subscribe(world.alice, "en")
    declaration = start_declaration(world.school, "2026-2027", world.alice)
    take_step(declaration, "consult")
    add_comment(declaration, "general", world.bob, "Graag eenvoudiger taal.")
    _week(timezone.now())
    assert "Engagementsverklaring: 1 new comment this week." in _digest_to("alice@example.org")


@pytest.mark.django_db
def test_nobody_subscribed_nothing_sent() -> None:
    _week(timezone.now())
    assert mail.outbox == [] and not DigestDelivery.objects.exists()
