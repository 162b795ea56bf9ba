from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TiltaksoversiktConfig(AppConfig):
    """The catalogue of services, measures and interdisciplinary meeting places."""

    name = "tiltaksoversikt"
    verbose_name = _("Services and measures")

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from bts_portal.content.registry import ContentKind, register
        from bts_portal.content.search import SearchSource, register_source
        from bts_portal.content.translation import localized
        from bts_portal.permissions import SERVICE_MEASURES

        from .forms import MoteplassForm, TiltakForm
        from .models import Moteplass, Tiltak

        register(
            ContentKind(
                key="tiltak",
                model=Tiltak,
                form_class=TiltakForm,
                label=_("measure"),
                label_plural=_("Measures"),
                policy=SERVICE_MEASURES,
                orderable=False,
                list_related=("tjeneste",),
            )
        )
        register(
            ContentKind(
                key="moteplass",
                model=Moteplass,
                form_class=MoteplassForm,
                label=_("meeting place"),
                label_plural=_("Meeting places"),
            )
        )
        register_source(
            SearchSource(
                label=_("Measures"),
                queryset=lambda: (
                    Tiltak.objects.published().select_related("tjeneste").prefetch_related("themes")
                ),
                # Found by the service's name and the themes too (mobbing, samlivsbrudd).
                keywords=lambda t: " ".join(
                    [t.tjeneste.name, *(localized(theme, "title") for theme in t.themes.all())]
                ),
                depends_on=(
                    ("tiltaksoversikt.Tema", lambda tema: tema.tiltak.values_list("pk", flat=True)),
                    ("organisasjon.Tjeneste", lambda s: s.tiltak.values_list("pk", flat=True)),
                ),
            )
        )
        register_source(
            SearchSource(
                label=_("Meeting places"),
                queryset=lambda: Moteplass.objects.published().prefetch_related(
                    "participating_services"
                ),
                keywords=lambda m: " ".join(s.name for s in m.participating_services.all()),
                depends_on=(
                    (
                        "organisasjon.Tjeneste",
                        lambda s: s.moteplasser.values_list("pk", flat=True),
                    ),
                ),
            )
        )
