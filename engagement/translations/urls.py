"""Translations of a published version (staff side)."""

from django.urls import URLPattern, path

from engagement.translations import views

DECLARATION = "s/<uuid:school_id>/verklaring/<uuid:declaration_id>/"

urlpatterns: list[URLPattern] = [
    path(DECLARATION + "vertalingen/", views.translations, name="translations"),
    path(DECLARATION + "vertalingen/<str:language>/", views.translation_edit, name="translation_edit"),
]
