"""Reading what schools share with an organisation: a constant number of queries whatever the number of schools.

The database summed the answers per round, dimension and audience when the round was first shared
(organisations.regional.summaries), so the page reads a few rows per school. Only aggregates are read:
never an answer, a note, an open answer or an evaluation's text.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from actions.models import Action
from organisations.models import Organisation, RoundAggregate, SharedRound
from organisations.regional.figures import ActionChoice, Contribution


@dataclass(frozen=True)
class SharingSchool:
    round_id: str
    school_id: str
    school_name: str  # shown only when `named`
    named: bool
    school_year: str


def _shared(organisation: Organisation) -> QuerySet[SharedRound]:
    """What the organisation may read: rounds shared through invitations that were not withdrawn."""
    return SharedRound.objects.filter(link__organisation=organisation, link__withdrawn_at__isnull=True)


def sharing_schools(organisation: Organisation) -> list[SharingSchool]:
    """Per school and school year its latest shared round (one query)."""
    rows = _shared(organisation).values_list(
        "round_id", "school_id", "school__name", "link__named", "link__school_year", "round__starts_on"
    )
    latest: dict[tuple[str, str], tuple[date, SharingSchool]] = {}
    for round_id, school_id, name, named, school_year, starts_on in rows:
        school = SharingSchool(str(round_id), str(school_id), name, named, school_year)
        key = (school.school_id, school_year)
        if key not in latest or (starts_on, school.round_id) > (latest[key][0], latest[key][1].round_id):
            latest[key] = (starts_on, school)
    return sorted((school for _starts, school in latest.values()), key=lambda s: (s.school_year, s.round_id))


def contributions(organisation: Organisation, dimension_keys: dict[int, str]) -> list[Contribution]:
    """The shared rounds' sums per audience and dimension (organisations.regional.summaries), in one query."""
    rows = RoundAggregate.objects.filter(round_id__in=_shared(organisation).values("round_id")).values_list(
        "round_id", "audience", "dimension_id", "total", "answered", "people"
    )
    return [
        Contribution(str(round_id), audience, dimension_keys[dimension], total, answered, people)
        for round_id, audience, dimension, total, answered, people in rows
    ]


def action_choices(organisation: Organisation) -> list[ActionChoice]:
    """Actions of the shared rounds taken from the common library (a school's own ones could name it), by status."""
    rows = (
        Action.objects.filter(
            round_id__in=_shared(organisation).values("round_id"), source__isnull=False, source__school__isnull=True
        )
        .values_list("round_id", "source__key", "status")
        .annotate(actions=Count("id"), evaluated=Count("id", filter=~Q(evaluation="")))
        .order_by()
    )
    return [
        ActionChoice(str(round_id), key, status, actions, evaluated)
        for round_id, key, status, actions, evaluated in rows
    ]
