"""The digital consent request's staff pages, under /ansatt/ (include this module there)."""

from django.urls import path

from . import consent_request_views as views

app_name = "consent_request"

urlpatterns = [
    path("stafettlogg/<int:pk>/samtykke/digitalt/", views.consent_request, name="form"),
    path(
        "stafettlogg/<int:pk>/samtykke/digitalt/avbryt/",
        views.consent_request_cancel,
        name="cancel",
    ),
]
