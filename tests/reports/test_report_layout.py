"""The round report as printed pages (issue 12, point 3): a cover on page 1, page numbers with the school and
the round in the footer, no blind-spot row split over two pages, and long words kept on the page.

The PDF comes from the download view, in Dutch, and is read back with poppler (pdftotext, pdftoppm).
"""

import re
from datetime import date
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from PIL import Image

from actions.models import Action, ActionStatus
from analysis.rounds import save_conclusion
from framework.models import Dimension, Item
from reports.page_margins import css_string, page_counter_content
from tests.helpers.job_downloads import made_file
from tests.helpers.survey_data import constant, hand_in_surveys, team_answers
from tests.helpers.tools import run_poppler
from tests.helpers.world import World

LONG_WORD = "Ouderbetrokkenheidsverbeteringstrajectbegeleidingsvergaderingen"  # 63 letters
A4_WIDTH_POINTS = 595.28
RIGHT_MARGIN_POINTS = 14 / 25.4 * 72  # the @page margin of 14 mm
HYPHENATION = "\u2010"  # the hyphen WeasyPrint adds where hyphens: auto breaks a word (a typed one is U+002D)


def spread_over_the_scale(item: Item) -> int:
    """Parents answer 1–4 depending on the item, so every construct has a gap to the team's 4 and they differ."""
    return sum(map(ord, item.key)) % 4 + 1


@pytest.fixture
def report_pdf(world: World, alice_client: Client, tmp_path: Path) -> Path:
    """A round with answers of the team and six parents, conclusions, and a plan with a very long word."""
    team_answers(world.round, world.alice)
    # Bob disagrees with Alice: with these rows a page break falls inside a blind-spot row (checked without the
    # report's break-inside: avoid, which then splits it).
    team_answers(world.round, world.bob, constant(2))
    hand_in_surveys(world.round, "parent", 6, spread_over_the_scale)
    for dimension in Dimension.objects.order_by("position"):
        save_conclusion(world.round, dimension, f"Wat het team besluit over {dimension.key}.", world.alice)
    for number, title in enumerate([f"{LONG_WORD} plannen", "Koffiemoment aan de schoolpoort", "Huisbezoek"]):
        action = Action.objects.create(
            school=world.school,
            round=world.round,
            title=title,
            owner=world.bob,
            due_on=date(2027, 3, 1 + number),
            status=ActionStatus.PLANNED,
        )
        action.dimensions.set(Dimension.objects.order_by("position")[number : number + 2])
    response = made_file(alice_client, reverse("reports:round_pdf", args=[world.school.id, world.round.id]))
    path = tmp_path / "report.pdf"
    path.write_bytes(response.content)
    return path


def layout_pages(path: Path) -> list[str]:
    pages = run_poppler("pdftotext", "-layout", path, "-").split("\f")
    return [page for page in pages if page.strip()]


def flowing_pages(path: Path) -> list[str]:
    """Each page's text in the order it is drawn (a table row by row, whatever a reading-order guess would make of a
    header above a row at the foot of a page), hyphenated words joined again: a table cell's text stays in one piece."""
    pages = run_poppler("pdftotext", "-raw", path, "-").split("\f")
    return [re.sub(f"{HYPHENATION} ", "", " ".join(page.split())) for page in pages if page.strip()]


def words(text: str) -> str:
    return " ".join(text.split())


def test_page_one_is_a_cover_with_the_essentials(world: World, report_pdf: Path) -> None:
    cover = words(layout_pages(report_pdf)[0])
    assert "Verslag van de ronde “Oudercontact”" in cover
    assert "De Regenboog" in cover
    assert "Wie antwoordde" in cover
    assert "6 ouders en 0 leerlingen staan in de cijfers." in cover
    assert "Grootste blinde vlekken" in cover
    assert "3 acties, voor 4 van de 7 dimensies." in cover
    assert "Zwakste dimensies van het team" in cover


def test_every_page_says_its_number_and_the_school_and_round(report_pdf: Path) -> None:
    pages = layout_pages(report_pdf)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        footer = words(page.strip().splitlines()[-1])
        assert f"pagina {number} van {len(pages)}" in footer, footer
        assert "De Regenboog · Oudercontact" in footer, footer


def test_no_blind_spot_row_is_split_over_two_pages(world: World, report_pdf: Path) -> None:
    pages = flowing_pages(report_pdf)
    rows = blind_spot_rows(world)
    assert len(rows) >= 10
    pages_with_rows = set()
    for question, figures in rows:
        holding = [number for number, page in enumerate(pages) if f"{question} {figures}" in page]
        assert len(holding) == 1, f"{question!r} is not whole on one page"
        pages_with_rows.add(holding[0])
    # The table must cross a page break, or this test could not fail.
    assert len(pages_with_rows) >= 2
    # Its header is repeated on every page it runs over.
    assert all(pages[number].count("Vraag voor het team Team Ouders Verschil") == 1 for number in pages_with_rows)


def blind_spot_rows(world: World) -> list[tuple[str, str]]:
    """(question, "team parents (n=6) difference") per blind spot, as the report writes them in Dutch."""
    from django.utils import translation

    from results.round_results import round_results

    with translation.override("nl"):
        gaps = round_results(world.round, "nl").voices.gaps
    return [
        (
            labelled.question,
            f"{dutch(labelled.gap.team)} {dutch(labelled.gap.parents)} (n={labelled.gap.parent_respondents}) "
            f"{dutch(labelled.gap.difference)}",
        )
        for labelled in gaps
    ]


def dutch(number: float) -> str:
    return f"{number:.1f}".replace(".", ",")


def test_a_long_word_in_an_action_title_wraps_inside_the_page(report_pdf: Path) -> None:
    boxes = run_poppler("pdftotext", "-bbox", report_pdf, "-")
    right_edges = [float(edge) for edge in re.findall(r'xMax="([\d.]+)"', boxes)]
    assert right_edges
    assert max(right_edges) <= A4_WIDTH_POINTS - RIGHT_MARGIN_POINTS + 1
    assert any(LONG_WORD in page for page in flowing_pages(report_pdf))


def test_page_one_is_not_nearly_blank(report_pdf: Path, tmp_path: Path) -> None:
    run_poppler("pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", report_pdf, tmp_path / "page")
    (image_path,) = tmp_path.glob("page*.png")
    image = Image.open(image_path).convert("L")
    inked = sum(1 for value in image.get_flattened_data() if value < 200)
    share = inked / (image.width * image.height)
    print(f"page 1: {share:.1%} of the pixels inked")
    assert share > 0.03


def test_names_typed_by_a_school_cannot_end_the_css_string() -> None:
    assert css_string('De "Regenboog" </style>') == '"De \\22 Regenboog\\22  \\3c \\2f style\\3e "'
    assert css_string("Sint-Jozef") == '"Sint\\2d Jozef"'
    assert css_string("École Zoë") == '"École Zoë"'


def test_the_page_counter_is_css_counters_around_the_translated_words() -> None:
    from django.utils import translation

    with translation.override("nl"):
        assert page_counter_content() == '"pagina " counter(page) " van " counter(pages)'
    with translation.override("en"):
        assert page_counter_content() == '"page " counter(page) " of " counter(pages)'
