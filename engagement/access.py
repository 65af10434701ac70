"""The one way views reach a declaration: through the school membership (outsiders 404, wrong role 403).

Pairs as everywhere (see schools.access): every member reads a declaration (`get_declaration`), its
editors write it and its families, translations and answers (`get_rw_declaration`), and the people who
take part in the consultation comment on it (`get_declaration_for_commenter`); others get 403.
"""

from uuid import UUID

from django.http import Http404, HttpRequest

from engagement.models import Declaration
from schools.access import MembershipRule, membership_where
from schools.models import Membership


def _declaration(
    request: HttpRequest, school_id: UUID, declaration_id: UUID, allowed: MembershipRule
) -> tuple[Membership, Declaration]:
    membership = membership_where(request, school_id, allowed)
    declaration = Declaration.objects.filter(school=membership.school, id=declaration_id).first()
    if declaration is None:
        raise Http404
    declaration.school = membership.school  # already loaded; saves a query in templates
    return membership, declaration


def get_declaration(request: HttpRequest, school_id: UUID, declaration_id: UUID) -> tuple[Membership, Declaration]:
    """Read: every member of the school."""
    return _declaration(request, school_id, declaration_id, lambda _membership: True)


def get_rw_declaration(request: HttpRequest, school_id: UUID, declaration_id: UUID) -> tuple[Membership, Declaration]:
    """Write: the declaration's editors (the coordinator)."""
    return _declaration(request, school_id, declaration_id, lambda membership: membership.edits_declaration)


def get_declaration_for_commenter(
    request: HttpRequest, school_id: UUID, declaration_id: UUID
) -> tuple[Membership, Declaration]:
    """Comment: the coordinator, the team, parent representatives and schoolraad members (not support coaches)."""
    return _declaration(request, school_id, declaration_id, lambda membership: membership.comments_on_declaration)
