"""Comments on the declaration: who may comment, and when (only while it is in consultation)."""

from engagement.models import Declaration, DeclarationState
from schools.models import Membership


def accepts_comments_from(declaration: Declaration, membership: Membership) -> bool:
    """The consultation's people (coordinator, team, parent representatives, schoolraad) comment while the
    declaration is in consultation; not on a draft, nor once it is adopted or published."""
    return membership.comments_on_declaration and declaration.state == DeclarationState.CONSULTATION
