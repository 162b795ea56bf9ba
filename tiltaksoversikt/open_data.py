"""The published catalogue as open data: one field list, documented, for JSON and CSV alike."""

from django.utils.translation import gettext_lazy as _

from .models import Tiltak

FIELDS = [
    ("id", _("Stable number of the measure.")),
    ("navn", _("Name, in bokmål.")),
    ("kortnavn", _("Short name used in the measure's address.")),
    ("url", _("The measure's page on the portal.")),
    ("sammendrag", _("One or two sentences about the measure.")),
    ("tjeneste", _("The service that offers the measure.")),
    ("tjeneste_kortnavn", _("Short name of the service.")),
    ("alder_fra", _("Youngest age in years; -1 means from pregnancy.")),
    ("alder_til", _("Oldest age in years (at most 25).")),
    ("malgrupper", _("Who it is for: barn, ungdom, foresatte, familie, gruppe.")),
    ("temaer", _("Themes, by short name.")),
    ("bti_nivaer", _("The BTI levels (0–3) where the measure is typically used.")),
    (
        "tilgang",
        _("How to get it: lavterskel (just come), henvisning (referral), vedtak (decision)."),
    ),
    ("pris", _("What it costs, as text.")),
    ("sted", _("Where it takes place.")),
    ("sprak", _("Languages offered.")),
    ("kontaktperson", _("Contact person.")),
    ("telefon", _("Contact phone.")),
    ("epost", _("Contact e-mail.")),
    ("sist_gjennomgatt", _("Date the measure was last reviewed (YYYY-MM-DD).")),
    ("oppdatert", _("When the entry was last changed (ISO 8601).")),
]


def rows(request) -> list[dict]:
    """Published measures only, in a fixed order; three queries whatever the number."""
    measures = (
        Tiltak.objects.published()
        .select_related("tjeneste")
        .prefetch_related("themes")
        .order_by("pk")
    )
    return [
        {
            "id": t.pk,
            "navn": t.title,
            "kortnavn": t.slug,
            "url": request.build_absolute_uri(t.get_absolute_url()),
            "sammendrag": t.summary,
            "tjeneste": t.tjeneste.name,
            "tjeneste_kortnavn": t.tjeneste.slug,
            "alder_fra": t.age_min,
            "alder_til": t.age_max,
            "malgrupper": list(t.target_groups),
            "temaer": [theme.slug for theme in t.themes.all()],
            "bti_nivaer": t.levels,
            "tilgang": t.access,
            "pris": t.cost,
            "sted": t.place,
            "sprak": t.languages,
            "kontaktperson": t.contact_name,
            "telefon": t.contact_phone,
            "epost": t.contact_email,
            "sist_gjennomgatt": t.last_reviewed.isoformat() if t.last_reviewed else None,
            "oppdatert": t.updated_at.isoformat(),
        }
        for t in measures
    ]
