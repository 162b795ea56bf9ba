from django.urls import path

from . import arshjul_views
from . import staff_views as views

app_name = "samhandling_staff"

urlpatterns = [
    path("modell/", views.staff_overview, name="overview"),
    path("modell/<slug:slug>/", views.staff_element, name="element"),
    path("arshjul/", arshjul_views.year, name="arshjul"),
    path("arshjul/hendelser/ny/", arshjul_views.event_form, name="arshjul_event_create"),
    path("arshjul/hendelser/<int:pk>/", arshjul_views.event_form, name="arshjul_event_edit"),
    path(
        "arshjul/hendelser/<int:pk>/slett/", arshjul_views.event_delete, name="arshjul_event_delete"
    ),
    path("arshjul/kalender.ics", arshjul_views.feed, name="arshjul_feed"),
    path("arshjul/kalender/ny-adresse/", arshjul_views.feed_token_renew, name="arshjul_feed_renew"),
    path("arshjul/kalender/<str:token>.ics", arshjul_views.feed_secret, name="arshjul_feed_secret"),
    path("innhold/element/<int:pk>/vedlegg/", views.attachment_add, name="attachment_add"),
    path(
        "innhold/element/<int:pk>/vedlegg/<int:attachment_pk>/slett/",
        views.attachment_delete,
        name="attachment_delete",
    ),
    path("innhold/element/<int:pk>/lenker/", views.link_add, name="link_add"),
    path(
        "innhold/element/<int:pk>/lenker/<int:link_pk>/slett/",
        views.link_delete,
        name="link_delete",
    ),
    path(
        "innhold/element/<int:pk>/forslag/<slug:name>/<slug:ref>/fjern/",
        views.proposed_remove,
        name="proposed_remove",
    ),
]
