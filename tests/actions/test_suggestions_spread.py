"""Issue 12 point 5: suggestions spread over the weakest dimensions and the largest gaps, each with all its reasons."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from actions.suggest import (
    FOR_BREADTH,
    FOR_GAP,
    FOR_PUPILS,
    FOR_UNCOVERED,
    FOR_WEAKEST,
    LibraryFacts,
    Reason,
    Suggestion,
    SuggestionFilter,
    rank_suggestions,
    spread,
)
from analysis.models import Round
from demo.school import COORDINATOR_EMAIL, DEMO_SCHOOL, create_demo_school
from framework.localized import show_dimensions
from results.focus import round_focus

DIMENSIONS = ["kennis", "rationeel", "overtuiging", "gedrag", "tijd", "emotie", "competentie"]


def facts(key: str, *dimensions: str, pupil_role: str = "none") -> LibraryFacts:
    return LibraryFacts(key, frozenset(dimensions), pupil_role)


def suggestion(key: str, score: int, *dimensions: str) -> Suggestion:
    return Suggestion(key, score, (Reason(FOR_BREADTH, dimensions),), dimensions)


def test_each_weakest_dimension_gets_its_turn_before_a_second_one_on_knowledge() -> None:
    library = [facts(f"kennis-{n}", "kennis", "gedrag") for n in range(6)] + [facts("tijd-1", "tijd")]
    ranked = rank_suggestions(library, DIMENSIONS, {"kennis", "tijd"}, (), (), True, limit=4)
    assert [s.key for s in ranked] == ["kennis-0", "tijd-1", "kennis-1", "kennis-2"]
    assert ranked[1].reasons == (Reason(FOR_WEAKEST, ("tijd",)),)


def test_the_spread_takes_weakest_before_gaps_and_untouched_before_covered() -> None:
    library = [facts("a", "kennis"), facts("b", "emotie"), facts("c", "tijd"), facts("d", "gedrag")]
    ranked = rank_suggestions(library, DIMENSIONS, {"tijd", "kennis"}, {"emotie"}, {"kennis"}, True)
    # lanes: tijd (weakest, untouched), emotie (gap, untouched), kennis (weakest, covered already); then by rank
    assert [s.key for s in ranked] == ["c", "b", "a", "d"]


def test_ties_are_broken_by_key_and_nothing_is_chosen_twice() -> None:
    ranked = [suggestion("b", 5, "kennis", "tijd"), suggestion("a", 5, "kennis", "tijd"), suggestion("c", 1, "tijd")]
    ranked.sort(key=lambda s: (-s.score, s.key))
    chosen = spread(ranked, ["kennis", "tijd"])
    assert [s.key for s in chosen] == ["a", "b", "c"]


def test_a_weakest_dimension_without_a_library_action_does_not_stop_the_others() -> None:
    library = [facts("k1", "kennis"), facts("k2", "kennis"), facts("e1", "emotie")]
    ranked = rank_suggestions(library, DIMENSIONS, {"kennis", "competentie"}, (), (), True, limit=3)
    assert [s.key for s in ranked] == ["k1", "k2", "e1"]


def test_the_limit_holds_during_the_turns() -> None:
    library = [facts("k", "kennis"), facts("t", "tijd"), facts("e", "emotie")]
    ranked = rank_suggestions(library, DIMENSIONS, {"kennis", "tijd", "emotie"}, (), (), True, limit=2)
    assert [s.key for s in ranked] == ["k", "t"]


def test_every_reason_is_given_most_important_first_with_the_actions_dimensions() -> None:
    library = [facts("all", "competentie", "tijd", "emotie", "kennis", pupil_role="leads")]
    (only,) = rank_suggestions(library, DIMENSIONS, {"tijd"}, {"emotie", "tijd"}, {"kennis"}, False)
    assert only.reasons == (
        Reason(FOR_WEAKEST, ("tijd",)),
        Reason(FOR_GAP, ("tijd", "emotie")),
        Reason(FOR_UNCOVERED, ("competentie",)),
        Reason(FOR_PUPILS, ()),
    )
    assert only.dimensions == ("kennis", "tijd", "emotie", "competentie")
    assert (only.reason, only.reason_dimensions) == (FOR_WEAKEST, ("tijd",))


def test_an_action_that_adds_nothing_new_is_there_for_breadth() -> None:
    (only,) = rank_suggestions([facts("x", "gedrag")], DIMENSIONS, (), (), {"gedrag"}, True)
    assert only.reasons == (Reason(FOR_BREADTH, ("gedrag",)),)


def test_the_filter_admits_what_matches_every_field_it_has() -> None:
    action = LibraryFacts("x", frozenset({"tijd", "gedrag"}), "none", "low", "team")
    assert SuggestionFilter().admits(action)
    assert SuggestionFilter("tijd", "low", "team").admits(action)
    assert not SuggestionFilter("kennis").admits(action)
    assert not SuggestionFilter(effort="high").admits(action)
    assert not SuggestionFilter(target_group="pupils").admits(action)


@pytest.mark.django_db
def test_in_the_demo_time_gets_a_suggestion_beside_knowledge(content: None, fast_password_hashing: None) -> None:
    create_demo_school()
    round_ = Round.objects.get(school__name=DEMO_SCHOOL)
    keys = {shown.dimension.pk: shown.key for shown in show_dimensions("nl")}
    focus = round_focus(round_, keys)
    client = Client()
    client.force_login(User.objects.get(email=COORDINATOR_EMAIL))
    page = client.get(reverse("actions:plan", args=[round_.school_id, round_.id]))
    shown = page.context["suggestions"]
    first_reasons = [names for _shown, reasons, _dimensions in shown for _kind, names in reasons[:1]]
    print("demo weakest:", sorted(focus.weakest), "gaps:", sorted(focus.largest_gaps))
    print("demo suggestions' first reasons:", first_reasons)
    assert {"kennis", "tijd"} <= focus.weakest
    weakest_reasons = [names for _s, reasons, _d in shown for kind, names in reasons if kind == FOR_WEAKEST]
    assert any("Tijd" in names for names in weakest_reasons[:2])  # Tijd's turn comes right after Kennis'
    assert any("Kennis" in names for names in weakest_reasons[:2])
    assert len({s.action.key for s, _r, _d in shown}) == len(shown) == 8
