"""The parent's side of the engagementsverklaring: no account, the family code from the letter.

A parent types the code (or scans the QR code), reads the published Dutch text with the translation
in their language beside it, and acknowledges it. The family is remembered in the session only, and
"leave" forgets it. Every page works without JavaScript on a small phone, in the parent's language.
"""

from uuid import UUID

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import pgettext_lazy

from accounts.addresses import client_address
from engagement.families.codes import code_row, family_with_working_code
from engagement.families.translation_need import reading_languages, translation_offered
from engagement.models import Declaration, Family
from engagement.parents.acknowledging import (
    DUTCH_MASTER_LABEL,
    acknowledge,
    earlier_acknowledgment,
    existing_acknowledgment,
    published_declaration_for,
    reading_for,
)
from engagement.parents.forms import AcknowledgmentForm
from engagement.reading import block_words
from respondents.codes import format_code, normalize_code
from respondents.forms import CodeForm
from respondents.languages import CHOICES, MASTER, has_voice, is_right_to_left, is_supported, native_name
from respondents.read_aloud import audio_response
from respondents.rendering import explicit_language, respondent_render
from respondents.throttle import look_up_counted, record_failure, refused, wait_for

FAMILY_KEY = "engagement_family"
LANGUAGE_KEY = "engagement_language"
ACKNOWLEDGED_HERE_KEY = "engagement_acknowledged_here"  # the acknowledgment made in this session
FAMILY_CODE_KEY = "engagement_family_code"  # the HMAC of the code it was opened with, never the code
PART_LABELS = {
    "introduction": "",
    "school_offers": pgettext_lazy("respondent", "What the school offers"),
    "parents_commit": pgettext_lazy("respondent", "What the school asks of you"),
    "pupil_commits": pgettext_lazy("respondent", "What the school asks of your child"),
}


def _language_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and is_supported(value) else None


def parent_render(
    request: HttpRequest,
    template: str,
    context: dict[str, object],
    language: str,
    status: int = 200,
    family: Family | None = None,
) -> HttpResponse:
    """Rendered like a questionnaire page (the parent's language, never cached), and kept out of search engines.

    Once the family is known its language menu holds only what the school offers it (none for the Dutch only);
    before that (the code page) every language, so that a parent can find how to type the code."""
    reading = context.get("reading")
    wide = reading is not None and getattr(reading, "translation", None) is not None  # two columns side by side
    context = {**context, "body_class": "d-body", "main_class": "d-wide" if wide else ""}
    choices = CHOICES if family is None else [(code, native_name(code)) for code in languages_of(family)]
    response = respondent_render(request, template, context, language, status, choices)
    response.headers["X-Robots-Tag"] = "noindex"
    return response


def _message(
    request: HttpRequest, reason: str, language: str, status: int = 200, family: Family | None = None
) -> HttpResponse:
    return parent_render(request, "engagement/parent/message.html", {"reason": reason}, language, status, family)


def _code_url(language: str | None) -> str:
    return reverse("engagement:parent_code") + ("?" + urlencode({"lang": language}) if language else "")


@transaction.non_atomic_requests
def code_entry(request: HttpRequest, code: str = "") -> HttpResponse:
    chosen = explicit_language(request)
    from_link = normalize_code(code)  # a QR link carries the code plain or as printed (ABCDE-FGHJK)
    linked_row = None
    if from_link and request.method == "GET":  # a letter's link opens in the family's language
        linked_row = look_up_counted(client_address(request), lambda: code_row(from_link))
    if linked_row is not None and linked_row.voided_at is not None:  # an older letter's link: say so at once
        return _message(request, "replaced", chosen or family_language(linked_row.family))
    linked = linked_row.family if linked_row is not None else None
    if linked is not None:  # the letter's family is known: only what the school offers it, as on its text
        chosen = _offered_or_none(linked, chosen)
        language = chosen or family_language(linked)
    else:
        language = chosen or _language_or_none(request.session.get(LANGUAGE_KEY)) or MASTER
    prefilled = format_code(from_link) if from_link else code
    form = CodeForm(request.POST if request.method == "POST" else None, initial={"code": prefilled})
    if request.method == "POST":
        address = client_address(request)
        if wait := wait_for(address):
            return refused(_message(request, wait.value, language, 429), wait)
        if form.is_valid():
            row = code_row(form.cleaned_data["code"])
            if row is not None and row.voided_at is not None:  # a real letter, replaced: say so, nothing more
                return _message(request, "replaced", chosen or family_language(row.family))
            if row is None:
                record_failure(address)
                form.add_error(
                    "code",
                    # Lazy: translated when the page is rendered, in the parent's language.
                    pgettext_lazy(
                        "respondent", "We do not know this code. Check the code on your letter and try again."
                    ),
                )
            else:
                return _open_family(request, row.family, row.digest, chosen)
    context = {"form": form, "explicit_language": chosen is not None}
    return parent_render(request, "engagement/parent/code_entry.html", context, language, family=linked)


def _open_family(request: HttpRequest, family: Family, digest: str, chosen: str | None) -> HttpResponse:
    if published_declaration_for(family) is None:
        return _message(request, "not_published", chosen or family_language(family))
    request.session.cycle_key()  # a fresh session id for the family: no fixation from before the code
    request.session[FAMILY_KEY] = str(family.id)
    request.session[FAMILY_CODE_KEY] = digest  # voiding this code (a lost letter) ends this reading
    if chosen:
        request.session[LANGUAGE_KEY] = chosen
    else:
        request.session.pop(LANGUAGE_KEY, None)  # the family's own preferred language
    return redirect("engagement:parent_read")


def family_language(family: Family) -> str:
    """The family's language when the school offers it a translation, else Dutch (the language rule)."""
    if not is_supported(family.language) or not offered_to(family):
        return MASTER
    return family.language


def offered_to(family: Family) -> bool:
    return translation_offered(family, timezone.localdate()).offered


def languages_of(family: Family) -> tuple[str, ...]:
    """Dutch, and the family's language when the school offers it a translation (and the product knows it)."""
    return tuple(code for code in reading_languages(family, timezone.localdate()) if is_supported(code))


def _offered_or_none(family: Family, value: object) -> str | None:
    """A language asked for (?lang= or remembered) only when the family is offered it; else None (fall back)."""
    return value if isinstance(value, str) and value in languages_of(family) else None


def _session_family(request: HttpRequest) -> Family | None:
    try:
        family_id = UUID(str(request.session.get(FAMILY_KEY)))
    except ValueError:  # no family on this device, or a malformed id in an old session
        return None
    # The code the session was opened with must still work: voiding it (a lost letter) ends the reading.
    code_digest = request.session.get(FAMILY_CODE_KEY)
    if not isinstance(code_digest, str) or not code_digest:
        return None
    return family_with_working_code(family_id, code_digest)


def _opened(request: HttpRequest) -> tuple[Family, Declaration, str] | HttpResponse:
    """The family of this device, its published declaration and the parent's language, or what to show instead."""
    chosen = explicit_language(request)
    family = _session_family(request)
    if family is None:
        request.session.pop(FAMILY_KEY, None)  # the family may have been deleted meanwhile
        return redirect(_code_url(chosen))
    chosen = _offered_or_none(family, chosen)  # another language falls back to what the school offers
    if chosen and request.session.get(LANGUAGE_KEY) != chosen:
        request.session[LANGUAGE_KEY] = chosen  # the language switch holds on the next pages
    language = chosen or _offered_or_none(family, request.session.get(LANGUAGE_KEY)) or family_language(family)
    declaration = published_declaration_for(family)
    if declaration is None:  # withdrawn since the code was typed
        return _message(request, "not_published", language, family=family)
    return family, declaration, language


def read(request: HttpRequest) -> HttpResponse:
    opened = _opened(request)
    if isinstance(opened, HttpResponse):
        return opened
    family, declaration, language = opened
    version = declaration.published_version
    assert version is not None  # published_declaration_for only finds published ones
    reading = reading_for(version, language)
    acknowledged = existing_acknowledgment(family, version)
    form = AcknowledgmentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if acknowledged is not None:  # a double submit or a second tab: the page says when it was done
            return redirect("engagement:parent_read")
        if form.is_valid():
            done = acknowledge(family, version, form.cleaned_data["name"], reading.shown_language)
            request.session[ACKNOWLEDGED_HERE_KEY] = str(done.pk)
            return redirect("engagement:parent_thanks")
    context = {
        "family": family,
        "school": family.school,
        "declaration": declaration,
        "version": version,
        "reading": reading,
        "blocks": [(block, PART_LABELS.get(block.part, "")) for block in reading.blocks],
        "dutch_label": DUTCH_MASTER_LABEL,
        "translation_rtl": is_right_to_left(reading.translation_language),
        "dutch_voice": has_voice("nl"),
        "translation_voice": reading.translation is not None and has_voice(reading.translation_language),
        "dutch_only": not offered_to(family),
        "acknowledged": acknowledged,
        "earlier": None if acknowledged else earlier_acknowledgment(family, version),
        "form": form,
    }
    status = 400 if form.is_bound else 200  # a bound form here did not validate
    return parent_render(request, "engagement/parent/read.html", context, language, status, family)


@transaction.non_atomic_requests
def thanks(request: HttpRequest) -> HttpResponse:
    opened = _opened(request)
    if isinstance(opened, HttpResponse):
        return opened
    family, declaration, language = opened
    assert declaration.published_version is not None
    acknowledged = existing_acknowledgment(family, declaration.published_version)
    if acknowledged is None:
        return redirect("engagement:parent_read")
    context: dict[str, object] = {
        "acknowledged": acknowledged,
        # The typed name only on the device that just typed it: whoever finds the letter later must not read it.
        "show_name": request.session.get(ACKNOWLEDGED_HERE_KEY) == str(acknowledged.pk),
        "version": declaration.published_version,
        "school": family.school,
    }
    return parent_render(request, "engagement/parent/thanks.html", context, language, family=family)


@transaction.non_atomic_requests
def leave(request: HttpRequest) -> HttpResponse:
    """Forget the family on this device. GET asks first, so a prefetched link forgets nothing."""
    family = _session_family(request)
    if family is None:
        language = explicit_language(request) or _language_or_none(request.session.get(LANGUAGE_KEY)) or MASTER
    else:  # only what the school offers this family, as on the reading page
        language = (
            _offered_or_none(family, explicit_language(request))
            or _offered_or_none(family, request.session.get(LANGUAGE_KEY))
            or family_language(family)
        )
    if request.method == "POST":
        request.session.pop(FAMILY_KEY, None)
        request.session.pop(FAMILY_CODE_KEY, None)
        request.session.pop(LANGUAGE_KEY, None)
        request.session.pop(ACKNOWLEDGED_HERE_KEY, None)
        request.session.cycle_key()
        return _message(request, "left", language)
    return parent_render(request, "engagement/parent/leave.html", {}, language, family=family)


@transaction.non_atomic_requests
def read_aloud(request: HttpRequest, language: str, block_key: str) -> HttpResponseBase:
    """One block of the published text, spoken: the Dutch master (language "nl") or its translation."""
    family = _session_family(request)
    declaration = published_declaration_for(family) if family is not None else None
    if family is None or declaration is None or declaration.published_version is None:
        raise Http404
    if not has_voice(language) or language not in languages_of(family):  # no read-aloud of a translation not offered
        raise Http404
    reading = reading_for(declaration.published_version, language)
    if language != "nl" and reading.translation is None:
        raise Http404
    words = block_words(reading.blocks, block_key, translated=language != "nl")
    if not words:
        raise Http404
    # Not "public, immutable" as for the questionnaire: the same URL speaks another school's text for
    # another family, so the browser keeps it for itself and asks again (a cheap 304) each time.
    return audio_response(request, language, words, "private, no-cache")
