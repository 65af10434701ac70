"""The engagementsverklaring and its families, to look at. Every change goes through the school's own pages,
which keep the steps (consult, adopt, publish), freeze published versions and log the families' data (GDPR).

Not registered: Acknowledgment (the name a parent typed; the coordinator exports or erases a school year's
acknowledgments, logged in PrivacyLog), DomainComment (parent representatives' comments) and the
translations and evaluations, which are read on the school's pages.
"""

from datetime import datetime

from django.contrib import admin
from django.db.models import Max, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from accounts.read_only_admin import ReadOnlyAdmin
from engagement.models import Declaration, DeclarationVersion, Family, PrivacyLog


@admin.register(Declaration)
class DeclarationAdmin(ReadOnlyAdmin[Declaration]):
    list_display = ("school", "school_year", "state", "started_from", "adopted_on", "published_version", "created_at")
    list_filter = ("state", "school_year")
    search_fields = ("school__name", "school_year")
    list_select_related = ("school", "published_version__declaration__school")


@admin.register(DeclarationVersion)
class DeclarationVersionAdmin(ReadOnlyAdmin[DeclarationVersion]):
    list_display = ("declaration", "number", "title", "created_by", "created_at", "published_at")
    search_fields = ("declaration__school__name", "title")
    list_select_related = ("declaration__school", "created_by")


@admin.register(Family)
class FamilyAdmin(ReadOnlyAdmin[Family]):
    """A school year's families as the school's administration knows them; the codes' digests are not shown."""

    list_display = ("reference", "class_name", "language", "school", "school_year", "code_issued_at")
    list_filter = ("school_year",)
    search_fields = ("school__name", "reference")
    list_select_related = ("school",)
    fields = ("school", "school_year", "reference", "class_name", "language", "code_issued_at", "created_at")
    readonly_fields = ("code_issued_at",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Family]:
        return super().get_queryset(request).annotate(newest_code_issued_at=Max("codes__issued_at"))

    @admin.display(description=_("newest letter's code issued at"), ordering="newest_code_issued_at")
    def code_issued_at(self, family: Family) -> datetime | None:
        return getattr(family, "newest_code_issued_at", None)


@admin.register(PrivacyLog)
class PrivacyLogAdmin(ReadOnlyAdmin[PrivacyLog]):
    """Who exported or erased a school year's family data, when, and how much."""

    list_display = ("done_at", "school", "school_year", "action", "done_by", "families", "acknowledgments")
    list_filter = ("action",)
    search_fields = ("school__name",)
    list_select_related = ("school", "done_by")
