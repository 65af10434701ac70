"""Writing a round's plan: adding an action, changing one, commenting on one.

Who may do which is the access helpers' business (actions.access); these only write.
"""

from collections.abc import Iterable

from accounts.models import User
from actions.comment_mail import mail_coach_comment
from actions.models import Action, ActionComment
from analysis.models import Round
from framework.models import Dimension


def add_action(round_: Round, action: Action, dimensions: Iterable[Dimension]) -> Action:
    """A new action (filled in but not stored yet) into the round's plan, and so the round's school."""
    action.school_id = round_.school_id
    action.round = round_
    action.save()
    action.dimensions.set(dimensions)
    return action


def change_action(action: Action, dimensions: Iterable[Dimension]) -> None:
    """Store the changes made to an action of a plan, with the dimensions it works on now."""
    action.save()
    action.dimensions.set(dimensions)


def comment_on_action(action: Action, author: User, text: str) -> ActionComment:
    """Store a comment; a support coach's goes to the action's owner by e-mail too (actions.comment_mail)."""
    comment = ActionComment.objects.create(school_id=action.school_id, action=action, author=author, text=text)
    mail_coach_comment(comment, author)
    return comment


def record_progress(action: Action, status: str, evaluation: str) -> None:
    """Its owner's news of an action: how far it is and what she learnt; nothing else of it changes."""
    action.status = status
    action.evaluation = evaluation
    action.save(update_fields=["status", "evaluation", "updated_at"])
