from django.urls import path

from . import views

app_name = "organisasjon"

urlpatterns = [
    path("", views.my_services, name="my_services"),
    path("<slug:slug>/", views.service_area, name="service_area"),
]

# The staff area's organisation pages for the BTS coordinator, under /ansatt/organisasjon/.
staff_urlpatterns = (
    [
        path("rolleendringer/", views.role_changes, name="role_changes"),
    ],
    "organisasjon_staff",
)
