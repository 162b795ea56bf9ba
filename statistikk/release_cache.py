"""The suppressed, audited release for a year, computed once and kept in the cache.

Suppression and its audit take seconds (``statistikk.disclosure.publish``); the dashboard, the
CSV and the annual report PDF all show the same release, so they share one cached copy.

The key is the year, the language the labels were written in, the threshold, today's date and
a *data version*: a fingerprint of every table the indicators read, taken in a few cheap
aggregate queries. A fingerprint was chosen over a counter bumped by ``post_save`` signals
because the services write with ``QuerySet.update()`` (an escalated concern, a withdrawn
consent, an answered hand-over) and ``bulk_create``, which send no signals, and because the
retention job deletes in bulk: a counter would miss those, a fingerprint does not. Per table
it takes what changes whenever a row the indicators read changes:

* the number of rows and the highest primary key: any row added or deleted (a delete and an
  add between two requests still raise the highest key);
* the timestamp every state change sets: a concern or case closed or escalated
  (``closed_at``), a consent withdrawn, a hand-over answered, content edited (``updated_at``);
* a case's level and service change only together with a new entry (append-only), so the
  entries' count covers them; consents expiring and reviews falling due are a matter of the
  date, which is in the key.

What no fingerprint sees (a service renamed, a meeting's date corrected in the admin) shows
after ``CACHE_SECONDS`` at the latest. Service names are hashed in, as they label rows.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.utils import timezone, translation

from bts_portal.content.translation import translated_fields
from handlingsveileder.models import Trinn
from oppfolging.models import Lesebekreftelse, Lesekrav, Mote, Motedeltakelse, Opplaering
from organisasjon.models import Bruker, Medlemskap, Tjeneste
from samhandling.models import Element, Side
from stafettlogg.models import (
    Innslag,
    MeldingTilBarnevern,
    Overforing,
    Samtykke,
    Stafettlogg,
    Undring,
)
from tiltaksoversikt.models import Moteplass, Tema, Tiltak

from .disclosure import Release, publish

CACHE_SECONDS = 60 * 60

# (model, the timestamps that move when a row the indicators read changes)
FINGERPRINT = [
    (Undring, ["created_at", "closed_at"]),
    (Stafettlogg, ["opened_at", "closed_at"]),
    (Innslag, ["created_at"]),
    (Samtykke, ["recorded_at", "withdrawn_at"]),
    (MeldingTilBarnevern, ["recorded_at"]),
    (Overforing, ["created_at", "answered_at"]),
    (Element, ["updated_at"]),
    (Side, ["updated_at"]),
    (Trinn, ["updated_at"]),
    (Tiltak, ["updated_at"]),
    (Moteplass, ["updated_at"]),
    (Lesekrav, ["created_at"]),
    (Lesebekreftelse, ["confirmed_at"]),
    (Opplaering, []),
    (Mote, []),
    (Motedeltakelse, []),
    (Medlemskap, ["created_at"]),
]


def data_version() -> str:
    """A short fingerprint of everything the indicators read (see the module's docstring)."""
    parts = []
    for model, stamps in FINGERPRINT:
        # None of these models has a manager of its own before ``objects``: it is the default.
        row = model._default_manager.aggregate(
            n=Count("pk"), top=Max("pk"), **{f"t{i}": Max(f) for i, f in enumerate(stamps)}
        )
        parts.append(repr(sorted(row.items())))
    # The read list counts active employees only, and rows are labelled with service names.
    parts.append(repr(Bruker.objects.aggregate(n=Count("pk", filter=Q(is_active=True)))))
    names = translated_fields("name")
    parts.append(repr(list(Tjeneste.objects.order_by("pk").values_list("pk", *names, "is_active"))))
    # Rows of measures by theme are labelled with the themes' titles.
    titles = translated_fields("title")
    parts.append(repr(list(Tema.objects.order_by("pk").values_list("pk", *titles))))
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:24]


def release_key(year: int) -> str:
    return ":".join([
        "statistikk", "release", str(year), translation.get_language() or "",
        str(settings.STATS_MIN_CELL), timezone.localdate().isoformat(), data_version(),
    ])  # fmt: skip


def cached_release(year: int) -> Release:
    """The release for ``year`` as ``publish`` makes it, from the cache while the data are
    unchanged. The key names the year, so one year's release is never shown for another."""
    key = release_key(year)
    release = cache.get(key)
    if release is None:
        release = publish(year)
        cache.set(key, release, CACHE_SECONDS)
    return release
