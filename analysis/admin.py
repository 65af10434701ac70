"""Rounds and the team's progress, to look at. The team's answers and notes (Answer, DimensionNote) are not
registered: they are read on the school's own pages, by the people of that school."""

from django.contrib import admin

from accounts.read_only_admin import ReadOnlyAdmin
from analysis.models import Round, TeamResponse


@admin.register(Round)
class RoundAdmin(ReadOnlyAdmin[Round]):
    list_display = ("title", "school", "status", "starts_on", "ends_on", "created_at", "closed_at")
    list_filter = ("status", "scope")
    search_fields = ("title", "school__name")
    list_select_related = ("school",)
    fields = (
        "id",
        "school",
        "title",
        "scope",
        "scope_description",
        "starts_on",
        "ends_on",
        "status",
        "previous",
        "created_by",
        "created_at",
        "closed_at",
    )


@admin.register(TeamResponse)
class TeamResponseAdmin(ReadOnlyAdmin[TeamResponse]):
    """Whose questionnaire is where (status, last page), never what was answered."""

    list_display = ("user", "round", "school", "status", "last_page", "updated_at", "submitted_at")
    list_filter = ("status",)
    search_fields = ("user__email", "round__title", "school__name")
    list_select_related = ("user", "round", "school")
    fields = ("school", "round", "user", "status", "last_page", "updated_at", "submitted_at")
