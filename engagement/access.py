"""The one way views reach a declaration: through the school membership (outsiders 404, wrong role 403)."""

from collections.abc import Collection
from uuid import UUID

from django.http import Http404, HttpRequest

from engagement.models import Declaration
from schools.access import COORDINATORS, EVERY_ROLE, get_membership
from schools.models import Membership, Role

# Who may comment during the consultation: the parent association's and schoolraad's people, the team.
COMMENTERS: frozenset[str] = frozenset({Role.COORDINATOR, Role.TEAM, Role.PARENT_REP, Role.SCHOOLRAAD})
EDITORS = COORDINATORS
READERS = EVERY_ROLE


def get_declaration(
    request: HttpRequest, school_id: UUID, declaration_id: UUID, roles: Collection[str] = READERS
) -> tuple[Membership, Declaration]:
    membership = get_membership(request, school_id, roles)
    declaration = Declaration.objects.filter(school=membership.school, id=declaration_id).first()
    if declaration is None:
        raise Http404
    declaration.school = membership.school  # already loaded; saves a query in templates
    return membership, declaration
