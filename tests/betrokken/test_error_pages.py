"""Error pages people can read: in the respondent's language on /q/ and /v/, in the staff language elsewhere.

Rendered with DEBUG off (as pytest-django runs), through the client with raise_request_exception=False
and through the handlers themselves.
"""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.urls import include, path, reverse
from django.utils import timezone

from accounts.models import PasswordResetRequest
from accounts.password_reset_throttle import PER_ADDRESS
from betrokken.database_busy import RETRY_AFTER_SECONDS, busy_response, server_error
from betrokken.error_pages import bad_request, csrf_failure, page_not_found, permission_denied
from respondents.throttle import Wait, record_failure, seconds_to_wait
from schools.models import Membership, Role
from surveys.devices import COOKIE_NAME, handed_in_cookie
from tests.helpers.english_words import english_in
from tests.helpers.world import World, make_user


def _fails(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug")


def _suspicious(request: HttpRequest) -> HttpResponse:
    raise SuspiciousOperation("a forged request")


# This module doubles as a URL configuration: the real one plus views that fail, on both kinds of path.
urlpatterns = [
    path("q/fails/", _fails),
    path("fails/", _fails),
    path("q/suspicious/", _suspicious),
    path("suspicious/", _suspicious),
    path("", include("betrokken.urls")),
]
handler400 = "betrokken.error_pages.bad_request"
handler403 = "betrokken.error_pages.permission_denied"
handler404 = "betrokken.error_pages.page_not_found"
handler500 = "betrokken.database_busy.server_error"
WITH_FAILING_VIEWS = pytest.mark.urls("tests.betrokken.test_error_pages")


@pytest.fixture(autouse=True)
def _catalogues(compiled_messages: None) -> None:
    """The pages are read in Dutch, English and Arabic: the compiled catalogues must be current."""


@pytest.fixture
def anonymous() -> Client:
    return Client(raise_request_exception=False)


@pytest.fixture
def english(anonymous: Client) -> Client:
    anonymous.cookies["betrokken_language"] = "en"
    return anonymous


def assert_respondent_page(response: HttpResponse, status: int, language: str, title: str, back: str) -> str:
    page = response.content.decode()
    assert response.status_code == status
    assert response["Content-Language"] == language
    assert response["Cache-Control"] == "no-store"
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in page
    assert f"<h1>{title}</h1>" in page
    assert f'href="{back}?lang={language}"' in page
    assert "Traceback" not in page and "DEBUG" not in page
    return page


def assert_staff_page(response: HttpResponse, status: int, language: str, title: str) -> str:
    page = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{language}" dir="ltr">' in page
    assert f"<h1>{title}</h1>" in page
    assert 'href="/"' in page  # the way back to the start page
    return page


# Respondent paths: 404, in the language asked for, the device's, or Dutch.


@pytest.mark.django_db
def test_unknown_questionnaire_address_in_dutch_speaks_dutch_and_shows_no_english(anonymous: Client) -> None:
    page = assert_respondent_page(
        anonymous.get("/q/bestaat-niet/"), 404, "nl", "Pagina niet gevonden", reverse("surveys:code")
    )
    assert "Typ de code van de brief op de codepagina." in page
    assert ">Naar de codepagina</a>" in page
    assert "Nederlands</span>" not in page  # no Dutch beside the Dutch
    assert english_in(page) == []


@pytest.mark.django_db
def test_unknown_questionnaire_address_in_arabic_is_right_to_left_with_the_dutch_beside(anonymous: Client) -> None:
    response = anonymous.get("/q/bestaat-niet/?lang=ar")
    page = assert_respondent_page(response, 404, "ar", "الصفحة غير موجودة", reverse("surveys:code"))
    assert ">اذهب إلى صفحة الرمز</a>" in page
    assert '<div class="r-nl" lang="nl" dir="ltr">' in page and "<strong>Pagina niet gevonden</strong>" in page


@pytest.mark.django_db
def test_unknown_questionnaire_address_in_english(anonymous: Client) -> None:
    page = assert_respondent_page(
        anonymous.get("/q/bestaat-niet/?lang=en"), 404, "en", "Page not found", reverse("surveys:code")
    )
    assert ">Go to the code page</a>" in page


@pytest.mark.django_db
def test_a_device_that_handed_in_in_french_reads_the_error_in_french(anonymous: Client) -> None:
    anonymous.cookies[COOKIE_NAME] = handed_in_cookie("fr", "parent")
    assert_respondent_page(anonymous.get("/q/bestaat-niet/"), 404, "fr", "Page introuvable", reverse("surveys:code"))


@pytest.mark.django_db
def test_the_failing_address_is_not_echoed_on_a_respondent_page(anonymous: Client) -> None:
    page = anonymous.get("/q/geheim-pad-4711/?lang=ar").content.decode()
    assert "geheim-pad-4711" not in page
    assert 'href="?lang=fr"' in page  # the language menu reopens the same address, without repeating it


@pytest.mark.django_db
def test_unknown_declaration_address_leads_back_to_the_family_code_page(anonymous: Client) -> None:
    response = anonymous.get("/v/bestaat-niet/?lang=ar")
    assert_respondent_page(response, 404, "ar", "الصفحة غير موجودة", reverse("engagement:parent_code"))


# Respondent paths: a failed CSRF check, 400 and 500.


@pytest.mark.django_db
def test_csrf_failure_on_a_questionnaire_page_speaks_the_pages_language() -> None:
    phone = Client(enforce_csrf_checks=True, raise_request_exception=False)
    response = phone.post(reverse("surveys:page", args=[2]), {"lang": "ar", "item-x": "3"})
    page = assert_respondent_page(response, 403, "ar", "لم يتم إرسال هذه الصفحة", reverse("surveys:code"))
    assert "Deze pagina stond lang open. Wat al bewaard was, blijft bewaard." in page  # the Dutch beside
    assert "CSRF" not in page and "Forbidden" not in page


@pytest.mark.django_db
def test_csrf_failure_on_the_code_page_in_dutch() -> None:
    phone = Client(enforce_csrf_checks=True, raise_request_exception=False)
    response = phone.post(reverse("surveys:code"), {"code": "ABCDE-FGHJK"})
    page = assert_respondent_page(response, 403, "nl", "Deze pagina is niet verstuurd", reverse("surveys:code"))
    assert english_in(page) == []


@WITH_FAILING_VIEWS
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title"), [("nl", "Er ging iets mis"), ("en", "Something went wrong"), ("ar", "حدث خطأ ما")]
)
def test_a_bug_on_a_questionnaire_page_is_a_readable_500(anonymous: Client, language: str, title: str) -> None:
    page = assert_respondent_page(
        anonymous.get(f"/q/fails/?lang={language}"), 500, language, title, reverse("surveys:code")
    )
    assert "a bug" not in page and "RuntimeError" not in page


@WITH_FAILING_VIEWS
@pytest.mark.django_db
def test_a_suspicious_request_on_a_questionnaire_page_is_a_readable_400(anonymous: Client) -> None:
    page = assert_respondent_page(
        anonymous.get("/q/suspicious/?lang=ar"), 400, "ar", "حدث خطأ ما", reverse("surveys:code")
    )
    assert "forged" not in page


def test_the_500_page_reads_no_database_on_either_kind_of_path() -> None:
    """No django_db mark: any query would fail this test."""
    factory = RequestFactory()
    respondent = server_error(factory.get("/q/3/?lang=ar"))
    assert respondent.status_code == 500 and respondent["Content-Language"] == "ar"
    assert "حدث خطأ ما" in respondent.content.decode()
    staff = factory.get("/s/x/")
    staff.COOKIES["betrokken_language"] = "en"
    page = server_error(staff).content.decode()
    assert '<html lang="en" dir="ltr">' in page and "<h1>Something went wrong</h1>" in page


# Staff paths: 403, 404, CSRF, 400 and 500 in the staff language.


@pytest.fixture
def rita_client(world: World) -> Iterator[Client]:
    rita = make_user("Rita Ouderraad", "rita@example.org")
    Membership.objects.create(school=world.school, user=rita, role=Role.PARENT_REP)
    client = world.client_for(rita)
    client.raise_request_exception = False
    yield client


def test_a_parent_representative_on_the_team_profile_reads_a_dutch_403(world: World, rita_client: Client) -> None:
    response = rita_client.get(reverse("results:profile", args=[world.school.id, world.round.id]))
    page = assert_staff_page(response, 403, "nl", "Je kunt deze pagina niet openen")
    assert "Vraag het aan de coördinator van je school" in page
    assert "Forbidden" not in page
    assert english_in(page) == []


def test_a_parent_representative_who_chose_english_reads_an_english_403(world: World, rita_client: Client) -> None:
    rita_client.cookies["betrokken_language"] = "en"
    response = rita_client.get(reverse("results:profile", args=[world.school.id, world.round.id]))
    assert_staff_page(response, 403, "en", "You cannot open this page")


def test_an_outsider_reads_a_dutch_404_that_tells_nothing(world: World, charlie_client: Client) -> None:
    response = charlie_client.get(reverse("results:dashboard", args=[world.school.id]))
    page = assert_staff_page(response, 404, "nl", "Pagina niet gevonden")
    assert "De Regenboog" not in page
    assert english_in(page) == []


@pytest.mark.django_db
def test_an_unknown_staff_address_in_english(english: Client) -> None:
    assert_staff_page(english.get("/bestaat-niet/"), 404, "en", "Page not found")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title"), [("nl", "Dit formulier is niet verstuurd"), ("en", "This form was not sent")]
)
def test_csrf_failure_on_the_login_form(language: str, title: str) -> None:
    browser = Client(enforce_csrf_checks=True, raise_request_exception=False)
    browser.cookies["betrokken_language"] = language
    response = browser.post(reverse("accounts:login"), {"username": "a@example.org", "password": "x"})
    page = assert_staff_page(response, 403, language, title)
    assert "CSRF" not in page
    if language == "nl":
        assert english_in(page) == []


@WITH_FAILING_VIEWS
@pytest.mark.django_db
def test_a_suspicious_staff_request_is_a_dutch_400(anonymous: Client) -> None:
    page = assert_staff_page(anonymous.get("/suspicious/"), 400, "nl", "Er ging iets mis")
    assert "Dit verzoek werd niet begrepen." in page and "forged" not in page


@WITH_FAILING_VIEWS
@pytest.mark.django_db
@pytest.mark.parametrize(("language", "title"), [("nl", "Er ging iets mis"), ("en", "Something went wrong")])
def test_a_bug_on_a_staff_page_is_a_readable_500(anonymous: Client, language: str, title: str) -> None:
    anonymous.cookies["betrokken_language"] = language
    response = anonymous.get("/fails/")
    page = assert_staff_page(response, 500, language, title)
    assert "a bug" not in page and "RuntimeError" not in page
    if language == "nl":
        assert english_in(page) == []


# The handlers called directly, as Django calls them.


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("handler", "exception", "status"),
    [
        (bad_request, SuspiciousOperation(), 400),
        (permission_denied, PermissionDenied(), 403),
        (page_not_found, None, 404),
    ],
)
def test_each_handler_answers_its_status_on_both_kinds_of_path(
    handler: object, exception: Exception | None, status: int
) -> None:
    factory = RequestFactory()
    for address, language in (("/q/1/?lang=ar", "ar"), ("/s/x/", "nl")):
        request = factory.get(address)
        request.user = None  # type: ignore[assignment]
        response = handler(request, exception)  # type: ignore[operator]
        assert response.status_code == status
        assert f'<html lang="{language}"' in response.content.decode()
    assert csrf_failure(factory.post("/q/1/", {"lang": "tr"}), "no token").status_code == 403


# 429: the code pages tell the browser when to ask again.


def test_seconds_to_wait_run_to_the_end_of_the_window() -> None:
    now = datetime(2026, 11, 29, 20, 7, 30, tzinfo=UTC)
    assert seconds_to_wait(Wait.WINDOW, now) == 7 * 60 + 30  # the window of 20:00-20:15
    assert seconds_to_wait(Wait.DAY, now) == 3 * 3600 + 52 * 60 + 30  # until midnight UTC


@pytest.mark.django_db
@pytest.mark.parametrize("code_page", ["surveys:code", "engagement:parent_code"])
def test_a_throttled_code_page_says_when_to_try_again(settings: object, anonymous: Client, code_page: str) -> None:
    settings.CODE_FAILURES_PER_ADDRESS = 2  # type: ignore[attr-defined]
    for _ in range(2):
        record_failure("127.0.0.1")
    response = anonymous.post(reverse(code_page) + "?lang=ar", {"code": "ABCDE-FGHJK"})
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 15 * 60
    assert response["Content-Language"] == "ar"


def test_a_throttled_password_reset_says_when_the_address_may_ask_again(world: World) -> None:
    for n in range(PER_ADDRESS):
        Client().post(reverse("accounts:password_reset"), {"email": f"x{n}@example.org"}, REMOTE_ADDR="198.51.100.7")
    PasswordResetRequest.objects.update(requested_at=timezone.now() - timedelta(minutes=50))
    response = Client().post(reverse("accounts:password_reset"), {"email": "a@example.org"}, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 429
    assert 9 * 60 <= int(response["Retry-After"]) <= 10 * 60  # the oldest request leaves the hour in 10 minutes
    assert "<h1>Te veel pogingen</h1>" in response.content.decode()


def test_a_busy_database_during_a_hand_in_answers_in_the_pages_language() -> None:
    """No django_db mark: the database is busy, so the page must not need it. The form names its language."""
    response = busy_response(RequestFactory().post("/q/end/", {"lang": "ar"}))
    page = assert_respondent_page(response, 503, "ar", "الخادم مشغول للحظة", reverse("surveys:code"))
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "Wat al bewaard was, blijft bewaard." in page
    staff = busy_response(RequestFactory().post("/s/x/rounds/"))
    assert staff.status_code == 503 and "<h1>Even druk</h1>" in staff.content.decode()


@pytest.mark.django_db
def test_a_locked_out_login_says_when_to_try_again_in_dutch() -> None:
    make_user("Ann", "ann@example.org")
    browser, wrong = Client(), {"username": "ann@example.org", "password": "wrong"}
    statuses = [browser.post(reverse("accounts:login"), wrong).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth wrong password locks
    response = browser.post(reverse("accounts:login"), wrong)
    assert response.status_code == 429
    assert response["Retry-After"] == str(15 * 60)
    page = response.content.decode()
    assert "<h1>Te veel pogingen</h1>" in page
    assert english_in(page) == []


@pytest.mark.django_db
def test_a_request_for_another_host_is_a_readable_400_on_both_kinds_of_path(anonymous: Client) -> None:
    staff = anonymous.get("/", HTTP_HOST="evil.example")
    assert "evil" not in assert_staff_page(staff, 400, "nl", "Er ging iets mis")
    respondent = anonymous.get("/q/?lang=ar", HTTP_HOST="evil.example")
    assert "evil" not in assert_respondent_page(respondent, 400, "ar", "حدث خطأ ما", reverse("surveys:code"))
