"""Writing the plan and the library without HTTP: rows belong to the round's (or action's) school."""

from actions.library import add_own_library_action, library_for, show_library
from actions.models import Action, ActionStatus, LibraryAction
from actions.plan import add_action, change_action, comment_on_action
from framework.models import Dimension
from tests.helpers.world import World


def test_an_added_action_belongs_to_the_round_and_its_school(world: World) -> None:
    kennis, tijd = Dimension.objects.get(key="kennis"), Dimension.objects.get(key="tijd")
    action = add_action(world.round, Action(title="Huisbezoek"), [kennis, tijd])
    stored = Action.objects.get(pk=action.pk)
    assert (stored.round, stored.school) == (world.round, world.school)
    assert {d.key for d in stored.dimensions.all()} == {"kennis", "tijd"}


def test_a_changed_action_keeps_its_new_fields_and_dimensions(world: World) -> None:
    action = add_action(world.round, Action(title="Huisbezoek"), Dimension.objects.filter(key="kennis"))
    action.status = ActionStatus.PLANNED
    change_action(action, Dimension.objects.filter(key="emotie"))
    stored = Action.objects.get(pk=action.pk)
    assert stored.status == ActionStatus.PLANNED
    assert [d.key for d in stored.dimensions.all()] == ["emotie"]


def test_a_comment_belongs_to_the_actions_school(world: World) -> None:
    action = add_action(world.round, Action(title="Huisbezoek"), [])
    comment = comment_on_action(action, world.bob, "Ik help mee.")
    assert (comment.school, comment.action, comment.author, comment.text) == (
        world.school,
        action,
        world.bob,
        "Ik help mee.",
    )


def test_an_own_library_action_is_the_schools_alone_and_comes_last(world: World) -> None:
    own = add_own_library_action(
        world.school,
        title="Koffie aan de poort",
        description="Elke vrijdag.",
        pupil_part="",
        target_group="all_parents",
        effort="low",
        pupil_role="none",
        dimensions=Dimension.objects.filter(key="emotie"),
    )
    assert own.school == world.school
    assert own in library_for(world.school)
    assert own not in library_for(world.other_school)
    shown = show_library(library_for(world.school), "nl")
    assert shown[-1].action == own and shown[-1].title == "Koffie aan de poort"
    assert shown[-1].dimension_keys == ("emotie",)
    assert LibraryAction.objects.filter(key=own.key).count() == 1
