"""The words of the regional figures, in one place: the page, the school's view and the export read them."""

from django.utils.translation import gettext_lazy as _

from organisations.regional.figures import CHANGED_BY_FEW, PARENTS, PUPILS, TEAM, TOO_FEW_SCHOOLS

PERSPECTIVE_NAMES = {TEAM: _("Team"), PARENTS: _("Parents"), PUPILS: _("Pupils")}

REASONS = {
    TOO_FEW_SCHOOLS: _("Hidden: fewer than 5 schools have a figure here (each with at least 5 people)."),
    CHANGED_BY_FEW: _(
        "Hidden: fewer than 5 schools joined or left since this figure was last shown; "
        "it is shown again once at least 5 have."
    ),
}

# What leaves the school when the coordinator shares a round (the confirmation page and the school's page).
WHAT_LEAVES = _(
    "Per dimension, the mean of the team's, the parents' and the pupils' answers, only where at least 5 people "
    "answered, and which actions from the library the school chose with their status. Never the answers of one "
    "person, the team's notes, open answers, the text of an evaluation or who answered. The organisation sees "
    "them only inside regional figures of at least 5 schools, without the school's name: where few schools share, "
    "the spread of a figure can show each school's mean, but never which school it is."
)
NAMED_MEANS = _(
    "The organisation may name the school in its list of schools that share. A name is never shown beside a figure."
)
BESIDE_MEANS = _(
    "The school's team sees its own figures beside the region's, to reflect on, not to rank: the region is a "
    "range of schools, not a score to beat."
)


def reason_text(reason: str) -> str:
    return str(REASONS.get(reason, ""))


def perspective_name(perspective: str) -> str:
    return str(PERSPECTIVE_NAMES[perspective])
