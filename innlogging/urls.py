from django.urls import path

from . import oidc, views

app_name = "innlogging"

urlpatterns = [
    path("", views.home, name="home"),
    path("tofaktor/", views.enrol, name="enrol"),
    path("tofaktor/kode/", views.verify, name="verify"),
    path("okt/forleng/", views.session_extend, name="extend"),
    path("gjenoppta/", views.resume, name="resume"),
    path("oidc/start/", oidc.start, name="oidc_start"),
    path("oidc/tilbake/", oidc.callback, name="oidc_callback"),
    path("oidc/ukjent/", oidc.unknown, name="oidc_unknown"),
]
