from django.urls import include, path

from . import views

app_name = "statistikk"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("statistikk.csv", views.export_csv, name="csv"),
    path("arsrapport/<int:year>/", views.annual_report, name="annual_report"),
    path("arsrapport/<int:year>/lag/", views.generate, name="generate"),
    path("rapporter/", views.reports, name="reports"),
    path("rapporter/<int:pk>/", views.report_status, name="report"),
    path("rapporter/<int:pk>/fil/", views.report_download, name="report_download"),
    # The municipality's follow-up (read lists, training, meetings) feeds the indicators.
    path("oppfolging/", include("oppfolging.urls")),
]
