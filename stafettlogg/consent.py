"""Consent checks: which consents are active, which services they cover, whether a log is
locked, and what a new consent must say. ``bts_portal.permissions.case_access`` builds the
read/write rule on these; every view and service that touches case content asks there."""

import calendar
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from bts_portal.content.translation import localized
from organisasjon.models import Tjeneste

from .due import DAY
from .errors import CaseClosed, CaseLocked, ConsentError
from .models import Samtykke, Stafettlogg

__all__ = ["ConsentError"]  # a member of the ``errors.CaseError`` family, raised here


@dataclass(frozen=True)
class Lock:
    """Why a case cannot be read or written now."""

    reason: str


def _active(today: date) -> Q:
    return Q(refused=False, withdrawn_at__isnull=True, valid_until__gte=today)


def active_consents(case: Stafettlogg, *, today: date | None = None) -> QuerySet[Samtykke]:
    return case.consents.filter(_active(today or timezone.localdate()))


def active_consent_rows(*, today: date | None = None) -> QuerySet[Samtykke]:
    """Every consent active today, of any case (for subqueries over many cases)."""
    return Samtykke.objects.filter(_active(today or timezone.localdate()))


def consents_ending(*, within_days: int, today: date | None = None) -> QuerySet[Samtykke]:
    """Active consents of open cases that end within ``within_days``: the ones to renew."""
    today = today or timezone.localdate()
    return Samtykke.objects.filter(
        _active(today),
        stafettlogg__status=Stafettlogg.Status.ACTIVE,
        valid_until__lte=today + timedelta(days=within_days),
    )


def covered_services(case: Stafettlogg) -> QuerySet[Tjeneste]:
    """The services the guardians' active consent names."""
    return covered_services_of(case.pk, today=timezone.localdate())


def covered_services_of(case_id: int, *, today: date) -> QuerySet[Tjeneste]:
    """``covered_services`` by the case's id, on ``today`` (a shape ``bts_portal.prepared``
    can compile: both are parameters)."""
    consents = active_consent_rows(today=today).filter(stafettlogg_id=case_id)
    return Tjeneste.objects.filter(consents__in=consents).distinct()


def services_covered_by(consents: list[Samtykke], *, today: date | None = None) -> list[Tjeneste]:
    """``covered_services`` from consents already loaded (with their services), in name
    order: the same rule as ``active_consents``, without another query."""
    today = today or timezone.localdate()
    active = [c for c in consents if not c.refused and c.withdrawn_at is None
              and c.valid_until >= today]  # fmt: skip
    services = {s.pk: s for c in active for s in c.services.all()}
    return sorted(services.values(), key=lambda s: (s.name, s.pk))


def lock(case: Stafettlogg) -> Lock | None:
    """None while the case may be read; otherwise why not (withdrawn or expired consent)."""
    if active_consents(case).exists():
        return None
    latest = case.consents.filter(refused=False).order_by("-given_on", "-pk").first()
    if latest is not None and latest.withdrawn_at is not None:
        return Lock(
            _("The guardians withdrew their consent on %(date)s. The log is locked.")
            % {"date": timezone.localtime(latest.withdrawn_at).strftime(DAY)}
        )
    if latest is not None:
        return Lock(
            _("The consent expired on %(date)s. The log is locked until a new consent is recorded.")
            % {"date": latest.valid_until.strftime(DAY)}
        )
    return Lock(_("There is no consent for this log. It is locked."))


def require_service_covered(case: Stafettlogg, tjeneste: Tjeneste) -> None:
    if not covered_services(case).filter(pk=tjeneste.pk).exists():
        raise ConsentError(
            _(
                "%(service)s is not named in the guardians' consent. Record a consent that "
                "covers it first."
            )
            % {"service": localized(tjeneste, "name")}
        )


def require_open(case: Stafettlogg) -> None:
    """Writing needs an active case with an active consent."""
    if not case.is_active:
        raise CaseClosed(_("The case is closed."))
    current = lock(case)
    if current is not None:
        raise CaseLocked(current.reason)


def age_on(born: date, day: date) -> int:
    """Whole years of age on ``day``."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def latest_valid_until(given_on: date) -> date:
    """A consent lasts at most ``CONSENT_MAX_MONTHS`` from the day it was given."""
    months = given_on.month - 1 + settings.CONSENT_MAX_MONTHS
    year, month = given_on.year + months // 12, months % 12 + 1
    # 31 January + 1 month is the last day of February.
    return date(year, month, min(given_on.day, calendar.monthrange(year, month)[1]))


def _named(name: str, given_by: str) -> bool:
    return " ".join(name.split()).casefold() in " ".join(given_by.split()).casefold()


def new_consent_problems(
    *,
    given_by: str,
    given_on: date,
    valid_until: date,
    child_basis: str,
    child_birth_date: date | None,
    guardian_names: list[str],
) -> dict[str, str]:
    """What is wrong with a consent about to be recorded, as {field: message}; empty if none.

    The guardians with parental responsibility give the consent, each named; a young person
    consents on their own only from ``CONSENT_AGE`` (a municipal setting, 15 or 16); and no
    consent lasts longer than ``CONSENT_MAX_MONTHS``, so that it is renewed with the family.
    """
    problems: dict[str, str] = {}
    if child_basis:
        if child_birth_date is None or age_on(child_birth_date, given_on) < settings.CONSENT_AGE:
            problems["child_basis"] = _(
                "The child can consent on their own only from %(age)s years of age."
            ) % {"age": settings.CONSENT_AGE}
    else:
        missing = [name for name in guardian_names if not _named(name, given_by)]
        if missing:
            problems["given_by"] = _(
                "Name every guardian with parental responsibility who gave the consent: %(names)s."
            ) % {"names": ", ".join(missing)}
    if valid_until < given_on:
        problems["valid_until"] = _("The consent cannot end before it was given.")
    elif (too_long := too_long_problem(given_on=given_on, valid_until=valid_until)) is not None:
        problems["valid_until"] = too_long
    return problems


def too_long_problem(*, given_on: date, valid_until: date) -> str | None:
    """None if a consent given on ``given_on`` may last until ``valid_until``; else why not."""
    latest = latest_valid_until(given_on)
    if valid_until <= latest:
        return None
    return _("A consent lasts at most %(months)s months: the latest end date is %(date)s.") % {
        "months": settings.CONSENT_MAX_MONTHS,
        "date": latest.strftime(DAY),
    }


def require_names_service(
    services: Collection[Tjeneste], tjeneste: Tjeneste, *, own: bool = False
) -> None:
    """A new consent names the baton holder's service (``own``: the one opening the log)."""
    if tjeneste in services:
        return
    if own:
        message = _("The consent must name your own service, %(service)s.")
    else:
        message = _("The consent must name the baton holder's service, %(service)s.")
    raise ConsentError(message % {"service": localized(tjeneste, "name")})


def require_not_ended(valid_until: date, *, today: date | None = None) -> None:
    """A consent recorded when a log is opened must not have ended already."""
    if valid_until < (today or timezone.localdate()):
        raise ConsentError(_("The consent's end date has already passed."))


def require_valid_new_consent(**facts: Any) -> None:
    problems = new_consent_problems(**facts)
    if problems:
        raise ConsentError(" ".join(problems.values()))


def why_locked(case: Stafettlogg) -> Lock:
    """Why the rule refuses a participant as locked: no active consent (``lock``), or one
    that does not name the participant's service (``scope_lock``)."""
    return lock(case) or scope_lock()


def scope_lock() -> Lock:
    """Why a participant whose service the active consent does not name cannot read."""
    return Lock(
        _(
            "The guardians' current consent does not name your service. The log is closed to "
            "you until a consent names it."
        )
    )
