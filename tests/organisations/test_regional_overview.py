"""The regional overview as the organisation's coach reads it: figures across the schools that share, the rule of
five per school and per figure, withdrawal between two moments, library actions, the trend, a constant number
of queries, and nothing of one person."""

import re
from datetime import date

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actions.models import Action, ActionStatus, LibraryAction
from analysis.models import DimensionNote, Round, TeamResponse
from framework.models import Dimension
from organisations.links import withdraw_link
from organisations.models import Organisation, SchoolLink
from organisations.regional.figures import CHANGED_BY_FEW, TOO_FEW_SCHOOLS
from organisations.regional.overview import build_overview
from surveys.models import SurveyResponse
from tests.helpers.world import World, in_dutch
from tests.organisations.regional_data import closed_round, organisation_with_coach, share


def sharing(organisation: Organisation, count: int, first: int = 0, **kwargs: object) -> list[Round]:
    rounds = [
        closed_round(f"School {index}", parent_value=1 + index % 5, **kwargs) for index in range(first, first + count)
    ]  # type: ignore[arg-type]
    for round_ in rounds:
        share(organisation, round_, named=round_.school.name.endswith(("0", "2")))
    return rounds


def overview_page(client: Client, organisation: Organisation, year: str = "") -> str:
    url = reverse("organisations:overview", args=[organisation.id]) + (f"?year={year}" if year else "")
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_five_schools_make_a_figure_named_only_with_agreement(world: World) -> None:
    atlas, coach = organisation_with_coach()
    sharing(atlas, 5)
    html = overview_page(world.client_for(coach), atlas)
    assert "School 0" in html and "School 2" in html  # agreed to be named
    for unnamed in ("School 1", "School 3", "School 4"):
        assert unnamed not in html
    overview = build_overview(atlas, None, "nl")
    kennis = overview.dimensions[0]
    team, parents, pupils = kennis.figures
    assert team.distribution is not None and team.distribution.median == 4.0
    assert parents.distribution is not None
    assert (parents.distribution.q1, parents.distribution.median, parents.distribution.q3) == (2.0, 3.0, 4.0)
    assert pupils.distribution is None and pupils.reason == TOO_FEW_SCHOOLS  # nobody asked pupils
    assert in_dutch("Hidden: fewer than 5 schools have a figure here (each with at least 5 people).") in html


def test_a_school_with_four_parents_counts_for_the_team_not_for_the_parents(world: World) -> None:
    atlas, _coach = organisation_with_coach()
    sharing(atlas, 5)
    share(atlas, closed_round("Kleine school", parents=4, parent_value=5))
    team, parents, _pupils = build_overview(atlas, None, "nl").dimensions[0].figures
    assert team.distribution is not None and team.distribution.schools == 6
    assert parents.distribution is not None and parents.distribution.schools == 5
    assert parents.distribution.p90 < 5.0  # the four parents' 5s are in no figure


def test_four_schools_make_no_figure(world: World) -> None:
    atlas, _coach = organisation_with_coach()
    sharing(atlas, 4)
    overview = build_overview(atlas, None, "nl")
    assert all(figure.distribution is None for row in overview.dimensions for figure in row.figures)
    assert all(spot.distribution is None for spot in overview.blind_spots)
    assert all(not weakest.rows for weakest in overview.weakest)


def test_one_school_withdrawing_between_two_moments_reveals_nothing_of_it(world: World) -> None:
    """Six schools shown, then one withdraws: with five the regional mean and quartiles would give its figure away
    (6 × before − 5 × after); the figures are hidden instead, and come back once five schools more changed."""
    atlas, coach = organisation_with_coach()
    rounds = sharing(atlas, 6)
    client = world.client_for(coach)
    changed = in_dutch(
        "Hidden: fewer than 5 schools joined or left since this figure was last shown; "
        "it is shown again once at least 5 have."
    )
    assert changed not in overview_page(client, atlas)  # six schools, every figure recorded as shown
    shown_before = build_overview(atlas, None, "nl").dimensions[0].figures[1].distribution
    assert shown_before is not None and shown_before.schools == 6
    withdraw_link(SchoolLink.objects.get(school=rounds[5].school, organisation=atlas))
    after = build_overview(atlas, None, "nl")
    for dimension in after.dimensions:
        team, parents, _pupils = dimension.figures
        assert team.distribution is None and team.reason == CHANGED_BY_FEW
        assert parents.distribution is None and parents.reason == CHANGED_BY_FEW
    assert all(spot.distribution is None for spot in after.blind_spots)
    assert all(weakest.reason in (CHANGED_BY_FEW, TOO_FEW_SCHOOLS) for weakest in after.weakest)
    assert all(cell.median is None for row in after.trend for cell in row.cells)
    assert changed in overview_page(client, atlas)
    sharing(atlas, 4, first=6)  # one gone, four come: five changed
    back = build_overview(atlas, None, "nl").dimensions[0].figures[1]
    assert back.distribution is not None and back.distribution.schools == 9


def test_a_newcomer_waits_for_four_more(world: World) -> None:
    atlas, _coach = organisation_with_coach()
    sharing(atlas, 5)
    first = build_overview(atlas, None, "nl").dimensions[0].figures[1]
    sharing(atlas, 1, first=5)
    waiting = build_overview(atlas, None, "nl").dimensions[0].figures[1]
    assert waiting.distribution == first.distribution and waiting.waiting == 1


def test_library_actions_chosen_by_five_schools_with_their_status_and_no_evaluation_text(world: World) -> None:
    atlas, coach = organisation_with_coach()
    rounds = sharing(atlas, 5)
    chosen, rare = LibraryAction.objects.filter(school__isnull=True).order_by("position")[:2]
    for index, round_ in enumerate(rounds):
        status = ActionStatus.DONE if index < 3 else ActionStatus.UNDER_WAY
        evaluation = "GEHEIME-EVALUATIE: de tolk kwam niet" if index == 0 else ""
        Action.objects.create(
            school=round_.school, round=round_, title="x", source=chosen, status=status, evaluation=evaluation
        )
        if index < 4:
            Action.objects.create(school=round_.school, round=round_, title="y", source=rare)
    overview = build_overview(atlas, None, "nl")
    [row] = overview.actions
    assert (row.key, row.schools, row.evaluated) == (chosen.key, 5, 1)
    assert dict(row.statuses) == {in_dutch("Under way"): 2, in_dutch("Done"): 3}
    assert overview.actions_held_back == 1
    html = overview_page(world.client_for(coach), atlas)
    assert "GEHEIME-EVALUATIE" not in html


def test_no_answer_of_one_person_note_or_open_answer_reaches_the_page(world: World) -> None:
    atlas, coach = organisation_with_coach()
    rounds = sharing(atlas, 5)
    SurveyResponse.objects.filter(round=rounds[0]).update(open_answer="OPEN-ANTWOORD van een ouder")
    response = TeamResponse.objects.filter(round=rounds[0]).first()
    assert response is not None
    DimensionNote.objects.create(
        school=rounds[0].school, response=response, dimension=Dimension.objects.first(), text="NOTITIE-TEAM"
    )
    html = overview_page(world.client_for(coach), atlas)
    assert "OPEN-ANTWOORD" not in html and "NOTITIE-TEAM" not in html
    assert "Leraar" not in html  # no team member's name


def test_the_trend_over_school_years(world: World) -> None:
    atlas, coach = organisation_with_coach()
    sharing(atlas, 5, period=(date(2025, 10, 1), date(2025, 12, 1)))
    sharing(atlas, 5, first=5)
    overview = build_overview(atlas, None, "nl")
    assert overview.school_years == ("2025-2026", "2026-2027") and overview.school_year == "2026-2027"
    parents_kennis = next(row for row in overview.trend if row.perspective == "parents")
    assert [cell.median for cell in parents_kennis.cells] == [3.0, 3.0]
    html = overview_page(world.client_for(coach), atlas, "2025-2026")
    assert re.search(r'<option value="2025-2026" selected>', html)


def test_the_page_takes_the_same_number_of_queries_for_five_or_ten_schools(world: World) -> None:
    atlas, coach = organisation_with_coach()
    client = world.client_for(coach)
    url = reverse("organisations:overview", args=[atlas.id])
    sharing(atlas, 5)
    client.get(url)  # the first version of every figure is recorded once

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    five = queries()
    sharing(atlas, 5, first=5)
    client.get(url)
    assert queries() == five
    print(f"regional page: {five} queries for 5 and for 10 schools")
    assert five <= 15
