from django.urls import path

from . import views

app_name = "sok"

urlpatterns = [
    path("synonymer/", views.synonym_list, name="synonyms"),
    path("synonymer/<int:pk>/", views.synonym_list, name="synonym_edit"),
    path("synonymer/<int:pk>/slett/", views.synonym_delete, name="synonym_delete"),
]
