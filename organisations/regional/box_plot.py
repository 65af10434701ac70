"""A box plot per dimension, drawn on the server as SVG (the same on screen and in a PDF), with a table beside it.

The scale runs from 1 to 5. The box spans the middle half of the schools (first to third quartile), the line in
it is the median, the whiskers reach the 10th and the 90th percentile: never one school's own value.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from organisations.regional.figures import Distribution

WIDTH = 340
LEFT = 20
RIGHT = 20
ROW = 34
TOP = 24
SCALE_MIN, SCALE_MAX = 1.0, 5.0


def x_of(value: float) -> float:
    share = (min(max(value, SCALE_MIN), SCALE_MAX) - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)
    return round(LEFT + share * (WIDTH - LEFT - RIGHT), 1)


HALF_BOX = 9
HALF_OWN = 7


@dataclass(frozen=True)
class BoxRow:
    label: str
    y: float  # the row's middle
    box: tuple[float, float, float, float, float] | None  # x of p10, q1, median, q3, p90; None: hidden
    own: float | None  # x of the reading school's own figure
    note: str  # why hidden, written beside the row

    @property
    def top(self) -> float:
        return self.y - HALF_BOX

    @property
    def bottom(self) -> float:
        return self.y + HALF_BOX

    @property
    def box_points(self) -> str:
        if self.box is None:
            return ""
        left, right = self.box[1], self.box[3]
        return f"{left},{self.top} {right},{self.top} {right},{self.bottom} {left},{self.bottom}"

    @property
    def own_points(self) -> str:
        """A diamond at the school's own figure."""
        if self.own is None:
            return ""
        x, y = self.own, self.y
        return f"{x},{y - HALF_OWN} {x + HALF_OWN},{y} {x},{y + HALF_OWN} {x - HALF_OWN},{y}"


@dataclass(frozen=True)
class BoxPlot:
    height: int
    ticks: tuple[tuple[float, int], ...]  # (x, value) of 1..5
    rows: tuple[BoxRow, ...]
    width: int = WIDTH


def box_plot(rows: Sequence[tuple[str, Distribution | None, float | None, str]]) -> BoxPlot:
    """`rows`: (label, distribution or None, own value or None, note when hidden)."""
    drawn = []
    for index, (label, shown, own, note) in enumerate(rows):
        y = TOP + ROW * index + ROW / 2
        box = None
        if shown is not None:
            box = (x_of(shown.p10), x_of(shown.q1), x_of(shown.median), x_of(shown.q3), x_of(shown.p90))
        drawn.append(BoxRow(label, y, box, x_of(own) if own is not None and box is not None else None, note))
    ticks = tuple((x_of(value), value) for value in range(1, 6))
    return BoxPlot(TOP + ROW * len(rows) + 8, ticks, tuple(drawn))
