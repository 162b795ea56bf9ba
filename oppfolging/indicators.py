"""The municipality's follow-up as indicators beside the case figures (statistikk).

These are about employees and meetings, not children, so they are not suppressed; each is
computed for every scope with a fixed number of queries.
"""

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from bts_portal.content.models import Status
from samhandling.models import Element, ElementType
from statistikk.indicators import MUNICIPALITY, Table

from .models import Mote, Motedeltakelse, Opplaering
from .selectors import read_status_by_service


def _plain(key, title, rows_by_scope, **kwargs) -> dict:
    return {
        scope: Table(
            key, title, rows, sensitive=False, across_scopes="", section="follow_up", **kwargs
        )
        for scope, rows in rows_by_scope.items()
    }


def read_list(period, service_ids) -> dict:
    status = read_status_by_service(before=period.end)
    rows = {}
    for sid in service_ids:
        counts = status.get(sid, {"due": 0, "read": 0})
        rows[sid] = [(_("Required readings"), counts["due"]), (_("Confirmed read"), counts["read"])]
    rows[MUNICIPALITY] = [
        (_("Required readings"), sum(c["due"] for c in status.values())),
        (_("Confirmed read"), sum(c["read"] for c in status.values())),
    ]
    return _plain(
        "leseliste", _("Read list: routines and guide read by the employees"), rows,
        note=_("Each employee counts once for each required item, at the end of the year."),
    )  # fmt: skip


def training(period, service_ids) -> dict:
    records = Opplaering.objects.filter(
        held_on__gte=period.start.date(), held_on__lt=period.end.date()
    )
    by_service: dict[int, Mapping[str, Any]] = {
        row["tjeneste"]: row
        for row in records.values("tjeneste").annotate(
            orientation=Count("pk", filter=Q(kind=Opplaering.Kind.ORIENTATION)),
            training=Count("pk", filter=Q(kind=Opplaering.Kind.TRAINING)),
            people=Count("user", distinct=True),
        ).order_by()
    }  # fmt: skip
    everyone = records.aggregate(people=Count("user", distinct=True))["people"]

    def rows(row, people):
        return [
            (_("Orientations for new employees"), row.get("orientation", 0)),
            (_("Trainings in BTI and the case log"), row.get("training", 0)),
            (_("Employees trained or oriented"), people),
        ]

    result = {sid: rows(by_service.get(sid, {}), by_service.get(sid, {}).get("people", 0))
              for sid in service_ids}  # fmt: skip
    result[MUNICIPALITY] = rows(
        {k: sum(r[k] for r in by_service.values()) for k in ("orientation", "training")},
        everyone,
    )
    return _plain("opplaering", _("Training and orientation"), result)


def meetings(period, service_ids) -> dict:
    in_year = Q(held_on__gte=period.start.date(), held_on__lt=period.end.date())
    totals = Mote.objects.filter(in_year).aggregate(
        resource=Count("pk", filter=Q(kind=Mote.Kind.RESOURCE_GROUP)),
        forum=Count("pk", filter=Q(kind=Mote.Kind.FORUM)),
    )
    present: defaultdict[int, dict[str, int]] = defaultdict(dict)  # service, kind: meetings
    for row in (
        Motedeltakelse.objects.filter(mote__in=Mote.objects.filter(in_year))
        .values("tjeneste", "mote__kind")
        .annotate(n=Count("mote", distinct=True), people=Sum("attendees"))
        .order_by()
    ):
        present[row["tjeneste"]][row["mote__kind"]] = row["n"]
    result = {
        sid: [
            (_("Resource-group meetings attended"), present[sid].get(Mote.Kind.RESOURCE_GROUP, 0)),
            (_("BTS forum meetings attended"), present[sid].get(Mote.Kind.FORUM, 0)),
        ]
        for sid in service_ids
    }
    result[MUNICIPALITY] = [
        (_("Resource-group meetings held"), totals["resource"]),
        (_("BTS forum meetings held"), totals["forum"]),
    ]
    return _plain("moter", _("Resource group and BTS forum"), result)


def routines(period, service_ids) -> dict:
    """Written routines each service has in the model (published elements of type routine)."""
    per_service = {
        row["owner_tjeneste"]: row["n"]
        for row in Element.objects.filter(status=Status.PUBLISHED, type=ElementType.RUTINE)
        .values("owner_tjeneste").annotate(n=Count("pk")).order_by()
    }  # fmt: skip
    result = {sid: [(_("Routines in the model"), per_service.get(sid, 0))] for sid in service_ids}
    result[MUNICIPALITY] = [
        (
            _("Services with at least one routine"),
            sum(1 for s in service_ids if per_service.get(s)),
        ),
        (_("Services without a routine"), sum(1 for s in service_ids if not per_service.get(s))),
        (_("Routines in the model"), sum(per_service.values())),
    ]
    return _plain("rutiner", _("Written routines per service"), result, current_only=True)


BUILDERS = (read_list, training, meetings, routines)
