"""Loading the action library into the database, again and again: rows matched on their key,
actions that left the files are retired (plans that started from them keep their own text)."""

from django.db import transaction

from actions.library_content import Library, read_library
from actions.models import LibraryAction, LibraryActionText
from framework.models import ContentRelease, Dimension

DIGEST_PREFIX = "actions:"


def load_action_library(library: Library | None = None, force: bool = False) -> int:
    """Returns the number of library actions loaded (0 when this version was loaded already)."""
    library = library or read_library()
    digest = DIGEST_PREFIX + library.digest[: 64 - len(DIGEST_PREFIX)]
    if not force and ContentRelease.objects.filter(digest=digest).exists():
        return 0
    dimensions = {dimension.key: dimension for dimension in Dimension.objects.all()}
    with transaction.atomic():
        for entry in library.actions:
            action, _created = LibraryAction.objects.update_or_create(
                key=entry.key,
                defaults={
                    "school": None,
                    "target_group": entry.target_group,
                    "effort": entry.effort,
                    "pupil_role": entry.pupil_role,
                    "position": entry.position,
                    "retired": False,
                },
            )
            action.dimensions.set([dimensions[key] for key in entry.dimensions])
            for language, fields in entry.texts.items():
                LibraryActionText.objects.update_or_create(action=action, language=language, defaults=fields)
        keys = [entry.key for entry in library.actions]
        LibraryAction.objects.filter(school__isnull=True).exclude(key__in=keys).update(retired=True)
        ContentRelease.objects.get_or_create(digest=digest)
    return len(library.actions)
