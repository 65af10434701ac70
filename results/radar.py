"""Geometry of the radar (spider) chart, drawn as SVG on the server. Pure functions."""

import math
from collections.abc import Sequence
from dataclasses import dataclass

SCALE_MIN = 1.0
SCALE_MAX = 5.0


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


@dataclass(frozen=True)
class Series:
    name: str
    css_class: str
    points: tuple[Point, ...]
    polygon: str  # "x,y x,y …" for <polygon points>


@dataclass(frozen=True)
class Radar:
    size: int
    center: Point
    axes: tuple[Axis, ...]
    rings: tuple[str, ...]  # polygons for the grid at 1…5
    series: tuple[Series, ...]


def _angle(index: int, count: int) -> float:
    return -math.pi / 2 + 2 * math.pi * index / count  # first axis straight up, clockwise


def _at(center: Point, radius: float, angle: float) -> Point:
    return Point(round(center.x + radius * math.cos(angle), 1), round(center.y + radius * math.sin(angle), 1))


def _radius_for(value: float | None, radius: float) -> float:
    if value is None:
        return 0.0  # no data: the point sits in the centre; the table says "no answers"
    clamped = min(max(value, SCALE_MIN), SCALE_MAX)
    return radius * (clamped - SCALE_MIN + 1) / (SCALE_MAX - SCALE_MIN + 1)


def _polygon(points: Sequence[Point]) -> str:
    return " ".join(f"{p.x},{p.y}" for p in points)


def build_radar(
    labels: Sequence[str], series: Sequence[tuple[str, str, Sequence[float | None]]], size: int = 360
) -> Radar:
    """`series` holds (name, css_class, one value per label). Values run from 1 to 5."""
    count = len(labels)
    center = Point(size / 2, size / 2)
    radius = size / 2 - 85  # room for the labels
    if count < 3:
        return Radar(size, center, (), (), ())
    axes = []
    for index, label in enumerate(labels):
        angle = _angle(index, count)
        cos = math.cos(angle)
        anchor = "middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end")
        axes.append(Axis(label, _at(center, radius, angle), _at(center, radius + 14, angle), anchor))
    rings = tuple(
        _polygon([_at(center, _radius_for(level, radius), _angle(i, count)) for i in range(count)])
        for level in (1.0, 2.0, 3.0, 4.0, 5.0)
    )
    drawn = []
    for name, css_class, values in series:
        points = tuple(_at(center, _radius_for(value, radius), _angle(i, count)) for i, value in enumerate(values))
        drawn.append(Series(name, css_class, points, _polygon(points)))
    return Radar(size, center, tuple(axes), rings, tuple(drawn))
