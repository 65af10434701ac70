from django.contrib import admin

from organisations.models import Organisation, OrganisationMembership, SchoolLink


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ("name", "kind", "created_at")
    list_filter = ("kind",)
    search_fields = ("name",)
    readonly_fields = ("id", "created_at")


@admin.register(OrganisationMembership)
class OrganisationMembershipAdmin(admin.ModelAdmin[OrganisationMembership]):
    """Who is on an organisation's staff; site administrators add an organisation's first administrator here."""

    list_display = ("user", "organisation", "role", "created_at")
    list_filter = ("role",)
    search_fields = ("user__email", "user__name", "organisation__name")
    list_select_related = ("user", "organisation")
    autocomplete_fields = ("organisation", "user")
    readonly_fields = ("created_at",)


@admin.register(SchoolLink)
class SchoolLinkAdmin(admin.ModelAdmin[SchoolLink]):
    """Read only: what a school shares is its coordinator's decision."""

    list_display = ("school", "organisation", "school_year", "named", "withdrawn_at")
    list_select_related = ("school", "organisation")

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
