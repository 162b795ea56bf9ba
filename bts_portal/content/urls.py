from django.urls import path

from . import views

app_name = "content"

urlpatterns = [
    path("", views.content_home, name="home"),
    path("<slug:kind>/", views.content_list, name="list"),
    path("<slug:kind>/ny/", views.content_create, name="create"),
    path("<slug:kind>/<int:pk>/", views.content_edit, name="edit"),
    path("<slug:kind>/<int:pk>/publiser/", views.content_publish, name="publish"),
    path("<slug:kind>/<int:pk>/avpubliser/", views.content_unpublish, name="unpublish"),
    path("<slug:kind>/<int:pk>/flytt/", views.content_move, name="move"),
    path("<slug:kind>/<int:pk>/gjennomgatt/", views.content_mark_reviewed, name="reviewed"),
    path("<slug:kind>/<int:pk>/historikk/", views.content_history, name="history"),
    path(
        "<slug:kind>/<int:pk>/historikk/<int:history_id>/gjenopprett/",
        views.content_restore,
        name="restore",
    ),
]
