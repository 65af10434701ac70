"""The werkkader as data: dimensions, answer scales and the item bank, with one text row per language.

Texts live in their own rows (one per language, Dutch is the master) so that a translation can carry
a status and a school can later correct one without touching the item itself.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

MASTER_LANGUAGE = "nl"


class TranslationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEWED = "reviewed", _("Reviewed")


class Direction(models.TextChoices):
    PARENT_TO_SCHOOL = "parent_to_school", _("Parents → school")
    SCHOOL_TO_PARENT = "school_to_parent", _("School → parents")
    TEAM_SELF = "team_self", _("The team's own feelings and views")


class Audience(models.TextChoices):
    TEAM = "team", _("School team")
    PARENT = "parent", _("Parents")
    PUPIL_10_12 = "pupil_10_12", _("Pupils 10–12")
    PUPIL_12_18 = "pupil_12_18", _("Pupils 12–18")


# Who answers a questionnaire (everyone but the team, who answer in the analysis round), and the pupils among them.
PUPIL_AUDIENCES = (Audience.PUPIL_10_12, Audience.PUPIL_12_18)
SURVEY_AUDIENCES = (Audience.PARENT, *PUPIL_AUDIENCES)
SURVEY_AUDIENCE_CHOICES = [(audience.value, audience.label) for audience in SURVEY_AUDIENCES]


class Dimension(models.Model):
    key = models.SlugField(unique=True)
    position = models.PositiveSmallIntegerField()
    below_surface = models.BooleanField(help_text="Below the waterline of the iceberg: drives what shows.")

    class Meta:
        ordering = ("position",)

    def __str__(self) -> str:
        return self.key


class DimensionText(models.Model):
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(max_length=10)
    name = models.CharField(max_length=100)
    description = models.TextField()
    question = models.TextField()
    example_parent = models.TextField()
    example_school = models.TextField()
    status = models.CharField(max_length=10, choices=TranslationStatus.choices, default=TranslationStatus.DRAFT)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("dimension", "language"), name="one_dimension_text_per_language")
        ]


class Scale(models.Model):
    key = models.SlugField(unique=True)

    def __str__(self) -> str:
        return self.key


class ScaleText(models.Model):
    scale = models.ForeignKey(Scale, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(max_length=10)
    labels = models.JSONField(help_text="Label per answer value: {'1': …, '5': …}")
    dont_know = models.CharField(max_length=100)
    status = models.CharField(max_length=10, choices=TranslationStatus.choices, default=TranslationStatus.DRAFT)

    class Meta:
        constraints = [models.UniqueConstraint(fields=("scale", "language"), name="one_scale_text_per_language")]


class Item(models.Model):
    """One question. Framework items come from the content files (school is empty); a school adds its own."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    key = models.CharField(max_length=120, unique=True)
    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, null=True, blank=True, related_name="items")
    audience = models.CharField(max_length=20, choices=Audience.choices)
    dimension = models.ForeignKey(Dimension, on_delete=models.PROTECT, related_name="items")
    direction = models.CharField(max_length=20, choices=Direction.choices)
    construct = models.CharField(max_length=120, help_text="What the item measures; mirrored items share it.")
    scale = models.ForeignKey(Scale, on_delete=models.PROTECT, related_name="items")
    position = models.PositiveIntegerField(default=0)
    retired = models.BooleanField(default=False, help_text="No longer in the content files; kept for old answers.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("dimension__position", "position", "key")
        indexes = [models.Index(fields=("audience", "retired"))]

    def __str__(self) -> str:
        return self.key


class ItemText(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(max_length=10)
    text = models.TextField()
    status = models.CharField(max_length=10, choices=TranslationStatus.choices, default=TranslationStatus.DRAFT)

    class Meta:
        constraints = [models.UniqueConstraint(fields=("item", "language"), name="one_item_text_per_language")]


class HiddenItem(models.Model):
    """A framework item a school does not want to use (its answers stay in the database)."""

    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="hidden_items")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="+")
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    hidden_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=("school", "item"), name="hide_item_once")]


class ContentRelease(models.Model):
    """A version of the content files that has been loaded, by digest, so a reload can be skipped."""

    digest = models.CharField(max_length=64, unique=True)
    loaded_at = models.DateTimeField(auto_now_add=True)
