"""Inviting a guardian, binding the invitation to the person who logs in with it, and
revoking the link. Every change is race-safe: a conditional update or a row lock, so a
double click or two tabs leave one effect."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any
from uuid import UUID

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bts_portal.mail import send_later as send_email_later
from stafettlogg.models import Foresatt

from . import identity, sms
from .models import Invitasjon, Kobling

if TYPE_CHECKING:
    from organisasjon.models import Bruker
    from stafettlogg.models import Innslag, Stafettlogg


class InviteError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def invite(*, foresatt: Foresatt, channel: str, by: Bruker) -> Invitasjon:
    """A new single-use link for the guardian, sent by e-mail or SMS. An older link not yet
    used stops working: the newest one sent is the one that counts. The young person's row
    is invited only from ``CONSENT_AGE``, whichever form the holder used."""
    if foresatt.is_young_person:
        _require_of_age(foresatt.stafettlogg)
    if channel == Invitasjon.Channel.EMAIL and not foresatt.email:
        raise InviteError("no_address", _("The guardian has no e-mail address in the case."))
    if channel == Invitasjon.Channel.SMS and not foresatt.phone:
        raise InviteError("no_address", _("The guardian has no phone number in the case."))
    token, digest = identity.new_token()
    now = timezone.now()
    with transaction.atomic():
        Foresatt.objects.select_for_update().get(pk=foresatt.pk)
        Invitasjon.objects.filter(
            foresatt=foresatt, used_at__isnull=True, revoked_at__isnull=True
        ).update(revoked_at=now)
        invitation = Invitasjon.objects.create(
            foresatt=foresatt, token_hash=digest, channel=channel, sent_by=by, sent_at=now,
            expires_at=now + timedelta(days=settings.CITIZEN_INVITE_DAYS),
        )  # fmt: skip
        url = settings.PORTAL_BASE_URL + reverse("minside:invitation", args=[token])
        # No child data in the message: only the municipality, the link and its lifetime.
        context = {
            "url": url, "days": settings.CITIZEN_INVITE_DAYS, "kommune": settings.KOMMUNE_NAVN,
            "young": foresatt.is_young_person,
        }  # fmt: skip
        if channel == Invitasjon.Channel.SMS:
            sms.send_later(
                to=foresatt.phone, body=render_to_string("minside/invite_sms.txt", context)
            )
        else:
            send_email_later(
                subject=_("Invitation to My page – %(kommune)s") % context,
                body=render_to_string("minside/invite_email.txt", context),
                to=[foresatt.email],
            )
    return invitation


def _require_of_age(case: Stafettlogg, *, today: date | None = None) -> None:
    from stafettlogg.consent import age_on

    if age_on(case.child_birth_date, today or timezone.localdate()) < settings.CONSENT_AGE:
        raise InviteError(
            "under_age",
            _(
                "The young person can be invited to My page only from %(age)s years of age. "
                "Until then the guardians take part on the child's behalf."
            )
            % {"age": settings.CONSENT_AGE},
        )


def young_person_invite(
    *,
    case: Stafettlogg,
    channel: str,
    email: str = "",
    phone: str = "",
    by: Bruker,
    today: date | None = None,
) -> Invitasjon:
    """The holder invites the young person to My page as a party of their own, from
    ``CONSENT_AGE`` on the day (refused before). Their party row (``Foresatt`` with
    ``party = YOUNG_PERSON``, one per case) is made on the first invitation and keeps the
    address given; then the invitation goes as a guardian's does."""
    from stafettlogg.models import Stafettlogg

    _require_of_age(case, today=today)
    with transaction.atomic():
        case = Stafettlogg.objects.select_for_update().get(pk=case.pk)
        young = case.guardians.filter(party=Foresatt.Party.YOUNG_PERSON).first()
        if young is None:
            young = Foresatt.objects.create(
                stafettlogg=case, party=Foresatt.Party.YOUNG_PERSON, name=case.child_name,
                parental_responsibility=False, email=email, phone=phone,
            )  # fmt: skip
        elif email or phone:
            young.email, young.phone = email or young.email, phone or young.phone
            young.save(update_fields=["email", "phone"])
        return invite(foresatt=young, channel=channel, by=by)


def usable_invitation(token: str) -> Invitasjon | None:
    """The invitation a link names, if it may still be used (not used, revoked or expired)."""
    return (
        Invitasjon.objects.filter(
            token_hash=identity.token_hash(token),
            used_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .select_related("foresatt")
        .first()
    )


def bind(*, invitation_id: int, citizen: identity.Citizen) -> Kobling:
    """Bind the invitation's guardian to the citizen who logged in through it.

    - The link is single-use: the conditional update lets exactly one login use it.
    - A guardian row already bound to another person is never re-bound (refused, and the
      invitation stays unused for the holder to revoke); bound to the same person, the
      existing link stands.
    - One person may be linked to guardians of several cases (a parent of two children),
      but to only one guardian of the same case: one person cannot stand for both parents.
    A refusal raises ``InviteError`` and changes nothing.
    """
    now = timezone.now()
    with transaction.atomic():
        invitation = (
            Invitasjon.objects.select_for_update()
            .select_related("foresatt")
            .filter(pk=invitation_id)
            .first()
        )
        if invitation is None:
            raise InviteError("unusable", _("The link is no longer valid."))
        foresatt = Foresatt.objects.select_for_update().get(pk=invitation.foresatt_id)
        used = Invitasjon.objects.filter(
            pk=invitation.pk, used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
        ).update(used_at=now)
        if not used:
            raise InviteError("unusable", _("The link is no longer valid."))
        current = Kobling.objects.filter(foresatt=foresatt, revoked_at__isnull=True).first()
        if current is not None:
            if current.pid_hash != citizen.pid_hash:
                raise InviteError(
                    "other_person", _("This invitation is already linked to another person.")
                )
            return current
        if Kobling.objects.filter(
            pid_hash=citizen.pid_hash, revoked_at__isnull=True,
            foresatt__stafettlogg_id=foresatt.stafettlogg_id,
        ).exists():  # fmt: skip
            # Nor for a guardian and the young person: a guardian's login never acts as
            # the young person, nor the young person's as a guardian.
            raise InviteError(
                "same_case", _("You are already linked to this case as another party.")
            )
        try:
            with transaction.atomic():
                return Kobling.objects.create(
                    foresatt=foresatt, invitasjon=invitation, pid_hash=citizen.pid_hash
                )
        except IntegrityError as error:  # pragma: no cover - the row lock above prevents it
            raise InviteError("other_person", _("The link is no longer valid.")) from error


def revoke(*, foresatt: Foresatt, by: Bruker) -> bool:
    """End the guardian's link and any unused invitation. True if something was ended; a
    second click finds nothing left to end."""
    now = timezone.now()
    with transaction.atomic():
        links = Kobling.objects.filter(foresatt=foresatt, revoked_at__isnull=True).update(
            revoked_at=now, revoked_by=by
        )
        invitations = Invitasjon.objects.filter(
            foresatt=foresatt, used_at__isnull=True, revoked_at__isnull=True
        ).update(revoked_at=now)
    return bool(links or invitations)


def guardian_status(case: Stafettlogg) -> list[dict[str, Any]]:
    """Each guardian of the case with their link and pending invitation, for the holder."""
    guardians = list(case.guardians.all())
    links = {
        link.foresatt_id: link
        for link in Kobling.objects.filter(foresatt__in=guardians, revoked_at__isnull=True)
    }
    now = timezone.now()
    pending = {}
    for invitation in Invitasjon.objects.filter(
        foresatt__in=guardians, used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
    ).order_by("sent_at"):
        pending[invitation.foresatt_id] = invitation
    return [
        {"guardian": g, "link": links.get(g.pk), "invitation": pending.get(g.pk)} for g in guardians
    ]


def family_view_add(
    *, case: Stafettlogg, link: Kobling, text: str, token: UUID | None = None
) -> Innslag:
    """The family's own contribution to the log (an entry of the kind "the family's view"),
    written by a linked guardian while the log is open. The same form sent twice stores one
    entry; the guardian's name is kept in the entry, which is never changed."""
    from stafettlogg.consent import require_open
    from stafettlogg.models import Innslag, Stafettlogg

    with transaction.atomic():
        case = Stafettlogg.objects.select_for_update().get(pk=case.pk)
        current = (
            Kobling.objects.select_related("foresatt")
            .filter(pk=link.pk, revoked_at__isnull=True, foresatt__stafettlogg=case)
            .first()
        )
        if current is None:
            raise InviteError("unlinked", _("You are not linked to this case."))
        require_open(case)
        if token is not None:
            existing = case.entries.filter(request_token=token).first()
            if existing is not None:
                return existing
        return Innslag.objects.create(
            stafettlogg=case, kind=Innslag.Kind.FAMILY, text=text, request_token=token,
            family_author=current.foresatt.name,
        )  # fmt: skip


def links_end_with_case(*, case: Stafettlogg, by: Bruker | None = None) -> int:
    """A closed case ends every guardian link and unused invitation of it, so that the holder
    sees them as revoked and nothing is left to open (``case_close`` calls it)."""
    now = timezone.now()
    with transaction.atomic():
        guardians = case.guardians.all()
        ended = Kobling.objects.filter(foresatt__in=guardians, revoked_at__isnull=True).update(
            revoked_at=now, revoked_by=by
        )
        Invitasjon.objects.filter(
            foresatt__in=guardians, used_at__isnull=True, revoked_at__isnull=True
        ).update(revoked_at=now)
    return ended
