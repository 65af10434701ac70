from django.contrib import admin
from django.http import HttpRequest

from accounts.models import User


@admin.register(User)
class UserAdmin(admin.ModelAdmin[User]):
    """People who log in. The password (hash) is never shown; people set it themselves (password reset).

    Accounts are made by signing up or accepting an invitation, so the admin adds none: an account made
    here would have no password. Deactivate (is_active) rather than delete: deleting removes the person's
    team answers from the rounds' results.
    """

    list_display = ("email", "name", "is_active", "is_staff", "is_superuser", "last_login", "date_joined")
    list_filter = ("is_active", "is_staff", "is_superuser")
    search_fields = ("email", "name")
    ordering = ("email",)
    fields = (
        "email",
        "name",
        "is_active",
        "is_staff",
        "is_superuser",
        "groups",
        "user_permissions",
        "last_login",
        "date_joined",
    )
    readonly_fields = ("last_login", "date_joined")
    filter_horizontal = ("groups", "user_permissions")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
