from django.urls import path

from . import case_actions, document_views, views

app_name = "stafettlogg"

urlpatterns = [
    path("mitt-arbeid/", views.my_work, name="my_work"),
    path("undring/ny/", views.undring_create, name="undring_create"),
    path("undring/<int:pk>/", views.undring_detail, name="undring"),
    path("undring/<int:pk>/avslutt/", views.undring_close, name="undring_close"),
    path("undring/<int:pk>/trinn/<slug:key>/", views.undring_step, name="undring_step"),
    path("undring/<int:pk>/melding/", views.undring_report, name="undring_report"),
    path("undring/<int:pk>/nei/", views.undring_refusal, name="undring_refusal"),
    path("stafettlogg/ny/", views.case_open, name="case_open"),
    path("stafettlogg/<int:pk>/", views.case_detail, name="case"),
    path("stafettlogg/<int:pk>/innslag/<slug:kind>/", case_actions.entry_add, name="entry_add"),
    path(
        "stafettlogg/<int:pk>/korriger/<int:entry_pk>/", views.entry_correct, name="entry_correct"
    ),
    path("stafettlogg/<int:pk>/nivaa/", case_actions.level_change, name="level"),
    path("stafettlogg/<int:pk>/deltakere/", case_actions.participant_add, name="participant_add"),
    path(
        "stafettlogg/<int:pk>/deltakere/<int:participant_pk>/avslutt/",
        views.participant_remove,
        name="participant_remove",
    ),
    path("stafettlogg/<int:pk>/overfor/", case_actions.handover_request, name="handover"),
    path(
        "stafettlogg/<int:pk>/overfor/<int:handover_pk>/svar/",
        views.handover_answer,
        name="handover_answer",
    ),
    path("stafettlogg/<int:pk>/trinn/<slug:key>/", views.checklist_step, name="checklist"),
    path("stafettlogg/<int:pk>/melding/", case_actions.case_report, name="case_report"),
    path("stafettlogg/<int:pk>/avslutt/", case_actions.case_close, name="close"),
    path("stafettlogg/<int:pk>/samtykke/", views.case_consent, name="consent"),
    path("stafettlogg/<int:pk>/samtykke/trekk/", views.consent_withdraw, name="consent_withdraw"),
    # Guardians on My page (minside, issue 20): the holder invites and revokes.
    path("stafettlogg/<int:pk>/min-side/inviter/", views.citizen_invite, name="citizen_invite"),
    path(
        "stafettlogg/<int:pk>/min-side/inviter-ungdom/",
        views.citizen_invite_young,
        name="citizen_invite_young",
    ),
    path("stafettlogg/<int:pk>/min-side/stopp/", views.citizen_revoke, name="citizen_revoke"),
    path(
        "stafettlogg/<int:pk>/samtykke/<int:consent_pk>/skjema/",
        views.consent_document,
        name="consent_document",
    ),
    path("stafettlogg/<int:pk>/innsyn/", views.insight_request, name="insight_request"),
    path("stafettlogg/<int:pk>/innsyn/<int:report_pk>/", views.insight_status, name="insight"),
    path(
        "stafettlogg/<int:pk>/innsyn/<int:report_pk>/fil/",
        views.insight_download,
        name="insight_download",
    ),
    path("stafettlogg/<int:pk>/dokumenter/", document_views.documents, name="documents"),
    *(
        path(f"stafettlogg/<int:pk>/dokumenter/{doc_type}.pdf", view, name=f"document_{doc_type}")
        for doc_type, view in document_views.PRINT_VIEWS.items()
    ),
    path("tjeneste/<slug:slug>/saker/", views.service_cases, name="service_cases"),
    path(
        "tjeneste/<slug:slug>/saker/<int:case_pk>/stafettholder/",
        views.service_case_reassign,
        name="reassign",
    ),
]
