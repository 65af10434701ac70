from django.urls import path

from schools import views

app_name = "schools"

urlpatterns = [
    path("", views.home, name="home"),
    path("schools/new/", views.create_school, name="create"),
    path("invitations/<str:token>/", views.accept, name="accept_invitation"),
    path("s/<uuid:school_id>/members/", views.members, name="members"),
    path("s/<uuid:school_id>/settings/", views.school_settings, name="settings"),
    path(
        "s/<uuid:school_id>/members/invitations/<uuid:invitation_id>/withdraw/",
        views.revoke_invitation,
        name="revoke_invitation",
    ),
]
