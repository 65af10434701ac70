"""Issue 14, points 3 and 6: families read the page in their language with the Dutch beside it (draft/reviewed,
prefilled from the library), read-aloud, right to left; pupils have a je-form version per age band; the
engagementsverklaring's year-end evaluation is shown per domain once the schoolraad has seen it."""

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from actions.models import Action, LibraryAction, LibraryActionText
from engagement.drafting import latest_version as declaration_version
from engagement.drafting import start_declaration
from engagement.drafting import take_step as declaration_step
from engagement.models import Delivery, DomainEvaluation
from feedback.models import FeedbackPage, FeedbackTranslation
from feedback.public import public_path, published_texts
from feedback.versions import change_text, latest_version, take_step, version_text
from framework.models import TranslationStatus
from tests.feedback.test_feedback_consultation import compose_data, url
from tests.helpers.feedback_rounds import closed_round, published_page
from tests.helpers.world import World

pytestmark = pytest.mark.django_db


def translate(page: FeedbackPage, language: str, status: str = TranslationStatus.REVIEWED) -> None:
    version = page.published_version
    assert version is not None
    fields = {key: f"[{language}] {key}" for key in ("introduction", "parents.0", "team", "actions.0.title")}
    FeedbackTranslation.objects.create(
        version=version, school=page.school, language=language, status=status, fields=fields
    )


def test_turkish_stands_beside_the_dutch_with_read_aloud(world: World) -> None:
    page = published_page(world)
    translate(page, "tr", TranslationStatus.DRAFT)
    html = Client().get(public_path(page), {"lang": "tr"}).content.decode()
    assert '<html lang="tr" dir="ltr">' in html
    assert "[tr] parents.0" in html and "Veel ouders weten niet goed" in html  # beside, never instead
    assert "Vertaling — Turks" in html and "Nederlands (officiële tekst)" in html
    assert "Siz söylediniz, biz yapıyoruz" in html  # the page's own words in Turkish
    assert "Bu çeviri bir taslaktır" in html or "taslak" in html  # a draft says so
    assert "Kennis" in html and 'data-dimension="kennis"' in html  # the Dutch name and its pictogram
    assert f"/terug/{page.public_slug}/audio/tr/parents.0/" in html
    assert "<script" not in html


def test_arabic_is_right_to_left_and_the_dutch_stays_left_to_right(world: World) -> None:
    page = published_page(world)
    translate(page, "ar")
    html = Client().get(public_path(page), {"lang": "ar"}).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert re.search(r'class="d-col d-translation" lang="ar" dir="rtl"', html)
    assert re.search(r'class="d-col d-master" lang="nl" dir="ltr"', html)
    assert "قلتم، ونحن نعمل" in html


def test_a_language_without_translation_shows_the_dutch_and_says_so(world: World) -> None:
    page = published_page(world)
    html = Client().get(public_path(page), {"lang": "pl"}).content.decode()
    assert "Veel ouders weten niet goed" in html and "d-translation" not in html
    assert "Nie ma jeszcze tłumaczenia" in html or "tłumaczenia" in html


def test_read_aloud_speaks_a_published_passage_only(world: World) -> None:
    page = published_page(world)
    translate(page, "tr")
    base = reverse("feedback:public", args=[page.public_slug])
    spoken = Client().get(f"{base}audio/nl/parents.0/")
    assert spoken.status_code == 200 and spoken["Content-Type"] == "audio/wav"
    assert Client().get(f"{base}audio/tr/parents.0/").status_code == 200
    assert Client().get(f"{base}audio/tr/parents.1/").status_code == 404  # not translated
    assert Client().get(f"{base}audio/nl/nothing/").status_code == 404
    assert Client().get(f"{base}audio/nl/actions.0/").status_code == 200  # an action is read as one block
    reading = published_texts(page, "tr")
    assert reading is not None
    assert reading.words("actions.0", translated=False) == (
        "Koffiemoment aan de schoolpoort. tegen maart 2027. Coördinator. "
        "Leerlingen van het zesde leerjaar schenken koffie en vertalen waar het kan"
    )
    assert Client().get(f"{base}audio/ps/parents.0/").status_code == 404  # no voice


def test_pupils_read_their_own_je_form_version(world: World) -> None:
    page = published_page(world)
    pupils = Client().get(reverse("feedback:public_pupils", args=[page.public_slug, "10-12"]))
    html = pupils.content.decode()
    assert pupils.status_code == 200
    assert "Jullie zeiden dat je graag meer uitleg krijgt." in html
    assert "Wat de school doet met jullie antwoorden" in html
    assert "Leerlingen van het zesde leerjaar schenken koffie" in html  # the action's part for pupils
    assert Client().get(reverse("feedback:public_pupils", args=[page.public_slug, "12-18"])).status_code == 404
    assert "leerlingen/10-12/" in Client().get(public_path(page)).content.decode()


def test_a_new_translation_is_prefilled_from_the_library_and_framework_where_unchanged(
    world: World, alice_client: Client
) -> None:
    """The action library and the framework carry English today (actions/content, framework/content)."""
    library = LibraryAction.objects.filter(school__isnull=True, texts__language="en").first()
    assert library is not None
    dutch = LibraryActionText.objects.get(action=library, language="nl")
    english = LibraryActionText.objects.get(action=library, language="en")
    closed_round(world)
    Action.objects.create(school=world.school, round=world.round, title=dutch.title, source=library)
    Action.objects.create(school=world.school, round=world.round, title=f"{dutch.title} (aangepast)", source=library)
    alice_client.post(url(world, "start"))
    alice_client.post(url(world, "compose"), compose_data(world))
    form = alice_client.get(url(world, "translation", "en")).content.decode()
    assert form.count(f"{english.title}</textarea>") == 1  # the unchanged title only; the changed one starts empty
    assert "Knowledge</textarea>" in form  # a dimension's name from the framework's English
    assert "vooraf ingevuld" in form
    assert alice_client.post(url(world, "translation", "en"), {"status": "draft"}).status_code == 302
    assert "Knowledge</textarea>" not in alice_client.get(url(world, "translation", "en")).content.decode()


def test_a_reviewed_translation_must_translate_every_part(world: World, alice_client: Client) -> None:
    closed_round(world)
    alice_client.post(url(world, "start"))
    response = alice_client.post(url(world, "translation", "tr"), {"status": "reviewed", "introduction": ""})
    assert response.status_code == 400
    saved = alice_client.post(url(world, "translation", "tr"), {"status": "draft", "introduction": "Merhaba"})
    assert saved.status_code == 302
    assert FeedbackTranslation.objects.get().fields == {"introduction": "Merhaba"}
    assert alice_client.get(url(world, "translation", "xx")).status_code == 404


def test_the_evaluation_is_shown_per_domain_after_the_schoolraad_saw_it(world: World, alice_client: Client) -> None:
    declaration = start_declaration(world.school, "2025-2026", world.alice)
    for step in ("consult", "adopt", "publish"):
        declaration_step(declaration, step, date(2026, 6, 1) if step == "adopt" else None)
    assert declaration_version(declaration).published_at is not None
    for domain, delivered in (("oudercontact", Delivery.YES), ("nederlands", Delivery.PARTLY)):
        DomainEvaluation.objects.create(
            declaration=declaration, school=world.school, domain=domain, delivered=delivered
        )
    closed_round(world)
    alice_client.post(url(world, "start"))
    missing_date = alice_client.post(url(world, "compose"), compose_data(world, evaluation_include="on"))
    assert missing_date.status_code == 400
    assert "pas nadat de schoolraad ze besprak" in missing_date.content.decode()
    data = compose_data(world, evaluation_include="on", evaluation_seen_on="2026-06-20")
    assert alice_client.post(url(world, "compose"), data).status_code == 302
    page = FeedbackPage.objects.get()
    take_step(page, "consult")
    take_step(page, "publish")
    html = Client().get(public_path(page)).content.decode()
    assert "Wat de school beloofde in de engagementsverklaring" in html
    assert "De schoolraad besprak dit op 2026-06-20." in html
    assert re.search(r'data-domain="oudercontact".*?Gedaan', html, re.S)
    assert re.search(r'data-domain="nederlands".*?Deels gedaan', html, re.S)


def test_a_new_publication_keeps_the_translation_of_unchanged_parts(world: World) -> None:
    page = published_page(world)
    translate(page, "tr")  # reviewed, on version 2
    text = version_text(latest_version(page))
    change_text(page, type(text)(**{**text.__dict__, "team": "We schrijven elke maand een korte brief."}), world.alice)
    take_step(page, "consult")
    take_step(page, "publish")
    page.refresh_from_db()
    carried = FeedbackTranslation.objects.get(version=page.published_version, language="tr")
    assert carried.fields["parents.0"] == "[tr] parents.0"  # the Dutch did not change
    assert "team" not in carried.fields  # it did: the old translation would say something else
    assert carried.status == TranslationStatus.DRAFT
    html = Client().get(public_path(page), {"lang": "tr"}).content.decode()
    assert "[tr] parents.0" in html and "We schrijven elke maand een korte brief." in html
