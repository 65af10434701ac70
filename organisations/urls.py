from django.urls import path

from organisations import views_organisation, views_school

app_name = "organisations"

urlpatterns = [
    path("o/", views_organisation.organisation_list, name="list"),
    path("o/new/", views_organisation.create_organisation, name="create"),
    # Under invitations/ so that the token is masked like a school invitation's (betrokken.secret_paths).
    path("invitations/<str:token>/organisation/", views_organisation.accept, name="accept_invitation"),
    path("o/<uuid:organisation_id>/", views_organisation.overview, name="overview"),
    path("o/<uuid:organisation_id>/export/", views_organisation.export, name="export"),
    path("o/<uuid:organisation_id>/staff/", views_organisation.staff, name="staff"),
    path(
        "o/<uuid:organisation_id>/staff/invitations/<uuid:invitation_id>/withdraw/",
        views_organisation.withdraw_invitation,
        name="withdraw_invitation",
    ),
    path(
        "o/<uuid:organisation_id>/staff/<int:membership_id>/remove/",
        views_organisation.remove_member,
        name="remove_member",
    ),
    path("s/<uuid:school_id>/organisations/", views_school.school_links, name="school_links"),
    path("s/<uuid:school_id>/organisations/<uuid:link_id>/", views_school.link_detail, name="link"),
    path("s/<uuid:school_id>/organisations/<uuid:link_id>/withdraw/", views_school.withdraw, name="withdraw_link"),
    path("s/<uuid:school_id>/organisations/<uuid:link_id>/beside/", views_school.beside_region, name="beside_region"),
    path(
        "s/<uuid:school_id>/organisations/<uuid:link_id>/rounds/<uuid:round_id>/share/",
        views_school.share,
        name="share_round",
    ),
    path(
        "s/<uuid:school_id>/organisations/<uuid:link_id>/rounds/<uuid:round_id>/stop/",
        views_school.stop,
        name="stop_round",
    ),
]
