"""From analysis to action: a round's plan of actions, and the library of actions to start from.

The werkkader asks for a multidimensional plan: actions that together work on several dimensions,
on the weakest ones and on the largest gaps between team and parents, with a role for pupils.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from actions.check import ActionFacts
from analysis.models import Round
from framework.models import Dimension, TranslationStatus
from schools.models import School
from support.models import SupportOrganisation


class TargetGroup(models.TextChoices):
    ALL_PARENTS = "all_parents", _("All parents")
    NEW_PARENTS = "new_parents", _("New parents")
    PARENTS_LITTLE_DUTCH = "parents_little_dutch", _("Parents who speak little Dutch")
    PARENTS_IN_POVERTY = "parents_in_poverty", _("Parents in poverty")
    TEAM = "team", _("The school team")
    PUPILS = "pupils", _("Pupils")


class PupilRole(models.TextChoices):
    NONE = "none", _("No role")
    INFORMED = "informed", _("Informed")
    PARTICIPATES = "participates", _("Take part")
    LEADS = "leads", _("Lead")


class Effort(models.TextChoices):
    LOW = "low", _("Little effort")
    MEDIUM = "medium", _("Some effort")
    HIGH = "high", _("Much effort")


class ActionStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    PLANNED = "planned", _("Planned")
    UNDER_WAY = "under_way", _("Under way")
    DONE = "done", _("Done")
    STOPPED = "stopped", _("Stopped")


class LibraryAction(models.Model):
    """An action to start from: the framework's (school empty, loaded from content) or a school's own."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    key = models.CharField(max_length=120, unique=True)
    school = models.ForeignKey(School, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    dimensions = models.ManyToManyField(Dimension, related_name="+")
    target_group = models.CharField(max_length=30, choices=TargetGroup.choices)
    effort = models.CharField(max_length=10, choices=Effort.choices)
    pupil_role = models.CharField(max_length=20, choices=PupilRole.choices)
    position = models.PositiveIntegerField(default=0)
    retired = models.BooleanField(default=False)

    class Meta:
        ordering = ("position", "key")


class LibraryActionText(models.Model):
    action = models.ForeignKey(LibraryAction, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(max_length=10)
    title = models.CharField(max_length=200)
    description = models.TextField()
    pupil_part = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=TranslationStatus.choices, default=TranslationStatus.DRAFT)

    class Meta:
        constraints = [models.UniqueConstraint(fields=("action", "language"), name="one_library_text_per_language")]


class Action(models.Model):
    """One action of a round's plan."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    dimensions = models.ManyToManyField(Dimension, verbose_name=_("dimensions it works on"), related_name="+")
    target_group = models.CharField(
        _("target group"), max_length=30, choices=TargetGroup.choices, default=TargetGroup.ALL_PARENTS
    )
    pupil_role = models.CharField(_("pupils' role"), max_length=20, choices=PupilRole.choices, default=PupilRole.NONE)
    pupil_part = models.TextField(_("how pupils take part"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_actions",
    )
    starts_on = models.DateField(_("start date"), null=True, blank=True)
    due_on = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.IDEA)
    success_indicator = models.TextField(_("success indicator"), blank=True)
    evaluation = models.TextField(_("evaluation notes"), blank=True)
    source = models.ForeignKey(LibraryAction, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    carried_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_to",
        help_text="The action of the previous round this one continues.",
    )
    support = models.ForeignKey(
        SupportOrganisation,
        verbose_name=_("support organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("due_on", "created_at")

    def __str__(self) -> str:
        return self.title

    def facts(self) -> ActionFacts:
        """What the plan check needs to know of this action; prefetch `dimensions` when checking a plan."""
        return ActionFacts(
            self.title,
            frozenset(dimension.key for dimension in self.dimensions.all()),
            self.pupil_role,
            self.status,
            self.owner_id is not None,
            self.due_on is not None,
        )


class ActionComment(models.Model):
    """A remark on an action, by a coordinator, the action's owner or a support coach."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("created_at",)
