from django.urls import path

from . import views

app_name = "organisasjon"

urlpatterns = [
    path("", views.my_services, name="my_services"),
    path("<slug:slug>/", views.service_area, name="service_area"),
]
