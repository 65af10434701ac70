"""How often a password-reset e-mail may be asked for: per address and per recipient, per hour.

Without a limit the reset form sends unlimited mail to anyone's inbox (and from our server's name), and
lets one address probe many accounts. Over the address limit the form answers 429; over the recipient
limit it answers as if it sent the mail and sends nothing, so the page never tells whether an account exists.
"""

import hashlib
import hmac
from datetime import timedelta
from enum import Enum

from django.conf import settings
from django.utils import timezone

from accounts.addresses import address_group
from accounts.models import PasswordResetRequest

WINDOW = timedelta(hours=1)
PER_ADDRESS = 10
PER_RECIPIENT = 3


class ResetVerdict(Enum):
    SEND = "send"
    ADDRESS_EXHAUSTED = "address_exhausted"
    RECIPIENT_EXHAUSTED = "recipient_exhausted"


def _digest(purpose: str, value: str) -> str:
    key = hashlib.sha256(f"betrokken:{purpose}:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def _keys(address: str, email: str) -> tuple[str, str]:
    return _digest("reset-address", address_group(address)), _digest("reset-recipient", email.strip().lower())


def reset_verdict(address: str, email: str) -> ResetVerdict:
    """Whether a reset e-mail asked for from `address` to `email` may go out now."""
    address_key, recipient_key = _keys(address, email)
    recent = PasswordResetRequest.objects.filter(requested_at__gte=timezone.now() - WINDOW)
    if recent.filter(address_digest=address_key).count() >= PER_ADDRESS:
        return ResetVerdict.ADDRESS_EXHAUSTED
    if recent.filter(recipient_digest=recipient_key).count() >= PER_RECIPIENT:
        return ResetVerdict.RECIPIENT_EXHAUSTED
    return ResetVerdict.SEND


def seconds_until_address_may_ask(address: str) -> int:
    """How long until the oldest request of this address in the window expires: the 429 page's Retry-After."""
    address_key, _recipient_key = _keys(address, "")
    now = timezone.now()
    oldest = (
        PasswordResetRequest.objects.filter(address_digest=address_key, requested_at__gte=now - WINDOW)
        .order_by("requested_at")
        .values_list("requested_at", flat=True)
        .first()
    )
    return 1 if oldest is None else max(1, int((oldest + WINDOW - now).total_seconds()))


def note_reset_request(address: str, email: str) -> None:
    """Count this request, and forget those older than the window."""
    address_key, recipient_key = _keys(address, email)
    PasswordResetRequest.objects.filter(requested_at__lt=timezone.now() - WINDOW).delete()
    PasswordResetRequest.objects.create(address_digest=address_key, recipient_digest=recipient_key)
