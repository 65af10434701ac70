"""The parent's side: a family code opens the published declaration."""

from django.urls import URLPattern, path

from engagement.parents import views as parent_views

urlpatterns: list[URLPattern] = [
    path("v/", parent_views.code_entry, name="parent_code"),
    path("v/c/<str:code>/", parent_views.code_entry, name="parent_code_link"),
    path("v/verklaring/", parent_views.read, name="parent_read"),
    path("v/bedankt/", parent_views.thanks, name="parent_thanks"),
    path("v/verlaten/", parent_views.leave, name="parent_leave"),
    path("v/audio/<str:language>/<str:block_key>/", parent_views.read_aloud, name="parent_audio"),
]
