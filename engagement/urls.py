from django.urls import include, path

app_name = "engagement"

urlpatterns = [
    path("", include("engagement.parent_urls")),
    path("", include("engagement.family_urls")),
    path("", include("engagement.document_urls")),
]
