from django.urls import path

from results import views

app_name = "results"

urlpatterns = [
    path("s/<uuid:school_id>/", views.dashboard, name="dashboard"),
    path("s/<uuid:school_id>/rounds/<uuid:round_id>/profile/", views.profile, name="profile"),
]
