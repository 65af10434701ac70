from django.urls import path

from actions import carry_views, coach_views, library_views, own_views, shared_views, views

app_name = "actions"

urlpatterns = [
    path("coach/", coach_views.coach_overview, name="coach_overview"),
    path("s/<uuid:school_id>/library/", library_views.library, name="library"),
    path("s/<uuid:school_id>/shared/", shared_views.shared_list, name="shared_list"),
    path("s/<uuid:school_id>/my-actions/", own_views.my_actions, name="my_actions"),
    path("s/<uuid:school_id>/my-actions/<uuid:action_id>/", own_views.record_action_progress, name="my_action"),
    path("s/<uuid:school_id>/rounds/<uuid:round_id>/shared/", shared_views.shared_results, name="shared"),
    path("s/<uuid:school_id>/rounds/<uuid:round_id>/plan/", views.plan, name="plan"),
    path("s/<uuid:school_id>/rounds/<uuid:round_id>/plan/new/", views.action_create, name="create"),
    path("s/<uuid:school_id>/rounds/<uuid:round_id>/plan/previous/", carry_views.previous_actions, name="previous"),
    path("s/<uuid:school_id>/rounds/<uuid:round_id>/plan/<uuid:action_id>/", views.action_edit, name="edit"),
    path(
        "s/<uuid:school_id>/rounds/<uuid:round_id>/plan/<uuid:action_id>/view/",
        views.action_detail,
        name="detail",
    ),
    path(
        "s/<uuid:school_id>/rounds/<uuid:round_id>/plan/suggestions/<uuid:library_id>/",
        views.add_suggestion,
        name="add_suggestion",
    ),
]
