"""Storing a translation of a published version: one per version and language, replaced when saved again."""

from accounts.models import User
from engagement.models import DeclarationTranslation, DeclarationVersion
from engagement.texts import DeclarationText


def save_translation(
    version: DeclarationVersion, language: str, text: DeclarationText, status: str, user: User
) -> DeclarationTranslation:
    translation, _created = DeclarationTranslation.objects.update_or_create(
        version=version,
        language=language,
        defaults={
            "school_id": version.school_id,
            "status": status,
            "title": text.title,
            "introduction": text.introduction,
            "domains": text.domains_json(),
            "updated_by": user,
        },
    )
    return translation
