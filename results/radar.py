"""Geometry of the radar (spider) chart, drawn as SVG on the server. Pure functions.

The scale runs from 1 to 5 and the ring for 1 sits well away from the centre: the centre means
nothing. A value that is hidden (rule of five) or missing is never drawn as a point: the series'
line breaks there, and a hollow marker sits on the axis just outside the ring for 5, where no score
can lie, so it cannot be read as a very low (or any) score; a note under the chart says why.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from results.perspectives import HIDDEN, MIN_GROUP_SIZE, NO_ANSWERS, NOT_ASKED

SCALE_MIN = 1.0
SCALE_MAX = 5.0
LEVELS = (1, 2, 3, 4, 5)
GAP_MARKER_STEP = 9  # hollow markers of several series on one axis sit side by side outwards
LABEL_DISTANCE = 14
# What a label may take, estimated without a font: 12 px text (the page's), a generous 0.62 em per character.
LABEL_CHAR_WIDTH = 12 * 0.62
LABEL_HALF_HEIGHT = 8
MARGIN = 4
POINT_RADIUS = 4  # a value's dot (and half a square's side)
SCALE_LABEL_OFFSET = POINT_RADIUS + 4  # the scale's numbers stand beside the first axis, clear of a dot on it
# Markers: pupils' values are filled squares, so that in black and white they never look like a gap's hollow circle.
CIRCLE, SQUARE = "circle", "square"

# Why a value has no point (HIDDEN, NOT_ASKED, NO_ANSWERS: results.perspectives); the templates word them.
REASONS = (HIDDEN, NOT_ASKED, NO_ANSWERS)


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class Axis:
    label: str
    end: Point
    label_at: Point
    anchor: str  # SVG text-anchor: start, middle or end

    @property
    def label_extent(self) -> tuple[float, float, float, float]:
        """Estimated (left, top, right, bottom) of the label's text."""
        width = len(self.label) * LABEL_CHAR_WIDTH
        left = {"start": self.label_at.x, "end": self.label_at.x - width}.get(self.anchor, self.label_at.x - width / 2)
        return left, self.label_at.y - LABEL_HALF_HEIGHT, left + width, self.label_at.y + LABEL_HALF_HEIGHT


@dataclass(frozen=True)
class Ring:
    level: int
    radius: float
    polygon: str
    label_at: Point  # the level's number, beside the first axis


@dataclass(frozen=True)
class Gap:
    """A value with no point: hollow marker on the axis, outside the scale."""

    axis: str
    reason: str
    marker: Point


@dataclass(frozen=True)
class Series:
    name: str
    css_class: str
    points: tuple[Point, ...]  # only the values that exist
    closed: bool  # every value exists: one closed polygon
    polygon: str  # "x,y x,y …" for <polygon points>, empty unless closed
    lines: tuple[str, ...]  # open polylines between gaps, when not closed
    gaps: tuple[Gap, ...]
    marker: str = CIRCLE  # CIRCLE or SQUARE, for the values that exist

    @property
    def squares(self) -> tuple[Point, ...]:
        """Top-left corners of the squares drawn for the values (SQUARE series)."""
        return tuple(Point(round(p.x - POINT_RADIUS, 1), round(p.y - POINT_RADIUS, 1)) for p in self.points)


@dataclass(frozen=True)
class GapNote:
    series: str
    reason: str
    axes: tuple[str, ...]


@dataclass(frozen=True)
class Radar:
    size: int
    center: Point
    axes: tuple[Axis, ...]
    rings: tuple[Ring, ...]  # the grid at 1…5
    series: tuple[Series, ...]
    min_group_size: int = MIN_GROUP_SIZE  # for the words of a hidden value
    side_room: float = 0  # the viewBox is widened this much on both sides, so that long labels fit

    @property
    def view_box(self) -> str:
        return f"{-self.side_room:g} 0 {self.size + 2 * self.side_room:g} {self.size}"

    @property
    def gap_notes(self) -> list[GapNote]:
        """Per series and reason, the axes without a point, for the note under the chart."""
        notes = []
        for series in self.series:
            for reason in REASONS:
                axes = tuple(gap.axis for gap in series.gaps if gap.reason == reason)
                if axes:
                    notes.append(GapNote(series.name, reason, axes))
        return notes


@dataclass(frozen=True)
class SeriesInput:
    """One line: a value per axis, and for a missing value (None) why it is missing (one of REASONS)."""

    name: str
    css_class: str
    values: Sequence[float | None]
    hidden: Sequence[bool] = ()  # per axis; a None that is not hidden has no answers (unless `reasons` says)
    reasons: Sequence[str] = ()  # per axis, the reason of a None; when given, it is used instead of `hidden`
    marker: str = CIRCLE

    def reason(self, index: int) -> str:
        if index < len(self.reasons) and self.reasons[index]:
            return self.reasons[index]
        return HIDDEN if index < len(self.hidden) and self.hidden[index] else NO_ANSWERS


def _angle(index: int, count: int) -> float:
    return -math.pi / 2 + 2 * math.pi * index / count  # first axis straight up, clockwise


def _at(center: Point, radius: float, angle: float) -> Point:
    return Point(round(center.x + radius * math.cos(angle), 1), round(center.y + radius * math.sin(angle), 1))


def radius_for(value: float, radius: float) -> float:
    """1 is the first ring at a fifth of the radius, 5 the edge."""
    clamped = min(max(value, SCALE_MIN), SCALE_MAX)
    return radius * (clamped - SCALE_MIN + 1) / (SCALE_MAX - SCALE_MIN + 1)


def _polygon(points: Sequence[Point]) -> str:
    return " ".join(f"{p.x},{p.y}" for p in points)


def present_runs(values: Sequence[float | None]) -> list[list[int]]:
    """Indexes of consecutive present values; the loop closes over the ends only when both are present."""
    runs: list[list[int]] = []
    for index, value in enumerate(values):
        if value is None:
            continue
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    if len(runs) > 1 and runs[0][0] == 0 and runs[-1][-1] == len(values) - 1:
        runs[0] = runs.pop() + runs[0]
    return runs


def _series(line: SeriesInput, labels: Sequence[str], center: Point, radius: float, taken: list[int]) -> Series:
    count = len(labels)
    values = list(line.values)
    points = {i: _at(center, radius_for(v, radius), _angle(i, count)) for i, v in enumerate(values) if v is not None}
    gaps = []
    for i, value in enumerate(values):
        if value is None:
            taken[i] += 1
            marker = _at(center, radius + GAP_MARKER_STEP * taken[i], _angle(i, count))
            gaps.append(Gap(labels[i], line.reason(i), marker))
    ordered = tuple(points[i] for i in sorted(points))
    if len(points) == count:
        return Series(line.name, line.css_class, ordered, True, _polygon(ordered), (), (), line.marker)
    lines = tuple(_polygon([points[i] for i in run]) for run in present_runs(values) if len(run) > 1)
    return Series(line.name, line.css_class, ordered, False, "", lines, tuple(gaps), line.marker)


def side_room(axes: Sequence[Axis], size: int) -> float:
    """How far the widest label reaches past the left or right edge (with a margin); the viewBox grows by it."""
    overflow = 0.0
    for axis in axes:
        left, _top, right, _bottom = axis.label_extent
        overflow = max(overflow, MARGIN - left, right - (size - MARGIN))
    return math.ceil(overflow)


def build_radar(labels: Sequence[str], series: Sequence[SeriesInput], size: int = 360) -> Radar:
    """Values run from 1 to 5, one per label; `hidden` says which missing ones the rule of five hides."""
    count = len(labels)
    center = Point(size / 2, size / 2)
    radius = size / 2 - 85  # room for the labels
    if count < 3:
        return Radar(size, center, (), (), ())
    taken = [0] * count  # gap markers already on each axis
    drawn = tuple(_series(line, labels, center, radius, taken) for line in series)
    axes = []
    for index, label in enumerate(labels):
        angle = _angle(index, count)
        cos = math.cos(angle)
        anchor = "middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end")
        label_radius = radius + LABEL_DISTANCE + GAP_MARKER_STEP * taken[index]
        axes.append(Axis(label, _at(center, radius, angle), _at(center, label_radius, angle), anchor))
    rings = []
    for level in LEVELS:
        ring_radius = radius_for(level, radius)
        corners = [_at(center, ring_radius, _angle(i, count)) for i in range(count)]
        scale_at = Point(center.x + SCALE_LABEL_OFFSET, corners[0].y + 3)
        rings.append(Ring(level, round(ring_radius, 1), _polygon(corners), scale_at))
    return Radar(size, center, tuple(axes), tuple(rings), drawn, side_room=side_room(axes, size))
