"""Families, codes, acknowledgments and privacy (staff side)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
