"""The action library in the reader's language, and turning a library action into a draft action."""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet

from actions.models import Action, ActionStatus, LibraryAction, LibraryActionText
from actions.suggest import LibraryFacts
from analysis.models import Round
from framework.localized import pick_language
from framework.models import MASTER_LANGUAGE, Dimension, TranslationStatus
from schools.models import School

OWN_ACTIONS_POSITION = 10_000  # a school's own actions come after the framework's


@dataclass(frozen=True)
class ShownLibraryAction:
    action: LibraryAction
    dimension_keys: tuple[str, ...]
    title: str
    description: str
    pupil_part: str
    is_fallback: bool

    @property
    def facts(self) -> LibraryFacts:
        action = self.action
        return LibraryFacts(
            action.key, frozenset(self.dimension_keys), action.pupil_role, action.effort, action.target_group
        )


def library_for(school: School) -> QuerySet[LibraryAction]:
    return LibraryAction.objects.filter(Q(school__isnull=True) | Q(school=school), retired=False)


def show_library(actions: QuerySet[LibraryAction], language: str) -> list[ShownLibraryAction]:
    texts = LibraryActionText.objects.filter(language__in={language, MASTER_LANGUAGE})
    rows = actions.prefetch_related("dimensions", Prefetch("texts", queryset=texts))
    shown = []
    for action in rows:
        text, is_fallback = pick_language({t.language: t for t in action.texts.all()}, language)
        if text is None:
            continue
        keys = tuple(d.key for d in sorted(action.dimensions.all(), key=lambda d: d.position))
        shown.append(ShownLibraryAction(action, keys, text.title, text.description, text.pupil_part, is_fallback))
    return shown


def add_own_library_action(
    school: School,
    *,
    title: str,
    description: str,
    pupil_part: str,
    target_group: str,
    effort: str,
    pupil_role: str,
    dimensions: Iterable[Dimension],
) -> LibraryAction:
    """A school's own action in its library (only the school sees it), after the framework's actions.

    Written in Dutch, the school's master language, and reviewed: the school wrote it itself.
    """
    with transaction.atomic():
        action = LibraryAction.objects.create(
            key=f"school-{uuid.uuid4()}",
            school=school,
            target_group=target_group,
            effort=effort,
            pupil_role=pupil_role,
            position=OWN_ACTIONS_POSITION,
        )
        action.dimensions.set(dimensions)
        LibraryActionText.objects.create(
            action=action,
            language=MASTER_LANGUAGE,
            title=title,
            description=description,
            pupil_part=pupil_part,
            status=TranslationStatus.REVIEWED,
        )
    return action


def add_to_plan(round_: Round, shown: ShownLibraryAction) -> Action:
    """A library action becomes a draft action ("idea") of the round's plan, in the reader's words."""
    action = Action.objects.create(
        school_id=round_.school_id,
        round=round_,
        title=shown.title,
        description=shown.description,
        target_group=shown.action.target_group,
        pupil_role=shown.action.pupil_role,
        pupil_part=shown.pupil_part,
        status=ActionStatus.IDEA,
        source=shown.action,
    )
    action.dimensions.set(shown.action.dimensions.all())
    return action
