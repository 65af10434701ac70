"""A closed round with parents' and pupils' answers, handed in through the real path, for the feedback page."""

from collections.abc import Mapping
from datetime import date

from actions.models import Action
from analysis.models import Round, Voice
from analysis.windows import close_voice
from feedback.composing import FigureOption, figure_options
from feedback.models import FeedbackPage
from feedback.texts import FeedbackText, FigureRef, Point
from feedback.versions import change_text, latest_version, start_page, take_step, version_text
from surveys.respond import hand_in
from tests.helpers.hand_ins import respond
from tests.helpers.world import World

OPEN_ANSWER = "De juf van mijn dochter antwoordt nooit op berichten in de app van de school."


def closed_round(
    world: World,
    parents: Mapping[str, int] | None = None,
    pupils: int = 5,
    open_answer: str = OPEN_ANSWER,
) -> Round:
    """Parents per group (default 6 in 3A, 5 in 3B) and pupils of 10–12 answer (3 on every item; the first parent
    also writes `open_answer`), then every voice closes: the round is closed and its figures final."""
    for group, count in (parents or {"3A": 6, "3B": 5}).items():
        for index in range(count):
            response = respond(world, [3] * 40, "parent", group, handed_in=False)
            assert hand_in(response, open_answer if (group, index) == ("3A", 0) else "")
    for _index in range(pupils):
        respond(world, [2] * 40, "pupil_10_12", "5A")
    Action.objects.create(
        school=world.school,
        round=world.round,
        title="Koffiemoment aan de schoolpoort",
        owner=world.alice,
        due_on=date(2027, 3, 1),
        pupil_part="Leerlingen van het zesde leerjaar schenken koffie en vertalen waar het kan.",
    )
    for voice in (Voice.TEAM, Voice.PARENTS, Voice.PUPILS):
        close_voice(world.round, voice)
    world.round.refresh_from_db()
    return world.round


def options_of(round_: Round, audience: str, group: str = "") -> list[FigureOption]:
    return [
        option
        for option in figure_options(round_, "nl")
        if option.ref.audience == audience and option.ref.group == group
    ]


def three_points(round_: Round) -> tuple[Point, ...]:
    """Three parents' points, each tied to a whole-school figure of a different dimension."""
    options = options_of(round_, "parents")
    chosen: dict[str, FigureRef] = {}
    for option in options:
        chosen.setdefault(option.ref.dimension, option.ref)
    texts = (
        "Veel ouders weten niet goed wat er in de klas gebeurt.",
        "Ouders willen vaker horen hoe het gaat.",
        "Ouders voelen zich welkom.",
    )
    return tuple(Point(ref.dimension, text, ref) for ref, text in zip(list(chosen.values())[:3], texts, strict=True))


def complete_text(round_: Round, base: FeedbackText) -> FeedbackText:
    return FeedbackText(
        introduction=base.introduction,
        parents=three_points(round_),
        team="We willen ouders vaker en eenvoudiger vertellen wat er in de klas gebeurt.",
        actions=base.actions,
        for_pupils={"pupil_10_12": "Jullie zeiden dat je graag meer uitleg krijgt. Dat gaan we doen."},
    )


def published_page(world: World) -> FeedbackPage:
    """The world's round closed, its page composed with three points and published (version 2)."""
    round_ = closed_round(world)
    page = start_page(round_, world.alice)
    change_text(page, complete_text(round_, version_text(latest_version(page))), world.alice)
    take_step(page, "consult")
    take_step(page, "publish")
    page.refresh_from_db()
    return page
