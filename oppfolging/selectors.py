"""Who must read what: the read list of one employee, and of everyone at once."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from organisasjon.models import Medlemskap

from .models import Lesebekreftelse, Lesekrav


def _requirements(*, before=None):
    requirements = Lesekrav.objects.select_related("element", "niva").prefetch_related("services")
    if before is not None:
        requirements = requirements.filter(created_at__lt=before)
    return list(requirements)


def _applies(requirement: Lesekrav, memberships: set[tuple[int, str]]) -> set[int]:
    """The services through which ``requirement`` applies to someone with ``memberships``
    ((service id, role) pairs): the service is chosen (or none is) and so is the role there."""
    wanted = {s.pk for s in requirement.services.all()}
    return {
        service
        for service, role in memberships
        if (not wanted or service in wanted)
        and (not requirement.roles or role in requirement.roles)
    }


def read_list(user) -> list[tuple[Lesekrav, bool]]:
    """The required reading that applies to ``user``, each with whether it is confirmed."""
    memberships = set(Medlemskap.objects.filter(user=user).values_list("tjeneste_id", "rolle"))
    confirmed = set(Lesebekreftelse.objects.filter(user=user).values_list("lesekrav_id", flat=True))
    return [
        (requirement, requirement.pk in confirmed)
        for requirement in _requirements()
        if _applies(requirement, memberships)
    ]


def unread_count(user) -> int:
    return sum(1 for _requirement, done in read_list(user) if not done)


def read_status_by_service(*, before=None) -> dict[int, dict[str, int]]:
    """{service id: {"due": n, "read": n}}: each (employee, required item) that applies
    through a membership in the service, and how many are confirmed. A fixed number of
    queries whatever the number of employees."""
    requirements = _requirements(before=before)
    memberships = defaultdict(set)
    for user_id, service, role in Medlemskap.objects.filter(user__is_active=True).values_list(
        "user_id", "tjeneste_id", "rolle"
    ):
        memberships[user_id].add((service, role))
    confirmations = Lesebekreftelse.objects.all()
    if before is not None:
        confirmations = confirmations.filter(confirmed_at__lt=before)
    confirmed = set(confirmations.values_list("user_id", "lesekrav_id"))
    result: defaultdict[Any, dict[str, int]] = defaultdict(lambda: {"due": 0, "read": 0})
    for user_id, pairs in memberships.items():
        for requirement in requirements:
            for service in _applies(requirement, pairs):
                result[service]["due"] += 1
                result[service]["read"] += (user_id, requirement.pk) in confirmed
    return result
