"""Sources for the public content that no app registers itself yet: the glossary, the guide's
steps and signs as the public level and signs pages show them, and the directory of
services."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bts_portal.content.search import SearchSource, register_source
from bts_portal.content.translation import LocalizedText, localized


def _step_url(step) -> str:
    return reverse("veileder:level", kwargs={"number": step.niva.number}) + f"#{step.key}"


def _sign_document(sign) -> tuple[str, str, str]:
    summary = f"{sign.get_age_group_display()} · {localized(sign.tema, 'title')}"
    return localized(sign, "title"), summary, ""


def _service_document(service) -> tuple[str, str, str]:
    """As the service's page shows it: name, description and opening hours in the active
    language where translated (the address is a name, as written)."""
    summary = f"{service.get_sector_display()} · {service.age_range_display()}"
    description = localized(service, "description")
    opening_hours = localized(service, "opening_hours")
    body = " ".join(p for p in [description, service.address, opening_hours] if p)
    # The text's language is its first translated part's, as for the other sources.
    body_language = next((p.lang for p in (description, opening_hours) if p), "nb")
    return localized(service, "name"), summary, LocalizedText(body, body_language)


def register() -> None:
    from bts_portal.content.models import Status
    from handlingsveileder.models import Tegn, Trinn
    from organisasjon.selectors import public_services
    from samhandling.models import Begrep

    register_source(
        SearchSource(
            label=_("Glossary"),
            fields=("term", "explanation"),
            queryset=lambda: Begrep.objects.published(),
            keywords=lambda word: word.variants,
        )
    )

    register_source(
        SearchSource(
            label=_("Action guide"),
            # The public level page shows a step's title, what to do and how the family
            # takes part; the rest is for staff.
            fields=("title", "summary", "participation"),
            queryset=lambda: Trinn.objects.filter(
                status=Status.PUBLISHED, niva__status=Status.PUBLISHED
            ).select_related("niva"),
            url=_step_url,
            depends_on=(
                ("handlingsveileder.Niva", lambda niva: niva.steps.values_list("pk", flat=True)),
            ),
        )
    )
    register_source(
        SearchSource(
            label=_("Signs to look for"),
            queryset=lambda: Tegn.objects.published().select_related("tema"),
            document=_sign_document,
            depends_on=(
                ("tiltaksoversikt.Tema", lambda tema: tema.signs.values_list("pk", flat=True)),
            ),
        )
    )
    register_source(
        SearchSource(
            label=_("Services"),
            queryset=public_services,
            document=_service_document,
        )
    )
