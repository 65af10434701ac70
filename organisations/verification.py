"""Verification of organisations by the site's administrators (in the Django admin).

Anyone with an account may create an organisation and set up its staff, but until an administrator of the site
verified it no school finds it, invites it or shares anything with it: nobody can pose as a known agency.
"""

from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User
from organisations.models import Organisation


class OrganisationNotVerified(Exception):
    """A school tried to invite or share with an organisation that the site's administrators did not verify."""


def verified_organisations() -> QuerySet[Organisation]:
    """The organisations a school may choose to invite."""
    return Organisation.objects.filter(verified=True)


def verify_organisations(organisations: QuerySet[Organisation], by: User) -> int:
    """Verify the organisations not verified yet, recording who and when; how many were newly verified."""
    return organisations.filter(verified=False).update(verified=True, verified_at=timezone.now(), verified_by=by)


def require_verified(organisation: Organisation) -> None:
    if not organisation.verified:
        raise OrganisationNotVerified(organisation.pk)
