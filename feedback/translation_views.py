"""The coordinator translates a version of the page into a parent language (draft or reviewed), field by field
beside the Dutch; families read the translation of the published version, so that one stays translatable while a
newer draft is prepared."""

from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.http import AuthenticatedRequest
from engagement.translations.forms import ERRORS, form_name
from engagement.translations.translating import check_values, normalise
from feedback.access import get_rw_feedback
from feedback.labels import field_label
from feedback.models import FeedbackPage, FeedbackTranslation, FeedbackVersion
from feedback.texts import SourceField
from feedback.translating import save_translation as store
from feedback.translating import start_values, translatable_fields
from feedback.versions import latest_version
from framework.models import TranslationStatus
from respondents.languages import MASTER, is_right_to_left, is_supported, staff_label


class FeedbackTranslationForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=TranslationStatus.choices,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "Reviewed: a person who reads both languages well checked every part against the Dutch."
        ),
    )

    def __init__(self, sources: list[SourceField], language: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sources = sources
        attrs = {"lang": language, "dir": "rtl" if is_right_to_left(language) else "ltr", "rows": 3}
        for field in sources:
            self.fields[form_name(field.key)] = forms.CharField(
                label=field_label(field), required=False, max_length=2000, widget=forms.Textarea(attrs=attrs)
            )

    def values(self) -> dict[str, str]:
        return {field.key: normalise(self.cleaned_data.get(form_name(field.key)) or "") for field in self.sources}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        dutch = {field.key: field.dutch for field in self.sources}
        for key, code in check_values(dutch, self.values(), cleaned.get("status", "")).items():
            if form_name(key) not in self.errors:
                self.add_error(form_name(key), str(ERRORS[code]))
        return cleaned

    def rows(self) -> list[tuple[SourceField, forms.BoundField]]:
        return [(field, self[form_name(field.key)]) for field in self.sources]


VERSION_PARAMETER = "versie"


def version_to_translate(page: FeedbackPage, asked: str | None) -> tuple[FeedbackVersion, FeedbackVersion | None]:
    """The version to translate, and the other one the coordinator may switch to (None when there is one).

    While a newer draft is prepared, families keep reading the published version: that one comes first, so it can
    still be translated; `?versie=<number>` chooses the draft. Any other number is not found."""
    latest = latest_version(page)
    published = page.published_version
    choices = {str(latest.number): latest}
    if published is not None and published.pk != latest.pk:
        choices[str(published.number)] = published
    if asked is not None and asked not in choices:
        raise Http404
    chosen = choices[asked] if asked is not None else (published if published in choices.values() else latest)
    assert chosen is not None
    other = next((version for version in choices.values() if version.pk != chosen.pk), None)
    return chosen, other


@login_required
def translation(request: AuthenticatedRequest, school_id: UUID, round_id: UUID, language: str) -> HttpResponse:
    membership, round_, page = get_rw_feedback(request, school_id, round_id)
    if page is None or language == MASTER or not is_supported(language):
        raise Http404
    version, other = version_to_translate(page, request.GET.get(VERSION_PARAMETER))
    sources = translatable_fields(version)
    existing = FeedbackTranslation.objects.filter(version=version, language=language).first()
    prefill = start_values(version, language)
    status = 200
    if request.method == "POST":
        form = FeedbackTranslationForm(sources, language, request.POST)
        if form.is_valid():
            values = form.values()
            kept = [key for key, text in prefill.values.items() if values.get(key) == normalise(text)]
            store(version, language, values, kept, form.cleaned_data["status"], request.user)
            messages.success(request, _("The translation is saved."))
            response = redirect("feedback:translation", school_id, round_id, language)
            response["Location"] += f"?{VERSION_PARAMETER}={version.number}"
            return response
        status = 400
    else:
        values = existing.fields if existing is not None else prefill.values
        initial = {form_name(key): text for key, text in values.items()}
        initial["status"] = existing.status if existing is not None else TranslationStatus.DRAFT
        form = FeedbackTranslationForm(sources, language, initial=initial)
    prefilled = set(existing.prefilled if existing is not None else prefill.sources)
    context = {
        "school": membership.school,
        "membership": membership,
        "round": round_,
        "page": page,
        "version": version,
        "other_version": other,
        "families_read": page.published_version_id == version.pk,
        "version_parameter": VERSION_PARAMETER,
        "language": language,
        "language_name": staff_label(language),
        "rows": [(field, bound, field.key in prefilled) for field, bound in form.rows()],
        "form": form,
        "existing": existing,
    }
    return render(request, "feedback/translation.html", context, status=status)
