"""Turning profiles into what the profile page shows: per side a radar and tables."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from framework.localized import ShownDimension
from results.perspectives import Asked, Figure, Tally, perspective_figures
from results.profile import PARENT_SIDE, Profile, SideProfile
from results.radar import CIRCLE, SQUARE, Radar, SeriesInput, build_radar


@dataclass(frozen=True)
class Row:
    dimension: ShownDimension
    mean: float | None
    answers: int
    spread: float | None
    dont_know_percent: int | None
    weakest: bool
    disagreement: bool
    parents: Figure
    pupils: Figure


@dataclass(frozen=True)
class SideView:
    side: str
    title: str
    radar: Radar
    rows: tuple[Row, ...]

    @property
    def has_partial(self) -> bool:
        """A parents' or pupils' figure rests on fewer people than are in the figures (the table marks it)."""
        return any(row.parents.partial or row.pupils.partial for row in self.rows)


@dataclass(frozen=True)
class Perspectives:
    """The team's profile, and the parents' and pupils' tallies."""

    team: Profile
    parents: list[Tally]
    pupils: list[Tally]
    # What the parents' and pupils' questionnaires ask about; None: not known, take everything as asked.
    parents_asked: frozenset[Asked] | None = None
    pupils_asked: frozenset[Asked] | None = None
    # How many parents and pupils are in the figures; None: not known, no figure is marked as resting on fewer.
    parents_in_figures: int | None = None
    pupils_in_figures: int | None = None


def side_view(
    side: SideProfile, perspectives: Perspectives, dimensions: list[ShownDimension], before: "SideView | None" = None
) -> SideView:
    keys = [dimension.key for dimension in dimensions]
    parents = perspective_figures(
        perspectives.parents, side.side, keys, perspectives.parents_asked, perspectives.parents_in_figures
    )
    pupils = perspective_figures(
        perspectives.pupils, side.side, keys, perspectives.pupils_asked, perspectives.pupils_in_figures
    )
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
                parents=parents[dimension.key],
                pupils=pupils[dimension.key],
            )
        )
    title = _("Parents → school") if side.side == PARENT_SIDE else _("School → parents")
    series = []
    if any(row.mean is not None for row in rows):
        series.append(SeriesInput(_("Team"), "series-team", [row.mean for row in rows]))
    series += survey_series(rows)
    if before is not None and any(row.mean is not None for row in before.rows):
        series.append(SeriesInput(_("Team, previous round"), "series-before", [row.mean for row in before.rows]))
    radar = build_radar([dimension.name for dimension in dimensions], series)
    return SideView(side.side, title, radar, tuple(rows))


def survey_series(rows: Sequence[Row]) -> list[SeriesInput]:
    """The parents' and pupils' lines, each missing value with its reason."""
    series = []
    for name, css_class, figures in (
        (_("Parents"), "series-parents", [row.parents for row in rows]),
        (_("Pupils"), "series-pupils", [row.pupils for row in rows]),
    ):
        if any(figure.mean is not None or figure.suppressed for figure in figures):
            marker = SQUARE if css_class == "series-pupils" else CIRCLE
            means, reasons = [f.mean for f in figures], [f.reason for f in figures]
            series.append(SeriesInput(name, css_class, means, reasons=reasons, marker=marker))
    return series


def side_views(
    perspectives: Perspectives, dimensions: list[ShownDimension], before: list[SideView] | None = None
) -> list[SideView]:
    """One view per side; given the previous round's views, its team line is drawn too."""
    earlier = {view.side: view for view in before or []}
    return [side_view(side, perspectives, dimensions, earlier.get(side.side)) for side in perspectives.team.sides]
