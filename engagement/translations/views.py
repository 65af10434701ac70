"""Translations of the published version (coordinators): which languages there are, and one translation's form.

Translations belong to one published version, which never changes. When a newer version is published these
pages work on it; the translations of older versions stay stored with their version.
"""

import logging
from dataclasses import dataclass
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.http import AuthenticatedRequest
from engagement.access import get_rw_declaration
from engagement.drafting import version_text
from engagement.models import Declaration, DeclarationTranslation, DeclarationVersion
from engagement.template_content import read_template
from engagement.texts import DeclarationText, declaration_text
from engagement.translations.forms import TranslationForm, form_name
from engagement.translations.storing import save_translation
from engagement.translations.translating import (
    FROM_EARLIER_VERSION,
    FROM_TEMPLATE,
    Prefill,
    PrefillSource,
    field_values,
    prefill,
    source_fields,
    template_source,
    untranslated_fields,
)
from framework.content_files import ContentError
from framework.models import TranslationStatus
from respondents.languages import LANGUAGES, MASTER, STAFF_TRANSLATION_CHOICES, is_supported, staff_label

logger = logging.getLogger(__name__)


def translated_text(translation: DeclarationTranslation) -> DeclarationText:
    return declaration_text(translation.title, translation.introduction, translation.domains)


def _target_language(language: str) -> str:
    if language == MASTER or not is_supported(language):
        raise Http404
    return language


@dataclass(frozen=True)
class TranslationRow:
    language: str
    name: str
    translation: DeclarationTranslation
    untranslated: int  # parts with Dutch text and no translation yet (a draft may have them)


@login_required
def translations(request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID) -> HttpResponse:
    membership, declaration = get_rw_declaration(request, school_id, declaration_id)
    version = declaration.published_version
    rows: list[TranslationRow] = []
    older: list[DeclarationTranslation] = []
    if version is not None:
        dutch = version_text(version)
        done = {t.language: t for t in version.translations.select_related("updated_by")}
        rows = [
            TranslationRow(
                code, staff_label(code), done[code], len(untranslated_fields(dutch, translated_text(done[code])))
            )
            for code in LANGUAGES
            if code in done
        ]
        older = list(
            DeclarationTranslation.objects.filter(version__declaration=declaration)
            .exclude(version=version)
            .select_related("version")
            .order_by("-version__number", "language")
        )
    translated = {row.language for row in rows}
    context = {
        "membership": membership,
        "school": membership.school,
        "declaration": declaration,
        "version": version,
        "rows": rows,
        "addable": [(code, name) for code, name in STAFF_TRANSLATION_CHOICES if code not in translated],
        "older": [(t, staff_label(t.language)) for t in older],
    }
    return render(request, "engagement/translations/list.html", context)


def _prefill_sources(declaration: Declaration, version: DeclarationVersion, language: str) -> list[PrefillSource]:
    """The newest earlier published version's translation first (the school's own words), then the template."""
    sources = []
    earlier = (
        DeclarationTranslation.objects.filter(
            version__declaration=declaration, version__number__lt=version.number, language=language
        )
        .select_related("version")
        .order_by("-version__number")
        .first()
    )
    if earlier is not None:
        sources.append(PrefillSource(FROM_EARLIER_VERSION, version_text(earlier.version), translated_text(earlier)))
    try:
        template = template_source(read_template(), language)
    except ContentError:
        # A broken template file is for the content tests to catch; here it only means no prefill.
        logger.exception("the declaration template could not be read; the translation starts without it")
        template = None
    if template is not None:
        sources.append(template)
    return sources


@login_required
def translation_edit(
    request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID, language: str
) -> HttpResponse:
    membership, declaration = get_rw_declaration(request, school_id, declaration_id)
    language = _target_language(language)
    version = declaration.published_version
    if version is None:
        messages.info(request, _("Translations are made of the published version; nothing is published yet."))
        return redirect("engagement:translations", school_id=school_id, declaration_id=declaration_id)
    dutch = version_text(version)
    existing = DeclarationTranslation.objects.filter(version=version, language=language).first()
    filled = Prefill({}, {})
    if existing is not None:
        values, status = field_values(translated_text(existing)), existing.status
    else:
        filled = prefill(dutch, _prefill_sources(declaration, version, language))
        values, status = filled.values, TranslationStatus.DRAFT
    if request.method == "POST":
        data = request.POST.copy()
        outdated = data.get("version") != str(version.number)
        data["version"] = str(version.number)
        form = TranslationForm(dutch, language, data)
        if outdated:
            # Keep what was typed on the page, but never store it against a Dutch text it was not made for.
            form.is_valid()
            form.add_error(
                None,
                _(
                    "A newer version of the declaration was published while you were translating. The Dutch text "
                    "beside each field is now the new one: check your translation against it, then save again."
                ),
            )
        elif form.is_valid():
            save_translation(version, language, form.translated_text(), form.cleaned_data["status"], request.user)
            messages.success(
                request,
                _("The translation (%(language)s) is saved.") % {"language": staff_label(language)},
            )
            return redirect("engagement:translations", school_id=school_id, declaration_id=declaration_id)
    else:
        initial = {form_name(key): value for key, value in values.items()}
        form = TranslationForm(dutch, language, initial={**initial, "status": status, "version": version.number})
    rows = [
        (field, form[form_name(field.key)], filled.sources.get(field.key, ""))
        for field in source_fields(dutch)
        if field.has_dutch
    ]
    context = {
        "membership": membership,
        "school": membership.school,
        "declaration": declaration,
        "version": version,
        "language": language,
        "language_name": staff_label(language),
        "translation": existing,
        "form": form,
        "rows": rows,
        "prefilled_from_template": [row[1].label for row in rows if row[2] == FROM_TEMPLATE],
        "prefilled_from_earlier": [row[1].label for row in rows if row[2] == FROM_EARLIER_VERSION],
    }
    return render(request, "engagement/translations/edit.html", context, status=400 if form.errors else 200)
