from django.urls import path

from analysis import reminder_views, sharing_views, views

app_name = "analysis"

urlpatterns = [
    path("s/<uuid:school_id>/rounds/", views.round_list, name="rounds"),
    path("s/<uuid:school_id>/rounds/new/", views.round_create, name="round_create"),
    path("s/<uuid:school_id>/rounds/<uuid:round_id>/", views.round_detail, name="round"),
    path("s/<uuid:school_id>/rounds/<uuid:round_id>/close/<str:voice>/", views.voice_close, name="voice_close"),
    path("s/<uuid:school_id>/rounds/<uuid:round_id>/answer/<int:page>/", views.answer_page, name="answer"),
    path("s/<uuid:school_id>/rounds/<uuid:round_id>/hand-in/", views.hand_in, name="hand_in"),
    path("s/<uuid:school_id>/rounds/<uuid:round_id>/reminder/", reminder_views.reminder, name="reminder"),
    path("s/<uuid:school_id>/rounds/<uuid:round_id>/sharing/", sharing_views.round_sharing, name="sharing"),
]
