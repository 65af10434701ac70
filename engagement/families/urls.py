"""Families, codes, acknowledgments and privacy (staff side)."""

from django.urls import URLPattern, path

from engagement.families import paper_views, translation_views
from engagement.families import views as family_views

FAMILIES = "s/<uuid:school_id>/verklaring/<uuid:declaration_id>/gezinnen/"

urlpatterns: list[URLPattern] = [
    path(FAMILIES, family_views.family_overview, name="family_overview"),
    path(FAMILIES + "importeren/", family_views.family_import, name="family_import"),
    path(FAMILIES + "brieven/", family_views.family_letters, name="family_letters"),
    path(FAMILIES + "lijst.csv", family_views.family_export, name="family_export"),
    path(FAMILIES + "lijst.xlsx", family_views.family_export_xlsx, name="family_export_xlsx"),
    path(FAMILIES + "<uuid:family_id>/papier/", paper_views.paper_signature, name="family_paper"),
    path(FAMILIES + "vertalingen/", translation_views.family_translations, name="family_translations"),
    path(FAMILIES + "<uuid:family_id>/vertaling/", translation_views.family_translation, name="family_translation"),
    path(FAMILIES + "privacy/", family_views.family_privacy, name="family_privacy"),
    path(FAMILIES + "privacy/export/", family_views.family_privacy_export, name="family_privacy_export"),
    path(FAMILIES + "privacy/verwijderen/", family_views.family_delete, name="family_delete"),
]
