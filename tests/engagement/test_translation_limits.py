"""A translation is decided for a while, with a reason the school can name: its last day is at most the end of
the next school year, "another reason" needs its note, and an unknown reason is refused on its own field. The
same rules hold in the family list's import, with the line of each bad row."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from engagement.families.importing import parse_families_csv
from engagement.families.translation_need import latest_until
from engagement.models import Declaration, Family, TranslationReason
from tests.helpers.engagement_parent_steps import make_family
from tests.helpers.world import World, in_dutch

pytestmark = pytest.mark.usefixtures("compiled_messages")

TODAY = date(2026, 11, 29)
TOO_LATE = "A translation runs until the end of the next school year at the latest: choose a day until %(day)s."
OTHER_NEEDS_A_NOTE = "Another reason: say in the note why the family is offered a translation."


def test_the_latest_day_is_the_end_of_the_next_school_year() -> None:
    assert latest_until(TODAY) == date(2028, 8, 31)
    assert latest_until(date(2027, 8, 31)) == date(2028, 8, 31)
    assert latest_until(date(2027, 9, 1)) == date(2029, 8, 31)


def url_of(family: Family, declaration: Declaration) -> str:
    return reverse("engagement:family_translation", args=[declaration.school_id, declaration.id, family.id])


def refused_fields(client: Client, family: Family, declaration: Declaration, data: dict[str, str]) -> list[str]:
    page = client.post(url_of(family, declaration), data)
    assert page.status_code == 400
    return sorted(page.context["form"].errors)


@pytest.mark.parametrize("until", ["2040-01-01", "9999-12-31"])
def test_a_day_beyond_the_next_school_year_is_refused(
    world: World, published_declaration: Declaration, alice_client: Client, until: str
) -> None:
    family = make_family(world, translated=False)
    page = alice_client.post(url_of(family, published_declaration), {"reason": "newcomer", "until": until})
    assert page.status_code == 400
    latest = latest_until(timezone.localdate())
    assert page.context["form"].errors == {"until": [in_dutch(TOO_LATE) % {"day": f"{latest:%d/%m/%Y}"}]}
    family.refresh_from_db()
    assert (family.translation_reason, family.translation_until) == ("", None)


def test_the_last_day_of_the_next_school_year_is_accepted(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    family = make_family(world, translated=False)
    latest = latest_until(timezone.localdate())
    saved = alice_client.post(url_of(family, published_declaration), {"reason": "newcomer", "until": latest})
    assert saved.status_code == 302
    refused = refused_fields(
        alice_client, family, published_declaration, {"reason": "newcomer", "until": latest + timedelta(days=1)}
    )
    assert refused == ["until"]
    family.refresh_from_db()
    assert family.translation_until == latest


def test_another_reason_needs_its_note(world: World, published_declaration: Declaration, alice_client: Client) -> None:
    family = make_family(world, translated=False)
    page = alice_client.post(url_of(family, published_declaration), {"reason": "other", "note": "  "})
    assert page.status_code == 400
    assert page.context["form"].errors == {"note": [in_dutch(OTHER_NEEDS_A_NOTE)]}
    family.refresh_from_db()
    assert family.translation_reason == ""
    saved = alice_client.post(
        url_of(family, published_declaration), {"reason": "other", "note": "vader werkt in Brussel"}
    )
    assert saved.status_code == 302
    family.refresh_from_db()
    assert (family.translation_reason, family.translation_note) == (TranslationReason.OTHER, "vader werkt in Brussel")


def test_an_unknown_reason_is_refused_on_the_reason_field_only(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    family = make_family(world)  # offered a translation: a stop would ask for confirmation
    assert refused_fields(alice_client, family, published_declaration, {"reason": "zzz"}) == ["reason"]
    family.refresh_from_db()
    assert family.translation_reason == TranslationReason.NEWCOMER


def test_the_import_refuses_a_far_day_and_another_reason_without_words_on_their_lines() -> None:
    parsed = parse_families_csv(
        b"gezin;klas;taal;reden;tot\n"
        b"G1;1A;tr;nieuwkomer;31/08/2028\n"
        b"G2;1A;tr;nieuwkomer;01/01/2040\n"
        b"G3;1A;tr;andere;30/06/2027\n"
        b"G4;1A;tr;vader werkt in Brussel;9999-12-31\n",
        today=TODAY,
    )
    assert parsed.rows == ()
    too_late = in_dutch(TOO_LATE) % {"day": "31/08/2028"}
    assert [(error.line, error.reason) for error in parsed.errors] == [
        (3, too_late),
        (4, in_dutch("Another reason: write the reason itself in the reason column.")),
        (5, too_late),
    ]
