from django.urls import path

from . import views

app_name = "drift"

urlpatterns = [
    path("", views.status, name="status"),
]
