"""The change since the previous round, per side, dimension and perspective. Pure functions.

Parents' and pupils' figures hidden by the rule of five stay hidden: no change is computed from them.
"""

from dataclasses import dataclass

from results.perspectives import Figure
from results.profile_page import Row, SideView


@dataclass(frozen=True)
class Change:
    now: float | None
    before: float | None
    hidden: bool = False

    @property
    def difference(self) -> float | None:
        if self.hidden or self.now is None or self.before is None:
            return None
        return self.now - self.before


@dataclass(frozen=True)
class TrendRow:
    dimension: str
    team: Change
    parents: Change
    pupils: Change


@dataclass(frozen=True)
class TrendSide:
    side: str
    title: str
    rows: tuple[TrendRow, ...]


def _figure_change(now: Figure, before: Figure) -> Change:
    return Change(now.mean, before.mean, hidden=now.suppressed or before.suppressed)


def _row(now: Row, before: Row) -> TrendRow:
    return TrendRow(
        dimension=now.dimension.name,
        team=Change(now.mean, before.mean),
        parents=_figure_change(now.parents, before.parents),
        pupils=_figure_change(now.pupils, before.pupils),
    )


def trend(now: list[SideView], before: list[SideView]) -> list[TrendSide]:
    """Pairs each side's rows of this round with the previous round's, dimension by dimension."""
    previous = {side.side: {row.dimension.key: row for row in side.rows} for side in before}
    sides = []
    for side in now:
        earlier = previous.get(side.side, {})
        rows = tuple(_row(row, earlier[row.dimension.key]) for row in side.rows if row.dimension.key in earlier)
        sides.append(TrendSide(side.side, side.title, rows))
    return sides
