from django.urls import path

from . import views

app_name = "innlogging"

urlpatterns = [
    path("", views.home, name="home"),
    path("tofaktor/", views.enrol, name="enrol"),
    path("tofaktor/kode/", views.verify, name="verify"),
    path("okt/forleng/", views.session_extend, name="extend"),
    path("gjenoppta/", views.resume, name="resume"),
    # The identity provider: the redirect URI to register is .../oidc/retur/ (README).
    path("oidc/start/", views.oidc_start, name="oidc_start"),
    path("oidc/retur/", views.oidc_callback, name="oidc_callback"),
]
