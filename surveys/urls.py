from django.urls import path

from surveys import preview_views, respondent_views, staff_views

app_name = "surveys"

urlpatterns = [
    path("q/", respondent_views.code_entry, name="code"),
    path("q/c/<str:code>/", respondent_views.code_entry, name="code_link"),
    # No identifier in these addresses: the device cookie says which questionnaire (surveys.devices).
    path("q/language/", respondent_views.choose_language, name="language"),
    path("q/<int:page>/", respondent_views.question_page, name="page"),
    path("q/end/", respondent_views.end_page, name="end"),
    path("q/audio/<uuid:item_id>/", respondent_views.read_aloud, name="audio"),
    path("q/thanks/", respondent_views.thanks, name="thanks"),
    # The team's preview: the respondent's pages without a code, storing nothing (surveys.preview_views).
    path("s/<uuid:school_id>/rounds/<uuid:round_id>/preview/", preview_views.preview_index, name="preview_index"),
    path(
        "s/<uuid:school_id>/rounds/<uuid:round_id>/preview/<str:audience>/",
        preview_views.preview_start,
        name="preview_start",
    ),
    path(
        "s/<uuid:school_id>/rounds/<uuid:round_id>/preview/<str:audience>/<int:page>/",
        preview_views.preview_page,
        name="preview_page",
    ),
    path(
        "s/<uuid:school_id>/rounds/<uuid:round_id>/preview/<str:audience>/end/",
        preview_views.preview_end,
        name="preview_end",
    ),
    path(
        "s/<uuid:school_id>/rounds/<uuid:round_id>/preview/<str:audience>/thanks/",
        preview_views.preview_thanks,
        name="preview_thanks",
    ),
    path(
        "s/<uuid:school_id>/rounds/<uuid:round_id>/preview/<str:audience>/audio/<uuid:item_id>/",
        preview_views.preview_audio,
        name="preview_audio",
    ),
    path("s/<uuid:school_id>/translations/", staff_views.translations, name="translations"),
    path("s/<uuid:school_id>/rounds/<uuid:round_id>/invitations/", staff_views.invitations, name="invitations"),
    path(
        "s/<uuid:school_id>/rounds/<uuid:round_id>/invitations/<uuid:batch_id>/letters.pdf",
        staff_views.letters,
        name="letters",
    ),
    path(
        "s/<uuid:school_id>/rounds/<uuid:round_id>/invitations/<uuid:batch_id>/links.txt",
        staff_views.links,
        name="links",
    ),
    path(
        "s/<uuid:school_id>/rounds/<uuid:round_id>/invitations/<uuid:batch_id>/forget/",
        staff_views.forget_codes,
        name="forget",
    ),
    path(
        "s/<uuid:school_id>/rounds/<uuid:round_id>/invitations/<uuid:batch_id>/void/",
        staff_views.void_codes,
        name="void",
    ),
]
