"""The parent's side: a family code opens the published declaration."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
