"""Arbitrary input to every form of the engagementsverklaring: never a server error, never half a save.

Uses the strategies of tests/bad_input_strategies.py. A response that is not a redirect leaves every
table of the declaration as it was; a redirect leaves complete rows.
"""

from collections.abc import Callable

import pytest
from django.db import models
from django.test import Client
from django.urls import resolve, reverse
from hypothesis import given
from hypothesis import strategies as st

from engagement.domains import DOMAIN_KEYS
from engagement.drafting import latest_version, start_declaration, take_step
from engagement.families.codes import issue_code
from engagement.models import (
    Acknowledgment,
    Declaration,
    DeclarationTranslation,
    DeclarationVersion,
    DomainComment,
    DomainEvaluation,
    Family,
    PrivacyLog,
)
from engagement.texts import TEXT_FIELDS
from tests.helpers.bad_input_strategies import (
    FUZZ,
    ODD_DATES,
    Field,
    Pairs,
    form_data,
    is_redirect,
    last,
    login,
    one,
    rolled_back,
    text,
)
from tests.helpers.bad_input_strategies import post as post_pairs
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("fast_password_hashing")

TRACKED: tuple[type[models.Model], ...] = (
    Declaration,
    DeclarationVersion,
    DomainComment,
    DeclarationTranslation,
    DomainEvaluation,
    Family,
    Acknowledgment,
    PrivacyLog,
)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in TRACKED}


def checked(
    client: Client, url: str, pairs: Pairs, allowed: Callable[[dict[str, int]], bool], refused: int | None
) -> None:
    """POST; a redirect changes only what `allowed` accepts; anything else is the form shown again with the
    status that page gives a refused form (`refused`; None: the page always redirects) and changes nothing."""
    before = counts()
    response = post_pairs(client, url, pairs)
    after = counts()
    changed = {name: after[name] - before[name] for name in after if after[name] != before[name]}
    if is_redirect(response):
        assert allowed(changed), changed
    else:
        assert response.status_code == refused, response.status_code
        assert changed == {}, changed


def url(name: str, declaration: Declaration, *extra: object) -> str:
    return reverse(f"engagement:{name}", args=[declaration.school_id, declaration.id, *extra])


DOMAIN_FIELDS = [
    Field(f"{key}-{part}", text("- We bellen u op.", ""), odd=("x" * 6001,))
    for key in DOMAIN_KEYS
    for part in ("title", *TEXT_FIELDS)
]


@FUZZ
@given(data=st.data())
def test_the_editor_survives_anything(world: World, data: st.DataObject) -> None:
    pairs = data.draw(
        form_data(
            Field("title", text("Engagementsverklaring"), odd=("", "  ", "x" * 201)),
            Field("introduction", text("Samen met de ouders."), odd=("x" * 6001,)),
            Field("change_note", text("", "na het overleg"), odd=("x" * 301,)),
            *data.draw(st.lists(st.sampled_from(DOMAIN_FIELDS), max_size=4, unique_by=lambda f: f.name)),
        ),
        label="pairs",
    )
    with rolled_back():
        declaration = start_declaration(world.school, "2026-2027", world.alice)
        checked(
            login(world.alice), url("edit", declaration), pairs, lambda c: c in ({}, {"DeclarationVersion": 1}), 200
        )


@FUZZ
@given(data=st.data())
def test_comments_answers_and_adoption_survive_anything(world: World, data: st.DataObject) -> None:
    client = login(world.alice)
    which = data.draw(st.sampled_from(["comment", "answer", "adopt", "start", "evaluation"]), label="form")
    with rolled_back():
        declaration = start_declaration(world.school, "2026-2027", world.alice)
        take_step(declaration, "consult")
        comment = DomainComment.objects.create(
            declaration=declaration,
            school=world.school,
            version=latest_version(declaration),
            domain="general",
            body="?",
        )
        if which == "comment":
            pairs = data.draw(
                form_data(
                    Field("domain", one("general", *DOMAIN_KEYS), odd=("", "x", "GENERAL")),
                    Field("body", text("Kan het ook 's avonds?"), odd=("", " ", "x" * 3001)),
                )
            )
            checked(client, url("comment", declaration), pairs, lambda c: c in ({}, {"DomainComment": 1}), None)
        elif which == "answer":
            pairs = data.draw(form_data(Field("answer", text("Ja."), odd=("", "\t", "x" * 3001))))
            checked(client, url("answer", declaration, comment.id), pairs, lambda c: c == {}, None)
        elif which == "adopt":
            pairs = data.draw(form_data(Field("adopted_on", one("2026-09-15"), odd=tuple(ODD_DATES))))
            checked(client, url("step", declaration, "adopt"), pairs, lambda c: c == {}, None)
        elif which == "start":
            pairs = data.draw(
                form_data(
                    Field("school_year", one("2027-2028"), odd=("2026-2027", "2030-2031", "", "2027-2027")),
                    Field("start_from", one("template", "previous"), odd=("", "elsewhere")),
                )
            )
            checked(
                client,
                reverse("engagement:declarations", args=[world.school.id]),
                pairs,
                lambda c: c == {"Declaration": 1, "DeclarationVersion": 1},
                200,
            )
        else:
            key = data.draw(st.sampled_from(DOMAIN_KEYS))
            pairs = data.draw(
                form_data(
                    Field(f"{key}-delivered", one("yes", "partly", "no"), odd=("", "maybe")),
                    Field(f"{key}-learned", text("We leerden veel."), odd=("x" * 3001,)),
                )
            )
            checked(client, url("evaluation", declaration), pairs, lambda c: c in ({}, {"DomainEvaluation": 1}), 200)


@FUZZ
@given(data=st.data())
def test_translations_families_and_privacy_survive_anything(
    world: World, published_declaration: Declaration, data: st.DataObject
) -> None:
    declaration = published_declaration
    client = login(world.alice)
    which = data.draw(st.sampled_from(["translation", "letters", "delete"]), label="form")
    with rolled_back():
        Family.objects.create(
            school=world.school, school_year=declaration.school_year, reference="G-1", class_name="1A"
        )
        if which == "translation":
            pairs = data.draw(
                form_data(
                    Field("status", one("draft", "reviewed"), odd=("", "final")),
                    Field("version", one(str(declaration.published_version.number)), odd=("", "0", "-1", "x", "99")),  # type: ignore[union-attr]
                    Field("title", text("Taahhüt beyanı"), odd=("x" * 201,)),
                    Field("oudercontact__school_offers", text("- Veli görüşmeleri"), odd=("x" * 6001,)),
                )
            )
            checked(
                client,
                url("translation_edit", declaration, "tr"),
                pairs,
                lambda c: c == {"DeclarationTranslation": 1},
                400,
            )
        elif which == "letters":
            pairs = data.draw(
                form_data(
                    Field("class_name", one("", "1A"), odd=("2B", "x" * 50)),
                    Field("families", one("all", "waiting"), odd=("", "some")),
                )
            )
            # for a class there is and a choice of families the worker is asked for the letters (to the job's page;
            # it makes the codes, so no rows are added here); anything else is the form again
            valid = (last(pairs, "class_name") or "") in ("", "1A") and last(pairs, "families") in ("all", "waiting")
            before = counts()
            response = post_pairs(client, url("family_letters", declaration), pairs)
            assert counts() == before
            if valid:
                assert response.status_code == 302 and resolve(response["Location"]).view_name == "jobs:job"
            else:
                assert (response.status_code, response["Content-Type"].split(";")[0]) == (400, "text/html")
        else:
            pairs = data.draw(
                form_data(Field("confirmation", one(declaration.school_year), odd=("", "2025-2026", "ja")))
            )
            checked(
                client,
                url("family_delete", declaration),
                pairs,
                lambda c: c == {"Family": -1, "PrivacyLog": 1},
                400,
            )


@pytest.fixture
def parent_client(world: World, published_declaration: Declaration) -> tuple[Client, str]:
    """A family's phone that has opened the declaration with its code, and that code."""
    family = Family.objects.create(
        school=world.school,
        school_year=published_declaration.school_year,
        reference="G-1",
        class_name="1A",
        language="tr",
    )
    code = issue_code(family)
    client = Client()
    assert client.post(reverse("engagement:parent_code"), {"code": code}).status_code == 302
    return client, code


@FUZZ
@given(data=st.data())
def test_the_parents_pages_survive_anything(parent_client: tuple[Client, str], data: st.DataObject) -> None:
    client, code = parent_client
    pairs = data.draw(
        form_data(
            Field("name", text("Ayşe Demir"), odd=("", "   ", "x" * 121)),
            Field("confirmed", one("on"), odd=("", "off", "false")),
            Field("lang", one("tr", "nl", "ar"), odd=("", "xx", "../")),
        )
    )
    code_pairs = data.draw(form_data(Field("code", one(code), odd=("", "x", "ABCDE-FGHJK", "٣" * 10))))
    with rolled_back():
        checked(client, reverse("engagement:parent_read"), pairs, lambda c: c in ({}, {"Acknowledgment": 1}), 400)
    with rolled_back():
        checked(Client(), reverse("engagement:parent_code"), code_pairs, lambda c: c == {}, 200)
