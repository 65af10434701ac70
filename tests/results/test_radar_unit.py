from results.radar import build_radar


def test_values_on_the_scale_map_between_centre_and_edge() -> None:
    radar = build_radar(["a", "b", "c", "d"], [("team", "series", [5, 1, None, 3])], size=300)
    center = radar.center
    first, second, third, _fourth = radar.series[0].points
    radius = center.y - radar.axes[0].end.y
    assert (first.x, round(center.y - first.y, 1)) == (center.x, round(radius, 1))  # 5 at the edge, straight up
    assert round(second.x - center.x, 1) == round(radius / 5, 1)  # 1 is the first ring, to the right
    assert (third.x, third.y) == (center.x, center.y)  # no data sits in the centre


def test_out_of_range_values_are_clamped() -> None:
    radar = build_radar(["a", "b", "c"], [("team", "s", [9, -3, 5])])
    top = radar.series[0].points[0]
    assert top == radar.axes[0].end


def test_fewer_than_three_axes_draws_nothing() -> None:
    radar = build_radar(["a", "b"], [("team", "s", [1, 2])])
    assert radar.axes == () and radar.series == ()


def test_polygon_uses_dots_whatever_the_locale() -> None:
    radar = build_radar(["a", "b", "c"], [("team", "s", [2.5, 3.5, 4.5])])
    assert "," in radar.series[0].polygon and all(part.count(",") == 1 for part in radar.series[0].polygon.split())
