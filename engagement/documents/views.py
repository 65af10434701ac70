"""Downloads of the published declaration: in Dutch, and Dutch beside a translation. Every member of the school."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse

from accounts.http import AuthenticatedRequest
from engagement.access import get_declaration
from engagement.documents.pdf import bilingual_pdf, declaration_pdf
from engagement.models import DeclarationTranslation
from respondents.languages import is_supported


def _pdf_response(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def declaration_pdf_view(request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID) -> HttpResponse:
    _membership, declaration = get_declaration(request, school_id, declaration_id)
    version = declaration.published_version
    if version is None:
        raise Http404
    return _pdf_response(declaration_pdf(declaration, version), f"engagementsverklaring-{declaration.school_year}.pdf")


@login_required
def declaration_pdf_bilingual_view(
    request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID, language: str
) -> HttpResponse:
    _membership, declaration = get_declaration(request, school_id, declaration_id)
    version = declaration.published_version
    if version is None or language == "nl" or not is_supported(language):
        raise Http404
    translated = DeclarationTranslation.objects.filter(version=version, language=language).first()
    if translated is None:
        raise Http404
    return _pdf_response(
        bilingual_pdf(declaration, version, translated),
        f"engagementsverklaring-{declaration.school_year}-nl-{language}.pdf",
    )
