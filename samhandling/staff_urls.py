from django.urls import path

from . import staff_views as views

app_name = "samhandling_staff"

urlpatterns = [
    path("modell/", views.staff_overview, name="overview"),
    path("modell/<slug:slug>/", views.staff_element, name="element"),
    path("arshjul/", views.arshjul, name="arshjul"),
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
]
