from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from handlingsveileder import urls as guide_urls
from innlogging import views as login_views
from organisasjon.urls import staff_urlpatterns as organisasjon_staff_urls
from samhandling.sitemaps import SITEMAPS
from tiltaksoversikt.urls import tiltak_urlpatterns

from . import views
from .mail import PasswordResetForm

staff_patterns = (
    [
        path("", views.staff_home, name="home"),
    ],
    "staff",
)

auth_patterns = [
    path("logg-inn/", login_views.LoginView.as_view(), name="login"),  # innlogging (issue 13)
    # Also ends the session at the identity provider after a login there (issue 13).
    path("logg-ut/", login_views.LogoutView.as_view(), name="logout"),
    path(
        "passord/glemt/",
        # The e-mail goes from a task: a slow SMTP server never holds the page (issue 16).
        auth_views.PasswordResetView.as_view(form_class=PasswordResetForm),
        name="password_reset",
    ),
    path(
        "passord/glemt/sendt/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "passord/ny/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "passord/ny/ferdig/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("", include("samhandling.urls")),
    path("tjenester/", include("tiltaksoversikt.urls")),
    path("tiltak/", include(tiltak_urlpatterns)),
    path("veileder/", include(guide_urls.public)),
    path("ansatt/veileder/", include(guide_urls.staff)),
    path("ansatt/", include(staff_patterns)),
    path("ansatt/", include(auth_patterns)),
    path("ansatt/innlogging/", include("innlogging.urls")),
    path("ansatt/", include("stafettlogg.urls")),
    path("ansatt/tjeneste/", include("organisasjon.urls")),
    path("ansatt/organisasjon/", include(organisasjon_staff_urls)),
    path("ansatt/", include("samhandling.staff_urls")),
    # The digital consent request, from the case's consent page (issue 20).
    path("ansatt/", include("stafettlogg.consent_request_urls")),
    # Before the content editor's /<kind>/ addresses (issue 17).
    path("ansatt/innhold/oversettelse/", include("oversetting.urls")),
    path("ansatt/innhold/", include("bts_portal.content.urls")),
    path("ansatt/tiltak/", include("tiltaksoversikt.staff_urls")),
    path("ansatt/sok/", include("sok.urls")),
    path("ansatt/statistikk/", include("statistikk.urls")),
    path("ansatt/drift/", include("drift.urls")),
    path("ansatt/arkiv/", include("arkiv.urls")),
    path("min-side/", include("minside.urls")),  # citizens, ID-porten (issue 20)
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("helse/", views.health, name="health"),
    path("helse/live", views.live, name="health_live"),
    path("helse/klar", views.ready, name="health_ready"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

admin.site.site_header = "BTS/BTI-portalen"
admin.site.site_title = "BTS/BTI-portalen"
