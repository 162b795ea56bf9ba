"""What a linked guardian reads of the case log on My page: the level, the baton holder, the
services taking part, the measures, evaluations and meetings, the family's own entries, the
consents, and who has read the log, in plain words (the insight PDF's grouping). A fixed
number of queries whatever the log holds."""

from __future__ import annotations

from django.db.models import Prefetch

from stafettlogg.consent import services_covered_by
from stafettlogg.insight_content import access_summary
from stafettlogg.models import AccessLog, Innslag, Stafettlogg

SHOWN = [
    Innslag.Kind.MEASURE, Innslag.Kind.EVALUATION, Innslag.Kind.MEETING, Innslag.Kind.FAMILY,
    Innslag.Kind.CONSENT, Innslag.Kind.LEVEL, Innslag.Kind.HANDOVER,
]  # fmt: skip


def citizen_log(case: Stafettlogg) -> dict:
    consents = list(case.consents.prefetch_related("services").order_by("-given_on", "-pk"))
    entries = list(
        case.entries.filter(kind__in=SHOWN)
        .select_related("author", "author_tjeneste", "measure")
        .prefetch_related(
            Prefetch(
                "corrections",
                queryset=Innslag.objects.select_related("author").order_by("created_at", "pk"),
            )
        )
        .order_by("-created_at", "-pk")
    )
    access_rows = (
        AccessLog.objects.filter(stafettlogg_id=case.pk)
        .select_related("user", "tjeneste", "citizen__foresatt")
        .order_by("at", "pk")
    )
    return {
        "case": case,
        "participants": list(
            case.participants.filter(removed_at__isnull=True)
            .select_related("user", "tjeneste")
            .order_by("added_at", "pk")
        ),
        "covered": services_covered_by(consents),
        "consents": consents,
        "entries": entries,
        "access_days": list(reversed(access_summary(access_rows))),
    }
