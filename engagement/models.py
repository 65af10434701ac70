"""The engagementsverklaring (Declaration in code): mutual commitments between school and parents.

A declaration belongs to a school and a school year. Its text lives in versions: every change makes a
new version, so the history and its diffs are complete, and a published version is never changed.
Families (imported per school year) acknowledge a published version with a per-family code.
"""

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from framework.models import TranslationStatus
from schools.models import School


class DeclarationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CONSULTATION = "consultation", _("In consultation")
    ADOPTED = "adopted", _("Adopted")
    PUBLISHED = "published", _("Published")


class StartedFrom(models.TextChoices):
    TEMPLATE = "template", _("The template")
    PREVIOUS = "previous", _("Last year's declaration")


class Declaration(models.Model):
    """The engagementsverklaring of one school for one school year."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="declarations")
    school_year = models.CharField(_("school year"), max_length=9)
    state = models.CharField(max_length=20, choices=DeclarationState.choices, default=DeclarationState.DRAFT)
    started_from = models.CharField(max_length=20, choices=StartedFrom.choices, default=StartedFrom.TEMPLATE)
    previous = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # Adoption is a decision of the schoolraad about one text: the meeting's date and that version.
    adopted_on = models.DateField(_("date of the schoolraad meeting"), null=True, blank=True)
    adopted_version = models.ForeignKey(
        "DeclarationVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # What parents read and acknowledge; it stays online while a newer version is being prepared.
    published_version = models.ForeignKey(
        "DeclarationVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("school", "school_year"), name="one_declaration_per_school_year")
        ]
        ordering = ("-school_year",)

    def __str__(self) -> str:
        return f"{self.school} {self.school_year}"


class ConsultedVersion(models.Model):
    """One state of a text that is consulted and published: the declaration's, or a feedback page's to families
    (feedback.models). Rows are only ever added; a published one is frozen: its `TEXT_FIELDS` never change."""

    TEXT_FIELDS: tuple[str, ...] = ()

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField()
    change_note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # Set the first time this text is opened for consultation, when its people are mailed: re-opening it mails nobody.
    consultation_mailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            frozen = type(self)._default_manager.filter(pk=self.pk, published_at__isnull=False).first()
            if frozen is not None and frozen._frozen_values() != self._frozen_values():
                raise PublishedVersionIsFrozen(self)
        super().save(*args, **kwargs)

    def _frozen_values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in (*self.TEXT_FIELDS, "published_at"))


class DeclarationVersion(ConsultedVersion):
    """One state of the declaration's text. Rows are only ever added; a published one is frozen (see save)."""

    TEXT_FIELDS = ("title", "introduction", "domains")

    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="versions")
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    # {domain key: {"title", "school_offers", "parents_commit", "pupil_commits"}}; a missing key is a missing domain.
    domains = models.JSONField(default=dict)

    class Meta:
        constraints = [models.UniqueConstraint(fields=("declaration", "number"), name="version_number_once")]
        ordering = ("declaration", "-number")

    def __str__(self) -> str:
        return f"{self.declaration} v{self.number}"


class PublishedVersionIsFrozen(Exception):
    """A published version never changes: a change makes a new version."""

    def __init__(self, version: models.Model) -> None:
        super().__init__(f"{version} is published and cannot change")


class ConsultationComment(models.Model):
    """A comment in a consultation and the coordinator's answer: on a declaration's domain, or on a part of a
    round's feedback page for families (feedback.models)."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ("created_at",)

    @property
    def answer_path(self) -> str:
        """Where the coordinator's answer to this comment is posted (engagement/comment.html)."""
        raise NotImplementedError


class DomainComment(ConsultationComment):
    """A comment of a parent representative or schoolraad member on one domain, and the coordinator's answer."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="comments")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey(DeclarationVersion, on_delete=models.CASCADE, related_name="comments")
    domain = models.CharField(_("domain"), max_length=30)  # a domain key, or "general"

    @property
    def answer_path(self) -> str:
        return reverse("engagement:answer", args=[self.school_id, self.declaration_id, self.id])


class DeclarationTranslation(models.Model):
    """A translation of a published version: an aid beside the Dutch master text, never instead of it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    version = models.ForeignKey(DeclarationVersion, on_delete=models.CASCADE, related_name="translations")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(_("language"), max_length=5)
    status = models.CharField(
        _("status"), max_length=10, choices=TranslationStatus.choices, default=TranslationStatus.DRAFT
    )
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    domains = models.JSONField(default=dict)  # the same shape as DeclarationVersion.domains
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=("version", "language"), name="one_translation_per_language")]
        ordering = ("language",)


class Delivery(models.TextChoices):
    YES = "yes", _("Yes, we did what we offered")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")


class DomainEvaluation(models.Model):
    """At the end of the school year: did the school deliver what it offered in this domain, and what did it learn."""

    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="evaluations")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    domain = models.CharField(max_length=30)
    delivered = models.CharField(_("did we deliver what we offered?"), max_length=10, choices=Delivery.choices)
    learned = models.TextField(_("what we learned"), blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=("declaration", "domain"), name="one_evaluation_per_domain")]


class TranslationReason(models.TextChoices):
    """Why the school offers this family a translation (the Flemish language rule: only where necessary)."""

    NO_DUTCH_YET = "no_dutch_yet", _("The parent does not speak Dutch yet")
    LEARNING_DUTCH = "learning_dutch", _("The parent is learning Dutch (Dutch lessons)")
    NEWCOMER = "newcomer", _("Newcomer family")
    OTHER = "other", _("Another reason (see the note)")
    EXISTING = "existing", _("Existing choice (to be reviewed)")


class Family(models.Model):
    """A family of the school year, as the school's own administration knows it (reference, class, language).

    Only what acknowledging needs is kept. Its codes (one per letter) are FamilyCode rows. A translation
    beside the Dutch is offered only with a recorded reason and until a date (see families/translation_need).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="families")
    school_year = models.CharField(max_length=9)
    reference = models.CharField(_("family reference"), max_length=64)
    class_name = models.CharField(_("class"), max_length=40)
    language = models.CharField(_("preferred language"), max_length=5, default="nl")
    translation_reason = models.CharField(
        _("why a translation"), max_length=20, choices=TranslationReason.choices, blank=True
    )
    translation_note = models.CharField(_("note on the translation"), max_length=200, blank=True)
    translation_until = models.DateField(_("translation until"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("school", "school_year", "reference"), name="family_reference_once")
        ]
        ordering = ("class_name", "reference")

    def __str__(self) -> str:
        return self.reference


class FamilyCode(models.Model):
    """The code of one letter to a family, stored as an HMAC, never in plain text.

    A new letter adds a code and the earlier ones keep working (a parent may still have the first letter),
    until the coordinator voids them (a lost or stolen letter): a voided code then says a newer letter was sent.
    """

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="codes")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    digest = models.CharField(max_length=64, unique=True)
    issued_at = models.DateTimeField()
    voided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("issued_at", "id")

    def __str__(self) -> str:
        return f"{self.family} {self.issued_at:%Y-%m-%d}"


class Acknowledgment(models.Model):
    """A family's kennisname of one published version: the name typed, the time and the language shown."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="acknowledgments")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey(DeclarationVersion, on_delete=models.PROTECT, related_name="acknowledgments")
    name = models.CharField(_("name"), max_length=120)
    language = models.CharField(max_length=5)
    acknowledged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("family", "version"), name="one_acknowledgment_per_family_and_version")
        ]
        ordering = ("-acknowledged_at",)


class PaperSignature(models.Model):
    """The coordinator's record that a family signed the schoolreglement, with this version of the declaration,
    "voor akkoord" on paper: the date on the paper, not a copy of it. Distinct from a kennisname on the phone."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="paper_signatures")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey(DeclarationVersion, on_delete=models.PROTECT, related_name="paper_signatures")
    signed_on = models.DateField(_("signed on"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("family", "version"), name="one_paper_signature_per_family_and_version")
        ]
        ordering = ("-signed_on",)


class PrivacyAction(models.TextChoices):
    EXPORT = "export", _("Exported")
    DELETE = "delete", _("Deleted")
    # By the retention chore, once the school's retention setting has passed (engagement.families.retention).
    RETENTION = "retention", _("Deleted after the retention period")


class PrivacyLog(models.Model):
    """Who exported or deleted a school year's family data, when, and how much (GDPR accountability)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    school_year = models.CharField(max_length=9)
    action = models.CharField(max_length=10, choices=PrivacyAction.choices)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    done_at = models.DateTimeField(auto_now_add=True)
    families = models.PositiveIntegerField(default=0)
    acknowledgments = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ("-done_at",)
