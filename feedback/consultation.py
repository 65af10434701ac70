"""The consultation on a feedback page, through the engagementsverklaring's parts (engagement.consultation):
the same people are mailed once per version, comment per part of the page, and get the coordinator's answer."""

from functools import partial

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from accounts.models import User
from accounts.staff_mail import StaffMail, enqueue_on_commit, public_url
from engagement.consultation.opened_mail import consulted_people, send_to_consulted
from feedback.models import FeedbackComment, FeedbackPage, FeedbackState, FeedbackVersion
from feedback.texts import ACTIONS, PARENTS, PUPILS, TEAM
from schools.models import Membership, Role

GENERAL = "general"
COMMENT_TOPICS = [
    (GENERAL, gettext_lazy("The page as a whole")),
    (PARENTS, gettext_lazy("What parents said")),
    (PUPILS, gettext_lazy("What pupils said")),
    (TEAM, gettext_lazy("What the team concluded")),
    (ACTIONS, gettext_lazy("What the school does")),
]


def accepts_comments_from(page: FeedbackPage, membership: Membership) -> bool:
    """Parent representatives, schoolraad members, the team and the coordinator comment while the draft is in
    consultation (the declaration's commenters)."""
    return membership.comments_on_declaration and page.state == FeedbackState.CONSULTATION


def add_comment(version: FeedbackVersion, section: str, author: User, body: str) -> FeedbackComment:
    """A comment on one part of the version being consulted (the latest)."""
    return FeedbackComment.objects.create(
        page_id=version.page_id, school_id=version.school_id, version=version, section=section, author=author, body=body
    )


def mail_consultation_opened(page: FeedbackPage) -> None:
    recipients = consulted_people(page.school_id)
    if recipients:
        enqueue_on_commit(send_feedback_consultation_opened, str(page.pk), recipients)


def write_consultation_opened(page: FeedbackPage, role: str) -> StaffMail:
    facts = {
        "school": page.round.school.name,
        "round": page.round.title,
        "link": public_url(reverse("feedback:page", args=[page.school_id, page.round_id])),
    }
    return StaffMail(
        _("Your comments, please: what %(school)s tells families after “%(round)s”") % facts,
        _(
            "%(school)s wants to tell parents and pupils what they said in “%(round)s” and what the school does "
            "about it. Before the page goes out, the school asks for your comments: is it clear, is it fair, is "
            "something missing? The school answers every comment.\n\nRead the draft and comment here:\n%(link)s\n"
        )
        % facts,
        _("You get this e-mail because you are a %(role)s of %(school)s on Betrokken.")
        % {"role": Role(role).label.lower(), "school": page.round.school.name},
    )


@task()
def send_feedback_consultation_opened(page_id: str, user_ids: list[int]) -> None:
    page = FeedbackPage.objects.select_related("round__school").filter(pk=page_id).first()
    if page is None:
        return
    send_to_consulted(page.school_id, user_ids, partial(write_consultation_opened, page))
