"""The demo municipality's årshjul events: the BTS forum's meetings, the annual report's
deadline and the yearly reviews. Idempotent (looked up by title); the rules start the year
before the current one, so last year's view has its dates too."""

from datetime import date

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from bts_portal.upsert import upsert

from .models import Arshjulhendelse, Gjentakelse, Ukedag, UkeIManeden


def _events(first_year: int) -> list[dict]:
    reports = settings.PORTAL_BASE_URL.rstrip("/") + reverse("statistikk:reports")
    return [
        {
            "title": "Møte i BTS-forum",
            "description": (
                "Forumet for ledere av tjenestene møtes fire ganger i året: status for "
                "samhandlingsmodellen, saker fra tjenestene og statistikk fra stafettloggen."
            ),
            "recurrence": Gjentakelse.WEEKDAY,
            "start": date(first_year, 1, 1),
            "weekday": Ukedag.TUESDAY,
            "week_of_month": UkeIManeden.SECOND,
            "months": "2,4,9,11",
            "remind_days_before": 14,
        },
        {
            "title": "Frist: årsrapport BTS til kommunedirektøren",
            "description": (
                "BTS-koordinatoren leverer årsrapporten for året før, med statistikk og plan "
                "for neste år. Rapporten går videre til kommunestyret."
            ),
            "recurrence": Gjentakelse.YEARLY,
            "start": date(first_year, 3, 1),
            "link": reports,
            "remind_days_before": 30,
        },
        {
            "title": "Årlig gjennomgang av samhandlingsmodellen",
            "description": (
                "Koordinatoren og BTS-forum går gjennom de tre nivåene: planer, rutiner, "
                "verktøy og samhandlingsarenaer. Hva virker, og hva må endres?"
            ),
            "recurrence": Gjentakelse.YEARLY,
            "start": date(first_year, 10, 15),
        },
        {
            "title": "Gjennomgang av nettsidene og tilgjengelighetserklæringen",
            "description": (
                "Sjekk at de offentlige sidene er oppdaterte og i klarspråk, og oppdater "
                "tilgjengelighetserklæringen, som skal fornyes hvert år."
            ),
            "recurrence": Gjentakelse.YEARLY,
            "start": date(first_year, 1, 31),
        },
        {
            "title": "Gjennomgang av handlingsveilederen og rutinene",
            "description": (
                "Nivåene, trinnene og verktøyene i handlingsveilederen, og rutinene på "
                "tjenestenivå, leses gjennom med BTI-kontaktene."
            ),
            "recurrence": Gjentakelse.YEARLY,
            "start": date(first_year, 5, 15),
        },
        {
            "title": "Tjenestene sjekker sine tiltak i tiltaksoversikten",
            "description": (
                "Hver tjeneste ser over sine tiltak og møteplasser: er de fortsatt riktige?"
            ),
            "recurrence": Gjentakelse.MONTHLY,
            "interval": 6,
            "start": date(first_year, 3, 20),
        },
    ]


@transaction.atomic
def load() -> int:
    """Create or update the demo year's events; returns how many there are."""
    events = _events(timezone.localdate().year - 1)
    defaults = {
        "description": "",
        "interval": 1,
        "weekday": None,
        "week_of_month": None,
        "months": "",
        "until": None,
        "link": "",
        "remind_days_before": None,
    }
    for event in events:
        title = event.pop("title")
        upsert(Arshjulhendelse, {"title": title}, {**defaults, **event})
    return len(events)
