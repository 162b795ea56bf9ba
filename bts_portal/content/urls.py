from django.urls import path

from . import proposal_views, views

app_name = "content"

urlpatterns = [
    path("", views.content_home, name="home"),
    # Before "<slug:kind>/", which would take the word for a kind of content.
    path("endringsforslag/", proposal_views.proposal_list, name="proposals"),
    path("endringsforslag/<int:pk>/", proposal_views.proposal_detail, name="proposal"),
    path(
        "endringsforslag/<int:pk>/godkjenn/",
        proposal_views.proposal_approve,
        name="proposal_approve",
    ),
    path(
        "endringsforslag/<int:pk>/fil/<slug:name>/<slug:ref>/",
        proposal_views.proposal_file,
        name="proposal_file",
    ),
    path("endringsforslag/<int:pk>/avvis/", proposal_views.proposal_reject, name="proposal_reject"),
    path(
        "endringsforslag/<int:pk>/trekk/",
        proposal_views.proposal_withdraw,
        name="proposal_withdraw",
    ),
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
