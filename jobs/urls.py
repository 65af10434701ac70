from django.urls import path

from jobs import views

app_name = "jobs"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("s/<uuid:school_id>/files/<uuid:job_id>/", views.job_page, name="job"),
    path("s/<uuid:school_id>/files/<uuid:job_id>/download/", views.job_file, name="file"),
    path("s/<uuid:school_id>/files/<uuid:job_id>/retry/", views.job_retry, name="retry"),
]
