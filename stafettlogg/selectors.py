"""Read queries for concerns and case logs. Lists return metadata only; case content is read
only through views behind ``access_log.case_view``."""

from django.db.models import F, Q, QuerySet

from bts_portal import permissions
from bts_portal.permissions import ServicePerm
from handlingsveileder.selectors import steps_for_level

from . import consent
from .models import Deltaker, Innslag, Overforing, Stafettlogg, Undring

TIMELINE_PAGE = 50


def my_cases(user) -> QuerySet[Stafettlogg]:
    """Active cases the user takes part in, overdue evaluations first."""
    return (
        Stafettlogg.objects.filter(
            status=Stafettlogg.Status.ACTIVE,
            participants__user=user,
            participants__removed_at__isnull=True,
        )
        .select_related("stafettholder", "tjeneste")
        .order_by(F("next_evaluation").asc(nulls_last=True), "-opened_at")
        .distinct()
    )


def my_undringer(user) -> QuerySet[Undring]:
    """Open concerns the user registered, and those of services where the user leads."""
    led = permissions.services_with_perm(user, ServicePerm.VIEW_UNDRINGER)
    return (
        Undring.objects.filter(status=Undring.Status.OPEN)
        .filter(Q(author=user) | Q(tjeneste__in=led))
        .select_related("tjeneste", "author")
        .order_by("created_at")
    )


def pending_handovers(user) -> QuerySet[Overforing]:
    return Overforing.objects.filter(to_user=user, status=Overforing.Status.PENDING).select_related(
        "stafettlogg", "from_user", "to_tjeneste"
    )


def service_cases(tjeneste) -> QuerySet[Stafettlogg]:
    """A service's cases as metadata: no name, no content."""
    return (
        Stafettlogg.objects.filter(tjeneste=tjeneste, status=Stafettlogg.Status.ACTIVE)
        .select_related("stafettholder")
        .order_by(F("next_evaluation").asc(nulls_last=True), "pk")
    )


def timeline(case: Stafettlogg, page: int = 1) -> tuple[list[Innslag], bool]:
    """One page of entries, newest first, with what they point to; one query per page."""
    start = (page - 1) * TIMELINE_PAGE
    entries = list(
        case.entries.select_related(
            "author", "author_tjeneste", "tiltak", "corrects", "measure"
        ).order_by("-created_at", "-pk")[start : start + TIMELINE_PAGE + 1]
    )
    return entries[:TIMELINE_PAGE], len(entries) > TIMELINE_PAGE


def case_page(case: Stafettlogg, user, page: int = 1) -> dict:
    entries, has_more = timeline(case, page)
    done = set(case.done_steps.values_list("step_key", flat=True))
    steps = steps_for_level(case.level)
    return {
        "case": case,
        "entries": entries,
        "has_more": has_more,
        "page_number": page,
        "participants": list(
            Deltaker.objects.filter(stafettlogg=case, removed_at__isnull=True).select_related(
                "user", "tjeneste"
            )
        ),
        "guardians": list(case.guardians.all()),
        "consents": list(case.consents.prefetch_related("services")),
        "covered": list(consent.covered_services(case)),
        "checklist": [(step, step.key in done) for step in steps],
        "pending_handover": case.handovers.filter(status=Overforing.Status.PENDING)
        .select_related("to_user", "to_tjeneste")
        .first(),
        "measures": [e for e in entries if e.kind == Innslag.Kind.MEASURE],
        "is_holder": case.stafettholder_id == user.pk,
    }
