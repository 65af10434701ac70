"""Helpers for the respondent's side: issuing codes, entering them, answering pages, and reading the HTML."""

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import pgettext

from analysis.models import ResponseStatus
from respondents.codes import format_code
from surveys.batches import IssuedBatch, issue_codes
from surveys.devices import COOKIE_NAME, device_digest
from surveys.models import (
    SurveyAnswer,
    SurveyResponse,
)
from tests.helpers.world import World

BASE_DIR = Path(settings.BASE_DIR)
LANGUAGE_CODES = [code for code, _name in settings.RESPONDENT_LANGUAGES]
RTL = {"ar", "fa", "prs", "ps"}
MAX_PAGE_WEIGHT = 60 * 1024
ITEM_FIELD = re.compile(r'name="(item-[0-9a-f-]{36})"')


def said(language: str, message: str) -> str:
    """A respondent message in `language`, as the catalogue has it."""
    with translation.override(language):
        return pgettext("respondent", message)


def text_of(page: HttpResponse) -> str:
    """The page's text with the character references resolved (a message may be escaped or not)."""
    return html.unescape(page.content.decode())


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list["Node | str"] = field(default_factory=list)

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def iter(self, tag: str | None = None) -> Iterator["Node"]:
        for child in self.children:
            if isinstance(child, Node):
                if tag is None or child.tag == tag:
                    yield child
                yield from child.iter(tag)

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


VOID = {"meta", "link", "input", "br", "img", "hr", "source", "use", "rect", "circle", "path"}


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(markup: str | bytes) -> Node:
    builder = _TreeBuilder()
    builder.feed(markup.decode() if isinstance(markup, bytes) else markup)
    builder.close()
    return builder.root


def html_element(page: HttpResponse) -> Node:
    return next(parse(page.content).iter("html"))


def issue(world: World, home_language: str = "", size: int = 1, audience: str = "parent") -> IssuedBatch:
    return issue_codes(world.round, audience, "class", "3A", home_language, size, world.alice)


def enter_code(client: Client, code: str, address: str = "10.1.1.1", **extra: str) -> HttpResponse:
    return client.post(reverse("surveys:code"), {"code": code, **extra}, REMOTE_ADDR=address)


def start(client: Client, code: str, language: str = "nl") -> SurveyResponse:
    """Open the questionnaire with `code` and choose `language`; the client stands on page 1."""
    opened = enter_code(client, format_code(code))
    assert opened.status_code == 302, opened.content.decode()[:500]
    assert "/language/" in opened["Location"]
    chosen = client.post(opened["Location"].split("?")[0], {"lang": language})
    assert chosen.status_code == 302
    response = SurveyResponse.objects.get(
        device_digest=device_digest(client.cookies[COOKIE_NAME].value), status=ResponseStatus.IN_PROGRESS
    )
    assert response.language == language
    assert chosen["Location"] == page_url(response, 1) + f"?lang={language}"
    return response


def page_url(response: SurveyResponse, page: int) -> str:
    """A page of the questionnaire; the address is the same for every one, the device cookie says whose."""
    return reverse("surveys:page", args=[page])


def item_names(page: HttpResponse) -> list[str]:
    return list(dict.fromkeys(ITEM_FIELD.findall(page.content.decode())))


def answer_page(client: Client, response: SurveyResponse, page: int, value: str = "4", **extra: str) -> HttpResponse:
    shown = client.get(page_url(response, page), {"lang": response.language})
    assert shown.status_code == 200
    names = item_names(shown)
    assert names
    posted = client.post(page_url(response, page), dict.fromkeys(names, value) | {"action": "next", **extra})
    assert posted.status_code == 302, posted.content.decode()[:500]
    return posted


def page_total(response: SurveyResponse) -> int:
    from surveys.respondent_views import page_count

    return page_count(response)


def answer_everything(client: Client, response: SurveyResponse, value: str = "3") -> None:
    for page in range(1, page_total(response) + 1):
        answer_page(client, response, page, value)


def hand_in(client: Client, response: SurveyResponse, open_answer: str = "") -> HttpResponse:
    """Hand in, saying yes to "nothing filled in yet, send anyway?" (tests/surveys/test_gentle_checks.py)."""
    fields = {"open_answer": open_answer, "action": "hand_in", "confirm_empty": "1"}
    return client.post(reverse("surveys:end"), fields)


def checked_values(page: HttpResponse) -> dict[str, str]:
    return {
        node.attrs["name"]: node.attrs["value"]
        for node in parse(page.content).iter("input")
        if node.attrs.get("type") == "radio" and "checked" in node.attrs
    }


def answers_of(response: SurveyResponse) -> dict[str, int | None]:
    return {str(a.item_id): a.value for a in SurveyAnswer.objects.filter(response=response)}
