"""Schools (the tenant), the people who work in them and invitations to join."""

import hashlib
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

INVITATION_LIFETIME = timedelta(days=14)
# Family data of the engagementsverklaring is kept this many months after its school year ends (README, "Retention").
FAMILY_DATA_MONTHS_DEFAULT = 12
FAMILY_DATA_MONTHS_MIN = 1
FAMILY_DATA_MONTHS_MAX = 36


def validate_family_data_months(months: int) -> None:
    """The one rule of the retention setting, with one message for every value outside it (the form reads it too)."""
    if not FAMILY_DATA_MONTHS_MIN <= months <= FAMILY_DATA_MONTHS_MAX:
        raise ValidationError(
            _("Choose between %(min)s and %(max)s months."),
            code="out_of_range",
            params={"min": FAMILY_DATA_MONTHS_MIN, "max": FAMILY_DATA_MONTHS_MAX},
        )


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    TEAM = "team", _("Team member")
    PARENT_REP = "parent_rep", _("Parent representative")
    SCHOOLRAAD = "schoolraad", _("Schoolraad member")
    COACH = "coach", _("Support coach")


# Who does what, in one place; the Membership's predicates below read these and every access helper reads those.
ANALYSIS_READERS: frozenset[str] = frozenset({Role.COORDINATOR, Role.TEAM, Role.COACH})
# The engagementsverklaring: the coordinator edits it; during the consultation the team, the parent
# association's and the schoolraad's people comment on it. Support coaches advise on the analysis and the plan.
DECLARATION_EDITORS: frozenset[str] = frozenset({Role.COORDINATOR})
DECLARATION_COMMENTERS: frozenset[str] = frozenset({Role.COORDINATOR, Role.TEAM, Role.PARENT_REP, Role.SCHOOLRAAD})
# Staff e-mail addresses stay among staff: parent representatives and schoolraad members see names only.
EMAIL_ADDRESS_READERS: frozenset[str] = frozenset({Role.COORDINATOR, Role.TEAM, Role.COACH})
# Outside the team, parents' and the schoolraad's people read what the coordinator shares of a round (analysis.sharing).
SHARED_RESULTS_READERS: frozenset[str] = frozenset({Role.PARENT_REP, Role.SCHOOLRAAD})


class School(models.Model):
    """The tenant: every school-owned row points here (and it is the future shard key)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name of the school"), max_length=200)
    town = models.CharField(_("town"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Read by engagement's retention chore, which deletes a school year's families this long after 31 August.
    family_data_months = models.PositiveSmallIntegerField(
        _("keep family data for (months after the school year)"),
        default=FAMILY_DATA_MONTHS_DEFAULT,
        # Also in the database, so rows written by code that predates the column (older migrations) get it too.
        db_default=FAMILY_DATA_MONTHS_DEFAULT,
        validators=[validate_family_data_months],
    )

    class Meta:
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=("school", "user"), name="one_membership_per_school")]
        ordering = ("user__name",)

    def __str__(self) -> str:
        return f"{self.user} @ {self.school} ({self.role})"

    @property
    def is_coordinator(self) -> bool:
        """Runs the school in Betrokken: people, rounds, codes, the plan, translations."""
        return self.role == Role.COORDINATOR

    @property
    def is_coach(self) -> bool:
        return self.role == Role.COACH

    @property
    def sees_email_addresses(self) -> bool:
        return self.role in EMAIL_ADDRESS_READERS

    @property
    def reads_analysis(self) -> bool:
        """Parent representatives and schoolraad members work on the engagementsverklaring, not the analysis."""
        return self.role in ANALYSIS_READERS

    @property
    def reads_shared_results(self) -> bool:
        """Reads only what the coordinator shares of a round, never the team's own pages."""
        return self.role in SHARED_RESULTS_READERS

    @property
    def edits_declaration(self) -> bool:
        return self.role in DECLARATION_EDITORS

    @property
    def comments_on_declaration(self) -> bool:
        """May comment on the engagementsverklaring (while it is in consultation: see engagement.consultation)."""
        return self.role in DECLARATION_COMMENTERS


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationBase(models.Model):
    """An e-mailed link to join in a role (a school here, an organisation in organisations). Only the hash of its
    token is stored; schools.invitations makes, finds and accepts both kinds."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    email = models.EmailField(_("e-mail address"))
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ("-created_at",)

    @property
    def expired(self) -> bool:
        return timezone.now() > self.created_at + INVITATION_LIFETIME


class Invitation(InvitationBase):
    """An e-mailed link to join a school in a role."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta(InvitationBase.Meta):
        pass
