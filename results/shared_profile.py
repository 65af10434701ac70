"""The profile as parent representatives and schoolraad members read it when the coordinator shares it.

The same figures the team reads for parents and pupils (already under the rule of five), and the team's means
only when at least MIN_GROUP_SIZE team members answered: a mean of two colleagues would all but give their
answers away. The shared page shows no spread, no 'don't know' shares and no notes: those are for the team's
own discussion.
"""

from dataclasses import replace

from django.utils.translation import gettext as _

from results.perspectives import MIN_GROUP_SIZE
from results.profile_page import Row, SideView, survey_series
from results.radar import SeriesInput, build_radar


def team_is_shown(team_members_counted: int) -> bool:
    return team_members_counted >= MIN_GROUP_SIZE


def _without_team(row: Row) -> Row:
    return replace(row, mean=None, answers=0, spread=None, dont_know_percent=None, weakest=False, disagreement=False)


def shared_side(view: SideView, show_team: bool) -> SideView:
    """The side as shared: without the team's figures unless `show_team`; the previous round is not drawn."""
    rows = view.rows if show_team else tuple(_without_team(row) for row in view.rows)
    series = []
    if any(row.mean is not None for row in rows):
        series.append(SeriesInput(_("Team"), "series-team", [row.mean for row in rows]))
    series += survey_series(rows)
    return SideView(view.side, view.title, build_radar([row.dimension.name for row in rows], series), rows)


def shared_sides(views: list[SideView], team_members_counted: int) -> list[SideView]:
    show_team = team_is_shown(team_members_counted)
    return [shared_side(view, show_team) for view in views]
