import math

from results.radar import HIDDEN, NO_ANSWERS, Point, Radar, SeriesInput, build_radar, present_runs


def _distance(radar: Radar, point: Point) -> float:
    return math.hypot(point.x - radar.center.x, point.y - radar.center.y)


def _points(polyline: str) -> list[Point]:
    return [Point(float(x), float(y)) for x, y in (pair.split(",") for pair in polyline.split())]


def test_values_on_the_scale_map_between_the_first_ring_and_the_edge() -> None:
    radar = build_radar(["a", "b", "c", "d"], [SeriesInput("team", "series", [5, 1, 3, 3])], size=300)
    center = radar.center
    first, second, _third, _fourth = radar.series[0].points
    radius = center.y - radar.axes[0].end.y
    assert (first.x, round(center.y - first.y, 1)) == (center.x, round(radius, 1))  # 5 at the edge, straight up
    assert round(second.x - center.x, 1) == round(radius / 5, 1)  # 1 is the first ring, to the right


def test_the_ring_for_one_is_away_from_the_centre_and_every_ring_is_labelled() -> None:
    radar = build_radar(["a", "b", "c"], [])
    assert [ring.level for ring in radar.rings] == [1, 2, 3, 4, 5]
    assert radar.rings[0].radius > 15  # the centre means nothing: 1 is a visible ring around it
    labels_y = [ring.label_at.y for ring in radar.rings]
    assert labels_y == sorted(labels_y, reverse=True)  # 1 nearest the centre, 5 at the top, along the first axis
    # Beside the first axis, clear of a dot on it (radius 4), and close enough to read as its scale.
    assert all(8 <= ring.label_at.x - radar.center.x < 12 for ring in radar.rings)


def test_a_complete_series_is_one_closed_polygon() -> None:
    series = build_radar(["a", "b", "c"], [SeriesInput("team", "s", [2, 3, 4])]).series[0]
    assert series.closed and series.lines == () and series.gaps == ()
    assert len(series.polygon.split()) == 3


def test_a_missing_value_breaks_the_line_and_never_reaches_the_centre() -> None:
    radar = build_radar(["a", "b", "c", "d", "e"], [SeriesInput("pupils", "s", [3, 3, None, 4, 4], [False] * 5)])
    series = radar.series[0]
    assert not series.closed and series.polygon == ""
    # d-e-a-b is one run (the loop closes over the ends, both present); nothing is drawn to or through c
    assert [len(_points(line)) for line in series.lines] == [4]
    ring_one = radar.rings[0].radius
    assert all(_distance(radar, point) >= ring_one - 0.2 for point in _points(series.lines[0]))
    assert len(series.points) == 4


def test_a_gap_marker_sits_on_its_axis_outside_the_edge() -> None:
    pupils = SeriesInput("pupils", "s", [3, None, 3, 3], [False, True, False, False])
    radar = build_radar(["a", "b", "c", "d"], [pupils])
    (gap,) = radar.series[0].gaps
    axis = radar.axes[1]  # straight to the right
    assert gap.axis == "b" and gap.reason == HIDDEN
    assert gap.marker.y == radar.center.y == axis.end.y  # on the axis
    assert gap.marker.x > axis.end.x  # beyond 5, where no score lies
    assert axis.label_at.x > gap.marker.x + 4  # the label moves out of the marker's way


def test_two_gaps_on_one_axis_sit_side_by_side_and_carry_their_reason() -> None:
    radar = build_radar(
        ["a", "b", "c"],
        [SeriesInput("parents", "p", [None, 2, 2], [True, False, False]), SeriesInput("pupils", "q", [None, 2, 2])],
    )
    parents_gap, pupils_gap = radar.series[0].gaps[0], radar.series[1].gaps[0]
    assert (parents_gap.reason, pupils_gap.reason) == (HIDDEN, NO_ANSWERS)
    assert parents_gap.marker.x == pupils_gap.marker.x == radar.center.x
    assert pupils_gap.marker.y < parents_gap.marker.y < radar.axes[0].end.y
    assert [(note.series, note.reason, note.axes) for note in radar.gap_notes] == [
        ("parents", HIDDEN, ("a",)),
        ("pupils", NO_ANSWERS, ("a",)),
    ]


def test_an_isolated_value_is_a_marker_without_a_line() -> None:
    series = build_radar(["a", "b", "c", "d"], [SeriesInput("s", "s", [None, 4, None, None])]).series[0]
    assert series.lines == () and len(series.points) == 1 and len(series.gaps) == 3


def test_runs_close_over_the_ends_only_when_both_ends_are_present() -> None:
    assert present_runs([1, None, 2, 3]) == [[2, 3, 0]]
    assert present_runs([None, 1, None, 2, 3]) == [[1], [3, 4]]
    assert present_runs([1, 2, None]) == [[0, 1]]
    assert present_runs([None, None, None]) == []


def test_out_of_range_values_are_clamped() -> None:
    radar = build_radar(["a", "b", "c"], [SeriesInput("team", "s", [9, -3, 5])])
    top = radar.series[0].points[0]
    assert top == radar.axes[0].end


def test_fewer_than_three_axes_draws_nothing() -> None:
    radar = build_radar(["a", "b"], [SeriesInput("team", "s", [1, 2])])
    assert radar.axes == () and radar.series == ()


def test_polygon_uses_dots_whatever_the_locale() -> None:
    radar = build_radar(["a", "b", "c"], [SeriesInput("team", "s", [2.5, 3.5, 4.5])])
    assert "," in radar.series[0].polygon and all(part.count(",") == 1 for part in radar.series[0].polygon.split())
