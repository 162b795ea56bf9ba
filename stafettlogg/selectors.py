"""Read queries for concerns and case logs. Lists return metadata only; case content is read
only through views behind ``access_log.case_view``."""

from datetime import date, timedelta

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from bts_portal import permissions
from bts_portal.content.translation import translated_fields
from bts_portal.permissions import WORK_ROLES, ServicePerm
from bts_portal.prepared import prepared
from handlingsveileder.selectors import steps_for_level
from organisasjon.models import Medlemskap, Tjeneste

from . import checklist, consent
from .models import (
    CaseChecklistStep,
    Deltaker,
    Foresatt,
    Innslag,
    Overforing,
    Stafettlogg,
    Undring,
)

TIMELINE_PAGE = 50


def _participating(user_id: int, status: str) -> QuerySet[Stafettlogg]:
    return Stafettlogg.objects.filter(
        status=status, participants__user_id=user_id, participants__removed_at__isnull=True
    )


@prepared(user_id=int)
def _active_cases_of(user_id: int) -> QuerySet[Stafettlogg]:
    """The open cases the user takes part in, overdue evaluations first."""
    return (
        _participating(user_id, Stafettlogg.Status.ACTIVE)
        .select_related("stafettholder")
        .order_by(F("next_evaluation").asc(nulls_last=True), "-opened_at")
    )


@prepared(user_id=int)
def _closed_cases_of(user_id: int) -> QuerySet[Stafettlogg]:
    return (
        _participating(user_id, Stafettlogg.Status.CLOSED)
        .filter(anonymised=False)
        .order_by("-closed_at")
    )


def my_cases(user, standings=None) -> list[Stafettlogg]:
    """Active cases the user may read now, and locked ones where they hold the baton (to
    answer for them), overdue evaluations first, each with ``readable``: decided by
    ``CaseAccess`` on the standings of ``permissions.case_standings`` (pass them when the
    caller has them for this request)."""
    standings = permissions.case_standings(user) if standings is None else standings
    if not standings:
        return []
    cases = []
    for case in _active_cases_of.fetch(user_id=user.pk):
        access = standings.get(case.pk)
        if access is not None and (access.read or access.hold):
            # The page marks the cases it lists only for their holder as locked.
            case.readable = access.read
            cases.append(case)
    return cases


def my_closed_cases(user, standings=None) -> list[Stafettlogg]:
    """Closed cases the user may still read (the latest 50), with the day they will be
    deleted."""
    standings = permissions.case_standings(user) if standings is None else standings
    if not standings:
        return []
    cases = [
        case
        for case in _closed_cases_of.fetch(user_id=user.pk)
        if (access := standings.get(case.pk)) is not None and access.read
    ][:50]
    for case in cases:
        case.deleted_on = timezone.localdate(case.closed_at) + timedelta(
            days=settings.RETENTION_DAYS
        )
    return cases


@prepared(user_id=int)
def _done_steps_of(user_id: int) -> QuerySet[CaseChecklistStep]:
    """(case, step) for the steps done in the open cases the user takes part in."""
    return CaseChecklistStep.objects.filter(
        stafettlogg__status=Stafettlogg.Status.ACTIVE,
        stafettlogg__participants__user_id=user_id,
        stafettlogg__participants__removed_at__isnull=True,
    ).values_list("stafettlogg_id", "step_key")


def with_next_steps(cases: list[Stafettlogg], user=None) -> list[Stafettlogg]:
    """Each case with ``next_step``: its level's first undone step with a deadline (two
    queries for any number of cases; one when the cases are ``user``'s own open ones, as
    on My work, whose done steps a prepared query reads)."""
    done_rows = None if user is None else _done_steps_of.fetch(user_id=user.pk)
    steps, done = checklist.load(cases, done_rows=done_rows)
    for case in cases:
        case.next_step = checklist.next_due(steps, done, case)
    return cases


def my_undringer(user) -> QuerySet[Undring]:
    """Open concerns the user registered in a service they still work in, and those of
    services where the user leads."""
    led = permissions.services_with_perm(user, ServicePerm.VIEW_UNDRINGER)
    works = Medlemskap.objects.filter(user=user, rolle__in=WORK_ROLES).values("tjeneste_id")
    return (
        Undring.objects.filter(status=Undring.Status.OPEN)
        .filter(Q(author=user, tjeneste__in=works) | Q(tjeneste__in=led))
        .select_related("tjeneste", "author")
        .order_by("created_at")
    )


@prepared(user_id=int)
def _handovers_to(user_id: int) -> QuerySet[Overforing]:
    return Overforing.objects.filter(
        to_user_id=user_id, status=Overforing.Status.PENDING
    ).select_related("from_user")


def pending_handovers(user) -> list[Overforing]:
    """Batons offered to the user, with who offers them (what My work shows)."""
    return _handovers_to.fetch(user_id=user.pk) if user.is_authenticated else []


def service_cases(tjeneste) -> QuerySet[Stafettlogg]:
    """A service's cases as metadata: no name, no content; whether the log is locked, and
    whether its baton holder still works in the service (if not, it needs a new holder)."""
    return (
        Stafettlogg.objects.filter(tjeneste=tjeneste, status=Stafettlogg.Status.ACTIVE)
        .annotate(
            unlocked=Exists(consent.active_consent_rows().filter(stafettlogg=OuterRef("pk"))),
            holder_works=Exists(
                Medlemskap.objects.filter(
                    user=OuterRef("stafettholder_id"),
                    tjeneste=OuterRef("tjeneste_id"),
                    rolle__in=WORK_ROLES,
                )
            ),
        )
        .select_related("stafettholder")
        .order_by(F("next_evaluation").asc(nulls_last=True), "pk")
    )


def _columns(prefix: str, *names: str) -> list[str]:
    return [f"{prefix}{name}" for name in names]


_USER = ("first_name", "last_name", "username")
_SERVICE_NAME = tuple(translated_fields("name"))
# What timeline.present shows of an entry and of what it points to: a page's one query
# reads these columns only, not the two hundred of six joined tables (issue 19).
TIMELINE_COLUMNS = [
    *_columns("", "stafettlogg_id", "kind", "author_id", "author_tjeneste_id", "family_author",
              "created_at", "text", "corrects_id", "attendees", "tiltak_id", "title", "goal",
              "responsible", "starts_on", "evaluate_by", "measure_id", "next_step",
              "child_view", "guardian_view", "from_level", "to_level"),
    *_columns("author__", *_USER),
    *_columns("author_tjeneste__", *_SERVICE_NAME),
    *_columns("tiltak__", "slug", "tjeneste_id"),
    *_columns("tiltak__tjeneste__", *_SERVICE_NAME),
    *_columns("corrects__", "created_at", "author_id"),
    *_columns("corrects__author__", *_USER),
    *_columns("measure__", "title"),
]  # fmt: skip


def _timeline(case_id: int) -> QuerySet[Innslag]:
    return (
        Innslag.objects.filter(stafettlogg_id=case_id)
        .select_related(
            "author", "author_tjeneste", "tiltak__tjeneste", "corrects__author", "measure"
        )
        .only(*TIMELINE_COLUMNS)
        .order_by("-created_at", "-pk")
    )


@prepared(case_id=int)
def _first_page(case_id: int) -> QuerySet[Innslag]:
    """The newest entries, one more than a page (to tell whether there are more)."""
    return _timeline(case_id)[: TIMELINE_PAGE + 1]


def timeline(case: Stafettlogg, page: int = 1) -> tuple[list[Innslag], bool]:
    """One page of entries, newest first, with what they point to; one query per page (the
    first page, the one nearly every visit shows, prepared once: ``bts_portal.prepared``)."""
    if page == 1:
        entries = _first_page.fetch(case_id=case.pk)
    else:
        start = (page - 1) * TIMELINE_PAGE
        entries = list(_timeline(case.pk)[start : start + TIMELINE_PAGE + 1])
    return entries[:TIMELINE_PAGE], len(entries) > TIMELINE_PAGE


# What the case page shows of its participants, guardians and pending hand-over.
_PARTICIPANT_COLUMNS = [
    "stafettlogg_id", "user_id", "tjeneste_id",
    *_columns("user__", *_USER), *_columns("tjeneste__", *_SERVICE_NAME),
]  # fmt: skip
_GUARDIAN_COLUMNS = ["stafettlogg_id", "party", "name", "relation", "phone", "email"]
_HANDOVER_COLUMNS = [
    "stafettlogg_id", "to_user_id", "to_tjeneste_id",
    *_columns("to_user__", *_USER), *_columns("to_tjeneste__", *_SERVICE_NAME),
]  # fmt: skip


@prepared(case_id=int)
def _done_steps(case_id: int) -> QuerySet[CaseChecklistStep]:
    return CaseChecklistStep.objects.filter(stafettlogg_id=case_id).values_list(
        "step_key", flat=True
    )


@prepared(case_id=int)
def _participants(case_id: int) -> QuerySet[Deltaker]:
    return (
        Deltaker.objects.filter(stafettlogg_id=case_id, removed_at__isnull=True)
        .select_related("user", "tjeneste")
        .only(*_PARTICIPANT_COLUMNS)
    )


@prepared(case_id=int)
def _guardians(case_id: int) -> QuerySet[Foresatt]:
    return Foresatt.objects.filter(stafettlogg_id=case_id).only(*_GUARDIAN_COLUMNS)


@prepared(case_id=int, today=date)
def _covered(case_id: int, today: date) -> QuerySet[Tjeneste]:
    return (
        consent.covered_services_of(case_id, today=today)
        .only("pk", *_SERVICE_NAME)
        .order_by("name", "pk")
    )


@prepared(case_id=int)
def _pending_handover(case_id: int) -> QuerySet[Overforing]:
    return (
        Overforing.objects.filter(stafettlogg_id=case_id, status=Overforing.Status.PENDING)
        .select_related("to_user", "to_tjeneste")
        .only(*_HANDOVER_COLUMNS)[:1]
    )


def case_page(case: Stafettlogg, user, page: int = 1) -> dict:
    """What the case page shows, one prepared query each (``bts_portal.prepared``)."""
    entries, has_more = timeline(case, page)
    steps = steps_for_level(case.level)
    return {
        "case": case,
        "entries": entries,
        "has_more": has_more,
        "page_number": page,
        "participants": _participants.fetch(case_id=case.pk),
        "guardians": [g for g in _guardians.fetch(case_id=case.pk) if not g.is_young_person],
        "covered": _covered.fetch(case_id=case.pk, today=timezone.localdate()),
        "checklist": checklist.items(
            steps, set(_done_steps.fetch(case_id=case.pk)), case.level_started_on
        ),
        "pending_handover": _pending_handover.first(case_id=case.pk),
    }


def consent_renewal(case: Stafettlogg) -> dict:
    """A new consent starts from the last one given (who, how, which services), so that a
    renewal or a consent after a withdrawal is not typed in from scratch."""
    last = case.consents.filter(refused=False).order_by("-given_on", "-pk").first()
    if last is None:
        return {}
    return {
        "given_by": last.given_by,
        "method": last.method,
        "child_basis": last.child_basis,
        "services": list(last.services.values_list("pk", flat=True)),
    }
