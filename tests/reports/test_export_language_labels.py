"""Issue 12 walk-through, point 3: the CSV names languages as staff read them, "Pasjtoe (پښتو)", labels the batch
breakdown as the page does, and says "geen taal gekozen" for a batch without a language."""

import pytest
from django.test import Client
from django.urls import reverse

from framework.models import Audience
from tests.helpers.job_downloads import made_file
from tests.helpers.survey_data import constant, hand_in_surveys, team_answers
from tests.helpers.world import World

pytestmark = pytest.mark.django_db


def test_the_csv_names_languages_in_dutch_and_their_own_script(world: World, alice_client: Client) -> None:
    team_answers(world.round, world.alice)
    hand_in_surveys(world.round, Audience.PARENT, 5, constant(3), group="2A", home_language="ps")  # answered in ps
    hand_in_surveys(world.round, Audience.PARENT, 5, constant(3), group="2A")  # a batch without a language
    response = made_file(alice_client, reverse("reports:results_csv", args=[world.school.id, world.round.id]))
    csv = response.content.decode("utf-8-sig")
    assert "Ouders;Beide richtingen;Taal waarin geantwoord;Pasjtoe (پښتو);" in csv
    assert "Ouders;Beide richtingen;Taal van de brief (batch);Pasjtoe (پښتو);" in csv
    assert "Ouders;Beide richtingen;Taal van de brief (batch);geen taal gekozen;" in csv
    assert ";پښتو;" not in csv and "Thuistaal" not in csv
