"""`manage.py rebuild_tallies` repairs the tallies of every round, or of the one given with --round."""

import uuid
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from surveys import tallies
from surveys.models import AnswerTally, GroupTally
from tests.helpers.hand_ins import respond, tallies_of
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("fast_password_hashing")


@pytest.fixture(autouse=True)
def one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every hand-in released at once: these tests are about repairing the sums, not about chunks of five."""
    monkeypatch.setattr(tallies, "MIN_CHUNK", 1)


def rebuild(*args: str) -> str:
    out = StringIO()
    call_command("rebuild_tallies", *args, stdout=out)
    return out.getvalue()


def hand_ins(world: World) -> None:
    """Parents and pupils of both schools hand in, through the real hand-in."""
    respond(world, [4, 4, None, 2])
    respond(world, [2, None, 5], home_language="ar")
    respond(world, [3, 3, 3], audience="pupil_10_12", group="5A")
    respond(world, [1, 2], handed_in=False)  # a draft counts nowhere
    respond(world, [5, 5], group="1A", round_=world.other_round)


def test_without_a_round_every_rounds_tallies_are_repaired(world: World) -> None:
    hand_ins(world)
    right = tallies_of(world.round), tallies_of(world.other_round)
    assert right[0][1] and right[1][1]
    AnswerTally.objects.filter(round=world.round).update(total=99, answered=1)
    GroupTally.objects.filter(round=world.round).delete()
    AnswerTally.objects.filter(round=world.other_round).delete()

    said = rebuild()

    assert (tallies_of(world.round), tallies_of(world.other_round)) == right
    assert f"{world.round.id} (De Regenboog: Oudercontact): repaired; questionnaires handed in: 3," in said
    assert f"{world.other_round.id} (Het Anker: Anker-ronde): repaired; questionnaires handed in: 1," in said


def test_rebuilding_right_tallies_changes_nothing_and_says_so(world: World) -> None:
    hand_ins(world)
    right = tallies_of(world.round)
    said = rebuild()
    assert tallies_of(world.round) == right
    assert said.count("unchanged;") == 2


def test_one_round_is_rebuilt_and_the_others_are_left_alone(world: World) -> None:
    hand_ins(world)
    right = tallies_of(world.round)
    AnswerTally.objects.update(total=0)
    broken_other = tallies_of(world.other_round)

    said = rebuild("--round", str(world.round.id))

    assert tallies_of(world.round) == right
    assert tallies_of(world.other_round) == broken_other
    assert said.splitlines() == [
        f"{world.round.id} (De Regenboog: Oudercontact): repaired; "
        f"questionnaires handed in: 3, group tallies: 3, item tallies: {len(right[0])}."
    ]


def test_a_round_without_questionnaires_has_nothing_to_rebuild(world: World) -> None:
    said = rebuild("--round", str(world.round.id))
    assert tallies_of(world.round) == ([], [])
    assert "unchanged; questionnaires handed in: 0, group tallies: 0, item tallies: 0." in said


@pytest.mark.parametrize(
    ("round_id", "message"),
    [
        (str(uuid.UUID(int=1)), "There is no round with id 00000000-0000-0000-0000-000000000001."),
        ("ronde-7", "'ronde-7' is not a round id (a UUID)."),
        ("", "'' is not a round id (a UUID)."),
    ],
)
def test_an_unknown_or_malformed_round_id_is_refused(world: World, round_id: str, message: str) -> None:
    respond(world, [4])
    before = tallies_of(world.round)
    with pytest.raises(CommandError) as refused:
        rebuild("--round", round_id)
    assert str(refused.value) == message
    assert tallies_of(world.round) == before


@pytest.mark.django_db
def test_no_rounds_at_all() -> None:
    assert rebuild() == "No rounds.\n"
