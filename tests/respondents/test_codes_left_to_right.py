"""A code shown in right-to-left text is isolated as a left-to-right run, so "ABCDE-FGHJK" is not broken into
"ABCDE-" and "FGHJK" in the wrong order (Pashto, Arabic, Persian, Dari): on the code pages of the
questionnaire and the engagementsverklaring, and on the letters."""

import pytest
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from respondents.letters import Letter
from respondents.templatetags.respondent_codes import isolate_codes
from tests.helpers.respondent_helpers import Node, html_element, parse

pytestmark = pytest.mark.usefixtures("compiled_messages")


def test_every_printed_code_in_a_text_is_isolated_and_the_rest_escaped() -> None:
    text = "كود <b>ABCDE-FGHJK</b> و 23456-789AB-CDEFG. ABCDE alone, abcde-fghjk"
    run = '<bdi class="r-code" dir="ltr">%s</bdi>'
    assert isolate_codes(text) == (
        f"كود &lt;b&gt;{run % 'ABCDE-FGHJK'}&lt;/b&gt; و {run % '23456-789AB-CDEFG'}. ABCDE alone, abcde-fghjk"
    )


def code_help(page: HttpResponse) -> Node:
    return next(node for node in parse(page.content).iter("p") if node.attrs.get("id") == "code-help")


def code_input(page: HttpResponse) -> Node:
    return next(node for node in parse(page.content).iter("input") if node.attrs.get("name") == "code")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ps", "ar", "fa", "prs"])
@pytest.mark.parametrize(
    "url",
    [reverse("surveys:code"), reverse("surveys:code_link", args=["ABCDE-FGHJK"]), reverse("engagement:parent_code")],
    ids=["questionnaire", "questionnaire-link", "engagementsverklaring"],
)
def test_the_code_example_and_the_typed_code_run_left_to_right_in_rtl_pages(
    client: Client, url: str, language: str
) -> None:
    page = client.get(url, {"lang": language})
    assert page.status_code == 200
    assert html_element(page).attrs["dir"] == "rtl"
    isolated = [node for node in code_help(page).iter("bdi") if node.attrs.get("dir") == "ltr"]
    assert [node.text() for node in isolated] == ["ABCDE-FGHJK"]
    assert code_input(page).attrs["dir"] == "ltr"


def test_the_letter_isolates_its_code_and_its_link() -> None:
    letter = Letter("ABCDE-FGHJK", "https://school.example/q/c/ABCDEFGHJK/", None, "3A")
    # Each letter's own part, as letters_pdf lays it out: the letter, its columns' height, its QR code's size.
    html = render_to_string("respondents/letters.html", {"letters": [(letter, 300.0, 111)]})
    paragraphs = {node.attrs.get("class"): node for node in parse(html).iter("p")}
    for kind, shown in (("code", "ABCDE-FGHJK"), ("address", "https://school.example/q/c/ABCDEFGHJK/")):
        runs = [node for node in paragraphs[kind].iter("bdi") if node.attrs.get("dir") == "ltr"]
        assert [node.text() for node in runs] == [shown], kind
