"""The e-mail to an action's owner when a support coach comments on the action.

Only a coach's comment mails: the coordinator and the owner talk on the action's page anyway, and a coach's
advice is what an owner should not miss. An owner without an account gets nothing (there is nobody to write to).
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.staff_mail import StaffMail, enqueue_on_commit, public_url
from actions.models import Action, ActionComment
from schools.models import Membership, Role


def mail_coach_comment(comment: ActionComment, author: User) -> None:
    action = comment.action
    if action.owner_id is None or action.owner_id == author.pk:
        return
    if not Membership.objects.filter(school_id=action.school_id, user=author, role=Role.COACH).exists():
        return
    from actions.mail_tasks import send_coach_comment  # the tasks module imports this one

    enqueue_on_commit(send_coach_comment, str(comment.pk))


def action_link(action: Action, owner: User) -> str:
    """The page where the owner reads the action: the plan for those who read the analysis, else "Mijn acties"
    at the action's card (the action's own address there only takes the posted progress)."""
    membership = Membership.objects.filter(school_id=action.school_id, user=owner).first()
    if membership is not None and membership.reads_analysis:
        return public_url(reverse("actions:detail", args=[action.school_id, action.round_id, action.pk]))
    return public_url(reverse("actions:my_actions", args=[action.school_id])) + f"#action-{action.pk}"


def write_coach_comment(comment: ActionComment, owner: User) -> StaffMail:
    action = comment.action
    coach_role = Role.COACH.label  # the product's one name for the role
    facts = {
        "coach": comment.author or coach_role,
        "who": _("%(name)s (%(role)s)") % {"name": comment.author, "role": coach_role}
        if comment.author
        else coach_role,
        "action": action.title,
        "school": action.school.name,
        "text": comment.text,
        "link": action_link(action, owner),
    }
    return StaffMail(
        _("%(coach)s commented on your action %(action)s") % facts,
        _(
            "%(who)s commented on the action %(action)s at %(school)s:\n\n%(text)s\n\n"
            "Read it and answer here:\n%(link)s\n"
        )
        % facts,
        _("You get this e-mail because you are the owner of this action in the plan of %(school)s.") % facts,
    )
