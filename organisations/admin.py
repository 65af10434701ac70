from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from organisations.models import Organisation, OrganisationMembership, SchoolLink
from organisations.verification import verify_organisations


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    """Site administrators verify an organisation here (the action), after checking it is who it says it is."""

    list_display = ("name", "kind", "verified", "verified_by", "verified_at", "created_at")
    list_filter = ("verified", "kind")
    list_select_related = ("verified_by",)
    search_fields = ("name",)
    # Verified only through the action, which records who and when.
    readonly_fields = ("id", "created_at", "verified", "verified_at", "verified_by")
    actions = ("verify",)

    @admin.action(description=gettext_lazy("Verify the selected organisations"))
    def verify(self, request: HttpRequest, queryset: QuerySet[Organisation]) -> None:
        assert isinstance(request.user, User)
        verified = verify_organisations(queryset, request.user)
        self.message_user(request, _("Organisations verified: %(count)d.") % {"count": verified}, messages.SUCCESS)


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
