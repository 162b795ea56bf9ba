from django.urls import path

from . import views

app_name = "minside"

urlpatterns = [
    path("", views.home, name="home"),
    path("sak/<int:pk>/", views.case, name="case"),
    path("invitasjon/<str:token>/", views.invitation, name="invitation"),
    # The redirect URI to register at ID-porten is .../min-side/innlogging/retur/ (README).
    path("innlogging/start/", views.start, name="oidc_start"),
    path("innlogging/retur/", views.callback, name="oidc_callback"),
    path("logg-ut/", views.logout, name="logout"),
]
