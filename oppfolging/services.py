"""Writing the follow-up records. Each service checks who may do it (bts_portal.permissions)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from bts_portal import permissions

from .models import Lesebekreftelse, Lesekrav, Mote, Motedeltakelse, Opplaering
from .selectors import read_list

if TYPE_CHECKING:
    from handlingsveileder.models import Niva
    from organisasjon.models import Bruker, Tjeneste
    from samhandling.models import Element


@transaction.atomic
def lesekrav_create(
    *,
    by: Bruker,
    element: Element | None = None,
    niva: Niva | None = None,
    roles: Iterable[str] = (),
    services: Iterable[Tjeneste] = (),
) -> Lesekrav:
    """The coordinator marks a model element, routine or guide level as required reading."""
    if not permissions.may_manage_follow_up(by):
        raise PermissionDenied
    requirement = Lesekrav(element=element, niva=niva, roles=list(roles), created_by=by)
    requirement.full_clean()
    requirement.save()
    requirement.services.set(services)
    return requirement


@transaction.atomic
def reading_confirm(*, user: Bruker, lesekrav: Lesekrav) -> Lesebekreftelse:
    """The employee confirms having read it; a second click is the same confirmation."""
    if not any(item.pk == lesekrav.pk for item, _done in read_list(user)):
        raise PermissionDenied
    existing = Lesebekreftelse.objects.filter(lesekrav=lesekrav, user=user).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Lesebekreftelse.objects.create(lesekrav=lesekrav, user=user)
    except IntegrityError:
        return Lesebekreftelse.objects.get(lesekrav=lesekrav, user=user)


@transaction.atomic
def training_record(
    *, by: Bruker, user: Bruker, tjeneste: Tjeneste, kind: str, title: str, held_on: date
) -> Opplaering:
    if not permissions.may_record_training(by, tjeneste):
        raise PermissionDenied
    return Opplaering.objects.create(
        user=user, tjeneste=tjeneste, kind=kind, title=title, held_on=held_on, recorded_by=by
    )


@transaction.atomic
def meeting_record(
    *, by: Bruker, kind: str, held_on: date, attendance: dict[Tjeneste, int]
) -> Mote:
    """A resource-group or forum meeting; ``attendance`` is {service: number present}."""
    if not permissions.may_manage_follow_up(by):
        raise PermissionDenied
    meeting = Mote.objects.create(kind=kind, held_on=held_on, recorded_by=by)
    Motedeltakelse.objects.bulk_create(
        Motedeltakelse(mote=meeting, tjeneste=tjeneste, attendees=n)
        for tjeneste, n in attendance.items()
        if n
    )
    return meeting
