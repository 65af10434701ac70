"""The PDFs of the declaration: the Dutch text, and the Dutch beside a translation."""

from django.urls import URLPattern, path

from engagement.documents import views

DECLARATION = "s/<uuid:school_id>/verklaring/<uuid:declaration_id>/"

urlpatterns: list[URLPattern] = [
    path(DECLARATION + "verklaring.pdf", views.declaration_pdf_view, name="declaration_pdf"),
    path(
        DECLARATION + "verklaring-<str:language>.pdf",
        views.declaration_pdf_bilingual_view,
        name="declaration_pdf_bilingual",
    ),
]
