"""Organisations that support many schools (an integration agency, a city service, a CLB, a pedagogical support
service), as tenants above schools: their own staff, and what schools choose to share with them.

A school invites an organisation per school year (SchoolLink) and shares closed rounds with it one at a time
(SharedRound): only aggregates leave the school (RoundAggregate), read through organisations.regional.
RegionalRelease records which schools stood behind every regional figure that was shown, so that no two shown
versions of a figure differ by fewer than five schools (issue 7's rule between two moments, applied to schools).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from analysis.models import Round
from framework.models import Dimension
from schools.models import InvitationBase, School
from support.models import OrganisationKind, SupportOrganisation


class OrganisationRole(models.TextChoices):
    ADMIN = "admin", _("Organisation administrator")
    COACH = "coach", _("Coach of the organisation")


class Organisation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name of the organisation"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.OTHER)
    directory_entry = models.ForeignKey(
        SupportOrganisation,
        verbose_name=_("entry in the directory of support organisations"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Anyone may create an organisation, so a school can only find and share with one that the site's
    # administrators verified (organisations.verification): nobody registers "Atlas" and gets invited as it.
    verified = models.BooleanField(_("verified"), default=False)
    verified_at = models.DateTimeField(_("verified on"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name


class OrganisationMembership(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organisation_memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=OrganisationRole.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=("organisation", "user"), name="one_membership_per_organisation")]
        ordering = ("user__name",)

    @property
    def is_admin(self) -> bool:
        """Invites and removes the organisation's staff."""
        return self.role == OrganisationRole.ADMIN


class OrganisationInvitation(InvitationBase):
    """An e-mailed link to join an organisation's staff (made, found and accepted as a school's is)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(_("role"), max_length=20, choices=OrganisationRole.choices)

    class Meta(InvitationBase.Meta):
        pass


class SchoolLink(models.Model):
    """A school's invitation of an organisation for one school year; withdrawn, it shares nothing any more."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="school_links")
    school_year = models.CharField(_("school year"), max_length=9)
    named = models.BooleanField(_("the organisation may name our school"), default=False)
    beside_region = models.BooleanField(_("show our school beside the region"), default=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    invited_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("school", "organisation", "school_year"), name="one_link_per_school_year")
        ]
        ordering = ("-school_year", "organisation__name")

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class SharedRound(models.Model):
    """A closed round whose aggregates the coordinator shares with the organisation of the link."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    link = models.ForeignKey(SchoolLink, on_delete=models.CASCADE, related_name="shared_rounds")
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    shared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    shared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=("link", "round"), name="round_shared_once_per_link")]


class RoundAggregate(models.Model):
    """A shared round's sums per audience and dimension, written once when it is first shared
    (organisations.regional.summaries): a closed round's figures are final, so the regional page reads a few rows
    per school instead of every answer. Only what the school's own profile shows is summed here."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    audience = models.CharField(max_length=20)
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="+")
    total = models.PositiveIntegerField()  # sum of the answers on the 1–5 scale
    answered = models.PositiveIntegerField()  # answers on the scale
    people = (
        models.PositiveIntegerField()
    )  # team members who answered; for a questionnaire the most answers of one item

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("round", "audience", "dimension"), name="one_aggregate_per_round_cell")
        ]


class RegionalRelease(models.Model):
    """The schools behind one regional figure as it was shown once (organisations.regional.releases)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    school_year = models.CharField(max_length=9)
    figure = models.CharField(max_length=80)  # e.g. "mean:kennis:parents", "weakest:team", "action:<key>"
    rounds = models.JSONField()  # the sorted ids of the rounds (one per school) behind it
    released_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=("organisation", "school_year"), name="release_per_org_year")]
