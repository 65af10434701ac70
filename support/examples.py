"""Invented example organisations for the directory: clearly marked, no real contact details."""

from support.models import OrganisationKind, SupportOrganisation

EXAMPLES = (
    {
        "name": "Integratiecentrum (voorbeeld)",
        "kind": OrganisationKind.INTEGRATION,
        "region": "Oost-Vlaanderen",
        "themes": "Nieuwkomers, meertaligheid, brug tussen school en gezin",
        "offers_training": True,
        "offers_coaching": True,
        "description": "Een voorbeeld van een lokaal integratiecentrum dat scholen begeleidt.",
    },
    {
        "name": "Expertisecentrum migratie en integratie (voorbeeld)",
        "kind": OrganisationKind.EXPERTISE,
        "region": "Vlaanderen",
        "themes": "Werkkader ouderbetrokkenheid, diversiteit, armoede",
        "offers_training": True,
        "offers_projects": True,
        "description": "Een voorbeeld van een expertisecentrum dat vormingen en projecten aanbiedt.",
    },
    {
        "name": "CLB (voorbeeld)",
        "kind": OrganisationKind.CLB,
        "region": "Antwerpen",
        "themes": "Leerlingenbegeleiding, welbevinden, schoolloopbaan",
        "offers_coaching": True,
        "description": "Een voorbeeld van een centrum voor leerlingenbegeleiding.",
    },
    {
        "name": "Koepel van ouderverenigingen (voorbeeld)",
        "kind": OrganisationKind.PARENT_UMBRELLA,
        "region": "Vlaanderen",
        "themes": "Ouderraad, participatie, inspraak",
        "offers_training": True,
        "offers_projects": True,
        "description": "Een voorbeeld van een ouderkoepel die ouderraden ondersteunt.",
    },
)


def load_support_examples() -> int:
    """Add the example entries that are not there yet (by name); returns how many were added."""
    added = 0
    for example in EXAMPLES:
        _organisation, created = SupportOrganisation.objects.get_or_create(
            name=example["name"], is_example=True, defaults=example
        )
        added += created
    return added
