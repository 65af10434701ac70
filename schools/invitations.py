"""Inviting people into a school by e-mail link, and accepting such a link."""

from base64 import urlsafe_b64encode
from typing import TypeVar
from uuid import UUID, uuid4

from django.db import IntegrityError, models, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.staff_mail import StaffMail, enqueue_on_commit
from schools.models import Invitation, InvitationBase, Membership, School, hash_token

Invited = TypeVar("Invited", bound=InvitationBase)
Joined = TypeVar("Joined", bound=models.Model)


def invitation_token(invitation_id: UUID) -> str:
    """The token of an invitation's link: a digest of its id keyed with SECRET_KEY (like Django's reset tokens).

    Only its hash is stored, and the worker writes the link from the invitation's id, so neither the database
    nor the task queue holds a working link.
    """
    digest = salted_hmac("betrokken.invitation-token", str(invitation_id), algorithm="sha256").digest()
    return urlsafe_b64encode(digest).rstrip(b"=").decode()


def invitation_link(site: str, invitation_id: UUID) -> str:
    return site.rstrip("/") + reverse("schools:accept_invitation", args=[invitation_token(invitation_id)])


def create_invitation(school: School, email: str, role: str, invited_by: User) -> tuple[Invitation, str]:
    """Store an invitation; returns it with the plain token (shown once, never stored)."""
    invitation_id = uuid4()
    token = invitation_token(invitation_id)
    invitation = Invitation.objects.create(
        id=invitation_id, school=school, email=email, role=role, token_hash=hash_token(token), invited_by=invited_by
    )
    return invitation, token


def send_invitation_email(invitation: Invitation, site: str, language: str) -> None:
    """Queue the invitation for the worker, which writes the link on `site` (the inviter's scheme and host).
    `language` is the inviter's at the time of inviting: the language of an invitee without an account yet."""
    from schools.mail_tasks import send_invitation  # the tasks module imports this one

    enqueue_on_commit(send_invitation, str(invitation.pk), site, language)


def write_invitation(invitation: Invitation, link: str) -> StaffMail:
    return StaffMail(
        _("You are invited to %(school)s on Betrokken") % {"school": invitation.school.name},
        _(
            "%(inviter)s invites you to work with %(school)s on Betrokken, the tool for involvement of parents "
            "and school, as %(role)s.\n\nOpen this link to accept (valid for 14 days):\n%(link)s\n"
        )
        % {
            "inviter": invitation.invited_by or _("A coordinator"),
            "school": invitation.school.name,
            "role": invitation.get_role_display(),
            "link": link,
        },
        _(
            "You get this e-mail because a coordinator of %(school)s invited this address. "
            "If you do not want to join, ignore it."
        )
        % {"school": invitation.school.name},
    )


def find_open(invitations: QuerySet[Invited], token: str) -> Invited | None:
    """The open invitation among `invitations` (a school's or an organisation's kind) whose link holds `token`."""
    invitation = invitations.filter(token_hash=hash_token(token), accepted_at__isnull=True).first()
    if invitation is None or invitation.expired:
        return None
    return invitation


def withdraw_open(invitations: QuerySet[Invited], invitation_id: UUID) -> Invited | None:
    """Withdraw the invitation among `invitations` that nobody accepted yet; returns it, or None when there is no
    such one (another's, already accepted or already withdrawn). An accepted one stays: it records who joined."""
    invitation = invitations.filter(id=invitation_id, accepted_at__isnull=True).first()
    if invitation is not None:
        invitation.delete()
    return invitation


def find_open_invitation(token: str) -> Invitation | None:
    return find_open(Invitation.objects.select_related("school", "invited_by"), token)


def withdraw_invitation(school: School, invitation_id: UUID) -> Invitation | None:
    return withdraw_open(Invitation.objects.filter(school=school), invitation_id)


class InvitationMismatch(Exception):
    """The invitation was sent to another e-mail address than the logged-in user's."""


def accept_into(invitation: InvitationBase, user: User, membership: type[Joined], **where: object) -> Joined:
    """Accept `invitation` as `user`: the `membership` model's row with `where` (e.g. the school) and the user,
    made with the invitation's role unless the user is a member already."""
    if invitation.email.lower() != user.email.lower():
        raise InvitationMismatch
    with transaction.atomic():
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        existing = membership._default_manager.filter(user=user, **where).first()
        if existing is not None:
            return existing
        try:
            with transaction.atomic():
                return membership._default_manager.create(user=user, role=invitation.role, **where)  # type: ignore[attr-defined]
        except IntegrityError:  # a double click raced us; the membership exists now
            return membership._default_manager.get(user=user, **where)


def accept_invitation(invitation: Invitation, user: User) -> Membership:
    return accept_into(invitation, user, Membership, school=invitation.school)


def invitee_language(email: str, inviter_language: str) -> str:
    """Someone who already has an account reads their own staff language; a newcomer the inviter's."""
    account = User.objects.filter(email__iexact=email).first()
    return account.language if account is not None else inviter_language
