from django.urls import path

from . import views

app_name = "tiltaksoversikt"

urlpatterns = [
    path("", views.tjeneste_list, name="tjeneste_list"),
    path("<slug:slug>/", views.tjeneste_detail, name="tjeneste"),
]
