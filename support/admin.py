from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from support.models import SupportOrganisation


@admin.register(SupportOrganisation)
class SupportOrganisationAdmin(admin.ModelAdmin[SupportOrganisation]):
    """Site administrators (is_staff) keep the directory; no separate permissions needed."""

    list_display = ("name", "kind", "region", "offers_training", "offers_projects", "offers_coaching", "is_example")
    list_filter = ("kind", "region", "is_example", "retired")
    search_fields = ("name", "themes", "region")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def _staff(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_staff)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._staff(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._staff(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._staff(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._staff(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._staff(request)
