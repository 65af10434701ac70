"""Translations of a published version and the PDFs of the declaration."""

from django.urls import path

from engagement import document_views, translation_views

DECLARATION = "s/<uuid:school_id>/verklaring/<uuid:declaration_id>/"

urlpatterns = [
    path(DECLARATION + "vertalingen/", translation_views.translations, name="translations"),
    path(DECLARATION + "vertalingen/<str:language>/", translation_views.translation_edit, name="translation_edit"),
    path(DECLARATION + "verklaring.pdf", document_views.declaration_pdf_view, name="declaration_pdf"),
    path(
        DECLARATION + "verklaring-<str:language>.pdf",
        document_views.declaration_pdf_bilingual_view,
        name="declaration_pdf_bilingual",
    ),
]
