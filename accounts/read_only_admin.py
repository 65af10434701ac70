"""Admin classes that only show: for rows that are loaded from content files, kept by the product's own
pages (with their rules and logs), or hold what people answered. Site administrators look; they do not
write past the rules."""

from typing import Any, TypeVar, cast

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

Row = TypeVar("Row", bound=models.Model)


class ReadOnlyAdmin(admin.ModelAdmin[Row]):
    """No add, change or delete for anyone, superusers included; viewing follows Django's view permission."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyInline(admin.TabularInline[Row, Any]):
    """Related rows shown under their parent, never added, changed or deleted there."""

    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def read_only_inline(model: type[Row], fields: tuple[str, ...]) -> type[ReadOnlyInline[Row]]:
    """A read-only inline of `model` showing `fields` (the texts of content rows, one per language)."""
    inline = type(f"{model.__name__}Inline", (ReadOnlyInline,), {"model": model, "fields": fields})
    return cast(type[ReadOnlyInline[Row]], inline)
