"""The werkkader as loaded from framework/content/: read-only here, changed in the files (manage.py load_framework)."""

from django.contrib import admin

from accounts.read_only_admin import ReadOnlyAdmin, read_only_inline
from framework.models import Dimension, DimensionText, Item, ItemText


@admin.register(Dimension)
class DimensionAdmin(ReadOnlyAdmin[Dimension]):
    list_display = ("key", "position", "below_surface")
    inlines = (read_only_inline(DimensionText, ("language", "name", "question", "status")),)


@admin.register(Item)
class ItemAdmin(ReadOnlyAdmin[Item]):
    """The framework's items and the ones schools added on their own pages."""

    list_display = ("key", "audience", "dimension", "direction", "construct", "school", "retired")
    list_filter = ("audience", "dimension", "direction", "retired")
    search_fields = ("key", "construct", "school__name")
    list_select_related = ("dimension", "school")
    inlines = (read_only_inline(ItemText, ("language", "text", "status")),)
