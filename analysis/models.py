"""Analysis rounds: the team answers the item bank, then reads and discusses the profile."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from framework.models import PUPIL_AUDIENCES, Audience, Dimension, Item
from schools.models import School


class Scope(models.TextChoices):
    WHOLE_SCHOOL = "whole_school", _("The whole school")
    GROUP = "group", _("A group (class, grade, campus)")
    SITUATION = "situation", _("A concrete situation")


class RoundStatus(models.TextChoices):
    """OPEN while any of the round's voices collects answers; CLOSED once all are closed: the profile is final."""

    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Voice(models.TextChoices):
    """Who speaks in a round; each voice collects answers in its own window (CollectionWindow)."""

    TEAM = "team", _("the team's reflection")
    PARENTS = "parents", _("the parents' voice")
    PUPILS = "pupils", _("the pupils' voice")


VOICE_AUDIENCES: dict[str, tuple[str, ...]] = {
    Voice.TEAM: (Audience.TEAM,),
    Voice.PARENTS: (Audience.PARENT,),
    Voice.PUPILS: PUPIL_AUDIENCES,
}


def voice_of(audience: str) -> Voice:
    """The voice an audience (framework.models.Audience) answers in."""
    return next(Voice(voice) for voice, audiences in VOICE_AUDIENCES.items() if audience in audiences)


class Round(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="rounds")
    title = models.CharField(_("title"), max_length=200)
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices, default=Scope.WHOLE_SCHOOL)
    scope_description = models.TextField(
        _("description of the group or situation"),
        blank=True,
        help_text=_('For example: "parents of the toddler class do not come to the parent evening".'),
    )
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"))
    status = models.CharField(max_length=10, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    items = models.ManyToManyField(Item, through="RoundItem", related_name="+")
    previous = models.ForeignKey(
        "self",
        verbose_name=_("previous round"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="next_rounds",
        help_text=_("The new round asks the same questions, and the profile shows the change since then."),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-starts_on", "-created_at")

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        """Some voice still collects answers, so the profile can still change (see CollectionWindow)."""
        return self.status == RoundStatus.OPEN

    @property
    def collects_questionnaires(self) -> bool:
        """The parents' or the pupils' voice is open, so codes can be made (one query)."""
        return self.windows.filter(closed_at__isnull=True).exclude(voice=Voice.TEAM).exists()


class CollectionWindow(models.Model):
    """The period in which one voice of a round answers, and whether it still does.

    The dates are the plan the coordinator shows and follows; the voice stops collecting only when the
    coordinator closes it (closed_at), which is final. The round is closed once all its voices are.
    """

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="windows")
    voice = models.CharField(max_length=10, choices=Voice.choices)
    opens_on = models.DateField(_("start date"))
    closes_on = models.DateField(_("end date"))
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=("round", "voice"), name="one_window_per_voice")]

    def __str__(self) -> str:
        return f"{self.round} · {self.get_voice_display()}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class RoundItem(models.Model):
    """The items a round asks, fixed when it starts (so a later round can reuse the same set)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="round_items")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=("round", "item"), name="item_once_per_round")]


class ResponseStatus(models.TextChoices):
    """Where one response stands: a team member's in a round, or a parent's or pupil's questionnaire.

    A questionnaire only exists once its code is used, so it is never INVITED (see SURVEY_RESPONSE_STATUSES).
    """

    INVITED = "invited", _("Not started")
    IN_PROGRESS = "in_progress", _("Busy")
    SUBMITTED = "submitted", _("Answered")


SURVEY_RESPONSE_STATUSES = [
    (status.value, status.label) for status in (ResponseStatus.IN_PROGRESS, ResponseStatus.SUBMITTED)
]


class TeamResponse(models.Model):
    """One invited team member's answers in a round. Others only ever see counts and aggregates."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="responses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_responses")
    status = models.CharField(max_length=20, choices=ResponseStatus.choices, default=ResponseStatus.INVITED)
    last_page = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=("round", "user"), name="one_response_per_member")]


class Answer(models.Model):
    """An answer on the item's five-step scale; an empty value means "weet ik niet"."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    response = models.ForeignKey(TeamResponse, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("response", "item"), name="one_answer_per_item"),
            models.CheckConstraint(
                condition=models.Q(value__isnull=True) | models.Q(value__gte=1, value__lte=5), name="answer_on_scale"
            ),
        ]


class DimensionNote(models.Model):
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    response = models.ForeignKey(TeamResponse, on_delete=models.CASCADE, related_name="notes")
    dimension = models.ForeignKey(Dimension, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=("response", "dimension"), name="one_note_per_dimension")]


class Conclusion(models.Model):
    """The team's shared conclusion for one dimension, written by the coordinator after discussion."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="conclusions")
    dimension = models.ForeignKey(Dimension, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("shared conclusion"), blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=("round", "dimension"), name="one_conclusion_per_dimension")]


class RoundSharing(models.Model):
    """What the coordinator shares of a round with parent representatives and schoolraad members (analysis.sharing)."""

    round = models.OneToOneField(Round, on_delete=models.CASCADE, primary_key=True, related_name="sharing")
    profile = models.BooleanField(_("the profile under the rule of five"), default=False)
    conclusions = models.BooleanField(_("the team's shared conclusions"), default=False)
    plan = models.BooleanField(_("the action plan"), default=False)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    changed_at = models.DateTimeField(auto_now=True)


class RoundReminder(models.Model):
    """A reminder the coordinator sent to the team members who had not handed in (analysis.round_mail)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="reminders")
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    sent_at = models.DateTimeField(db_index=True)
    recipients = models.PositiveIntegerField()

    class Meta:
        ordering = ("-sent_at",)
