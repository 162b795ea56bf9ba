"""The portal's URLs with the digital consent request's staff pages included, as
stafettlogg/urls.py will include them (until it does, the tests use this)."""

from django.urls import include, path

from bts_portal.urls import urlpatterns as portal

urlpatterns = [
    path("ansatt/", include("stafettlogg.consent_request_urls")),
    *portal,
]
