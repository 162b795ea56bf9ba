"""Write operations on concerns and case logs. Each checks the consent through
``consent`` and grants or revokes access through guardian in the same transaction."""

from datetime import date

from django.db import transaction
from django.db.models import Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from guardian.shortcuts import assign_perm, remove_perm

from bts_portal import permissions
from organisasjon.models import Bruker, Tjeneste

from . import consent
from .models import (
    CaseChecklistStep,
    Deltaker,
    Foresatt,
    Innslag,
    MeldingTilBarnevern,
    Overforing,
    Samtykke,
    Stafettlogg,
    Undring,
)

CASE_PERMS = ("stafettlogg.view_stafettlogg", "stafettlogg.write_stafettlogg")


# --- Concerns (level 0) -------------------------------------------------------------------


@transaction.atomic
def undring_create(*, author: Bruker, tjeneste: Tjeneste, **fields) -> Undring:
    if not permissions.may_open_cases(author, tjeneste):
        raise consent.ConsentError(_("You do not work in %(service)s.") % {"service": tjeneste})
    return Undring.objects.create(author=author, tjeneste=tjeneste, **fields)


@transaction.atomic
def undring_close(*, undring: Undring, reason: str) -> None:
    undring.status = Undring.Status.CLOSED
    undring.closed_reason = reason
    undring.closed_at = timezone.now()
    undring.save(update_fields=["status", "closed_reason", "closed_at"])


@transaction.atomic
def undring_toggle_step(*, undring: Undring, key: str) -> None:
    done = set(undring.done_steps)
    done ^= {key}
    undring.done_steps = sorted(done)
    undring.save(update_fields=["done_steps"])


@transaction.atomic
def report_record(
    *, user: Bruker, tjeneste: Tjeneste, sent_on: date, undring=None, case=None
) -> MeldingTilBarnevern:
    """Record that a report to the child welfare service was sent (when and by whom only)."""
    report = MeldingTilBarnevern.objects.create(
        undring=undring, stafettlogg=case, tjeneste=tjeneste, sent_on=sent_on, sent_by=user
    )
    if case is not None:
        _entry(
            case,
            user,
            Innslag.Kind.REPORT,
            text=_("A report to the child welfare service was sent on %(date)s.")
            % {"date": sent_on.strftime("%d.%m.%Y")},
        )
    return report


@transaction.atomic
def refusal_record(*, undring: Undring, user: Bruker, given_by: str, services) -> Samtykke:
    """The guardians said no: recorded, and no case log is opened."""
    refusal = Samtykke.objects.create(
        undring=undring, given_by=given_by, method=Samtykke.Method.ORAL, refused=True,
        valid_until=timezone.localdate(), recorded_by=user,
    )  # fmt: skip
    refusal.services.set(services)
    return refusal


# --- Opening a case -----------------------------------------------------------------------


def _grant(case: Stafettlogg, user: Bruker) -> None:
    for perm in CASE_PERMS:
        assign_perm(perm, user, case)
    permissions.forget_case_perms(user)


def _revoke(case: Stafettlogg, user: Bruker) -> None:
    for perm in CASE_PERMS:
        remove_perm(perm, user, case)
    permissions.forget_case_perms(user)


def _entry(case: Stafettlogg, user, kind: str, **fields) -> Innslag:
    author_tjeneste = fields.pop("author_tjeneste", None)
    if author_tjeneste is None and user is not None:
        row = case.participants.filter(user=user, removed_at__isnull=True).first()
        author_tjeneste = row.tjeneste if row else None
    return Innslag.objects.create(
        stafettlogg=case, kind=kind, author=user, author_tjeneste=author_tjeneste, **fields
    )


@transaction.atomic
def stafettlogg_open(
    *,
    user: Bruker,
    tjeneste: Tjeneste,
    child_name: str,
    child_birth_date: date,
    guardians: list[dict],
    consent_data: dict,
    services,
    level: int = 1,
    undring: Undring | None = None,
) -> Stafettlogg:
    """Open a case log with its consent; the opener becomes baton holder and participant."""
    if not permissions.may_open_cases(user, tjeneste):
        raise consent.ConsentError(_("You do not work in %(service)s.") % {"service": tjeneste})
    services = list(services)
    if tjeneste not in services:
        raise consent.ConsentError(
            _("The consent must name your own service, %(service)s.") % {"service": tjeneste}
        )
    if consent_data["valid_until"] < timezone.localdate():
        raise consent.ConsentError(_("The consent's end date has already passed."))
    case = Stafettlogg.objects.create(
        child_name=child_name, child_birth_date=child_birth_date, level=level,
        start_level=level, stafettholder=user, tjeneste=tjeneste, undring=undring,
    )  # fmt: skip
    for guardian in guardians:
        Foresatt.objects.create(stafettlogg=case, **guardian)
    samtykke = Samtykke.objects.create(stafettlogg=case, recorded_by=user, **consent_data)
    samtykke.services.set(services)
    Deltaker.objects.create(stafettlogg=case, user=user, tjeneste=tjeneste, added_by=user)
    _grant(case, user)
    _entry(
        case,
        user,
        Innslag.Kind.CONSENT,
        author_tjeneste=tjeneste,
        text=_("Consent recorded for: %(services)s.")
        % {"services": ", ".join(s.name for s in services)},
    )
    if undring is not None:
        undring.status = Undring.Status.ESCALATED
        undring.closed_at = timezone.now()
        undring.save(update_fields=["status", "closed_at"])
    return case


# --- Working in a case --------------------------------------------------------------------


def _locked_case(case: Stafettlogg) -> Stafettlogg:
    """The case row locked for this transaction, so parallel writers queue up here."""
    return Stafettlogg.objects.select_for_update().get(pk=case.pk)


@transaction.atomic
def entry_add(*, case: Stafettlogg, user: Bruker, kind: str, **fields) -> Innslag:
    case = _locked_case(case)
    consent.require_open(case)
    entry = _entry(case, user, kind, **fields)
    if kind in {Innslag.Kind.MEASURE, Innslag.Kind.EVALUATION}:
        refresh_next_evaluation(case)
    return entry


@transaction.atomic
def correction_add(*, case: Stafettlogg, user: Bruker, corrects: Innslag, text: str) -> Innslag:
    return entry_add(
        case=case, user=user, kind=Innslag.Kind.CORRECTION, corrects=corrects, text=text
    )


def refresh_next_evaluation(case: Stafettlogg) -> None:
    """The earliest evaluate-by date of a measure that has not been evaluated since."""
    pending = case.entries.filter(kind=Innslag.Kind.MEASURE, evaluate_by__isnull=False).filter(
        ~Q(evaluations__created_at__isnull=False)
    )
    next_date = pending.aggregate(first=Min("evaluate_by"))["first"]
    Stafettlogg.objects.filter(pk=case.pk).update(next_evaluation=next_date)
    case.next_evaluation = next_date


@transaction.atomic
def level_change(*, case: Stafettlogg, user: Bruker, to_level: int, reason: str) -> Innslag:
    case = _locked_case(case)
    consent.require_open(case)
    entry = _entry(
        case, user, Innslag.Kind.LEVEL, from_level=case.level, to_level=to_level, text=reason
    )
    case.level = to_level
    case.level_started_on = timezone.localdate()
    case.save(update_fields=["level", "level_started_on"])
    return entry


@transaction.atomic
def participant_add(*, case: Stafettlogg, by: Bruker, user: Bruker, tjeneste: Tjeneste) -> Deltaker:
    """Add a participant from a service the consent names; they must work in that service."""
    case = _locked_case(case)
    consent.require_open(case)
    consent.require_service_covered(case, tjeneste)
    if not permissions.may_open_cases(user, tjeneste):
        raise consent.ConsentError(
            _("%(user)s does not work in %(service)s.") % {"user": user, "service": tjeneste}
        )
    participant, created = Deltaker.objects.get_or_create(
        stafettlogg=case, user=user, removed_at__isnull=True,
        defaults={"tjeneste": tjeneste, "added_by": by},
    )  # fmt: skip
    _grant(case, user)
    if created:
        _entry(
            case,
            by,
            Innslag.Kind.PARTICIPANT,
            text=_("%(user)s (%(service)s) takes part.") % {"user": user, "service": tjeneste},
        )
    return participant


@transaction.atomic
def consent_add(*, case: Stafettlogg, user: Bruker, consent_data: dict, services) -> Samtykke:
    """A new consent, e.g. naming another service before it joins (level 2)."""
    case = _locked_case(case)
    if not case.is_active:
        raise consent.ConsentError(_("The case is closed."))
    samtykke = Samtykke.objects.create(stafettlogg=case, recorded_by=user, **consent_data)
    samtykke.services.set(services)
    _entry(
        case,
        user,
        Innslag.Kind.CONSENT,
        text=_("Consent recorded for: %(services)s.")
        % {"services": ", ".join(s.name for s in services)},
    )
    return samtykke


@transaction.atomic
def consent_withdraw(*, case: Stafettlogg, user: Bruker, reason: str) -> int:
    """The guardians withdraw: every active consent ends now, and the log locks at once.
    Nothing is deleted by it."""
    case = _locked_case(case)
    count = consent.active_consents(case).update(
        withdrawn_at=timezone.now(), withdrawn_reason=reason
    )
    _entry(
        case,
        user,
        Innslag.Kind.CONSENT,
        text=_("The guardians withdrew their consent. %(reason)s") % {"reason": reason},
    )
    return count


@transaction.atomic
def handover_request(
    *, case: Stafettlogg, user: Bruker, to_user: Bruker, to_tjeneste: Tjeneste
) -> Overforing:
    case = _locked_case(case)
    consent.require_open(case)
    if case.stafettholder_id != user.pk:
        raise consent.ConsentError(_("Only the baton holder can hand the baton over."))
    if to_user.pk == user.pk:
        raise consent.ConsentError(_("You already hold the baton."))
    participant_add(case=case, by=user, user=to_user, tjeneste=to_tjeneste)
    case.handovers.filter(status=Overforing.Status.PENDING).update(
        status=Overforing.Status.DECLINED, answered_at=timezone.now()
    )
    handover = Overforing.objects.create(
        stafettlogg=case,
        from_user=user,
        to_user=to_user,
        from_tjeneste=case.tjeneste,
        to_tjeneste=to_tjeneste,
    )
    _entry(
        case,
        user,
        Innslag.Kind.HANDOVER,
        text=_("The baton is offered to %(user)s (%(service)s).")
        % {"user": to_user, "service": to_tjeneste},
    )
    return handover


@transaction.atomic
def handover_answer(*, handover: Overforing, user: Bruker, accept: bool) -> None:
    """The receiver accepts or declines; until accepted the giver keeps the baton."""
    case = _locked_case(handover.stafettlogg)
    consent.require_open(case)
    if handover.to_user_id != user.pk or handover.status != Overforing.Status.PENDING:
        raise consent.ConsentError(_("This hand-over is not waiting for your answer."))
    handover.status = Overforing.Status.ACCEPTED if accept else Overforing.Status.DECLINED
    handover.answered_at = timezone.now()
    handover.save(update_fields=["status", "answered_at"])
    if accept:
        case.stafettholder = user
        case.tjeneste = handover.to_tjeneste
        case.save(update_fields=["stafettholder", "tjeneste"])
        text = _("%(user)s accepted the baton.") % {"user": user}
    else:
        text = _("%(user)s declined the baton.") % {"user": user}
    _entry(case, user, Innslag.Kind.HANDOVER, text=text)


@transaction.atomic
def stafettholder_reassign(*, case: Stafettlogg, by: Bruker, new_holder: Bruker) -> None:
    """A leader or local administrator gives the baton to a colleague in the same service,
    e.g. when an employee leaves. They read no content doing it."""
    case = _locked_case(case)
    if not permissions.may_reassign(by, case):
        raise consent.ConsentError(_("You cannot reassign cases in this service."))
    if not permissions.may_open_cases(new_holder, case.tjeneste):
        raise consent.ConsentError(
            _("%(user)s does not work in %(service)s.")
            % {"user": new_holder, "service": case.tjeneste}
        )
    Deltaker.objects.get_or_create(
        stafettlogg=case, user=new_holder, removed_at__isnull=True,
        defaults={"tjeneste": case.tjeneste, "added_by": by},
    )  # fmt: skip
    _grant(case, new_holder)
    case.stafettholder = new_holder
    case.save(update_fields=["stafettholder"])
    _entry(
        case,
        by,
        Innslag.Kind.HANDOVER,
        author_tjeneste=case.tjeneste,
        text=_("The baton was reassigned to %(user)s by the service's administrator.")
        % {"user": new_holder},
    )


@transaction.atomic
def checklist_toggle(*, case: Stafettlogg, user: Bruker, key: str) -> bool:
    consent.require_open(case)
    done = CaseChecklistStep.objects.filter(stafettlogg=case, step_key=key)
    if done.exists():
        done.delete()
        return False
    CaseChecklistStep.objects.create(stafettlogg=case, step_key=key, done_by=user)
    return True


@transaction.atomic
def case_close(*, case: Stafettlogg, user: Bruker, reason: str, final_evaluation: str) -> None:
    case = _locked_case(case)
    consent.require_open(case)
    _entry(case, user, Innslag.Kind.CLOSURE, text=reason, next_step=final_evaluation)
    case.status = Stafettlogg.Status.CLOSED
    case.closed_at = timezone.now()
    case.closed_by = user
    case.next_evaluation = None
    case.save(update_fields=["status", "closed_at", "closed_by", "next_evaluation"])
