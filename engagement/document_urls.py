"""Translations of a published version and the PDFs of the declaration."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
