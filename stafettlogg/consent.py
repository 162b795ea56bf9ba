"""Consent checks: the one place that says whether a case may be read and written, and which
services may take part. Every view and service that touches case content asks here."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from organisasjon.models import Tjeneste

from .models import Samtykke, Stafettlogg


class ConsentError(Exception):
    """An action the consent does not allow; the message is for the user, in Norwegian."""


@dataclass(frozen=True)
class Lock:
    """Why a case cannot be read or written now."""

    reason: str


def active_consents(case: Stafettlogg, *, today=None) -> QuerySet[Samtykke]:
    today = today or timezone.localdate()
    return case.consents.filter(refused=False, withdrawn_at__isnull=True, valid_until__gte=today)


def covered_services(case: Stafettlogg) -> QuerySet[Tjeneste]:
    """The services the guardians' active consent names."""
    return Tjeneste.objects.filter(consents__in=active_consents(case)).distinct()


def lock(case: Stafettlogg) -> Lock | None:
    """None while the case may be read; otherwise why not (withdrawn or expired consent)."""
    if active_consents(case).exists():
        return None
    latest = case.consents.filter(refused=False).order_by("-given_on", "-pk").first()
    if latest is not None and latest.withdrawn_at is not None:
        return Lock(
            _("The guardians withdrew their consent on %(date)s. The log is locked.")
            % {"date": timezone.localtime(latest.withdrawn_at).strftime("%d.%m.%Y")}
        )
    if latest is not None:
        return Lock(
            _("The consent expired on %(date)s. The log is locked until a new consent is recorded.")
            % {"date": latest.valid_until.strftime("%d.%m.%Y")}
        )
    return Lock(_("There is no consent for this log. It is locked."))


def require_service_covered(case: Stafettlogg, tjeneste: Tjeneste) -> None:
    if not covered_services(case).filter(pk=tjeneste.pk).exists():
        raise ConsentError(
            _(
                "%(service)s is not named in the guardians' consent. Record a consent that "
                "covers it first."
            )
            % {"service": tjeneste.name}
        )


def require_open(case: Stafettlogg) -> None:
    """Writing needs an active case with an active consent."""
    if not case.is_active:
        raise ConsentError(_("The case is closed."))
    current = lock(case)
    if current is not None:
        raise ConsentError(current.reason)
