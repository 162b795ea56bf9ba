from django.urls import path

from . import views

app_name = "innlogging"

urlpatterns = [
    path("", views.home, name="home"),
    path("tofaktor/", views.enrol, name="enrol"),
    path("tofaktor/kode/", views.verify, name="verify"),
    path("okt/forleng/", views.session_extend, name="extend"),
    path("gjenoppta/", views.resume, name="resume"),
]
