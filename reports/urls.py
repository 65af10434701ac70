from django.urls import URLPattern, path

from reports import views

app_name = "reports"

urlpatterns: list[URLPattern] = [
    path("s/<uuid:school_id>/rounds/<uuid:round_id>/report.pdf", views.round_pdf, name="round_pdf"),
    path("s/<uuid:school_id>/rounds/<uuid:round_id>/results.csv", views.results_csv_view, name="results_csv"),
    path("s/<uuid:school_id>/rounds/<uuid:round_id>/results.xlsx", views.results_xlsx_view, name="results_xlsx"),
]
