"""Starting, changing, consulting and publishing a feedback page. Every change of text is a new version; a
published version is frozen and stays online until a newer one is published.

States: draft → in consultation → published (the coordinator publishes after the consultation); changing a
published text starts a new draft (engagement.states.state_after_text_change, the declaration's rule).
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from accounts.models import User
from analysis.models import Round, RoundStatus
from engagement.drafting import StepNotAllowed
from engagement.states import Step, state_after_text_change
from feedback.composing import allowed_figures, figure_options, first_text, round_open_answers
from feedback.consultation import mail_consultation_opened
from feedback.models import FeedbackPage, FeedbackState, FeedbackVersion
from feedback.privacy import FigureProblem, figure_problems, quoted_open_answers, repeated_names
from feedback.texts import FeedbackText, FigureRef, feedback_text, source_fields
from feedback.translating import carry_translations

MIN_POINTS, MAX_POINTS = 3, 5  # what parents said: three to five points

STEPS = {
    "consult": Step("consult", (FeedbackState.DRAFT,), FeedbackState.CONSULTATION),
    "back_to_draft": Step("back_to_draft", (FeedbackState.CONSULTATION,), FeedbackState.DRAFT),
    "publish": Step("publish", (FeedbackState.CONSULTATION,), FeedbackState.PUBLISHED),
}

# Why a text cannot be published (beyond the privacy problems, which keep it from being saved at all).
TOO_FEW_POINTS, TOO_MANY_POINTS, POINT_WITHOUT_FIGURE = "too_few_points", "too_many_points", "point_without_figure"


class RoundNotClosed(Exception):
    """A page is composed from a closed round only: before that its figures can still change."""


@dataclass(frozen=True)
class Refusal:
    """Why a text cannot be kept: figures the rules of issue 7 do not allow, open answers it quotes, or names from
    open answers it repeats."""

    figures: tuple[FigureProblem, ...]
    quotes: tuple[str, ...]
    names: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.figures or self.quotes or self.names)


class TextRefused(Exception):
    def __init__(self, refusal: Refusal) -> None:
        super().__init__(f"{len(refusal.figures)} figures and {len(refusal.quotes)} quotes refused")
        self.refusal = refusal


def version_text(version: FeedbackVersion) -> FeedbackText:
    return feedback_text(version.content)


def latest_version(page: FeedbackPage) -> FeedbackVersion:
    version = page.versions.order_by("-number").first()
    assert version is not None, "a page is created with its first version"
    return version


def consulted_versions(page: FeedbackPage) -> QuerySet[FeedbackVersion]:
    """The versions the parent representatives and the schoolraad read: opened for consultation, made while it was
    open, or published. A first draft the coordinator never opened stays the coordinator's and the team's."""
    return page.versions.filter(Q(consultation_mailed_at__isnull=False) | Q(published_at__isnull=False))


def shown_before(page: FeedbackPage) -> list[FigureRef]:
    """The figures of every version families could read: a new figure must not be subtractable from them."""
    figures: list[FigureRef] = []
    for version in page.versions.filter(published_at__isnull=False):
        figures += version_text(version).figures()
    return figures


def refusal_for(page: FeedbackPage, text: FeedbackText) -> Refusal:
    allowed = allowed_figures(figure_options(page.round, "nl"))
    problems = figure_problems(text.figures(), allowed, shown_before(page))
    answers = round_open_answers(page.round)
    quotes: list[str] = []
    names: list[str] = []
    for field in source_fields(text):
        quotes += [answer for answer in quoted_open_answers(field.dutch, answers) if answer not in quotes]
        names += [name for name in repeated_names(field.dutch, answers) if name not in names]
    return Refusal(tuple(problems), tuple(quotes), tuple(names))


def publishing_problems(text: FeedbackText) -> list[str]:
    """What keeps a kept text from being published: three to five parents' points, each with its figure."""
    problems = []
    if len(text.parents) < MIN_POINTS:
        problems.append(TOO_FEW_POINTS)
    if len(text.parents) > MAX_POINTS or len(text.pupils) > MAX_POINTS:
        problems.append(TOO_MANY_POINTS)
    if any(point.figure is None for point in (*text.parents, *text.pupils)):
        problems.append(POINT_WITHOUT_FIGURE)
    return problems


def _add_version(page: FeedbackPage, text: FeedbackText, user: User | None, note: str) -> FeedbackVersion:
    number = (page.versions.aggregate(highest=Max("number"))["highest"] or 0) + 1
    return FeedbackVersion.objects.create(
        page=page, school_id=page.school_id, number=number, content=text.as_json(), change_note=note, created_by=user
    )


@transaction.atomic
def start_page(round_: Round, user: User) -> FeedbackPage:
    """The round's page, created with a first draft from the round; the existing one when there is one."""
    if round_.status != RoundStatus.CLOSED:
        raise RoundNotClosed(round_.pk)
    Round.objects.select_for_update().filter(pk=round_.pk).first()  # one page per round, also on a double click
    existing = FeedbackPage.objects.filter(round=round_).first()
    if existing is not None:
        return existing
    page = FeedbackPage.objects.create(school_id=round_.school_id, round=round_)
    _add_version(page, first_text(round_), user, "")
    return page


@transaction.atomic
def change_text(page: FeedbackPage, text: FeedbackText, user: User, note: str = "") -> FeedbackVersion | None:
    """Keep the change as a new version (None when nothing changed); raises TextRefused for figures the rules do
    not allow or quoted open answers. A change to a published text starts a new draft."""
    FeedbackPage.objects.select_for_update().filter(pk=page.pk).first()
    current = latest_version(page)
    if version_text(current) == text:
        return None
    refusal = refusal_for(page, text)
    if refusal:
        raise TextRefused(refusal)
    version = _add_version(page, text, user, note)
    if page.state == FeedbackState.CONSULTATION:
        # Made while the consultation is open: its people were told and read it (re-opening on it mails nobody).
        version.consultation_mailed_at = timezone.now()
        version.save(update_fields=["consultation_mailed_at"])
    new_state = state_after_text_change(page.state)
    if new_state != page.state:
        page.state = new_state
        page.save(update_fields=["state"])
    return version


@transaction.atomic
def take_step(page: FeedbackPage, name: str) -> None:
    """A step of the consultation; publishing checks the text again (the rules and the points) and freezes it."""
    step = STEPS.get(name)
    if step is None or page.state not in step.from_states:
        raise StepNotAllowed(name)
    current = latest_version(page)
    if name == "publish":
        text = version_text(current)
        refusal = refusal_for(page, text)
        if refusal:
            raise TextRefused(refusal)
        if publishing_problems(text):
            raise StepNotAllowed("the text is not complete")
        current.published_at = timezone.now()
        current.save(update_fields=["published_at"])
        page.published_version = current
        carry_translations(current)
    page.state = step.to_state
    page.save()
    if name == "consult" and current.consultation_mailed_at is None:
        current.consultation_mailed_at = timezone.now()
        current.save(update_fields=["consultation_mailed_at"])
        mail_consultation_opened(page)
