"""The feedback page to families of one closed round: "Jullie zeiden, wij doen".

The coordinator composes it from the round (what parents and pupils said, tied to figures the rule of five
allows; what the team concluded; the actions of the plan), the parent representatives and the schoolraad comment
on the draft, and the coordinator publishes it. Its text lives in versions like the engagementsverklaring's:
every change is a new version, a published version is frozen, and translations hang on a version.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from analysis.models import Round
from engagement.models import ConsultationComment, ConsultedVersion
from framework.models import TranslationStatus
from schools.models import School

# Letters and digits that cannot be mistaken for one another when typed from a poster.
SLUG_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
SLUG_LENGTH = 8


def new_public_slug() -> str:
    return "".join(secrets.choice(SLUG_ALPHABET) for _ in range(SLUG_LENGTH))


class FeedbackState(models.TextChoices):
    # The same values as the declaration's states, so engagement.states.state_after_text_change applies.
    DRAFT = "draft", _("Draft")
    CONSULTATION = "consultation", _("In consultation")
    PUBLISHED = "published", _("Published")


class FeedbackPage(models.Model):
    """One round's page for families. Its public address holds a random slug, never the round's id."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    round = models.OneToOneField(Round, on_delete=models.CASCADE, related_name="feedback_page")
    public_slug = models.CharField(max_length=16, unique=True, default=new_public_slug)
    state = models.CharField(max_length=20, choices=FeedbackState.choices, default=FeedbackState.DRAFT)
    # What families read; it stays online while a newer version is being prepared.
    published_version = models.ForeignKey(
        "FeedbackVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.round}"


class FeedbackVersion(ConsultedVersion):
    """One state of the page's text (feedback.texts.FeedbackText as JSON). Only ever added; frozen once published."""

    TEXT_FIELDS = ("content",)

    page = models.ForeignKey(FeedbackPage, on_delete=models.CASCADE, related_name="versions")
    content = models.JSONField(default=dict)

    class Meta:
        constraints = [models.UniqueConstraint(fields=("page", "number"), name="feedback_version_number_once")]
        ordering = ("page", "-number")

    def __str__(self) -> str:
        return f"{self.page} v{self.number}"


class FeedbackComment(ConsultationComment):
    """A comment of a parent representative or schoolraad member on one part of the draft, and the answer."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    page = models.ForeignKey(FeedbackPage, on_delete=models.CASCADE, related_name="comments")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey(FeedbackVersion, on_delete=models.CASCADE, related_name="comments")
    section = models.CharField(_("part"), max_length=30)  # a feedback.texts section, or "general"

    @property
    def answer_path(self) -> str:
        return reverse("feedback:answer", args=[self.school_id, self.page.round_id, self.id])


class FeedbackTranslation(models.Model):
    """A translation of one version in one language: an aid beside the Dutch, never instead of it.

    `fields` holds {field key: text} (feedback.texts.source_fields); `prefilled` the keys taken over unchanged
    from the action library's or the framework's own translations."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    version = models.ForeignKey(FeedbackVersion, on_delete=models.CASCADE, related_name="translations")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(_("language"), max_length=5)
    status = models.CharField(
        _("status"), max_length=10, choices=TranslationStatus.choices, default=TranslationStatus.DRAFT
    )
    fields = models.JSONField(default=dict)
    prefilled = models.JSONField(default=list)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("version", "language"), name="one_feedback_translation_per_language")
        ]
        ordering = ("language",)
