"""Issue 12 walk-through, radar details: labels inside the viewBox, the scale beside the axis, pupils as squares."""

from django.template.loader import render_to_string

from results.radar import POINT_RADIUS, SQUARE, SeriesInput, build_radar

DUTCH = ["Kennis", "Rationeel", "Overtuiging", "Gedrag", "Tijd", "Emotie", "Competentie"]
ENGLISH = ["Knowledge", "Reasons", "Beliefs", "Behaviour", "Time", "Emotion", "Competence"]


def view_box(labels: list[str], series: list[SeriesInput]) -> tuple[float, float, float, float]:
    radar = build_radar(labels, series)
    left, top, width, height = (float(part) for part in radar.view_box.split())
    return left, top, left + width, top + height


def test_no_label_leaves_the_view_box_in_dutch_or_english() -> None:
    # Every series missing everywhere pushes every label out by three gap markers: the widest case.
    gaps = [SeriesInput(name, name, [None] * 7) for name in ("team", "parents", "pupils")]
    for labels in (DUTCH, ENGLISH):
        for series in ([], gaps):
            radar = build_radar(labels, series)
            left, top, right, bottom = view_box(labels, series)
            for axis in radar.axes:
                label_left, label_top, label_right, label_bottom = axis.label_extent
                assert left <= label_left and label_right <= right, (axis.label, radar.view_box)
                assert top <= label_top and label_bottom <= bottom, (axis.label, radar.view_box)


def test_the_view_box_grows_on_both_sides_alike_and_only_when_a_label_needs_it() -> None:
    assert build_radar(["a", "b", "c", "d"], []).view_box == "0 0 360 360"
    radar = build_radar(DUTCH, [])
    assert radar.side_room > 0  # "Overtuiging" starts at x≈286 of 360: it used to be cut off
    assert radar.view_box == f"{-radar.side_room:g} 0 {360 + 2 * radar.side_room:g} 360"
    overtuiging = next(axis for axis in radar.axes if axis.label == "Overtuiging")
    assert overtuiging.label_extent[2] > 360  # it does reach past the old edge


def test_the_scale_numbers_stand_beside_the_first_axis_clear_of_a_point_on_it() -> None:
    radar = build_radar(DUTCH, [SeriesInput("team", "series-team", [2, 3, 3, 3, 3, 3, 3])])
    point_on_first_axis = radar.series[0].points[0]
    two = next(ring for ring in radar.rings if ring.level == 2)
    assert point_on_first_axis.x == radar.center.x
    assert two.label_at.x - point_on_first_axis.x >= POINT_RADIUS + 4  # the text starts right of the dot


def test_pupils_are_filled_squares_and_gaps_stay_hollow_circles() -> None:
    pupils = SeriesInput("Pupils", "series-pupils", [3, None, 3, 3], reasons=["", "not_asked", "", ""], marker=SQUARE)
    radar = build_radar(["a", "b", "c", "d"], [pupils])
    svg = render_to_string("results/radar.html", {"radar": radar, "title": "t", "chart_id": "c"})
    assert svg.count("<rect ") == 3  # one square per value
    assert svg.count('<circle class="gap"') == 1 and svg.count("<circle cx") == 0
