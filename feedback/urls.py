from django.urls import path

from feedback import public_views

app_name = "feedback"

PUBLIC = "terug/<str:slug>/"

urlpatterns = [
    path(PUBLIC, public_views.public, name="public"),
    path(PUBLIC + "leerlingen/<str:band>/", public_views.public_pupils, name="public_pupils"),
    path(PUBLIC + "audio/<str:language>/<str:key>/", public_views.public_audio, name="public_audio"),
]
