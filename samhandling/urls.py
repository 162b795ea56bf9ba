from django.urls import path

from . import views

app_name = "samhandling"

urlpatterns = [
    path("", views.home, name="home"),
    path("modell/", views.overview, name="overview"),
    path("modell/<slug:slug>/", views.element_detail, name="element"),
    path("modell/<slug:slug>/vedlegg/<int:pk>/", views.attachment, name="attachment"),
    path("bekymret/", views.worried, name="worried"),
    path("side/<slug:slug>/", views.page_detail, name="side"),
    path("ordliste/", views.glossary, name="glossary"),
    path("sok/", views.site_search, name="search"),
]
