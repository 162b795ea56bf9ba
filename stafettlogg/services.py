"""Write operations on concerns and case logs.

Each one locks the row it decides on (``select_for_update``, or a conditional UPDATE that
only one of two racing requests can win), asks the access rule in ``bts_portal.permissions``
about the current rows inside that transaction, and refuses with a member of the
``errors.CaseError`` family whose ``reason`` is the access-log code. A retried POST
carries the same ``token`` and is not stored twice.
"""

from collections.abc import Iterable
from datetime import date
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, Min, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from bts_portal import permissions
from bts_portal.content.translation import localized
from bts_portal.permissions import CaseAccess, Denial
from organisasjon.models import Bruker, Tjeneste

from . import checklist, consent, errors
from .due import DAY
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

# --- Concerns (level 0) -------------------------------------------------------------------


# The locking queries join nothing: on PostgreSQL a row locked with a join is re-checked
# against the join after the lock is won, and a concurrent change of the joined key (a
# baton accepted for another service) would make the row vanish from the result.


def _locked_undring(undring: Undring) -> Undring:
    return Undring.objects.select_for_update().get(pk=undring.pk)


def _require_undring_work(undring: Undring, user: Bruker) -> Undring:
    """The concern's row locked, and the user its author working on it while it is open."""
    undring = _locked_undring(undring)
    refusal = permissions.undring_access(user, undring).denial("work")
    if refusal is not None:
        raise errors.refusal(refusal, _("Only the author can change an open concern."))
    return undring


@transaction.atomic
def undring_create(*, author: Bruker, tjeneste: Tjeneste, **fields: Any) -> Undring:
    _require_works_in(author, tjeneste)
    undring = Undring(author=author, tjeneste=tjeneste, **fields)
    undring.done_steps = checklist.undring_steps_done(undring)
    undring.save()
    return undring


@transaction.atomic
def undring_update(*, undring: Undring, user: Bruker, **fields: Any) -> Undring:
    undring = _require_undring_work(undring, user)
    for name, value in fields.items():
        setattr(undring, name, value)
    undring.done_steps = checklist.undring_steps_done(undring)
    undring.save(update_fields=[*fields, "done_steps"])
    return undring


@transaction.atomic
def undring_close(*, undring: Undring, user: Bruker, reason: str) -> None:
    undring = _require_undring_work(undring, user)
    undring.status = Undring.Status.CLOSED
    undring.closed_reason = reason
    undring.closed_at = timezone.now()
    undring.save(update_fields=["status", "closed_reason", "closed_at"])


@transaction.atomic
def undring_set_step(*, undring: Undring, user: Bruker, key: str, done: bool) -> None:
    """Mark a level-0 step done or not done (setting, not toggling: a double click is one)."""
    undring = _require_undring_work(undring, user)
    steps = set(undring.done_steps)
    steps = steps | {key} if done else steps - {key}
    undring.done_steps = sorted(steps)
    undring.save(update_fields=["done_steps"])


@transaction.atomic
def report_record(
    *,
    user: Bruker,
    sent_on: date,
    undring: Undring | None = None,
    case: Stafettlogg | None = None,
    token: UUID | None = None,
) -> MeldingTilBarnevern:
    """Record that a report to the child welfare service was sent (when and by whom only)."""
    if case is not None:
        case, access = _require(case, user, "write")
        if token is not None and case.entries.filter(request_token=token).exists():
            latest: MeldingTilBarnevern = case.reports.latest("pk")
            return latest
        # The write right needs a participation, so the service is known.
        assert access.participant_service_id is not None
        tjeneste_id = access.participant_service_id
    else:
        assert undring is not None, "a report is about a case or a concern"
        undring = _require_undring_work(undring, user)
        tjeneste_id = undring.tjeneste_id
    report = MeldingTilBarnevern.objects.create(
        undring=undring, stafettlogg=case, tjeneste_id=tjeneste_id, sent_on=sent_on, sent_by=user
    )
    if case is not None:
        _entry(
            case,
            user,
            Innslag.Kind.REPORT,
            request_token=token,
            text=_("A report to the child welfare service was sent on %(date)s.")
            % {"date": sent_on.strftime(DAY)},
        )
    return report


@transaction.atomic
def refusal_record(
    *, undring: Undring, user: Bruker, given_by: str, services: Iterable[Tjeneste]
) -> Samtykke:
    """The guardians said no: recorded, and no case log is opened."""
    undring = _require_undring_work(undring, user)
    refusal = Samtykke.objects.create(
        undring=undring, given_by=given_by, method=Samtykke.Method.ORAL, refused=True,
        valid_until=timezone.localdate(), recorded_by=user,
    )  # fmt: skip
    refusal.services.set(services)
    return refusal


# --- The rule, applied inside the transaction ---------------------------------------------

_REFUSALS = {
    Denial.NOT_PARTICIPANT: lambda case: _("You do not take part in this case."),
    Denial.NOT_WRITABLE: lambda case: _("The case is closed."),
    Denial.LOCKED: lambda case: consent.why_locked(case).reason,
    Denial.NOT_PERMITTED: lambda case: _("Only the baton holder can do this."),
}


def _require_works_in(user: Bruker, tjeneste: Tjeneste) -> None:
    if not permissions.may_open_cases(user, tjeneste):
        raise errors.NotInService(
            _("You do not work in %(service)s.") % {"service": localized(tjeneste, "name")}
        )


def _locked_case(case: Stafettlogg) -> Stafettlogg:
    """The case row locked for this transaction, so parallel writers queue up here."""
    return Stafettlogg.objects.select_for_update().get(pk=case.pk)


def _require(
    case: Stafettlogg, user: Bruker, need: str, *, not_permitted: str = ""
) -> tuple[Stafettlogg, CaseAccess]:
    """Lock the case and check ``need`` for ``user`` on the rows as they are now."""
    case = _locked_case(case)
    access = permissions.case_access(user, case)
    _check(access, need, case, not_permitted=not_permitted)
    return case, access


def _check(access: CaseAccess, need: str, case: Stafettlogg, *, not_permitted: str = "") -> None:
    """Refuse unless the access rule grants ``need``; ``not_permitted`` words that refusal."""
    refusal = access.denial(need)
    if refusal is None:
        return
    if refusal == Denial.NOT_PERMITTED and not_permitted:
        raise errors.refusal(refusal, not_permitted)
    raise errors.refusal(refusal, _REFUSALS[refusal](case))


def _entry(case: Stafettlogg, user: Bruker | None, kind: str, **fields: Any) -> Innslag:
    author_tjeneste = fields.pop("author_tjeneste", None)
    if author_tjeneste is None and user is not None:
        row = case.participants.filter(user=user, removed_at__isnull=True).first()
        author_tjeneste = row.tjeneste if row else None
    entry = Innslag.objects.create(
        stafettlogg=case, kind=kind, author=user, author_tjeneste=author_tjeneste, **fields
    )
    _tick_steps_done_by(case, kind, user or case.stafettholder)
    return entry


def _tick_steps_done_by(case: Stafettlogg, kind: str, user: Bruker) -> None:
    """An entry that does a step of the case's level ticks it (the guide says which)."""
    for key in checklist.step_keys_done_by(case.level, kind):
        try:
            with transaction.atomic():
                CaseChecklistStep.objects.get_or_create(
                    stafettlogg=case, step_key=key, defaults={"done_by": user}
                )
        except IntegrityError:
            pass  # ticked at the same moment by another request


def _guardian_names(case: Stafettlogg) -> list[str]:
    return list(case.guardians.filter(parental_responsibility=True).values_list("name", flat=True))


# --- Opening a case -----------------------------------------------------------------------


@transaction.atomic
def stafettlogg_open(
    *,
    user: Bruker,
    tjeneste: Tjeneste,
    child_name: str,
    child_birth_date: date,
    guardians: list[dict[str, Any]],
    consent_data: dict[str, Any],
    services: Iterable[Tjeneste],
    level: int = 1,
    undring: Undring | None = None,
    token: UUID | None = None,
) -> Stafettlogg:
    """Open a case log with its consent; the opener becomes baton holder and participant."""
    if token is not None:
        existing = Stafettlogg.objects.filter(request_token=token, stafettholder=user).first()
        if existing is not None:
            return existing
    _require_works_in(user, tjeneste)
    services = list(services)
    consent.require_names_service(services, tjeneste, own=True)
    consent.require_not_ended(consent_data["valid_until"])
    consent.require_valid_new_consent(
        given_by=consent_data["given_by"], given_on=consent_data["given_on"],
        valid_until=consent_data["valid_until"], child_basis=consent_data.get("child_basis", ""),
        child_birth_date=child_birth_date,
        guardian_names=[g["name"] for g in guardians if g.get("parental_responsibility", True)],
    )  # fmt: skip
    if undring is not None:
        # Only one case log comes out of a concern, also when two requests race for it.
        escalated = Undring.objects.filter(
            pk=undring.pk, status=Undring.Status.OPEN, author=user
        ).update(status=Undring.Status.ESCALATED, closed_at=timezone.now())
        if not escalated:
            raise errors.Conflict(_("This concern is no longer open."))
    case = Stafettlogg.objects.create(
        child_name=child_name, child_birth_date=child_birth_date, level=level,
        start_level=level, stafettholder=user, tjeneste=tjeneste, undring=undring,
        request_token=token,
    )  # fmt: skip
    for guardian in guardians:
        Foresatt.objects.create(stafettlogg=case, **guardian)
    samtykke = Samtykke.objects.create(stafettlogg=case, recorded_by=user, **consent_data)
    samtykke.services.set(services)
    Deltaker.objects.create(stafettlogg=case, user=user, tjeneste=tjeneste, added_by=user)
    _entry(
        case,
        user,
        Innslag.Kind.CONSENT,
        author_tjeneste=tjeneste,
        text=_("Consent recorded for: %(services)s.")
        % {"services": ", ".join(s.name for s in services)},
    )
    if undring is not None:
        _carry_over(case, user, undring)
    return case


def _carry_over(case: Stafettlogg, user: Bruker, undring: Undring) -> None:
    """What was written at level 0 goes on in the log, so that nothing is typed twice (by the
    opener, in the service they opened it in: their participation's)."""
    opened = timezone.localdate(undring.created_at).strftime(DAY)
    notes = [_("From the concern registered on %(date)s:") % {"date": opened}, undring.observation]
    if undring.discussed_with or undring.discussed_on:
        notes.append(
            _("Discussed with %(who)s on %(date)s.")
            % {
                "who": undring.discussed_with or "–",
                "date": undring.discussed_on.strftime(DAY) if undring.discussed_on else "–",
            }
        )
    _entry(case, user, Innslag.Kind.OBSERVATION, text="\n".join(notes))
    if undring.conversation_on or undring.conversation_notes:
        when = undring.conversation_on.strftime(DAY) if undring.conversation_on else "–"
        _entry(
            case, user, Innslag.Kind.CONVERSATION,
            text=_("The necessary conversation on %(date)s: %(notes)s")
            % {"date": when, "notes": undring.conversation_notes or "–"},
        )  # fmt: skip


# --- Working in a case --------------------------------------------------------------------


@transaction.atomic
def entry_add(
    *, case: Stafettlogg, user: Bruker, kind: str, token: UUID | None = None, **fields: Any
) -> Innslag:
    case, _access = _require(case, user, "write")
    if token is not None:
        # The same form sent twice (a double click, a retry after a lost answer): one entry.
        existing = case.entries.filter(request_token=token).first()
        if existing is not None:
            return existing
    entry = _entry(case, user, kind, request_token=token, **fields)
    if kind in {Innslag.Kind.MEASURE, Innslag.Kind.EVALUATION}:
        refresh_next_evaluation(case)
    return entry


@transaction.atomic
def correction_add(
    *, case: Stafettlogg, user: Bruker, corrects: Innslag, text: str, token: UUID | None = None
) -> Innslag:
    return entry_add(
        case=case, user=user, kind=Innslag.Kind.CORRECTION, corrects=corrects, text=text,
        token=token,
    )  # fmt: skip


def next_evaluation_date(case: Stafettlogg) -> date | None:
    """When the case is next evaluated: the date the latest evaluation set, or an earlier
    evaluate-by date of a measure that no evaluation has covered since it was added (an
    evaluation of that measure, or of the whole plan)."""
    evaluations = case.entries.filter(kind=Innslag.Kind.EVALUATION)
    covered = Exists(
        evaluations.filter(created_at__gt=OuterRef("created_at")).filter(
            Q(measure=OuterRef("pk")) | Q(measure__isnull=True)
        )
    )
    pending = (
        case.entries.filter(kind=Innslag.Kind.MEASURE)  # Min leaves out those without a date
        .exclude(covered)
        .aggregate(first=Min("evaluate_by"))["first"]
    )
    latest = evaluations.order_by("-created_at", "-pk").values_list("evaluate_by", flat=True)[:1]
    dates = [d for d in (pending, *latest) if d is not None]
    return min(dates) if dates else None


def entry_setting_next_evaluation(case: Stafettlogg) -> Innslag | None:
    """The entry whose date is the case's next evaluation: the latest evaluation that set
    it, or the pending measure due then (what a reminder is about)."""
    if case.next_evaluation is None:
        return None
    latest = case.entries.filter(kind=Innslag.Kind.EVALUATION).order_by("-created_at", "-pk")
    first = latest.first()
    if first is not None and first.evaluate_by == case.next_evaluation:
        return first
    return (
        case.entries.filter(kind=Innslag.Kind.MEASURE, evaluate_by=case.next_evaluation)
        # Ties on the time go by pk; SQLite returns them in pk order anyway, so only
        # PostgreSQL could tell the tie-break's mutant apart.
        .order_by("created_at", "pk")  # pragma: no mutate
        .first()
    )


def refresh_next_evaluation(case: Stafettlogg) -> None:
    next_date = next_evaluation_date(case)
    Stafettlogg.objects.filter(pk=case.pk).update(next_evaluation=next_date)
    case.next_evaluation = next_date


@transaction.atomic
def level_change(
    *, case: Stafettlogg, user: Bruker, to_level: int, reason: str, token: UUID | None = None
) -> Innslag:
    case, _access = _require(case, user, "write")
    if token is not None and case.entries.filter(request_token=token).exists():
        return case.entries.get(request_token=token)
    if to_level == case.level:
        raise errors.Conflict(_("The case is already at level %(level)s.") % {"level": to_level})
    entry = _entry(
        case, user, Innslag.Kind.LEVEL, from_level=case.level, to_level=to_level, text=reason,
        request_token=token,
    )  # fmt: skip
    case.level = to_level
    case.level_started_on = timezone.localdate()
    case.save(update_fields=["level", "level_started_on"])
    return entry


def _take_part(case: Stafettlogg, *, by: Bruker, user: Bruker, tjeneste: Tjeneste) -> Deltaker:
    """The user's active participation for ``tjeneste`` (made if missing; the case is locked)."""
    consent.require_service_covered(case, tjeneste)
    if not permissions.may_take_part(user, case, tjeneste):
        raise errors.NotInService(
            _("%(user)s does not work in %(service)s.")
            % {"user": user, "service": localized(tjeneste, "name")},
            reason=Denial.INVALID,
        )
    current = case.participants.filter(user=user, removed_at__isnull=True).first()
    if current is not None and current.tjeneste_id == tjeneste.pk:
        return current
    if current is not None:
        # One participation at a time: it moves to the new service, and the old one is kept.
        # (Conditional because participations_end locks participations, not the case: only a
        # race between the two can tell, so the condition is not mutated.)
        Deltaker.objects.filter(
            pk=current.pk,
            removed_at__isnull=True,  # pragma: no mutate
        ).update(removed_at=timezone.now())
    return Deltaker.objects.create(stafettlogg=case, user=user, tjeneste=tjeneste, added_by=by)


@transaction.atomic
def participant_add(*, case: Stafettlogg, by: Bruker, user: Bruker, tjeneste: Tjeneste) -> Deltaker:
    """Add a participant from a service the consent names; they must work in that service."""
    case, _access = _require(case, by, "write")
    already = case.participants.filter(user=user, tjeneste=tjeneste, removed_at__isnull=True)
    if already.exists():
        return already.get()
    if user.pk == case.stafettholder_id:
        raise errors.InvalidRequest(
            _("The baton holder takes part for %(service)s.")
            % {"service": localized(case.tjeneste, "name")}
        )
    participant = _take_part(case, by=by, user=user, tjeneste=tjeneste)
    _entry(
        case,
        by,
        Innslag.Kind.PARTICIPANT,
        text=_("%(user)s (%(service)s) takes part.") % {"user": user, "service": tjeneste},
    )
    return participant


@transaction.atomic
def participant_remove(*, case: Stafettlogg, by: Bruker, participant: Deltaker) -> None:
    """The baton holder ends someone's participation, or a participant leaves the case.
    The baton holder stays until the baton is handed on."""
    leaving = participant.user_id == by.pk
    case, access = _require(case, by, "write" if not leaving else "knows")
    if participant.user_id == case.stafettholder_id:
        raise errors.Conflict(_("The baton holder takes part until the baton is handed on."))
    if not leaving:
        _check(access, "hand_over", case)  # only the baton holder ends another's participation
    ended = Deltaker.objects.filter(
        pk=participant.pk, stafettlogg=case, removed_at__isnull=True
    ).update(removed_at=timezone.now())
    if not ended:
        raise errors.Conflict(_("The participation has already ended."))
    if case.is_active and consent.lock(case) is None:
        _entry(
            case,
            by,
            Innslag.Kind.PARTICIPANT,
            author_tjeneste=participant.tjeneste,
            text=_("%(user)s (%(service)s) no longer takes part.")
            % {"user": participant.user, "service": participant.tjeneste},
        )


def participations_end(*, user: Bruker, tjeneste: Tjeneste) -> int:
    """The user no longer works in ``tjeneste``: every participation for it ends now.

    Called by ``bts_portal.permissions.sync_service_permissions`` inside the transaction that
    removed the work right. An open, unlocked log says so in its timeline; a closed or locked
    one is not written to, and the participant list keeps the end date.
    """
    rows = list(
        # Locks the participations, not their logs (PostgreSQL; SQLite takes no row locks).
        Deltaker.objects.select_for_update(of=("self",))  # pragma: no mutate
        .filter(user=user, tjeneste=tjeneste, removed_at__isnull=True)
        .select_related("stafettlogg")
    )
    # Locked, so none of them can end in between.
    Deltaker.objects.filter(pk__in=[row.pk for row in rows]).update(removed_at=timezone.now())
    for row in rows:
        case = row.stafettlogg
        if case.is_active and consent.lock(case) is None:
            _entry(
                case,
                None,
                Innslag.Kind.PARTICIPANT,
                author_tjeneste=tjeneste,
                text=_("%(user)s no longer takes part: they no longer work in %(service)s.")
                % {"user": user, "service": tjeneste},
            )
    return len(rows)


@transaction.atomic
def consent_add(
    *,
    case: Stafettlogg,
    user: Bruker,
    consent_data: dict[str, Any],
    services: Iterable[Tjeneste],
) -> Samtykke:
    """A new consent: naming another service before it joins (level 2), renewing one before
    it expires, or opening a locked log again. The baton holder's act alone; it must name
    the guardians and the baton holder's own service, and lasts at most a year."""
    case, _access = _require(case, user, "record_consent")
    services = list(services)
    consent.require_names_service(services, case.tjeneste)
    consent.require_valid_new_consent(
        given_by=consent_data["given_by"], given_on=consent_data["given_on"],
        valid_until=consent_data["valid_until"], child_basis=consent_data.get("child_basis", ""),
        child_birth_date=case.child_birth_date, guardian_names=_guardian_names(case),
    )  # fmt: skip
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
    Nothing is deleted by it. A second withdrawal finds the log locked and is refused."""
    case, _access = _require(case, user, "write")
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
    case, _access = _require(
        case, user, "hand_over", not_permitted=_("Only the baton holder can hand the baton over.")
    )
    if to_user.pk == user.pk:
        raise errors.InvalidRequest(_("You already hold the baton."))
    # The receiver takes part first, also when the same offer is pending already: their
    # participation may have ended since it was made, and they must read what they accept.
    _take_part(case, by=user, user=to_user, tjeneste=to_tjeneste)
    pending = case.handovers.filter(status=Overforing.Status.PENDING)
    same = pending.filter(to_user=to_user, to_tjeneste=to_tjeneste).first()
    if same is not None:
        return same  # offered already (a double click)
    pending.update(status=Overforing.Status.DECLINED, answered_at=timezone.now())
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
    """The receiver accepts or declines; until accepted the giver keeps the baton. Only the
    first answer counts, and only while the one who offered still holds the baton."""
    case, _access = _require(handover.stafettlogg, user, "write")
    answered = Overforing.objects.filter(
        pk=handover.pk,
        stafettlogg=case,
        to_user=user,
        from_user_id=case.stafettholder_id,
        status=Overforing.Status.PENDING,
    ).update(
        status=Overforing.Status.ACCEPTED if accept else Overforing.Status.DECLINED,
        answered_at=timezone.now(),
    )
    if not answered:
        raise errors.Conflict(_("This hand-over is not waiting for your answer."))
    handover.refresh_from_db()
    if accept:
        if not permissions.may_take_part(user, case, handover.to_tjeneste):
            raise errors.NotInService(
                _("You cannot hold the baton for %(service)s now.")
                % {"service": localized(handover.to_tjeneste, "name")},
                reason=Denial.CONFLICT,
            )
        _take_part(case, by=user, user=user, tjeneste=handover.to_tjeneste)
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
    e.g. when an employee leaves. The new holder gains access; the one who reassigns does
    not, and reads no content doing it (``permissions.reassign_refusal`` says who may)."""
    case = _locked_case(case)
    refusal = permissions.reassign_refusal(by, case, new_holder)
    if refusal is not None:
        raise errors.NotPermitted(refusal)
    _take_part(case, by=by, user=new_holder, tjeneste=case.tjeneste)
    case.handovers.filter(status=Overforing.Status.PENDING).update(
        status=Overforing.Status.DECLINED, answered_at=timezone.now()
    )
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
def checklist_set(*, case: Stafettlogg, user: Bruker, key: str, done: bool) -> bool:
    """Mark a guide step done or not done in the case. Setting, not toggling: two clicks on
    the same button, or two people at once, leave one mark."""
    case, _access = _require(case, user, "write")
    if not done:
        CaseChecklistStep.objects.filter(stafettlogg=case, step_key=key).delete()
        return False
    try:
        with transaction.atomic():
            CaseChecklistStep.objects.get_or_create(
                stafettlogg=case, step_key=key, defaults={"done_by": user}
            )
    except IntegrityError:
        pass  # the other request marked it first: one mark, as wanted
    return True


@transaction.atomic
def case_close(
    *,
    case: Stafettlogg,
    user: Bruker,
    reason: str,
    final_evaluation: str,
    token: UUID | None = None,
) -> None:
    """The baton holder closes the case with a reason and the final evaluation."""
    case, _access = _require(
        case, user, "hand_over", not_permitted=_("Only the baton holder can close the case.")
    )
    _entry(
        case, user, Innslag.Kind.CLOSURE, text=reason, next_step=final_evaluation,
        request_token=token,
    )  # fmt: skip
    case.status = Stafettlogg.Status.CLOSED
    case.closed_at = timezone.now()
    case.closed_by = user
    case.next_evaluation = None
    case.save(update_fields=["status", "closed_at", "closed_by", "next_evaluation"])
    from minside.services import links_end_with_case  # My page builds on the case logs

    links_end_with_case(case=case, by=user)  # the family's links end with the case
    if getattr(settings, "ARCHIVE_ON_CLOSE", False):  # the archive package, once committed
        transaction.on_commit(lambda: archive_closed_case(case_id=case.pk))


def archive_closed_case(*, case_id: int) -> None:
    from arkiv.services import package_request  # the archive app builds on this one

    package_request(case_id=case_id)
