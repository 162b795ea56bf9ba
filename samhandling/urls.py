from django.urls import path

from . import views

app_name = "samhandling"

urlpatterns = [
    path("", views.home, name="home"),
]
