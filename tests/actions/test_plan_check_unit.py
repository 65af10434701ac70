"""The multidimensional check, its warnings' words and the ranking of suggestions: pure functions."""

from django.utils import translation

from actions.check import (
    FEW_DIMENSIONS,
    GAPS_UNTOUCHED,
    NO_OWNER_OR_DATE,
    NO_PUPILS,
    PUPILS_TAKE_PART,
    WEAKEST_UNTOUCHED,
    ActionFacts,
    check_plan,
)
from actions.models import PupilRole
from actions.plan_warnings import HEADLINES, REASONS, explain
from actions.suggest import FOR_GAP, FOR_PUPILS, FOR_UNCOVERED, FOR_WEAKEST, LibraryFacts, rank_suggestions

DIMENSIONS = ("kennis", "rationeel", "overtuiging", "gedrag", "tijd", "emotie", "competentie")


def action(
    title: str, *dimensions: str, pupils: str = "none", status: str = "planned", owned: bool = True
) -> ActionFacts:
    return ActionFacts(title, frozenset(dimensions), pupils, status, owned, owned)


def codes(check: object) -> set[str]:
    return {warning.code for warning in check.warnings}  # type: ignore[attr-defined]


def test_pupils_take_part_when_they_participate_or_lead() -> None:
    assert {PupilRole.PARTICIPATES, PupilRole.LEADS} == PUPILS_TAKE_PART


def test_an_empty_plan_warns_about_everything_it_can() -> None:
    check = check_plan([], DIMENSIONS, weakest={"tijd"}, largest_gaps={"kennis"})
    assert check.coverage == dict.fromkeys(DIMENSIONS, 0)
    assert codes(check) == {FEW_DIMENSIONS, WEAKEST_UNTOUCHED, GAPS_UNTOUCHED, NO_PUPILS}


def test_one_dimension_plan_is_weak() -> None:
    check = check_plan([action("Meer brieven", "gedrag"), action("Nog meer brieven", "gedrag")], DIMENSIONS)
    assert check.coverage["gedrag"] == 2
    (few,) = [w for w in check.warnings if w.code == FEW_DIMENSIONS]
    assert few.dimensions == ("gedrag",)


def test_a_good_plan_has_no_warnings() -> None:
    plan = [
        action("Huisbezoek", "kennis", "emotie"),
        action("Flexibel oudercontact", "tijd", "gedrag"),
        action("Leerlinggestuurd oudercontact", "competentie", "emotie", pupils="leads"),
    ]
    check = check_plan(plan, DIMENSIONS, weakest={"tijd", "kennis"}, largest_gaps={"emotie"})
    assert check.warnings == []
    assert check.covered == {"kennis", "emotie", "tijd", "gedrag", "competentie"}


def test_untouched_weakest_and_gaps_are_named_in_framework_order() -> None:
    check = check_plan(
        [action("A", "gedrag", "kennis", "rationeel")], DIMENSIONS, {"tijd", "emotie"}, {"competentie", "tijd"}
    )
    by_code = {warning.code: warning for warning in check.warnings}
    assert by_code[WEAKEST_UNTOUCHED].dimensions == ("tijd", "emotie")
    assert by_code[GAPS_UNTOUCHED].dimensions == ("tijd", "competentie")


def test_stopped_actions_do_not_count() -> None:
    plan = [action("Gestopt", "tijd", "kennis", "emotie", pupils="leads", status="stopped")]
    check = check_plan(plan, DIMENSIONS)
    assert check.coverage["tijd"] == 0
    assert {FEW_DIMENSIONS, NO_PUPILS} <= codes(check)


def test_actions_without_owner_or_date_are_listed() -> None:
    plan = [action("Zonder eigenaar", "tijd", "kennis", "emotie", pupils="participates", owned=False)]
    (loose,) = [w for w in check_plan(plan, DIMENSIONS).warnings if w.code == NO_OWNER_OR_DATE]
    assert loose.actions == ("Zonder eigenaar",)


def library(*entries: tuple[str, tuple[str, ...], str]) -> list[LibraryFacts]:
    return [LibraryFacts(key, frozenset(dimensions), role) for key, dimensions, role in entries]


def test_suggestions_take_the_weakest_and_the_gaps_in_turn() -> None:
    ranked = rank_suggestions(
        library(
            ("gap", ("emotie",), "none"),
            ("weak", ("tijd",), "none"),
            ("both", ("tijd", "emotie"), "none"),
            ("neither", ("gedrag",), "none"),
        ),
        DIMENSIONS,
        weakest={"tijd"},
        largest_gaps={"emotie"},
        covered={"gedrag"},
        pupils_take_part=True,
    )
    # "both" ranks first and serves Tijd's turn; Emotie's turn takes "gap" before Tijd's second one
    assert [s.key for s in ranked] == ["both", "gap", "weak", "neither"]
    assert [s.reason for s in ranked[:3]] == [FOR_WEAKEST, FOR_GAP, FOR_WEAKEST]


def test_suggestions_add_missing_dimensions_and_pupils() -> None:
    ranked = rank_suggestions(
        library(("new", ("competentie",), "none"), ("pupils", ("gedrag",), "leads")),
        DIMENSIONS,
        weakest=(),
        largest_gaps=(),
        covered={"gedrag"},
        pupils_take_part=False,
    )
    assert {s.key: s.reason for s in ranked} == {"new": FOR_UNCOVERED, "pupils": FOR_PUPILS}


def test_actions_already_in_the_plan_are_not_suggested_again() -> None:
    ranked = rank_suggestions(
        library(("a", ("tijd",), "none"), ("b", ("tijd",), "none")), DIMENSIONS, {"tijd"}, (), (), True, {"a"}, limit=5
    )
    assert [s.key for s in ranked] == ["b"]


def test_every_warning_is_worded_with_the_names_of_its_dimensions_or_actions() -> None:
    plan = [action("Losse actie", "tijd", owned=False)]
    check = check_plan(plan, DIMENSIONS, weakest={"kennis"}, largest_gaps={"emotie", "kennis"})
    names = {key: key.capitalize() for key in DIMENSIONS}
    with translation.override("nl"):
        texts = {warning.code: explain(warning, names) for warning in check.warnings}
    assert set(texts) == set(HEADLINES) == set(REASONS)
    assert texts[WEAKEST_UNTOUCHED].headline == "Geen enkele actie werkt op de zwakste dimensies: Kennis."
    assert texts[GAPS_UNTOUCHED].headline.endswith(": Kennis, Emotie.")
    assert texts[NO_OWNER_OR_DATE].headline == "Zonder trekker of einddatum: Losse actie."
    assert all(text.reason and "%(" not in text.headline for text in texts.values())
