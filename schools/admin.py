from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from schools.models import Invitation, Membership, School


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin[School]):
    list_display = ("name", "town", "created_at")
    search_fields = ("name", "town")
    readonly_fields = ("id", "created_at")


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin[Membership]):
    """Who works in which school, in which role. A membership never moves to another school or person:
    on an existing one only the role changes."""

    list_display = ("user", "school", "role", "created_at")
    list_filter = ("role",)
    search_fields = ("user__email", "user__name", "school__name")
    list_select_related = ("user", "school")
    autocomplete_fields = ("school", "user")
    readonly_fields = ("created_at",)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        return ("school", "user", "created_at") if obj is not None else ("created_at",)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin[Invitation]):
    """Invitations are made on the school's members page, which e-mails the link; only the hash of its token
    is stored and it is neither shown nor editable. An administrator can look, or delete (revoke) one."""

    list_display = ("email", "school", "role", "invited_by", "created_at", "accepted_at")
    list_filter = ("role",)
    search_fields = ("email", "school__name")
    list_select_related = ("school", "invited_by")
    fields = ("school", "email", "role", "invited_by", "created_at", "accepted_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
