"""Where families find the feedback page: its public address, short enough to type from paper.

The address is `/terug/<slug>/`: one per school and round (the page belongs to one round of one school), stable
(the slug is made once with the page and never changes, so posters and letters keep working through new versions),
and unguessable (8 characters of 31 that cannot be mistaken for one another when typed: 31^8 ≈ 8.5 × 10^11), so an
unpublished page is not found by trying addresses. Posters and letters print it without the scheme, as a parent
types it, and link to it with the family's language.
"""

from django.conf import settings

from accounts.staff_mail import public_url
from feedback.models import FeedbackPage, FeedbackTranslation
from feedback.public import public_path
from respondents.languages import MASTER


def short_address(page: FeedbackPage) -> str:
    """ "school.example/terug/abcd2345/": what the poster and the letters print under the QR code."""
    return settings.PUBLIC_BASE_URL.rstrip("/").split("://", 1)[-1] + public_path(page)


def public_link(page: FeedbackPage, language: str = MASTER) -> str:
    """The full link a QR code holds: the page in `language` (the Dutch alone without one)."""
    link = public_url(public_path(page))
    return link if language == MASTER else f"{link}?lang={language}"


def published_languages(page: FeedbackPage) -> list[str]:
    """The languages the published version is translated into, in a stable order."""
    if page.published_version_id is None:
        return []
    found = FeedbackTranslation.objects.filter(version_id=page.published_version_id)
    return sorted(found.values_list("language", flat=True))
