from django.urls import path

from feedback import done_views, public_views, reach_views, translation_views, views

app_name = "feedback"

PUBLIC = "terug/<str:slug>/"
PAGE = "s/<uuid:school_id>/rounds/<uuid:round_id>/terugkoppeling/"

urlpatterns = [
    path("s/<uuid:school_id>/terugkoppeling/", views.pages, name="pages"),
    path(PAGE, views.page, name="page"),
    path(PAGE + "starten/", views.start, name="start"),
    path(PAGE + "bewerken/", views.compose, name="compose"),
    path(PAGE + "opmerkingen/", views.comment, name="comment"),
    path(PAGE + "opmerkingen/<uuid:comment_id>/antwoord/", views.answer, name="answer"),
    path(PAGE + "stap/<str:name>/", views.step, name="step"),
    path(PAGE + "versies/<int:number>/", views.version_changes, name="version"),
    path(PAGE + "vertaling/<str:language>/", translation_views.translation, name="translation"),
    path(PAGE + "bereik/", reach_views.reach, name="reach"),
    path(PAGE + "affiche/<str:size>/", reach_views.poster, name="poster"),
    path(PAGE + "brieven/", reach_views.letters, name="letters"),
    path(PAGE + "wij-deden/", done_views.done, name="done"),
    path(PUBLIC, public_views.public, name="public"),
    path(PUBLIC + "leerlingen/<str:band>/", public_views.public_pupils, name="public_pupils"),
    path(PUBLIC + "audio/<str:language>/<str:key>/", public_views.public_audio, name="public_audio"),
]
