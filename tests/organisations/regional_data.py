"""Schools that share closed rounds with an organisation: real rounds, team answers and parents' questionnaires
straight into the tables (as tests/helpers/survey_data.py does), closed through analysis.rounds."""

from datetime import date
from itertools import count

from accounts.models import User
from analysis.models import Answer, Round, TeamResponse
from analysis.queries import counted_items
from analysis.rounds import close_round, start_round
from engagement.school_years import school_year_of
from organisations.links import invite_organisation, share_round
from organisations.models import Organisation, OrganisationMembership, OrganisationRole, SchoolLink
from schools.models import Membership, Role, School
from support.models import OrganisationKind
from tests.helpers.organisations import verified_organisation
from tests.helpers.survey_data import constant, hand_in_surveys
from tests.helpers.world import make_user

_numbers = count(1)
AUTUMN_2026 = (date(2026, 10, 1), date(2026, 12, 1))


def organisation_with_coach(name: str = "Atlas", coach_email: str = "") -> tuple[Organisation, User]:
    number = next(_numbers)
    coach = make_user(f"Coach {number}", coach_email or f"coach{number}@example.org")
    organisation = verified_organisation(name, OrganisationKind.INTEGRATION, coach)
    OrganisationMembership.objects.filter(organisation=organisation, user=coach).update(role=OrganisationRole.COACH)
    return organisation, coach


def closed_round(
    name: str,
    *,
    team: int = 5,
    team_value: int = 4,
    parents: int = 5,
    parent_value: int = 3,
    period: tuple[date, date] = AUTUMN_2026,
    school: School | None = None,
) -> Round:
    """A school (or `school`) with a closed round: `team` members answered every item with `team_value`,
    `parents` parents handed in every item with `parent_value`."""
    number = next(_numbers)
    if school is None:
        school = School.objects.create(name=name, town="Gent")
    coordinator = Membership.objects.filter(school=school, role=Role.COORDINATOR).select_related("user").first()
    if coordinator is None:
        user = make_user(f"Coördinator {number}", f"coordinator{number}@example.org")
        coordinator = Membership.objects.create(school=school, user=user, role=Role.COORDINATOR)
    members = [make_user(f"Leraar {number}-{index}", f"team{number}-{index}@example.org") for index in range(team)]
    round_ = start_round(school, coordinator.user, f"Ronde {name}", "whole_school", "", *period, members)
    items = list(counted_items(round_))
    Answer.objects.bulk_create(
        Answer(school=school, response=response, item=item, value=team_value)
        for response in TeamResponse.objects.filter(round=round_)
        for item in items
    )
    if parents:
        hand_in_surveys(round_, "parent", parents, constant(parent_value))
    close_round(round_)
    return round_


def share(organisation: Organisation, round_: Round, named: bool = False) -> SchoolLink:
    coordinator = Membership.objects.filter(school_id=round_.school_id, role=Role.COORDINATOR).first()
    assert coordinator is not None
    year = school_year_of(round_.starts_on)
    link = invite_organisation(round_.school, organisation, year, named, coordinator.user)
    assert share_round(link, round_, coordinator.user)
    return link
