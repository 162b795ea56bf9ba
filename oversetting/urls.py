from django.urls import path

from . import views

app_name = "oversetting"

# Under /ansatt/innhold/oversettelse/, before the content editor's /<kind>/ addresses.
urlpatterns = [
    path("", views.needs_translation, name="needs_translation"),
    path("<str:language>/", views.needs_translation, name="needs_translation_in"),
    path(
        "<slug:app_label>/<slug:model_name>/<int:pk>/<str:language>/",
        views.translate,
        name="translate",
    ),
]
