"""The coordinator's translations of a published declaration version: list, prefill, checks, access."""

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from engagement.domains import DomainText
from engagement.drafting import change_text, start_declaration, take_step, version_text
from engagement.models import Declaration, DeclarationTranslation
from engagement.template_content import read_template
from engagement.translations.forms import form_name
from framework.models import TranslationStatus
from tests.helpers.world import World, in_dutch

pytestmark = pytest.mark.django_db


def in_dutch_part(message: str) -> str:
    """The start of the Dutch for `message`, as it appears in the HTML (escaped, before any quote mark)."""
    return str(escape(in_dutch(message)))[:40]


def list_url(declaration: Declaration) -> str:
    return reverse("engagement:translations", args=[declaration.school_id, declaration.id])


def edit_url(declaration: Declaration, language: str) -> str:
    return reverse("engagement:translation_edit", args=[declaration.school_id, declaration.id, language])


def form_data(response: Any, **changes: str) -> dict[str, str]:
    """What the browser would send back: every field as the page shows it, with `changes`."""
    form = response.context["form"]
    data = {name: str(form[name].value() or "") for name in form.fields}
    data.update(changes)
    return data


def publish_new_version(declaration: Declaration, world: World, **domain_changes: DomainText) -> None:
    """Change the text (a new version), then take it through consultation and adoption to publication."""
    text = version_text(declaration.versions.order_by("-number").first())  # type: ignore[arg-type]
    text = replace(
        text,
        introduction="Wij werken samen met alle ouders van De Regenboog.",
        domains={**text.domains, **domain_changes},
    )
    change_text(declaration, text, world.alice, "eigen tekst")
    declaration.refresh_from_db()
    if declaration.state == "draft":
        take_step(declaration, "consult")
    take_step(declaration, "adopt", adopted_on=date(2026, 10, 1))
    take_step(declaration, "publish")
    declaration.refresh_from_db()


def shown_status(status: str) -> str:
    """The status as the (Dutch by default) staff pages show it."""
    with translation.override("nl"):
        return f'<span class="status">{TranslationStatus(status).label}</span>'


TEMPLATE_LANGUAGES = [language for language in ("en", "tr") if language in read_template()]


def test_nothing_published_shows_the_empty_state_and_the_form_waits(world: World, alice_client: Client) -> None:
    declaration = start_declaration(world.school, "2026-2027", world.alice)
    response = alice_client.get(list_url(declaration))
    assert response.status_code == 200
    assert (
        in_dutch_part(
            "Nothing is published yet. Translations are made of the published version, which never changes: "
            "publish the declaration first."
        )
        in response.content.decode()
    )
    response = alice_client.get(edit_url(declaration, "en"))
    assert response.status_code == 302 and response["Location"] == list_url(declaration)
    assert not DeclarationTranslation.objects.exists()


def test_list_offers_every_respondent_language_except_dutch(published_declaration: Any, alice_client: Client) -> None:
    response = alice_client.get(list_url(published_declaration))
    assert response.status_code == 200
    addable = [code for code, _name in response.context["addable"]]
    assert "nl" not in addable
    assert {"en", "ar", "tr", "fa", "ti", "so"} <= set(addable)
    assert edit_url(published_declaration, "ar") in response.content.decode()
    assert in_dutch_part("This version has no translations yet.") in response.content.decode()


@pytest.mark.parametrize("language", TEMPLATE_LANGUAGES)
def test_a_new_translation_of_the_unchanged_template_is_prefilled_everywhere(
    published_declaration: Any, alice_client: Client, language: str
) -> None:
    template = read_template()[language]
    response = alice_client.get(edit_url(published_declaration, language))
    assert response.status_code == 200
    form = response.context["form"]
    assert form["title"].value() == template.title
    assert form["introduction"].value() == template.introduction
    assert form["oudercontact__school_offers"].value() == template.domains["oudercontact"].school_offers
    assert form["nederlands__title"].value() == template.domain_titles["nederlands"]
    page = response.content.decode()
    assert 'data-testid="prefill-note"' in page
    assert page.count('data-testid="prefilled"') == len(response.context["rows"])
    assert f'lang="{language}"' in page
    assert not DeclarationTranslation.objects.exists()  # nothing is stored before saving


@pytest.mark.parametrize("language", TEMPLATE_LANGUAGES)
def test_parts_the_school_changed_start_empty(world: World, language: str) -> None:
    declaration = start_declaration(world.school, "2026-2027", world.alice)
    old = version_text(declaration.versions.get())
    changed = replace(
        old.domains["aanwezigheid"], parents_commit="- U belt de school vóór 8.30 uur als uw kind ziek is."
    )
    publish_new_version(declaration, world, aanwezigheid=changed)
    assert declaration.published_version.number == 2  # type: ignore[union-attr]
    template = read_template()[language]

    response = world.client_for(world.alice).get(edit_url(declaration, language))
    form = response.context["form"]
    assert form["introduction"].value() is None  # no initial value: the field starts empty
    assert form["aanwezigheid__parents_commit"].value() is None
    assert form["aanwezigheid__school_offers"].value() == template.domains["aanwezigheid"].school_offers
    assert form["title"].value() == template.title
    sources = {field.key: source for field, _bound, source in response.context["rows"]}
    assert sources["introduction"] == "" and sources["aanwezigheid.parents_commit"] == ""
    assert sources["title"] == "template" and sources["aanwezigheid.school_offers"] == "template"
    assert len(response.context["prefilled_from_template"]) == len(sources) - 2


def test_reviewed_needs_every_part_and_a_draft_does_not(
    world: World, published_declaration: Any, alice_client: Client
) -> None:
    url = edit_url(published_declaration, "en")
    page = alice_client.get(url)

    response = alice_client.post(url, form_data(page, introduction="", status="reviewed"))
    assert response.status_code == 400
    assert in_dutch_part("Translate this part before marking the translation as reviewed.") in response.content.decode()
    assert response.context["form"].errors.keys() == {"introduction"}
    # the refused field points at the Dutch beside it and at its error
    assert 'aria-describedby="dutch-introduction id_introduction_error"' in response.content.decode()
    assert 'id="id_introduction_error"' in response.content.decode()
    assert not DeclarationTranslation.objects.exists()

    response = alice_client.post(url, form_data(page, introduction="", status="draft"))
    assert response.status_code == 302
    saved = DeclarationTranslation.objects.get(version=published_declaration.published_version, language="en")
    assert saved.status == TranslationStatus.DRAFT
    assert saved.introduction == ""
    assert saved.title == read_template()["en"].title
    assert saved.updated_by == world.alice

    listing_response = alice_client.get(list_url(published_declaration))
    assert [(row.language, row.untranslated) for row in listing_response.context["rows"]] == [("en", 1)]
    listing = listing_response.content.decode()
    assert 'id="translation-en"' in listing and shown_status("draft") in listing and "Alice Coördinator" in listing

    page = alice_client.get(url)
    assert page.context["form"]["introduction"].value() == ""  # a saved translation is not prefilled again
    assert 'data-testid="prefill-note"' not in page.content.decode()
    response = alice_client.post(url, form_data(page, introduction="Good cooperation helps.", status="reviewed"))
    assert response.status_code == 302
    saved.refresh_from_db()
    assert saved.status == TranslationStatus.REVIEWED and saved.introduction == "Good cooperation helps."
    assert DeclarationTranslation.objects.count() == 1
    assert shown_status("reviewed") in alice_client.get(list_url(published_declaration)).content.decode()


def test_a_part_without_dutch_gets_no_field_and_stores_nothing(world: World) -> None:
    declaration = start_declaration(world.school, "2026-2027", world.alice)
    old = version_text(declaration.versions.get())
    publish_new_version(declaration, world, oudercontact=replace(old.domains["oudercontact"], pupil_commits=""))
    client = world.client_for(world.alice)
    page = client.get(edit_url(declaration, "en"))
    assert "oudercontact__pupil_commits" not in page.context["form"].fields
    data = form_data(page, introduction="We work together.", status="reviewed")
    data[form_name("oudercontact.pupil_commits")] = "You give the letters to your parents."
    data["nederlands__extra"] = "More."
    assert client.post(edit_url(declaration, "en"), data).status_code == 302
    saved = DeclarationTranslation.objects.get(language="en")
    assert saved.domains["oudercontact"]["pupil_commits"] == ""
    assert set(saved.domains) == set(version_text(declaration.published_version).domains)  # type: ignore[arg-type]


def test_arabic_fields_are_right_to_left(published_declaration: Any, alice_client: Client) -> None:
    page = alice_client.get(edit_url(published_declaration, "ar")).content.decode()
    assert 'name="introduction"' in page
    assert 'lang="ar" dir="rtl"' in page
    assert 'lang="nl" dir="ltr" id="dutch-introduction"' in page


def test_unknown_language_and_dutch_are_404(published_declaration: Any, alice_client: Client) -> None:
    for language in ("xx", "nl", "EN", "en-gb"):
        assert alice_client.get(edit_url(published_declaration, language)).status_code == 404
        assert alice_client.post(edit_url(published_declaration, language), {"status": "draft"}).status_code == 404


def test_a_newer_published_version_gets_its_own_translations(world: World, published_declaration: Any) -> None:
    declaration = published_declaration
    client = world.client_for(world.alice)
    page = client.get(edit_url(declaration, "en"))
    own_words = "Our school and you: what we promise each other."
    assert client.post(edit_url(declaration, "en"), form_data(page, title=own_words)).status_code == 302
    first = DeclarationTranslation.objects.get()

    stale_page = client.get(edit_url(declaration, "en"))
    publish_new_version(declaration, world)
    # a form made for version 1 is not stored against version 2
    response = client.post(edit_url(declaration, "en"), form_data(stale_page, title="Stale"))
    assert response.status_code == 400
    assert (
        in_dutch_part(
            "A newer version of the declaration was published while you were translating. The Dutch text "
            "beside each field is now the new one: check your translation against it, then save again."
        )
        in response.content.decode()
    )
    assert DeclarationTranslation.objects.count() == 1

    listing = client.get(list_url(declaration))
    assert listing.context["rows"] == []
    assert listing.context["older"][0][0] == first

    page = client.get(edit_url(declaration, "en"))
    assert page.context["version"].number == 2
    form = page.context["form"]
    assert form["title"].value() == own_words  # unchanged Dutch: the school's own earlier translation
    assert form["introduction"].value() is None  # changed Dutch: empty
    assert page.context["prefilled_from_earlier"]
    assert client.post(edit_url(declaration, "en"), form_data(page)).status_code == 302
    assert DeclarationTranslation.objects.filter(language="en").count() == 2
    first.refresh_from_db()
    assert first.title == own_words and first.version.number == 1


def test_bad_input_never_breaks_the_form(published_declaration: Any, alice_client: Client) -> None:
    url = edit_url(published_declaration, "en")
    page = alice_client.get(url)
    for changes in ({"status": "approved"}, {"version": "abc"}, {"title": "x" * 201}, {"status": ""}):
        response = alice_client.post(url, form_data(page, **changes))
        assert response.status_code == 400, changes
    assert alice_client.post(url, {}).status_code == 400
    assert not DeclarationTranslation.objects.exists()


def test_team_members_may_not_translate(published_declaration: Any, bob_client: Client) -> None:
    assert bob_client.get(list_url(published_declaration)).status_code == 403
    assert bob_client.get(edit_url(published_declaration, "en")).status_code == 403
    assert (
        bob_client.post(edit_url(published_declaration, "en"), {"status": "draft", "version": "1"}).status_code == 403
    )
    assert not DeclarationTranslation.objects.exists()


def test_outsiders_get_404_everywhere(world: World, published_declaration: Any, charlie_client: Client) -> None:
    DeclarationTranslation.objects.create(
        version=published_declaration.published_version,
        school=published_declaration.school,
        language="en",
        title="Engagement declaration",
    )
    args = [published_declaration.school_id, published_declaration.id]
    urls = [
        list_url(published_declaration),
        edit_url(published_declaration, "en"),
        reverse("engagement:declaration_pdf", args=args),
        reverse("engagement:declaration_pdf_bilingual", args=[*args, "en"]),
    ]
    for url in urls:
        assert charlie_client.get(url).status_code == 404, url
    assert charlie_client.post(edit_url(published_declaration, "en"), {"status": "draft"}).status_code == 404
    # and a declaration of another school under charlie's own school id is not found either
    own = reverse("engagement:translations", args=[world.other_school.id, published_declaration.id])
    assert charlie_client.get(own).status_code == 404
    assert DeclarationTranslation.objects.get().title == "Engagement declaration"
