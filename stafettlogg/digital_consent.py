"""Digital consent on My page (issue 20): the baton holder asks, each guardian with parental
responsibility answers after an ID-porten login, and the consent is given when the parties
the municipality requires (``DIGITAL_CONSENT_REQUIRES``: "all" or "any") have confirmed,
with exactly the services every confirming party kept. A refusal is recorded as one.

The young person from ``CONSENT_AGE`` is a party of their own (a ``Foresatt`` row with
``party = YOUNG_PERSON``, invited by the holder): once they are of age and a party of the
case, they answer beside the guardians, and the consent needs their yes as well as the
guardians' (``DIGITAL_CONSENT_REQUIRES`` counts the guardians only). When the holder asks
under a legal basis for the young person's own consent (``child_basis``, as on paper), the
young person alone answers and the consent records that basis.

Every party who answered and has an e-mail address is told, in the language they answered
in, that their receipt is ready on My page: once for their own answer, and once more when
someone else's answer decides the request. The receipt itself stays behind the login.

Every change locks the case row and then the request row, in that order (as the staff
services lock the case), so two guardians confirming at the same moment give one consent.
The e-mails hold no child data: only that there is something to see on My page or in the
staff area, and a link.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from bts_portal import mail, permissions
from bts_portal.permissions import Denial
from organisasjon.models import Tjeneste

from . import consent, errors
from .errors import ConsentError
from .models import (
    Foresatt,
    Innslag,
    Samtykke,
    SamtykkeForesporsel,
    SamtykkeSvar,
    Stafettlogg,
)

Status = SamtykkeForesporsel.Status
Answer = SamtykkeSvar.Answer


def young_person(case: Stafettlogg, *, today: date | None = None) -> Foresatt | None:
    """The case's young person as a party, if they have one and are of ``CONSENT_AGE``."""
    today = today or timezone.localdate()
    if consent.age_on(case.child_birth_date, today) < settings.CONSENT_AGE:
        return None
    return case.guardians.filter(party=Foresatt.Party.YOUNG_PERSON).first()


def required_parties(case: Stafettlogg, *, child_basis: str = "") -> list[Foresatt]:
    """Who must answer: every guardian of the case with parental responsibility, and the
    young person once they are a party and of age; under a ``child_basis`` the young person
    alone."""
    young = young_person(case)
    if child_basis:
        return [young] if young else []
    guardians = list(
        case.guardians.filter(party=Foresatt.Party.GUARDIAN, parental_responsibility=True).order_by(
            "pk"
        )
    )
    return guardians + ([young] if young else [])


def open_request(case: Stafettlogg) -> SamtykkeForesporsel | None:
    return (
        case.consent_requests.filter(status=Status.OPEN)
        .prefetch_related("services", "answers__services")
        .first()
    )


def _locked(case: Stafettlogg) -> Stafettlogg:
    return Stafettlogg.objects.select_for_update().select_related("tjeneste").get(pk=case.pk)


def _notify(*, to: list[str], subject: str, body: str) -> None:
    to = sorted({address for address in to if address})
    if to:
        with translation.override(settings.LANGUAGE_CODE):
            mail.send_later(subject=str(subject), body=str(body), to=to)


def _minside_url() -> str:
    return settings.PORTAL_BASE_URL + reverse("minside:home")


def _case_url(case: Stafettlogg) -> str:
    return settings.PORTAL_BASE_URL + reverse("stafettlogg:consent", kwargs={"pk": case.pk})


def _linked_addresses(case: Stafettlogg, child_basis: str = "") -> list[str]:
    parties = [p.pk for p in required_parties(case, child_basis=child_basis)]
    return list(
        case.guardians.filter(pk__in=parties, citizen_links__revoked_at__isnull=True).values_list(
            "email", flat=True
        )
    )


def _ask_guardians(case: Stafettlogg, child_basis: str = "") -> None:
    with translation.override(settings.LANGUAGE_CODE):
        _notify(
            to=_linked_addresses(case, child_basis),
            subject=_("A consent request is waiting on My page – %(kommune)s")
            % {"kommune": settings.KOMMUNE_NAVN},
            body=_(
                "You have been asked for a consent. Log in to My page with ID-porten to read "
                "it and answer:\n%(url)s\n"
            )
            % {"url": _minside_url()},
        )


def request_create(
    *, case: Stafettlogg, by, purpose: str, services, valid_until: date, child_basis: str = ""
) -> SamtykkeForesporsel:
    """The baton holder asks the guardians for a digital consent. One open request per case;
    it names the holder's own service and lasts at most ``CONSENT_MAX_MONTHS``. With a
    ``child_basis`` the young person (of ``CONSENT_AGE``, and a party of the case) is asked
    alone."""
    services = list(services)
    today = timezone.localdate()
    with transaction.atomic():
        case = _locked(case)
        refusal = permissions.case_access(by, case).denial("record_consent")
        if refusal is not None:
            raise errors.refusal(refusal, _("Only the baton holder can do this."))
        consent.require_names_service(services, case.tjeneste)
        if valid_until <= today:
            raise ConsentError(_("The consent must end after today."), reason=Denial.INVALID)
        too_long = consent.too_long_problem(given_on=today, valid_until=valid_until)
        if too_long is not None:
            raise ConsentError(too_long, reason=Denial.INVALID)
        if child_basis and young_person(case) is None:
            raise ConsentError(
                _(
                    "The young person consents on their own only from %(age)s years of age, "
                    "and must first be invited to My page."
                )
                % {"age": settings.CONSENT_AGE},
                reason=Denial.INVALID,
            )
        if not required_parties(case, child_basis=child_basis):
            raise errors.InvalidRequest(
                _("The case has no guardian with parental responsibility to ask.")
            )
        try:
            with transaction.atomic():
                request = SamtykkeForesporsel.objects.create(
                    stafettlogg=case, purpose=purpose, valid_until=valid_until, created_by=by,
                    child_basis=child_basis,
                )  # fmt: skip
        except IntegrityError as error:
            raise errors.Conflict(
                _("A consent request is already waiting for the guardians. Cancel it first.")
            ) from error
        request.services.set(services)
        _ask_guardians(case, child_basis)
    return request


def request_cancel(*, case: Stafettlogg, by) -> bool:
    """The holder cancels the open request; a second click finds nothing to cancel."""
    with transaction.atomic():
        case = _locked(case)
        refusal = permissions.case_access(by, case).denial("hold")
        if refusal is not None:
            raise errors.refusal(refusal, _("Only the baton holder can do this."))
        return bool(
            case.consent_requests.filter(status=Status.OPEN).update(
                status=Status.CANCELLED, closed_at=timezone.now()
            )
        )


def _party(case: Stafettlogg, link) -> Foresatt:
    """The guardian the citizen's link stands for, read again under the case's lock: a link
    revoked meanwhile answers nothing."""
    from minside.models import Kobling

    link = (
        Kobling.objects.select_related("foresatt")
        # No link (None) matches no row.
        .filter(pk=getattr(link, "pk", None), revoked_at__isnull=True, foresatt__stafettlogg=case)  # type: ignore[misc]
        .first()
    )
    if link is None:
        raise errors.NotParticipant(_("You are not linked to this case."))
    if link.foresatt.is_young_person:
        if young_person(case) is None:
            raise ConsentError(
                _("You can answer a consent request on your own from %(age)s years of age.")
                % {"age": settings.CONSENT_AGE},
                reason=Denial.NOT_PERMITTED,
            )
        return link.foresatt
    if not link.foresatt.parental_responsibility:
        raise ConsentError(
            _("Only a guardian with parental responsibility answers a consent request."),
            reason=Denial.NOT_PERMITTED,
        )
    return link.foresatt


def answer(
    *, case: Stafettlogg, link, request_id: int, acr: str, accept: bool, services, language: str
) -> SamtykkeSvar:
    """One guardian's answer: yes to the services they kept ticked (the holder's own service
    always among them), or no. Once every required party has confirmed (or one, with
    ``DIGITAL_CONSENT_REQUIRES = "any"``) the consent is given with the services all of
    them kept; with "all" one no refuses it, with "any" only everyone's no does. The answer
    is to ``request_id``, the request the guardian read, only while it is the open one."""
    with transaction.atomic():
        case = _locked(case)
        request = (
            SamtykkeForesporsel.objects.select_for_update()
            .filter(pk=request_id, stafettlogg=case, status=Status.OPEN)
            .first()
        )
        if request is None:
            raise errors.Conflict(_("The consent request is no longer open."))
        foresatt = _party(case, link)
        if foresatt.pk not in {
            p.pk for p in required_parties(case, child_basis=request.child_basis)
        }:
            raise ConsentError(
                _("This consent request is for the young person alone."),
                reason=Denial.NOT_PERMITTED,
            )
        if request.valid_until <= timezone.localdate():
            raise errors.Conflict(
                _("The consent request has expired. Ask the baton holder for a new one.")
            )
        if request.answers.filter(foresatt=foresatt).exists():
            raise errors.Conflict(_("You have already answered."))
        proposed = {s.pk: s for s in request.services.all()}
        kept = {s.pk for s in services if s.pk in proposed} | {case.tjeneste_id}
        svar = SamtykkeSvar.objects.create(
            request=request, foresatt=foresatt, acr=acr or "", language=language[:8],
            answer=Answer.CONFIRMED if accept else Answer.REFUSED,
        )  # fmt: skip
        if accept:
            svar.services.set([proposed[pk] for pk in sorted(kept) if pk in proposed])
        decided = _conclude(case, request)
        _tell_parties(request, svar, decided=decided)
    return svar


def _conclude(case: Stafettlogg, request: SamtykkeForesporsel) -> bool:
    """Give or refuse the consent if the answers so far decide it (True); otherwise wait.

    ``DIGITAL_CONSENT_REQUIRES`` counts the guardians; the young person, when required,
    must confirm in any case, and their no refuses."""
    required = {g.pk: g for g in required_parties(case, child_basis=request.child_basis)}
    answers = [
        a for a in request.answers.prefetch_related("services").select_related("foresatt")
        if a.foresatt_id in required
    ]  # fmt: skip
    young = [pk for pk, party in required.items() if party.is_young_person]
    guardians = len(required) - len(young)
    confirmed = [a for a in answers if a.answer == Answer.CONFIRMED]
    refused = [a for a in answers if a.answer == Answer.REFUSED]
    young_yes = all(any(a.foresatt_id == pk for a in confirmed) for pk in young)
    young_no = any(a.foresatt_id in young for a in refused)
    guardians_yes = [a for a in confirmed if a.foresatt_id not in young]
    guardians_no = [a for a in refused if a.foresatt_id not in young]
    if settings.DIGITAL_CONSENT_REQUIRES == "any":
        guardians_agree = bool(guardians_yes) or not guardians
        guardians_refuse = bool(guardians) and len(guardians_no) == guardians
    else:
        guardians_agree = len(guardians_yes) == guardians
        guardians_refuse = bool(guardians_no)
    if young_no or guardians_refuse:
        _refuse(case, request, refused)
    elif young_yes and guardians_agree:
        _give(case, request, confirmed)
    else:
        return False
    return True


def _tell_parties(request: SamtykkeForesporsel, svar: SamtykkeSvar, *, decided: bool) -> None:
    """Each party who answered is told their receipt is ready on My page, in the language
    they answered in: the one answering now, and, when their answer decided the request,
    everyone else who answered. One message per party per answer; no child data (no name,
    no service, no case number), only the link to My page."""
    answers = list(request.answers.select_related("foresatt")) if decided else [svar]
    for party_answer in answers:
        address = party_answer.foresatt.email
        if not address:
            continue
        language = party_answer.language if party_answer.language in {"nb", "nn", "en"} else "nb"
        with translation.override(language):
            if not decided:
                what = _("Your answer to a consent request is recorded.")
            elif request.status == Status.ACTIVE:
                what = _("The consent you were asked for is now given.")
            else:
                what = _("The consent you were asked for is refused.")
            mail.send_later(
                subject=str(
                    _("Your receipt is ready on My page – %(kommune)s")
                    % {"kommune": settings.KOMMUNE_NAVN}
                ),
                body=f"{what}\n"
                + _(
                    "Your receipt is ready on My page. Log in with ID-porten to read and "
                    "download it:\n%(url)s\n"
                )
                % {"url": _minside_url()},
                to=[address],
            )


def _names(answers) -> str:
    return get_text_list([a.foresatt.name for a in answers], _("and"))


def _finish(request: SamtykkeForesporsel, status: str, samtykke: Samtykke) -> None:
    request.status, request.samtykke, request.closed_at = status, samtykke, timezone.now()
    request.save(update_fields=["status", "samtykke", "closed_at"])


def _give(case: Stafettlogg, request: SamtykkeForesporsel, confirmed) -> None:
    kept = set.intersection(*({s.pk for s in a.services.all()} for a in confirmed))
    services = list(Tjeneste.objects.filter(pk__in=kept).order_by("name", "pk"))
    samtykke = Samtykke.objects.create(
        stafettlogg=case, given_by=_names(confirmed), method=Samtykke.Method.DIGITAL,
        given_on=timezone.localdate(), valid_until=request.valid_until,
        recorded_by=request.created_by, child_basis=request.child_basis,
        auth_level=", ".join(sorted({a.acr for a in confirmed if a.acr})),
    )  # fmt: skip
    samtykke.services.set(services)
    if request.renews_id:
        # The renewal replaces the consent it renews: from now on exactly what the parties
        # kept is shared, not also what the old one named.
        consent.active_consents(case).filter(pk=request.renews_id).update(
            withdrawn_at=timezone.now(),
            withdrawn_reason=_("Replaced by the renewed consent given on My page."),
        )
    _finish(request, Status.ACTIVE, samtykke)
    Innslag.objects.create(
        stafettlogg=case, kind=Innslag.Kind.CONSENT,
        text=_("Consent given on My page (ID-porten) by %(names)s for: %(services)s.")
        % {"names": samtykke.given_by, "services": ", ".join(s.name for s in services)},
    )  # fmt: skip
    _tell_holder(case, _("The guardians have given their consent on My page."))


def _refuse(case: Stafettlogg, request: SamtykkeForesporsel, refused) -> None:
    samtykke = Samtykke.objects.create(
        stafettlogg=case, given_by=_names(refused), method=Samtykke.Method.DIGITAL,
        given_on=timezone.localdate(), valid_until=timezone.localdate(), refused=True,
        recorded_by=request.created_by,
        auth_level=", ".join(sorted({a.acr for a in refused if a.acr})),
    )  # fmt: skip
    samtykke.services.set(request.services.all())
    _finish(request, Status.REFUSED, samtykke)
    Innslag.objects.create(
        stafettlogg=case, kind=Innslag.Kind.CONSENT,
        text=_("%(names)s said no to the consent on My page.") % {"names": samtykke.given_by},
    )  # fmt: skip
    _tell_holder(case, _("A guardian has said no to the consent request on My page."))


def _tell_holder(case: Stafettlogg, what: str) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        _notify(
            to=[case.stafettholder.email] if case.stafettholder.is_active else [],
            subject=_("News about a consent in a case log"),
            body=f"{what}\n" + _("Log in to see it:\n%(url)s\n") % {"url": _case_url(case)},
        )


def withdraw(*, case: Stafettlogg, link) -> int:
    """A guardian withdraws the consent on My page: every active consent ends now and the log
    locks at once for the staff (the consent rule). The holder and the participants are told,
    with no child data. A second withdrawal finds nothing active and is refused."""
    with transaction.atomic():
        case = _locked(case)
        foresatt = _party(case, link)
        count = consent.active_consents(case).update(
            withdrawn_at=timezone.now(),
            withdrawn_reason=_("Withdrawn by %(name)s on My page.") % {"name": foresatt.name},
        )
        if not count:
            raise errors.CaseLocked(_("There is no active consent to withdraw."))
        case.consent_requests.filter(status=Status.OPEN).update(
            status=Status.CANCELLED, closed_at=timezone.now()
        )
        Innslag.objects.create(
            stafettlogg=case, kind=Innslag.Kind.CONSENT,
            text=_("%(name)s withdrew the consent on My page. The log is locked.")
            % {"name": foresatt.name},
        )  # fmt: skip
        staff = [case.stafettholder] + [
            p.user for p in case.participants.filter(removed_at__isnull=True).select_related("user")
        ]
        with translation.override(settings.LANGUAGE_CODE):
            _notify(
                to=[u.email for u in staff if u.is_active],
                subject=_("A consent was withdrawn"),
                body=_(
                    "The guardians have withdrawn a consent in a case log you take part in. "
                    "The log is locked. Log in to see it:\n%(url)s\n"
                )
                % {"url": settings.PORTAL_BASE_URL + case.get_absolute_url()},
            )
    return count


def renewal_request(*, samtykke: Samtykke) -> SamtykkeForesporsel | None:
    """A request to renew ``samtykke`` with the same services, for the longest period
    allowed from today; None if a request is already open (the guardians are asked again)."""
    case = samtykke.stafettlogg
    assert case is not None  # a consent given in a case (not on a concern) is renewed
    earlier = getattr(samtykke, "digital_request", None)
    with transaction.atomic():
        case = _locked(case)
        pending = case.consent_requests.filter(status=Status.OPEN).first()
        if pending is not None:
            _ask_guardians(case, pending.child_basis)
            return None
        request = SamtykkeForesporsel.objects.create(
            stafettlogg=case, renews=samtykke, created_by=case.stafettholder,
            valid_until=consent.latest_valid_until(timezone.localdate()),
            child_basis=earlier.child_basis if earlier else "",
            purpose=earlier.purpose if earlier else _(
                "To go on sharing information between the services named, as before."
            ),
        )  # fmt: skip
        request.services.set(samtykke.services.all())
        _ask_guardians(case, request.child_basis)
    return request
