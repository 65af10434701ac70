"""“Wij deden”: what the school did with the plan's actions once they are done or stopped, told to families.

The coordinator writes it per finished action (prefilled from the action's evaluation notes, which are the team's
words and are rewritten for families); it is a change of the page's text like any other, so a published page gets
a new version that goes through the consultation again (feedback.versions.change_text). The next round's
invitation letters carry one sentence of it (feedback.letter_news).
"""

from dataclasses import dataclass, replace

from accounts.models import User
from actions.models import Action, ActionStatus
from feedback.models import FeedbackPage, FeedbackTranslation, FeedbackVersion
from feedback.texts import DoneAction, feedback_text
from feedback.versions import change_text, latest_version, version_text

FINISHED = (ActionStatus.DONE, ActionStatus.STOPPED)
MAX_DONE_LENGTH = 400  # a few plain sentences per action


def finished_actions(page: FeedbackPage) -> list[Action]:
    """The round's plan actions that are done or stopped: what “wij deden” can tell."""
    return list(Action.objects.filter(round_id=page.round_id, status__in=FINISHED).order_by("due_on", "title"))


def record_done(page: FeedbackPage, done: tuple[DoneAction, ...], user: User) -> FeedbackVersion | None:
    """Keep “wij deden” as a new version of the page's text (None when nothing changed)."""
    text = version_text(latest_version(page))
    return change_text(page, replace(text, done=done), user, "Wij deden")


@dataclass(frozen=True)
class DonePassage:
    key: str  # "done.<n>": read-aloud and translations name it
    outcome: str
    title_dutch: str
    title_translated: str
    dutch: str
    translated: str


def done_passages(version: FeedbackVersion, language: str) -> list[DonePassage]:
    """The version's “wij deden” in Dutch, with the translation in `language` beside it where there is one."""
    text = feedback_text(version.content)
    row = FeedbackTranslation.objects.filter(version=version, language=language).first() if language != "nl" else None
    translated = row.fields if row is not None else {}
    return [
        DonePassage(
            f"done.{index}",
            done.outcome,
            done.title,
            translated.get(f"done.{index}.title", ""),
            done.what_happened,
            translated.get(f"done.{index}.what_happened", ""),
        )
        for index, done in enumerate(text.done)
    ]
