from django.urls import path

from . import views

public = (
    [
        path("", views.overview, name="overview"),
        path("nivaa/<int:number>/", views.level, name="level"),
        path("tegn/", views.signs, name="signs"),
        path("tema/<slug:slug>/", views.theme, name="theme"),
        path("verktoy/<slug:slug>/", views.tool, name="tool"),
        path("verktoy/<slug:slug>/fil/", views.tool_file, name="tool_file"),
        path("verktoy/<slug:slug>/skjema.pdf", views.tool_form, name="tool_form"),
    ],
    "veileder",
)

staff = (
    [
        path("", views.staff_overview, name="overview"),
        path("nivaa/<int:number>/", views.staff_level, name="level"),
        path("nivaa/<int:number>/sammendrag.pdf", views.staff_level_pdf, name="level_pdf"),
        path("trinn/<slug:key>/", views.staff_step, name="step"),
        path("tegn/", views.staff_signs, name="signs"),
        path("tema/<slug:slug>/", views.staff_theme, name="theme"),
    ],
    "veileder_staff",
)
