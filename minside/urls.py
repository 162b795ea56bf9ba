from django.urls import path

from . import consent_views, insight_views, log_views, views

app_name = "minside"

urlpatterns = [
    path("", views.home, name="home"),
    path("sak/<int:pk>/", log_views.case, name="case"),
    path("sak/<int:pk>/familiens-syn/", log_views.family_view, name="family_view"),
    path("sak/<int:pk>/innsyn/", insight_views.insight_request, name="insight"),
    path(
        "sak/<int:pk>/innsyn/<int:report_pk>/",
        insight_views.insight_status,
        name="insight_status",
    ),
    path(
        "sak/<int:pk>/innsyn/<int:report_pk>/last-ned/",
        insight_views.insight_download,
        name="insight_download",
    ),
    path("sak/<int:pk>/samtykke/", consent_views.consent, name="consent"),
    path("sak/<int:pk>/samtykke/trekk/", consent_views.withdraw, name="consent_withdraw"),
    path(
        "sak/<int:pk>/samtykke/kvittering/<int:answer_pk>.pdf",
        consent_views.receipt,
        name="consent_receipt",
    ),
    path("invitasjon/<str:token>/", views.invitation, name="invitation"),
    # The redirect URI to register at ID-porten is .../min-side/innlogging/retur/ (README).
    path("innlogging/start/", views.start, name="oidc_start"),
    path("innlogging/retur/", views.callback, name="oidc_callback"),
    path("logg-ut/", views.logout, name="logout"),
]
