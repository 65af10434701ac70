"""The profile as parent representatives and schoolraad members read it when the coordinator shares it.

The same figures the team reads for parents and pupils (already under the rule of five), and the team's means
only when at least MIN_GROUP_SIZE team members answered: a mean of two colleagues would all but give their
answers away. No spread, no 'don't know' shares, no notes: those are for the team's own discussion.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from results.perspectives import MIN_GROUP_SIZE, Figure
from results.profile_page import SideView
from results.radar import Radar, build_radar


@dataclass(frozen=True)
class SharedRow:
    dimension: str
    team: float | None  # None when the team's figures are held back
    parents: Figure
    pupils: Figure


@dataclass(frozen=True)
class SharedSide:
    side: str
    title: str
    radar: Radar
    rows: tuple[SharedRow, ...]


def team_is_shown(team_members_counted: int) -> bool:
    return team_members_counted >= MIN_GROUP_SIZE


def shared_side(view: SideView, show_team: bool) -> SharedSide:
    rows = tuple(
        SharedRow(row.dimension.name, row.mean if show_team else None, row.parents, row.pupils) for row in view.rows
    )
    series = []
    for name, css_class, values in (
        (_("Team"), "series-team", [row.team for row in rows]),
        (_("Parents"), "series-parents", [row.parents.mean for row in rows]),
        (_("Pupils"), "series-pupils", [row.pupils.mean for row in rows]),
    ):
        if any(value is not None for value in values):
            series.append((name, css_class, values))
    return SharedSide(view.side, view.title, build_radar([row.dimension for row in rows], series), rows)


def shared_sides(views: list[SideView], team_members_counted: int) -> list[SharedSide]:
    show_team = team_is_shown(team_members_counted)
    return [shared_side(view, show_team) for view in views]
