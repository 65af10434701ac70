from django.contrib import admin
from django.http import HttpRequest

from accounts.read_only_admin import ReadOnlyAdmin, read_only_inline
from actions.models import Action, LibraryAction, LibraryActionText


@admin.register(LibraryAction)
class LibraryActionAdmin(ReadOnlyAdmin[LibraryAction]):
    """The action library, loaded from actions/content/ (manage.py load_actions): changed in the files."""

    list_display = ("key", "target_group", "effort", "pupil_role", "school", "retired", "position")
    list_filter = ("target_group", "effort", "pupil_role", "retired")
    search_fields = ("key", "texts__title")
    list_select_related = ("school",)
    inlines = (read_only_inline(LibraryActionText, ("language", "title", "status")),)


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin[Action]):
    """An action of a round's plan. Plans are made on the round's pages, so the admin adds none, and an
    action never moves to another school or round, nor to an owner outside the school (the plan's page
    checks that), nor changes where it came from."""

    list_display = ("title", "round", "school", "status", "owner", "due_on", "updated_at")
    list_filter = ("status", "target_group", "pupil_role")
    search_fields = ("title", "round__title", "school__name")
    list_select_related = ("round", "school", "owner")
    readonly_fields = ("school", "round", "owner", "source", "carried_from", "created_at", "updated_at")
    raw_id_fields = ("support",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
