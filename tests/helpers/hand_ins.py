"""Parents and pupils answering through the real functions (a code from a batch, open_with_code,
save_answers page by page, hand_in), and the tallies kept at hand-in read back as sorted rows."""

from uuid import UUID

from analysis.models import Round
from surveys.batches import issue_codes
from surveys.models import AnswerTally, GroupTally, SurveyResponse
from surveys.respond import Opening, hand_in, open_with_code, record_language_choice, save_answers
from surveys.texts import questionnaire_pages
from tests.helpers.world import World

AnswerRow = tuple[str, str, str, str, str, int, int, int]
GroupRow = tuple[str, str, str, str, int]


# answering ---------------------------------------------------------------------------------------


def items_of(round_: Round, audience: str) -> list[UUID]:
    return [item for page in questionnaire_pages(round_.id, audience) for item in page]


def start(
    world: World, audience: str = "parent", group: str = "3A", home_language: str = "", round_: Round | None = None
) -> SurveyResponse:
    """A respondent opens the questionnaire with a fresh code of the world's round (or of `round_`)."""
    round_ = round_ or world.round
    coordinator = world.alice if round_.school_id == world.school.id else world.charlie
    issued = issue_codes(round_, audience, "class", group, home_language, 1, coordinator)
    opened = open_with_code(issued.codes[0])
    assert opened.outcome == Opening.OPENED and opened.response is not None
    return opened.response


def answer(response: SurveyResponse, values: dict[UUID, int | None]) -> None:
    """Save the pages that hold one of `values`, each with just those answers."""
    for number, page in enumerate(questionnaire_pages(response.round_id, response.audience), start=1):
        on_page = {item: values[item] for item in page if item in values}
        if on_page:
            save_answers(response, number, on_page, response.language)


def respond(
    world: World,
    values: list[int | None],
    audience: str = "parent",
    group: str = "3A",
    home_language: str = "",
    handed_in: bool = True,
    round_: Round | None = None,
) -> SurveyResponse:
    """A respondent answers the first items of the questionnaire with `values` (None: "weet ik niet")."""
    response = start(world, audience, group, home_language, round_)
    answer(response, dict(zip(items_of(response.round, audience), values, strict=False)))
    if handed_in:
        assert hand_in(response, "")
    return response


def parent_answers_in(
    world: World, language: str, value: int, group: str = "3A", home_language: str = "", text: str = ""
) -> SurveyResponse:
    """A parent with a letter of `group` tagged `home_language` chooses `language`, answers every item with `value`
    (so every figure about a set of parents is the mean of their values) and hands in, with `text` as open answer."""
    response = start(world, "parent", group, home_language)
    record_language_choice(response, language)
    answer(response, dict.fromkeys(items_of(response.round, "parent"), value))
    assert hand_in(response, text)
    return response


# reading the tallies -----------------------------------------------------------------------------


def answer_tallies(round_: Round) -> list[AnswerRow]:
    rows = AnswerTally.objects.filter(round=round_).values_list(
        "school_id", "audience", "group_label", "home_language", "item_id", "total", "answered", "dont_know"
    )
    return sorted((str(school), a, g, lang, str(item), *sums) for school, a, g, lang, item, *sums in rows)


def group_tallies(round_: Round) -> list[GroupRow]:
    rows = GroupTally.objects.filter(round=round_).values_list(
        "school_id", "audience", "group_label", "home_language", "responses"
    )
    return sorted((str(school), a, g, lang, n) for school, a, g, lang, n in rows)


def tallies_of(round_: Round) -> tuple[list[AnswerRow], list[GroupRow]]:
    return answer_tallies(round_), group_tallies(round_)
