from django.urls import path

from . import staff_views as views

app_name = "tiltak_staff"

urlpatterns = [
    path("temaer/", views.theme_list, name="themes"),
    path("temaer/<int:pk>/", views.theme_list, name="theme_edit"),
]
