"""Comments on the declaration: who may comment and when (only while it is in consultation), and answers."""

from django.utils import timezone

from accounts.models import User
from engagement.drafting import latest_version
from engagement.models import ConsultationComment, Declaration, DeclarationState, DomainComment
from schools.models import Membership


def accepts_comments_from(declaration: Declaration, membership: Membership) -> bool:
    """The consultation's people (coordinator, team, parent representatives, schoolraad) comment while the
    declaration is in consultation; not on a draft, nor once it is adopted or published."""
    return membership.comments_on_declaration and declaration.state == DeclarationState.CONSULTATION


def add_comment(declaration: Declaration, domain: str, author: User, body: str) -> DomainComment:
    """A comment on one domain (or "general"), on the version that is being consulted: the latest."""
    return DomainComment.objects.create(
        declaration=declaration,
        school=declaration.school,
        version=latest_version(declaration),
        domain=domain,
        author=author,
        body=body,
    )


def answer_comment(comment: ConsultationComment, answer: str, answered_by: User) -> None:
    """The coordinator's answer to a comment; answering again replaces the answer."""
    comment.answer = answer
    comment.answered_by = answered_by
    comment.answered_at = timezone.now()
    comment.save(update_fields=["answer", "answered_by", "answered_at"])
