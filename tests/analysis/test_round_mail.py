"""The team's e-mails of a round, written by the worker in each recipient's language: the invitation to answer
when a round starts or a member is added, and the reminder the coordinator sends, only to those who did not hand
in, after confirming how many, at most once an hour."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import formats, translation

from accounts.models import User
from analysis.models import RoundReminder, TeamResponse, Voice
from analysis.round_mail import REMINDER_INTERVAL
from analysis.rounds import start_round, submit_response
from analysis.windows import close_voice
from tests.helpers.mail import sent_by_the_worker
from tests.helpers.world import World


def _english(user: User) -> None:
    User.objects.filter(pk=user.pk).update(language="en")


def _mail_to(email: str) -> mail.EmailMessage:
    [message] = [message for message in mail.outbox if message.to == [email]]
    return message


def test_starting_a_round_invites_the_team_but_not_the_one_who_starts_it(world: World, dave: User) -> None:
    _english(dave)
    with sent_by_the_worker():
        round_ = start_round(
            world.school,
            world.alice,
            "Voorjaar",
            "whole_school",
            "",
            date(2027, 3, 1),
            date(2027, 4, 30),
            [world.alice, world.bob, dave],
        )
    assert sorted(message.to[0] for message in mail.outbox) == ["bob@example.org", "dave@example.org"]
    link = f"http://127.0.0.1:8000/s/{world.school.id}/rounds/{round_.id}/"
    english, dutch = _mail_to("dave@example.org"), _mail_to("bob@example.org")
    with translation.override("en"):
        until = formats.date_format(date(2027, 4, 30), "DATE_FORMAT")
    assert english.subject == "Your view, please: Voorjaar at De Regenboog"
    assert f"Please hand in your answers by {until}:\n{link}\n" in english.body
    assert "because Alice Coördinator invited you to this round" in english.body
    assert dutch.subject == "Jouw kijk gevraagd: Voorjaar in De Regenboog"
    assert link in dutch.body and "30 april 2027" in dutch.body


def test_adding_a_member_to_a_round_invites_only_the_new_one(world: World, alice_client: Client, dave: User) -> None:
    with sent_by_the_worker():
        response = alice_client.post(
            reverse("analysis:round", args=[world.school.id, world.round.id]), {"invitees": [dave.pk]}
        )
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["dave@example.org"]]
    assert mail.outbox[0].subject == "Jouw kijk gevraagd: Oudercontact in De Regenboog"


@pytest.fixture
def bob_handed_in_dave_did_not(world: World, dave: User) -> User:
    TeamResponse.objects.create(school=world.school, round=world.round, user=dave)
    submit_response(TeamResponse.objects.get(round=world.round, user=world.bob))
    _english(dave)
    return dave


REMINDER_OF = "analysis:reminder"


def test_the_coordinator_confirms_how_many_then_only_those_who_did_not_hand_in_get_it(
    world: World, alice_client: Client, bob_handed_in_dave_did_not: User
) -> None:
    url = reverse(REMINDER_OF, args=[world.school.id, world.round.id])
    confirm = alice_client.get(url)
    assert confirm.status_code == 200
    assert [person.email for person in confirm.context["recipients"]] == ["alice@example.org", "dave@example.org"]
    assert "2 teamleden die nog niet indienden krijgen een e-mail" in confirm.content.decode()
    assert mail.outbox == [] and not RoundReminder.objects.exists()  # the page itself sends nothing

    with sent_by_the_worker():
        response = alice_client.post(url)
    assert response.status_code == 302
    assert sorted(message.to[0] for message in mail.outbox) == ["alice@example.org", "dave@example.org"]
    english = _mail_to("dave@example.org")
    assert english.subject == "Reminder: your answers for Oudercontact at De Regenboog"
    assert "Reminders go only when a coordinator asks, at most once an hour." in english.body
    assert _mail_to("alice@example.org").subject == "Herinnering: jouw antwoorden voor Oudercontact in De Regenboog"

    reminder = RoundReminder.objects.get()
    assert (reminder.round, reminder.sent_by, reminder.recipients) == (world.round, world.alice, 2)
    page = alice_client.get(reverse("analysis:round", args=[world.school.id, world.round.id])).content.decode()
    assert "naar 2 personen." in page and "hoogstens één keer per uur" in page
    assert 'id="reminder-link"' not in page  # not again within the hour


def test_a_second_reminder_within_the_hour_is_refused_and_an_hour_later_it_goes(
    world: World, alice_client: Client, bob_handed_in_dave_did_not: User
) -> None:
    url = reverse(REMINDER_OF, args=[world.school.id, world.round.id])
    with sent_by_the_worker():
        alice_client.post(url)
    mail.outbox.clear()
    with sent_by_the_worker():
        response = alice_client.post(url, follow=True)
    assert "minder dan een uur geleden" in response.content.decode()
    assert mail.outbox == [] and RoundReminder.objects.count() == 1

    RoundReminder.objects.update(sent_at=RoundReminder.objects.get().sent_at - REMINDER_INTERVAL - timedelta(seconds=1))
    with sent_by_the_worker():
        alice_client.post(url)
    assert len(mail.outbox) == 2 and RoundReminder.objects.count() == 2


def test_a_team_member_cannot_send_a_reminder(world: World, bob_client: Client) -> None:
    url = reverse(REMINDER_OF, args=[world.school.id, world.round.id])
    assert bob_client.get(url).status_code == 403
    with sent_by_the_worker():
        assert bob_client.post(url).status_code == 403
    assert mail.outbox == [] and not RoundReminder.objects.exists()


def test_an_outsider_gets_404(world: World, charlie_client: Client) -> None:
    assert charlie_client.post(reverse(REMINDER_OF, args=[world.school.id, world.round.id])).status_code == 404


def test_nobody_is_reminded_once_the_team_reflection_is_closed(world: World, alice_client: Client) -> None:
    close_voice(world.round, Voice.TEAM)
    with sent_by_the_worker():
        response = alice_client.post(reverse(REMINDER_OF, args=[world.school.id, world.round.id]), follow=True)
    assert "Er is niemand om te herinneren" in response.content.decode()
    assert mail.outbox == [] and not RoundReminder.objects.exists()


def test_a_former_member_who_left_is_not_reminded(world: World, alice_client: Client) -> None:
    User.objects.filter(pk=world.bob.pk).update(is_active=False)
    with sent_by_the_worker():
        alice_client.post(reverse(REMINDER_OF, args=[world.school.id, world.round.id]))
    assert [message.to for message in mail.outbox] == [["alice@example.org"]]
