from django.urls import path

from actions import views

app_name = "actions"

urlpatterns = [
    path("s/<uuid:school_id>/rounds/<uuid:round_id>/plan/", views.plan, name="plan"),
    path("s/<uuid:school_id>/rounds/<uuid:round_id>/plan/new/", views.action_create, name="create"),
    path("s/<uuid:school_id>/rounds/<uuid:round_id>/plan/<uuid:action_id>/", views.action_edit, name="edit"),
    path(
        "s/<uuid:school_id>/rounds/<uuid:round_id>/plan/suggestions/<uuid:library_id>/",
        views.add_suggestion,
        name="add_suggestion",
    ),
]
