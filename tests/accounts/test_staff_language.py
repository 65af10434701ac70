"""Each person has a staff language: kept when they switch in the header or on "My e-mail", and the one their
e-mails are written in (here the password reset, written by the worker)."""

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.helpers.mail import sent_by_the_worker
from tests.helpers.world import PASSWORD, World, make_user


def test_a_new_person_is_dutch_and_gets_no_weekly_summary(world: World) -> None:
    assert (world.alice.language, world.alice.weekly_digest) == ("nl", False)


def test_switching_in_the_header_keeps_the_language_on_the_account(world: World, bob_client: Client) -> None:
    response = bob_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"  # Django's own switch still works
    world.bob.refresh_from_db()
    assert world.bob.language == "en"
    bob_client.post(reverse("set_language"), {"language": "nl", "next": "/"})
    world.bob.refresh_from_db()
    assert world.bob.language == "nl"


def test_a_language_that_is_no_staff_language_is_not_kept(world: World, bob_client: Client) -> None:
    bob_client.post(reverse("set_language"), {"language": "ar", "next": "/"})
    world.bob.refresh_from_db()
    assert world.bob.language == "nl"


@pytest.mark.django_db
def test_switching_without_an_account_stores_nothing_and_still_switches() -> None:
    response = Client().post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert not User.objects.exclude(language="nl").exists()


def test_my_email_page_is_in_the_menu_and_keeps_language_and_summary(world: World, bob_client: Client) -> None:
    url = reverse("accounts:email_settings")
    assert f'href="{url}"' in bob_client.get(reverse("schools:home")).content.decode()
    page = bob_client.get(url)
    assert page.status_code == 200 and page.context["form"].initial == {"language": "nl", "weekly_digest": False}
    response = bob_client.post(url, {"language": "en", "weekly_digest": "on"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"  # the pages follow the choice too
    world.bob.refresh_from_db()
    assert (world.bob.language, world.bob.weekly_digest) == ("en", True)
    bob_client.post(url, {"language": "nl"})  # an unticked box switches the summary off
    world.bob.refresh_from_db()
    assert (world.bob.language, world.bob.weekly_digest) == ("nl", False)


def test_my_email_page_refuses_another_language(world: World, bob_client: Client) -> None:
    response = bob_client.post(reverse("accounts:email_settings"), {"language": "xx"})
    assert response.status_code == 200 and "language" in response.context["form"].errors
    world.bob.refresh_from_db()
    assert world.bob.language == "nl"


def test_my_email_page_needs_a_login(db: None) -> None:
    response = Client().get(reverse("accounts:email_settings"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


@pytest.mark.django_db
def test_the_password_reset_is_written_by_the_worker_in_the_account_language() -> None:
    make_user("Ann", "ann@example.org")
    User.objects.filter(email="ann@example.org").update(language="en")
    make_user("Jan", "jan@example.org")
    with sent_by_the_worker():
        for email in ("ann@example.org", "jan@example.org"):
            # The asker's browser is Dutch for both: the account's language decides.
            Client().post(reverse("accounts:password_reset"), {"email": email}, HTTP_ACCEPT_LANGUAGE="nl")
        assert mail.outbox == []  # nothing is sent while the page answers
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        "ann@example.org": "Choose a new password for Betrokken",
        "jan@example.org": "Kies een nieuw wachtwoord voor Betrokken",
    }
    english = next(message for message in mail.outbox if message.to == ["ann@example.org"])
    assert "/accounts/password-reset/" in english.body
    assert english.body.rstrip().endswith(
        "You get this e-mail because someone asked for a new password for this address on Betrokken."
    )
    assert english.alternatives == []  # plain text only


def test_logging_in_brings_back_the_staff_language(world: World) -> None:
    User.objects.filter(pk=world.bob.pk).update(language="en")
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": "bob@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert '<html lang="en"' in client.get(reverse("schools:home")).content.decode()


def test_a_failed_login_sets_no_language(world: World) -> None:
    response = Client().post(reverse("accounts:login"), {"username": "bob@example.org", "password": "wrong"})
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
