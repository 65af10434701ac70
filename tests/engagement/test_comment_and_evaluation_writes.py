"""The declaration's writes without HTTP: a comment on the consulted version, an answer, the year-end evaluation."""

from dataclasses import replace

from engagement.consultation.commenting import add_comment, answer_comment
from engagement.drafting import change_text, latest_version, start_declaration, take_step, version_text
from engagement.editor.evaluation import EvaluationAnswer, save_evaluation
from engagement.models import Declaration, DomainEvaluation
from tests.helpers.world import World


def in_consultation(world: World) -> Declaration:
    declaration = start_declaration(world.school, "2026-2027", world.alice)
    take_step(declaration, "consult")
    return declaration


def test_a_comment_is_on_the_latest_version_of_the_school(world: World) -> None:
    declaration = in_consultation(world)
    current = version_text(latest_version(declaration))
    changed = change_text(declaration, replace(current, title=current.title + " (herzien)"), world.alice, "titel")
    assert changed is not None
    comment = add_comment(declaration, "general", world.bob, "Kan het korter?")
    assert (comment.version, comment.school, comment.author, comment.domain) == (
        changed,
        world.school,
        world.bob,
        "general",
    )
    assert comment.answer == "" and comment.answered_at is None


def test_an_answer_is_stored_with_who_answered_and_when(world: World) -> None:
    declaration = in_consultation(world)
    comment = add_comment(declaration, "general", world.bob, "Kan het korter?")
    answer_comment(comment, "Ja, we korten het in.", world.alice)
    comment.refresh_from_db()
    assert (comment.answer, comment.answered_by) == ("Ja, we korten het in.", world.alice)
    assert comment.answered_at is not None


def test_the_evaluation_stores_answered_domains_and_keeps_the_others(world: World) -> None:
    declaration = in_consultation(world)
    save_evaluation(
        declaration,
        {"oudercontact": EvaluationAnswer("yes", "  Veel geleerd. "), "nederlands": EvaluationAnswer("no", "")},
        world.alice,
    )
    save_evaluation(declaration, {"oudercontact": EvaluationAnswer("partly", "Toch minder.")}, world.bob)
    stored = {
        e.domain: (e.delivered, e.learned, e.updated_by)
        for e in DomainEvaluation.objects.filter(declaration=declaration)
    }
    assert stored == {"oudercontact": ("partly", "Toch minder.", world.bob), "nederlands": ("no", "", world.alice)}
    assert {e.school for e in DomainEvaluation.objects.all()} == {world.school}
