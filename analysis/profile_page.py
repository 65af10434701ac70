"""Turning a Profile into what the profile page shows: a radar and a table per side."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from analysis.profile import PARENT_SIDE, Profile, SideProfile
from analysis.radar import Radar, build_radar
from framework.localized import ShownDimension


@dataclass(frozen=True)
class Row:
    dimension: ShownDimension
    mean: float | None
    answers: int
    spread: float | None
    dont_know_percent: int | None
    weakest: bool
    disagreement: bool


@dataclass(frozen=True)
class SideView:
    side: str
    title: str
    radar: Radar
    rows: tuple[Row, ...]


def side_view(side: SideProfile, dimensions: list[ShownDimension]) -> SideView:
    rows = []
    for dimension in dimensions:
        result = side.result(dimension.key)
        rows.append(
            Row(
                dimension=dimension,
                mean=result.mean,
                answers=result.answers,
                spread=result.spread,
                dont_know_percent=round(result.dont_know_share * 100) if result.dont_know_share is not None else None,
                weakest=result.weakest,
                disagreement=result.disagreement,
            )
        )
    title = _("Parents → school") if side.side == PARENT_SIDE else _("School → parents")
    radar = build_radar(
        [dimension.name for dimension in dimensions], [(_("Team"), "series-team", [row.mean for row in rows])]
    )
    return SideView(side.side, title, radar, tuple(rows))


def side_views(profile: Profile, dimensions: list[ShownDimension]) -> list[SideView]:
    return [side_view(side, dimensions) for side in profile.sides]
