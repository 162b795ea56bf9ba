from django.urls import path

from . import views

app_name = "arkiv"

urlpatterns = [
    path("", views.packages, name="packages"),
    path("<int:pk>/prov-igjen/", views.retry, name="retry"),
]
