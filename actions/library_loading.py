"""Loading the action library into the database, again and again: rows matched on their key,
actions that left the files are retired (plans that started from them keep their own text)."""

from actions.library_content import Library, read_library
from actions.models import LibraryAction, LibraryActionText
from framework.models import Dimension
from framework.releases import load_once, release_name

DIGEST_PREFIX = "actions:"


def load_action_library(library: Library | None = None, force: bool = False) -> int:
    """Returns the number of library actions loaded (0 when this version was loaded already)."""
    read = library or read_library()
    return load_once(release_name(DIGEST_PREFIX, read.digest), lambda: _load(read), force) or 0


def _load(library: Library) -> int:
    dimensions = {dimension.key: dimension for dimension in Dimension.objects.all()}
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
    return len(library.actions)
