from django.urls import path

from support import views

app_name = "support"

urlpatterns = [
    path("support/", views.directory, name="directory"),
    path("coach/", views.coach_overview, name="coach_overview"),
]
