from django.urls import path

from . import views

app_name = "tiltaksoversikt"

urlpatterns = [
    path("", views.tjeneste_list, name="tjeneste_list"),
    path("<slug:slug>/", views.tjeneste_detail, name="tjeneste"),
]

tiltak_urlpatterns = (
    [
        path("", views.tiltak_list, name="list"),
        path("utskrift/", views.tiltak_print, name="print"),
        path("moteplasser/", views.moteplass_list, name="moteplass_list"),
        path("moteplasser/<slug:slug>/", views.moteplass_detail, name="moteplass"),
        path("apne-data/", views.open_data_docs, name="open_data"),
        path("data.json", views.open_data_json, name="open_data_json"),
        path("data.csv", views.open_data_csv, name="open_data_csv"),
        path("<slug:slug>/", views.tiltak_detail, name="detail"),
    ],
    "tiltak",
)
