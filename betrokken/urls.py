from django.contrib import admin
from django.urls import include, path

from accounts.views import switch_language

handler400 = "betrokken.error_pages.bad_request"
handler403 = "betrokken.error_pages.permission_denied"
handler404 = "betrokken.error_pages.page_not_found"
handler500 = "betrokken.database_busy.server_error"

urlpatterns = [
    path("i18n/setlang/", switch_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("", include("guide.urls")),
    path("", include("surveys.urls")),
    path("", include("actions.urls")),
    path("", include("support.urls")),
    path("", include("reports.urls")),
    path("", include("engagement.urls")),
    path("", include("feedback.urls")),
    path("", include("organisations.urls")),
    path("", include("framework.urls")),
    path("", include("analysis.urls")),
    path("", include("results.urls")),
    path("", include("jobs.urls")),
    path("", include("schools.urls")),
]
