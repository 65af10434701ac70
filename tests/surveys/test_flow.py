"""A parent answers with a code: anonymous, resumable, single use."""

import re

from django.db import connection
from django.test import Client
from django.urls import reverse

from analysis.models import ResponseStatus
from respondents.codes import ALPHABET, code_digest, format_code
from surveys.batches import issue_codes
from surveys.models import CodeStatus, RespondentCode, SurveyAnswer, SurveyResponse
from tests.helpers.world import World


def follow_code(client: Client, code: str, **extra: str) -> str:
    response = client.post(reverse("surveys:code"), {"code": format_code(code), **extra})
    assert response.status_code == 302, response.content.decode()[:500]
    return str(response["Location"])


def answer_all(client: Client, first_page: str, value: str = "4") -> str:
    url = first_page
    while "/end/" not in url:
        page = client.get(url)
        assert page.status_code == 200
        names = set(re.findall(r'name="(item-[0-9a-f-]+)"', page.content.decode()))
        response = client.post(url, dict.fromkeys(names, value) | {"action": "next"})
        assert response.status_code == 302
        url = str(response["Location"])
    return url


def test_a_parent_answers_everything_and_the_code_is_spent(world: World) -> None:
    issued = issue_codes(world.round, "parent", "class", "3A", "ar", 1, world.alice)
    code = issued.codes[0]
    assert len(code) == 10 and set(code) <= set(ALPHABET)
    client = Client()
    location = follow_code(client, code)
    assert "/language/" in location and "lang=ar" in location
    response = client.post(location.split("?")[0], {"lang": "ar"})
    end = answer_all(client, str(response["Location"]))
    response = client.post(end, {"open_answer": "Meer avondmomenten graag", "action": "hand_in"})
    assert response["Location"].startswith(reverse("surveys:thanks"))

    stored = SurveyResponse.objects.get()
    assert stored.status == ResponseStatus.SUBMITTED
    assert stored.language == "ar" and stored.group_label == "3A"
    assert stored.resume_digest is None
    assert SurveyAnswer.objects.filter(response=stored).count() >= 18
    again = client.post(reverse("surveys:code"), {"code": code})
    assert again.status_code == 200
    assert again.context["reason"] == "in_use"
    assert again.headers["Content-Language"] == "ar"  # the message speaks the family's language


def test_stored_answers_carry_no_link_to_the_code(world: World) -> None:
    """Inspect every column of the response and answer tables: nothing points back at a code or batch."""
    issued = issue_codes(world.round, "parent", "class", "3A", "", 1, world.alice)
    client = Client()
    location = follow_code(client, issued.codes[0])
    client.post(location.split("?")[0], {"lang": "nl"})
    end = answer_all(client, reverse("surveys:page", args=[1]))
    client.post(end, {"open_answer": "", "action": "hand_in"})

    code_row = RespondentCode.objects.get()
    secrets_of_the_code = {issued.codes[0], format_code(issued.codes[0]), code_row.digest}
    secrets_of_the_code |= {str(issued.batch.id), issued.batch.id.hex}
    for table in ("surveys_surveyresponse", "surveys_surveyanswer"):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed table names
            columns = [column[0] for column in cursor.description]
            rows = cursor.fetchall()
        assert rows
        assert not any(column in {"code_id", "batch_id", "respondentcode_id", "code"} for column in columns)
        for row in rows:
            for value in row:
                assert str(value) not in secrets_of_the_code, f"{table} holds {value}"
    assert code_row.status == CodeStatus.STARTED
    assert code_row.digest == code_digest(issued.codes[0]) and issued.codes[0] not in code_row.digest
