"""Parents' and pupils' questionnaires: invitation codes and anonymous responses.

Anonymity is built into the tables: a response carries the group and home language of the batch it
came from (for breakdowns under the rule of five) but no link to the code, the batch or a family.
While a questionnaire is in progress, an HMAC of the code lets the same code resume it on the device
that started it (a hash of that device's cookie token); handing in erases both, and the code is
marked used. The response's id never appears in a URL: the pages find it through the device cookie.
"""

import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from analysis.models import SURVEY_RESPONSE_STATUSES, ResponseStatus, Round
from framework.models import SURVEY_AUDIENCE_CHOICES, Item, TranslationStatus
from schools.models import School

if TYPE_CHECKING:  # surveys.texts_state reads this module
    from surveys.texts_state import TextsState


class GroupKind(models.TextChoices):
    WHOLE_SCHOOL = "whole_school", _("Whole school")
    GRADE = "grade", _("Grade")
    CLASS = "class", _("Class")


class CodeBatch(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="code_batches")
    audience = models.CharField(_("who answers"), max_length=20, choices=SURVEY_AUDIENCE_CHOICES)
    group_kind = models.CharField(_("group"), max_length=20, choices=GroupKind.choices, default=GroupKind.CLASS)
    group_label = models.CharField(_("name of the group"), max_length=60, blank=True)
    home_language = models.CharField(_("home language"), max_length=10, blank=True)
    size = models.PositiveIntegerField(_("number of codes"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # Withdrawn by the coordinator (letters lost, wrong class): its codes no longer open a questionnaire.
    voided_at = models.DateTimeField(null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ("created_at",)


class CodeStatus(models.TextChoices):
    NEW = "new", _("Not used")
    STARTED = "started", _("Started")
    USED = "used", _("Handed in")


class RespondentCode(models.Model):
    """A single-use invitation code; only its HMAC is stored."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    batch = models.ForeignKey(CodeBatch, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField(max_length=64, unique=True)
    status = models.CharField(max_length=10, choices=CodeStatus.choices, default=CodeStatus.NEW)


class Release(models.TextChoices):
    """How a handed-in questionnaire reached the figures (surveys.tallies): never alone, always in a chunk of five."""

    WAITING = "", _("Waiting")
    CELL = "cell", _("With its group and home language")  # and the language it was answered in
    POOL = "pool", _("With other groups")


class SurveyResponse(models.Model):
    """One anonymous questionnaire, found by its device's cookie while in progress (see surveys.devices)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="survey_responses")
    audience = models.CharField(max_length=20, choices=SURVEY_AUDIENCE_CHOICES)
    group_label = models.CharField(max_length=60, blank=True)
    home_language = models.CharField(max_length=10, blank=True)
    language = models.CharField(max_length=10, default="nl")
    status = models.CharField(max_length=20, choices=SURVEY_RESPONSE_STATUSES, default=ResponseStatus.IN_PROGRESS)
    resume_digest = models.CharField(max_length=64, null=True, blank=True, unique=True)
    device_digest = models.CharField(max_length=64, null=True, blank=True, unique=True)
    last_page = models.PositiveSmallIntegerField(default=0)
    open_answer = models.TextField(blank=True)
    submitted_on = models.DateField(null=True, blank=True)  # a date, not a time: times could be matched to codes
    release = models.CharField(max_length=4, choices=Release.choices, default=Release.WAITING, blank=True)
    # The chunk it entered the figures with (surveys.tallies): a rebuild adds the same chunks again.
    chunk = models.UUIDField(null=True, blank=True, editable=False)
    # Not stored: what surveys.respond.draft_on_device read of the texts with the row, or None.
    texts_state: "TextsState | None" = None

    class Meta:
        indexes = [models.Index(fields=("round", "audience", "status"))]


class HandedInAtClosing(models.Model):
    """A device whose questionnaire in progress was handed in when its voice closed (surveys.round_closing).

    So that device, coming back, is told that what it saved was handed in. It says nothing about which
    questionnaire: rows are written in random order, with no link to the response, the code or a time.
    """

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    device_digest = models.CharField(max_length=64, unique=True)
    language = models.CharField(max_length=10, default="nl")
    audience = models.CharField(max_length=20, default="parent")  # to speak to a pupil as a pupil


class SurveyAnswer(models.Model):
    """An answer on the five-step scale; empty means "weet ik niet / liever niet"."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("response", "item"), name="one_survey_answer_per_item"),
            models.CheckConstraint(
                condition=models.Q(value__isnull=True) | models.Q(value__gte=1, value__lte=5),
                name="survey_answer_on_scale",
            ),
        ]


class TranslationCorrection(models.Model):
    """A school's own correction of an item's translation; it wins over the framework text for that school."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=10)
    text = models.TextField()
    status = models.CharField(max_length=10, choices=TranslationStatus.choices, default=TranslationStatus.REVIEWED)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("school", "item", "language"), name="one_correction_per_language")
        ]


class AnswerTally(models.Model):
    """Running sums of handed-in answers per round, group, home language, language answered in and item.

    Kept up to date when a questionnaire is handed in, so the profile page reads a few hundred rows
    instead of every answer. `surveys.tallies.rebuild_tallies` recomputes them from the answers.
    """

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    audience = models.CharField(max_length=20, choices=SURVEY_AUDIENCE_CHOICES)
    group_label = models.CharField(max_length=60, blank=True)
    home_language = models.CharField(max_length=10, blank=True)
    # The language the chunk was answered in (surveys.tallies): one per chunk, "*" for a pooled or mixed chunk.
    language = models.CharField(max_length=10, blank=True)
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    total = models.PositiveIntegerField(default=0)  # sum of the answers on the 1–5 scale
    answered = models.PositiveIntegerField(default=0)  # answers on the scale
    dont_know = models.PositiveIntegerField(default=0)
    # Chunks in which 1–4 answered the item on the scale: their answers were held back (rule of five). It says only
    # that such answers exist, never how many, so the page can say "hidden" instead of "no answers".
    held_back = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=("round", "audience", "group_label", "home_language", "language", "item"),
                name="one_tally_per_item",
            )
        ]


class GroupTally(models.Model):
    """How many questionnaires were handed in per round, audience, group, home language and language answered in."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    audience = models.CharField(max_length=20, choices=SURVEY_AUDIENCE_CHOICES)
    group_label = models.CharField(max_length=60, blank=True)
    home_language = models.CharField(max_length=10, blank=True)
    language = models.CharField(max_length=10, blank=True)  # answered in, as on AnswerTally
    responses = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=("round", "audience", "group_label", "home_language", "language"), name="one_tally_per_group"
            )
        ]
