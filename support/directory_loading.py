"""Loading the support directory's content into the database, again and again: rows matched on their key,
organisations that left the file are retired (actions that name one keep it). Rows a site administrator
added (no key) are never touched."""

from framework.releases import load_once, release_name
from support.directory_content import Directory, read_directory
from support.models import SupportOrganisation

DIGEST_PREFIX = "support:"


def load_support_directory(directory: Directory | None = None, force: bool = False) -> int:
    """Returns the number of organisations loaded (0 when this version was loaded already)."""
    read = directory or read_directory()
    return load_once(release_name(DIGEST_PREFIX, read.digest), lambda: _load(read), force) or 0


def _load(directory: Directory) -> int:
    for entry in directory.organisations:
        SupportOrganisation.objects.update_or_create(
            key=entry.key,
            defaults={
                "name": entry.name,
                "kind": entry.kind,
                "region": entry.region,
                "website": entry.website,
                "help_nl": entry.help_nl,
                "help_en": entry.help_en,
                **entry.offers,
                "position": entry.position,
                "content_version": directory.version,
                "is_example": False,
                "retired": False,
            },
        )
    keys = [entry.key for entry in directory.organisations]
    SupportOrganisation.objects.filter(key__isnull=False).exclude(key__in=keys).update(retired=True)
    return len(directory.organisations)
