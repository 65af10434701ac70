"""Finding 7d: password-reset e-mails are throttled per address and per recipient."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import PasswordResetRequest
from accounts.password_reset_throttle import PER_ADDRESS, PER_RECIPIENT, address_group
from tests.helpers.mail import sent_by_the_worker
from tests.helpers.world import World

RESET = reverse("accounts:password_reset")
SENT = reverse("accounts:password_reset_done")


def _ask(email: str, address: str) -> int:
    with sent_by_the_worker():
        response = Client().post(RESET, {"email": email}, REMOTE_ADDR=address)
    if response.status_code == 302:
        assert response["Location"] == SENT
    return response.status_code


def test_one_recipient_gets_a_few_mails_an_hour_and_the_page_does_not_tell(world: World) -> None:
    # Each request from another address: only the recipient limit applies.
    statuses = [_ask("alice@example.org", f"192.0.2.{n}") for n in range(PER_RECIPIENT + 3)]
    assert statuses == [302] * (PER_RECIPIENT + 3)  # the same answer as when the mail went out
    assert len(mail.outbox) == PER_RECIPIENT
    assert _ask("bob@example.org", "192.0.2.99") == 302
    assert len(mail.outbox) == PER_RECIPIENT + 1  # another recipient is not affected


def test_one_address_asks_only_so_often_then_429(world: World) -> None:
    recipients = [f"someone{n}@example.org" for n in range(PER_ADDRESS)]
    assert [_ask(email, "198.51.100.7") for email in recipients] == [302] * PER_ADDRESS
    assert _ask("alice@example.org", "198.51.100.7") == 429
    assert mail.outbox == []  # alice got nothing from the throttled address
    assert _ask("alice@example.org", "198.51.100.8") == 302
    assert len(mail.outbox) == 1


def test_an_ipv6_home_is_one_address(world: World) -> None:
    assert address_group("2001:db8:1:2:aaaa::1") == address_group("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::/64"
    for n in range(PER_ADDRESS):
        assert _ask(f"x{n}@example.org", f"2001:db8:1:2::{n + 1:x}") == 302
    assert _ask("alice@example.org", "2001:db8:1:2:ffff::1") == 429
    assert _ask("alice@example.org", "2001:db8:1:3::1") == 302


@pytest.mark.django_db
def test_the_throttle_stores_no_address_and_no_e_mail() -> None:
    _ask("alice@example.org", "203.0.113.5")
    stored = PasswordResetRequest.objects.get()
    assert "203.0.113.5" not in (stored.address_digest + stored.recipient_digest)
    assert "alice" not in stored.recipient_digest
