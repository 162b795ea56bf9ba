from django.urls import path

from . import views

app_name = "oppfolging"

urlpatterns = [
    path("", views.follow_up, name="follow_up"),
    path("leseliste/", views.my_read_list, name="read_list"),
    path("leseliste/<int:pk>/lest/", views.confirm, name="confirm"),
]
