"""Organisations as the site's administrators left them after checking: registered by a person, then verified
(organisations.verification), so that schools may invite them."""

from accounts.models import User
from organisations.models import Organisation
from organisations.staff import register_organisation
from organisations.verification import verify_organisations
from support.models import SupportOrganisation


def site_verifier() -> User:
    """The site administrator who verifies the tests' organisations (made once per test)."""
    verifier = User.objects.filter(email="verifier@example.org").first()
    return verifier or User.objects.create_superuser("verifier@example.org", None, name="Site administrator")


def verified_organisation(name: str, kind: str, by: User, entry: SupportOrganisation | None = None) -> Organisation:
    """A new organisation with `by` as its administrator, verified by the site's administrator."""
    organisation = register_organisation(name, kind, entry, by)
    verify_organisations(Organisation.objects.filter(pk=organisation.pk), site_verifier())
    organisation.refresh_from_db()
    return organisation
