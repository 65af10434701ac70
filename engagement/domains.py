"""The four domains and their parts, as the staff interface names them (the declaration's own text is Dutch)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The four domains of every engagementsverklaring, in the order the decree names them.
DOMAIN_KEYS = ("oudercontact", "aanwezigheid", "leerlingenbegeleiding", "nederlands")


@dataclass(frozen=True)
class DomainText:
    school_offers: str
    parents_commit: str
    pupil_commits: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.school_offers.strip() and self.parents_commit.strip())

    @property
    def all_text(self) -> str:
        return "\n".join((self.school_offers, self.parents_commit, self.pupil_commits))


DOMAIN_LABELS = {
    "oudercontact": _("Parent contact"),
    "aanwezigheid": _("Attendance and truancy policy"),
    "leerlingenbegeleiding": _("Individual pupil guidance"),
    "nederlands": _("A positive attitude towards Dutch"),
}
GENERAL = "general"
COMMENT_TOPICS = [(GENERAL, _("The declaration as a whole")), *DOMAIN_LABELS.items()]

PART_LABELS = {
    "title": _("Title"),
    "introduction": _("Introduction"),
    "school_offers": _("What the school offers"),
    "parents_commit": _("What the school asks of parents"),
    "pupil_commits": _("What the school asks of the pupil"),
}
# What a parent reads above each part, in their own language.
PARENT_PART_LABELS = {
    "school_offers": pgettext_lazy("respondent", "What the school offers"),
    "parents_commit": pgettext_lazy("respondent", "What the school asks of you"),
    "pupil_commits": pgettext_lazy("respondent", "What the school asks of your child"),
}

assert list(DOMAIN_LABELS) == list(DOMAIN_KEYS)
