"""The parent's side of the engagementsverklaring, acknowledging: name, box, time and version; one
acknowledgment per family per version."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from django.utils import formats, timezone, translation

from engagement.drafting import change_text, take_step, version_text
from engagement.models import (
    Acknowledgment,
    Declaration,
    DeclarationVersion,
    Family,
)
from engagement.parents.acknowledging import acknowledge
from tests.helpers.engagement_parent_steps import (
    READ,
    THANKS,
    add_translation,
    make_family,
    opened_client,
)
from tests.helpers.respondent_helpers import parse, said, text_of
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("compiled_messages")


@pytest.fixture
def family(world: World, published_declaration: Declaration) -> Family:
    return make_family(world)


def test_acknowledging_records_name_version_time_and_language(
    family: Family, published_declaration: Declaration
) -> None:
    add_translation(published_declaration, "tr")
    client = opened_client(family)
    before = timezone.now()
    done = client.post(READ, {"name": "  Ayşe Yılmaz ", "confirmed": "on", "lang": "tr"})
    assert done.status_code == 302 and done["Location"] == THANKS
    acknowledgment = Acknowledgment.objects.get()
    assert acknowledgment.family == family and acknowledgment.school == family.school
    assert acknowledgment.version == published_declaration.published_version
    assert (acknowledgment.name, acknowledgment.language) == ("Ayşe Yılmaz", "tr")
    assert before <= acknowledgment.acknowledged_at <= timezone.now()
    thanks = client.get(THANKS)
    assert thanks.status_code == 200
    with translation.override("tr"):
        when = formats.date_format(timezone.localtime(acknowledgment.acknowledged_at), "DATETIME_FORMAT")
    message = said("tr", "%(name)s took note of the engagementsverklaring on %(when)s (version %(number)s).")
    assert message % {"name": "Ayşe Yılmaz", "when": when, "number": 1} in text_of(thanks)


def test_reading_only_the_dutch_records_dutch(world: World, published_declaration: Declaration) -> None:
    client = opened_client(make_family(world, "pl"))  # no Polish translation: the parent read the Dutch text
    assert client.post(READ, {"name": "Jan", "confirmed": "on"}).status_code == 302
    assert Acknowledgment.objects.get().language == "nl"


def test_a_second_submit_keeps_one_acknowledgment_and_says_when(
    family: Family, published_declaration: Declaration
) -> None:
    client = opened_client(family)
    assert client.post(READ, {"name": "Ayşe", "confirmed": "on"})["Location"] == THANKS
    again = client.post(READ, {"name": "Mehmet", "confirmed": "on"})
    assert again.status_code == 302 and again["Location"] == READ
    assert Acknowledgment.objects.count() == 1 and Acknowledgment.objects.get().name == "Ayşe"
    acknowledged_at = timezone.localtime(Acknowledgment.objects.get().acknowledged_at)
    second_visit = opened_client(family).get(READ)
    text = text_of(second_visit)
    with translation.override("tr"):
        when = formats.date_format(acknowledged_at, "DATETIME_FORMAT")
    message = said(
        "tr", "You already acknowledged this engagementsverklaring on %(when)s (version %(number)s). Thank you!"
    )
    assert message % {"when": when, "number": 1} in text
    assert 'name="confirmed"' not in text


def test_acknowledge_returns_the_existing_row_instead_of_a_second(
    family: Family, published_declaration: Declaration
) -> None:
    version = published_declaration.published_version
    assert version is not None
    first = acknowledge(family, version, "Ayşe", "tr")
    assert acknowledge(family, version, "Mehmet", "nl") == first
    assert Acknowledgment.objects.count() == 1
    with pytest.raises(ValueError):
        acknowledge(family, version, "   ", "tr")


def test_a_lost_race_is_caught_by_the_unique_constraint(
    family: Family, published_declaration: Declaration, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two requests both saw no acknowledgment yet: the second insert fails and the first row is returned."""
    version = published_declaration.published_version
    assert version is not None
    first = acknowledge(family, version, "Ayşe", "tr")
    import engagement.parents.acknowledging as acknowledging

    original = acknowledging.existing_acknowledgment
    lookups: list[int] = []

    def stale_then_real(family: Family, version: DeclarationVersion) -> Acknowledgment | None:
        lookups.append(1)
        return None if len(lookups) == 1 else original(family, version)  # the first look was before the race

    monkeypatch.setattr(acknowledging, "existing_acknowledgment", stale_then_real)
    assert acknowledge(family, version, "Mehmet", "tr") == first
    assert Acknowledgment.objects.count() == 1 and len(lookups) == 2


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": "Ayşe Yılmaz"}, "confirmed", "Tick the box to confirm that you have read the declaration."),
        ({"name": "   ", "confirmed": "on"}, "name", "Type your name."),
        ({"name": "", "confirmed": "on"}, "name", "Type your name."),
        ({"name": "x" * 121, "confirmed": "on"}, "name", "Your name is too long: use at most 120 characters."),
    ],
)
def test_a_form_with_errors_keeps_the_name_and_says_what_is_wrong(
    family: Family, data: dict[str, str], field: str, message: str
) -> None:
    page = opened_client(family).post(READ, data)
    assert page.status_code == 400
    assert said("tr", message) in text_of(page)
    inputs = {node.attrs["name"]: node for node in parse(page.content).iter("input") if "name" in node.attrs}
    assert inputs[field].attrs.get("aria-invalid") == "true"
    assert inputs["name"].attrs["value"] == data["name"]
    assert not Acknowledgment.objects.exists()


def test_a_newer_published_version_can_be_acknowledged_too(
    world: World, family: Family, published_declaration: Declaration
) -> None:
    client = opened_client(family)
    client.post(READ, {"name": "Ayşe", "confirmed": "on"})
    version = published_declaration.published_version
    assert version is not None
    text = version_text(version)
    change_text(published_declaration, replace(text, introduction=text.introduction + " Nieuw."), world.alice, "x")
    take_step(published_declaration, "consult")
    take_step(published_declaration, "adopt", adopted_on=date.today() - timedelta(days=1))
    take_step(published_declaration, "publish")
    page = client.get(READ)
    with translation.override("tr"):
        when = formats.date_format(timezone.localtime(Acknowledgment.objects.get().acknowledged_at), "DATE_FORMAT")
    earlier = said(
        "tr",
        "You acknowledged version %(number)s on %(when)s. The school has changed the engagementsverklaring since: "
        "please read this version and acknowledge it too.",
    )
    assert earlier % {"number": 1, "when": when} in text_of(page) and 'name="confirmed"' in text_of(page)
    assert client.post(READ, {"name": "Ayşe", "confirmed": "on"})["Location"] == THANKS
    assert sorted(Acknowledgment.objects.values_list("version__number", flat=True)) == [1, 2]


# ---------------------------------------------------------------- read-aloud


KENNISNAME = (
    "This is a kennisname: you let the school know that you have read the text. It is not a signature “voor "
    "akkoord”: signing the schoolreglement is something else, which the school asks of you separately."
)


@pytest.mark.parametrize(
    ("language", "box", "not_a_signature"),
    [
        ("nl", "Ik heb de engagementsverklaring gelezen.", "Het is geen handtekening “voor akkoord”"),
        ("tr", "Taahhüt beyanını okudum.", "Bu bir onay imzası (voor akkoord) değildir"),
    ],
)
def test_the_acknowledgment_is_a_kennisname_of_reading_not_a_signature_voor_akkoord(
    world: World, published_declaration: Declaration, language: str, box: str, not_a_signature: str
) -> None:
    text = text_of(opened_client(make_family(world, language)).get(READ))
    assert said(language, "I have read the engagementsverklaring.") == box and box in text
    assert said(language, KENNISNAME) in text and not_a_signature in text
