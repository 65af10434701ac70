"""The rules of regional figures as plain functions: five people per school, five schools per figure, and two
shown versions of a figure never differing by fewer than five schools."""

import pytest

from organisations.regional.figures import (
    CHANGED_BY_FEW,
    TOO_FEW_SCHOOLS,
    Contribution,
    distribution,
    gaps_per_round,
    quantile,
    school_means,
    weakest_counts,
    weakest_per_round,
)
from organisations.regional.releases import release


def rounds(*names: str) -> frozenset[str]:
    return frozenset(names)


def test_a_school_figure_needs_five_people_and_pupils_age_bands_add_up() -> None:
    means = school_means(
        [
            Contribution("a", "parent", "tijd", 16, 4, 4),  # four parents: no figure
            Contribution("b", "parent", "tijd", 15, 5, 5),
            Contribution("c", "pupil_10_12", "tijd", 6, 3, 3),  # 3 + 2 different pupils: five people
            Contribution("c", "pupil_12_18", "tijd", 8, 2, 2),
        ]
    )
    assert means[("tijd", "parents")] == {"b": 3.0}
    assert means[("tijd", "pupils")] == {"c": 14 / 5}


def test_a_regional_figure_needs_five_schools_and_shows_no_single_school_value() -> None:
    assert distribution([1.0, 2.0, 3.0, 4.0]) is None
    shown = distribution([1.0, 2.0, 3.0, 4.0, 5.0])
    assert shown is not None
    assert (shown.schools, shown.p10, shown.q1, shown.median, shown.q3, shown.p90) == (5, 1.4, 2.0, 3.0, 4.0, 4.6)
    assert quantile([2.0, 4.0], 0.5) == 3.0


def test_the_same_schools_as_before_are_shown_again() -> None:
    before = rounds("a", "b", "c", "d", "e")
    assert release(before, [before]).rounds == before
    assert not release(before, [before]).new


def test_a_first_version_of_five_schools_is_shown_and_recorded_under_five_hidden() -> None:
    assert release(rounds("a", "b", "c", "d"), []).reason == TOO_FEW_SCHOOLS
    first = release(rounds("a", "b", "c", "d", "e"), [])
    assert first.new and first.rounds == rounds("a", "b", "c", "d", "e")


def test_one_school_withdrawing_hides_the_figure_instead_of_revealing_the_school() -> None:
    before = rounds("a", "b", "c", "d", "e", "f")
    after = release(rounds("a", "b", "c", "d", "e"), [before])
    assert after.reason == CHANGED_BY_FEW and after.rounds == frozenset()


def test_newcomers_wait_until_they_are_five_and_the_earlier_version_stays() -> None:
    before = rounds("a", "b", "c", "d", "e")
    one_more = release(before | {"f"}, [before])
    assert one_more.rounds == before and one_more.waiting == 1 and not one_more.new
    five_more = release(before | {"f", "g", "h", "i", "j"}, [before])
    assert five_more.new and len(five_more.rounds) == 10


def test_every_earlier_version_counts_not_only_the_last() -> None:
    """Shown with a..e, then with five more (a..j); going back to a..e plus one (six) differs by one from the first."""
    first = rounds("a", "b", "c", "d", "e")
    second = first | {"f", "g", "h", "i", "j"}
    # Five of the second version withdrew and one joined: five away from the second, one away from the first.
    now = first | {"k"}
    decided = release(now, [first, second])
    assert decided.rounds == first and decided.waiting == 1  # the first version again, k waits


@pytest.mark.parametrize("withdrawn", [1, 2, 3, 4])
def test_fewer_than_five_withdrawals_never_show_a_new_version(withdrawn: int) -> None:
    before = frozenset(f"school-{index}" for index in range(12))
    after = frozenset(sorted(before)[withdrawn:])
    assert release(after, [before]).reason == CHANGED_BY_FEW


def test_weakest_dimensions_and_blind_spots_per_school() -> None:
    keys = ["kennis", "tijd", "emotie", "competentie"]
    means = {
        ("kennis", "team"): {"a": 4.0, "b": 2.0},
        ("tijd", "team"): {"a": 2.0, "b": 2.5},
        ("emotie", "team"): {"a": 3.0},
        ("competentie", "team"): {"a": 1.0},
        ("tijd", "parents"): {"a": 3.5, "b": 2.5},
    }
    weakest = weakest_per_round(means, "team", keys)
    assert weakest == {"a": ("tijd", "competentie")}  # b has two scored dimensions: "weakest" says nothing there
    assert weakest_counts(weakest, ["a"], keys) == {"kennis": 0, "tijd": 1, "emotie": 0, "competentie": 1}
    assert gaps_per_round(means, "tijd") == {"a": -1.5, "b": 0.0}


def test_tied_dimensions_are_weakest_together_and_a_tie_of_all_names_none() -> None:
    keys = ["kennis", "rationeel", "tijd", "emotie"]
    means = {
        ("kennis", "team"): {"tie": 3.0, "all": 3.0},
        ("rationeel", "team"): {"tie": 2.0, "all": 3.0},
        ("tijd", "team"): {"tie": 3.0, "all": 3.0},
        ("emotie", "team"): {"tie": 4.0, "all": 3.004},  # equal as shown, to two decimals
    }
    # The order of the dimensions never decides: kennis and tijd tie for second place, so both count.
    assert weakest_per_round(means, "team", keys) == {"tie": ("kennis", "rationeel", "tijd"), "all": ()}
