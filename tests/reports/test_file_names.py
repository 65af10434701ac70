"""Downloads of a round carry the school, the round and the day in their name (issue 12, point 3), and no
name a school typed can break the Content-Disposition header."""

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.download_names import PART_LENGTH, round_file_name
from analysis.models import Round
from jobs.attachments import attachment
from schools.models import School
from tests.helpers.days import on_one_day
from tests.helpers.job_downloads import made_file
from tests.helpers.letter_jobs import download_letters
from tests.helpers.survey_data import batch_url, make_batch
from tests.helpers.world import World

DAY = date(2026, 11, 29)


def round_named(school: str, title: str) -> Round:
    """An unsaved round: a file name needs only the two names."""
    return Round(title=title, school=School(name=school))


@pytest.mark.parametrize(
    ("name", "stem", "extension"),
    [("round_pdf", "verslag", "pdf"), ("results_csv", "resultaten", "csv"), ("results_xlsx", "resultaten", "xlsx")],
)
def test_the_report_and_the_results_are_named_after_school_round_and_day(
    world: World, alice_client: Client, name: str, stem: str, extension: str
) -> None:
    response, today = on_one_day(
        lambda: made_file(alice_client, reverse(f"reports:{name}", args=[world.school.id, world.round.id]))
    )
    expected = f'attachment; filename="{stem}-de-regenboog-oudercontact-{today}.{extension}"'
    assert response["Content-Disposition"] == expected


@pytest.mark.parametrize(("kind", "stem", "extension"), [("letters", "brieven", "pdf"), ("links", "links", "txt")])
def test_letters_and_links_are_named_after_group_school_round_and_day(
    world: World, alice_client: Client, kind: str, stem: str, extension: str
) -> None:
    batch, _codes = make_batch(alice_client, world, group_label="3A")
    if kind == "letters":  # made by the worker, downloaded from the job's page
        (response, _pdf), today = on_one_day(lambda: download_letters(alice_client, world, batch))
    else:
        response, today = on_one_day(lambda: alice_client.get(batch_url(kind, world, batch)))
    expected = f'attachment; filename="{stem}-3a-de-regenboog-oudercontact-{today}.{extension}"'
    assert response["Content-Disposition"] == expected


def test_a_plain_name_is_lower_case_words_joined_by_hyphens() -> None:
    name = round_file_name(round_named("Sint-Jozef Tienen", "Najaar 2026"), "verslag", "pdf", DAY)
    assert name == "verslag-sint-jozef-tienen-najaar-2026-2026-11-29.pdf"
    assert attachment(name) == 'attachment; filename="verslag-sint-jozef-tienen-najaar-2026-2026-11-29.pdf"'


def test_letters_outside_ascii_go_in_filename_star_with_an_ascii_name_beside_it() -> None:
    name = round_file_name(round_named("École Zoë", "Ronde één"), "verslag", "pdf", DAY)
    assert name == "verslag-école-zoë-ronde-één-2026-11-29.pdf"
    assert attachment(name) == (
        'attachment; filename="verslag-ecole-zoe-ronde-een-2026-11-29.pdf"; '
        "filename*=UTF-8''verslag-%C3%A9cole-zo%C3%AB-ronde-%C3%A9%C3%A9n-2026-11-29.pdf"
    )


def test_a_name_in_arabic_script_keeps_it_in_filename_star_only() -> None:
    name = round_file_name(round_named("مدرسة النور", "Ronde 1"), "verslag", "pdf", DAY)
    assert name == "verslag-مدرسة-النور-ronde-1-2026-11-29.pdf"
    header = attachment(name)
    assert header.startswith("attachment; filename=\"verslag-ronde-1-2026-11-29.pdf\"; filename*=UTF-8''verslag-%D9%85")


def test_quotes_slashes_and_line_breaks_never_reach_the_header() -> None:
    name = round_file_name(round_named('De "Regenboog"/\\', "Ronde\r\n;1"), "verslag", "pdf", DAY)
    assert name == "verslag-de-regenboog-ronde-1-2026-11-29.pdf"
    assert attachment(name) == 'attachment; filename="verslag-de-regenboog-ronde-1-2026-11-29.pdf"'


# filename="…": letters, digits, hyphens, underscores, one dot; filename*: only what RFC 5987 leaves unescaped.
SAFE_HEADER = re.compile(r'attachment; filename="[a-z0-9_-]+\.pdf"(; filename\*=UTF-8\'\'[A-Za-z0-9%._~-]+)?')


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_whatever_a_school_types_the_header_stays_one_safe_value(school: str, title: str) -> None:
    header = attachment(round_file_name(round_named(school, title), "verslag", "pdf", DAY))
    assert SAFE_HEADER.fullmatch(header), header


def test_long_names_are_cut_and_empty_ones_left_out() -> None:
    name = round_file_name(round_named("Basisschool " * 20, "★★★"), "verslag", "pdf", DAY)
    school = name.removeprefix("verslag-").removesuffix("-2026-11-29.pdf")
    assert len(school) <= PART_LENGTH
    assert school.startswith("basisschool-basisschool")
    assert "--" not in name
