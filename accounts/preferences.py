"""What a person chooses for themselves: the staff language and the weekly summary by e-mail."""

from django.conf import settings

from accounts.models import User


def is_staff_language(language: str) -> bool:
    return language in dict(settings.LANGUAGES)


def remember_language(user: User, language: str) -> None:
    """Keep the language a person switched to: their pages and e-mails follow it."""
    if is_staff_language(language) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])


def save_email_settings(user: User, language: str, weekly_digest: bool) -> None:
    if not is_staff_language(language):
        raise ValueError(f"not a staff language: {language!r}")
    user.language = language
    user.weekly_digest = weekly_digest
    user.save(update_fields=["language", "weekly_digest"])
