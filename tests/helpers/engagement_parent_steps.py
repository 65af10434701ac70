"""Shared steps of the parent-side tests: a family, a translation, a phone that entered the code."""

from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from engagement.drafting import version_text
from engagement.families.codes import issue_code
from engagement.families.translation_need import end_of_school_year
from engagement.markdown import plain_text
from engagement.models import (
    Declaration,
    DeclarationTranslation,
    Family,
    TranslationReason,
)
from framework.models import TranslationStatus
from tests.helpers.respondent_helpers import Node, parse
from tests.helpers.world import World

READ = reverse("engagement:parent_read")
THANKS = reverse("engagement:parent_thanks")
CODE = reverse("engagement:parent_code")
LEAVE = reverse("engagement:parent_leave")


def make_family(
    world: World,
    language: str = "tr",
    school_year: str = "2026-2027",
    reference: str = "F001",
    translated: bool = True,
) -> Family:
    """A family; with another language than Dutch it is offered a translation (a newcomer, until the end of
    the current school year) unless `translated` is False."""
    offered = translated and language != "nl"
    return Family.objects.create(
        school=world.school,
        school_year=school_year,
        reference=reference,
        class_name="3A",
        language=language,
        translation_reason=TranslationReason.NEWCOMER if offered else "",
        translation_until=end_of_school_year(timezone.localdate()) if offered else None,
    )


def add_translation(
    declaration: Declaration, language: str, status: str = TranslationStatus.DRAFT, skip: str = ""
) -> DeclarationTranslation:
    """A translation of the published version whose every text says which language and block it is."""
    version = declaration.published_version
    assert version is not None
    domains = {
        key: {
            "title": f"{language.upper()}-TITLE-{key}",
            **{
                part: f"{language.upper()}-{key}-{part}"
                for part in ("school_offers", "parents_commit", "pupil_commits")
                if value.get(part) and f"{key}.{part}" != skip
            },
        }
        for key, value in version.domains.items()
    }
    return DeclarationTranslation.objects.create(
        version=version,
        school_id=version.school_id,
        language=language,
        status=status,
        title=f"{language.upper()}-TITLE",
        introduction=f"{language.upper()}-INTRODUCTION",
        domains=domains,
    )


def enter(client: Client, code: str, address: str = "10.9.9.9", **extra: str) -> HttpResponse:
    return client.post(CODE, {"code": code, **extra}, REMOTE_ADDR=address)


def opened_client(family: Family) -> Client:
    client = Client()
    response = enter(client, issue_code(family))
    assert response.status_code == 302 and response["Location"] == READ
    return client


def columns(page: HttpResponse, kind: str) -> list[Node]:
    return [node for node in parse(page.content).iter("div") if kind in node.classes()]


def pairs(page: HttpResponse) -> list[Node]:
    return [node for node in parse(page.content).iter("div") if "d-pair" in node.classes()]


def dutch_words(declaration: Declaration) -> str:
    """A few words of the first domain's Dutch text, as they appear on the page."""
    assert declaration.published_version is not None
    domain = next(iter(version_text(declaration.published_version).domains.values()))
    return plain_text(domain.school_offers).split("\n")[0][:30]


# ---------------------------------------------------------------- the code
