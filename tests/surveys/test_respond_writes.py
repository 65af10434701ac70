"""The respondent's small writes without HTTP: the chosen language, the open answer kept on going back."""

from surveys.models import SurveyResponse
from surveys.respond import hand_in, keep_open_answer, open_with_code, record_language_choice
from tests.helpers.respondent_helpers import issue
from tests.helpers.world import World


def opened(world: World) -> SurveyResponse:
    response = open_with_code(issue(world, "ar").codes[0]).response
    assert response is not None
    return response


def test_the_chosen_language_is_stored(world: World) -> None:
    response = opened(world)
    record_language_choice(response, "fr")
    assert response.language == "fr"
    assert SurveyResponse.objects.get(pk=response.pk).language == "fr"


def test_the_open_answer_is_kept_while_the_questionnaire_is_open(world: World) -> None:
    response = opened(world)
    assert keep_open_answer(response, "Meer avondmomenten")
    assert SurveyResponse.objects.get(pk=response.pk).open_answer == "Meer avondmomenten"


def test_a_handed_in_open_answer_never_changes(world: World) -> None:
    response = opened(world)
    assert hand_in(response, "Wat ik inleverde")
    assert not keep_open_answer(response, "iets anders")  # a back button on a stale page
    assert SurveyResponse.objects.get(pk=response.pk).open_answer == "Wat ik inleverde"
