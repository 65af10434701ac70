from django.urls import path

from framework import views

app_name = "framework"

urlpatterns = [
    path("s/<uuid:school_id>/questions/", views.item_bank, name="items"),
    path("s/<uuid:school_id>/questions/<uuid:item_id>/visibility/", views.item_visibility, name="item_visibility"),
]
