"""Who may do what: the one place that answers every permission question in the portal.

Rights in a service are django-guardian object permissions on ``Tjeneste``, derived from the
user's memberships (``Medlemskap``) by ``sync_service_permissions``. Views and templates ask
the functions here; none of them looks at roles or memberships by itself.

Superusers get no shortcut: the rule that system administrators see no case content must
hold even for an account someone made with ``createsuperuser``. That is why the checks read
the permission rows directly instead of calling ``user.has_perm``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from guardian.models import UserObjectPermission
from guardian.shortcuts import assign_perm, remove_perm

from organisasjon.models import Medlemskap, Rolle, Tjeneste

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.db.models import QuerySet

    from organisasjon.models import Bruker


class ServicePerm(StrEnum):
    """Object permissions a user can hold on a service (codenames on ``Tjeneste``)."""

    ACCESS_AREA = "access_service_area"
    WORK = "work_in_service"
    VIEW_CASES = "view_service_cases"
    REASSIGN_STAFETTHOLDER = "reassign_stafettholder"
    EDIT_TILTAK = "edit_service_tiltak"
    VIEW_STATISTICS = "view_service_statistics"
    EDIT_CONTENT = "edit_service_content"
    VIEW_UNDRINGER = "view_service_undringer"


# What each role in a service may do there. The lokal administrator can reassign the baton
# and see case metadata but does not do case work, so reads no case content by this role.
ROLE_PERMISSIONS: dict[str, frozenset[ServicePerm]] = {
    Rolle.ANSATT: frozenset({ServicePerm.ACCESS_AREA, ServicePerm.WORK}),
    Rolle.BTI_KONTAKT: frozenset({ServicePerm.ACCESS_AREA, ServicePerm.WORK}),
    Rolle.LEDER: frozenset(
        {
            ServicePerm.ACCESS_AREA,
            ServicePerm.WORK,
            ServicePerm.VIEW_CASES,
            ServicePerm.REASSIGN_STAFETTHOLDER,
            ServicePerm.EDIT_TILTAK,
            ServicePerm.VIEW_STATISTICS,
            ServicePerm.EDIT_CONTENT,
            ServicePerm.VIEW_UNDRINGER,
        }
    ),
    Rolle.LOKAL_ADMINISTRATOR: frozenset(
        {
            ServicePerm.ACCESS_AREA,
            ServicePerm.VIEW_CASES,
            ServicePerm.REASSIGN_STAFETTHOLDER,
            ServicePerm.EDIT_TILTAK,
        }
    ),
}

_CACHE_ATTR = "_bts_service_perms"


def _qualified(perm: ServicePerm) -> str:
    return f"organisasjon.{perm}"


@transaction.atomic
def sync_service_permissions(*, user: Bruker, tjeneste: Tjeneste) -> set[ServicePerm]:
    """Make the user's object permissions on ``tjeneste`` exactly those its roles there grant.

    Called whenever a membership is added or removed. Revoking one role keeps what another
    remaining role still grants.
    """
    roles = Medlemskap.objects.filter(user=user, tjeneste=tjeneste).values_list("rolle", flat=True)
    wanted: set[ServicePerm] = set()
    for role in roles:
        wanted |= ROLE_PERMISSIONS[role]
    held = set(_service_perm_map(user, refresh=True).get(tjeneste.pk, set()))
    for perm in wanted - held:
        assign_perm(_qualified(perm), user, tjeneste)
    for perm in held - wanted:
        remove_perm(_qualified(perm), user, tjeneste)
    _forget(user)
    return wanted


def _forget(user: Bruker) -> None:
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def _service_perm_map(user: Bruker | AnonymousUser, *, refresh: bool = False) -> dict:
    """All of the user's service permissions as {tjeneste id: {perm}}, one query per request."""
    if not user.is_authenticated or not user.is_active:
        return {}
    if refresh:
        _forget(user)
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    rows = UserObjectPermission.objects.filter(
        user=user, content_type=ContentType.objects.get_for_model(Tjeneste)
    ).values_list("object_pk", "permission__codename")
    perm_map: dict[int, set[ServicePerm]] = defaultdict(set)
    known = {p.value for p in ServicePerm}
    for object_pk, codename in rows:
        if codename in known:
            perm_map[int(object_pk)].add(ServicePerm(codename))
    perm_map = dict(perm_map)
    setattr(user, _CACHE_ATTR, perm_map)
    return perm_map


def has_service_perm(user: Bruker | AnonymousUser, perm: ServicePerm, tjeneste: Tjeneste) -> bool:
    """May ``user`` do ``perm`` in ``tjeneste``?"""
    return perm in _service_perm_map(user).get(tjeneste.pk, set())


def has_any_service_perm(user: Bruker | AnonymousUser, perm: ServicePerm) -> bool:
    """Does ``user`` hold ``perm`` in at least one service?"""
    return any(perm in perms for perms in _service_perm_map(user).values())


def services_with_perm(user: Bruker | AnonymousUser, perm: ServicePerm) -> QuerySet[Tjeneste]:
    """The services in which ``user`` holds ``perm``, ordered by name."""
    ids = [pk for pk, perms in _service_perm_map(user).items() if perm in perms]
    return Tjeneste.objects.filter(pk__in=ids).order_by("name")


def is_coordinator(user: Bruker | AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_bts_coordinator)


def is_municipal_leader(user: Bruker | AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_municipal_leader)


def is_system_administrator(user: Bruker | AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)


def may_enter_staff_area(user: Bruker | AnonymousUser) -> bool:
    """Any role at all, in a service or for the whole municipality, opens the staff area."""
    return bool(
        _service_perm_map(user)
        or is_coordinator(user)
        or is_municipal_leader(user)
        or is_system_administrator(user)
    )


# --- Editable content (the model, pages, the guide, the catalogue) ------------------------


@dataclass(frozen=True)
class ContentPolicy:
    """Who may edit and publish one kind of content.

    The BTS coordinator may do everything. Where content has an owning service
    (``owner_field``), holders of ``owner_perm`` in that service edit it too: either only
    while it is a draft (the model), or fully, publishing included (the catalogue).
    """

    owner_field: str | None = None
    owner_perm: ServicePerm | None = None
    owners_publish: bool = False

    def _owns(self, user, obj) -> bool:
        if not self.owner_field or self.owner_perm is None:
            return False
        owner_id = getattr(obj, f"{self.owner_field}_id", None)
        return owner_id is not None and self.owner_perm in _service_perm_map(user).get(
            owner_id, set()
        )

    def may_manage(self, user) -> bool:
        """May open the list and create new items."""
        if is_coordinator(user):
            return True
        return self.owner_perm is not None and has_any_service_perm(user, self.owner_perm)

    def owner_services(self, user) -> QuerySet[Tjeneste]:
        if is_coordinator(user):
            return Tjeneste.objects.filter(is_active=True).order_by("name")
        if self.owner_perm is None:
            return Tjeneste.objects.none()
        return services_with_perm(user, self.owner_perm)

    def restrict(self, user, queryset: QuerySet) -> QuerySet:
        """The items of ``queryset`` the user may see in the editing list."""
        if is_coordinator(user):
            return queryset
        if not self.owner_field:
            return queryset.none()
        owned = self.owner_services(user).values("pk")
        return queryset.filter(**{f"{self.owner_field}__in": owned})

    def may_edit(self, user, obj) -> bool:
        if is_coordinator(user):
            return True
        if not self._owns(user, obj):
            return False
        return self.owners_publish or not obj.is_published

    def may_publish(self, user, obj=None) -> bool:
        if is_coordinator(user):
            return True
        return self.owners_publish and obj is not None and self._owns(user, obj)


# The model's elements: leaders prepare drafts for their own service; the coordinator publishes.
MODEL_CONTENT = ContentPolicy(owner_field="owner_tjeneste", owner_perm=ServicePerm.EDIT_CONTENT)
# Content without an owning service (pages, themes, meeting places, the guide).
COORDINATOR_CONTENT = ContentPolicy()
# The catalogue: a service's leader and local administrator keep its measures up to date.
SERVICE_MEASURES = ContentPolicy(
    owner_field="tjeneste", owner_perm=ServicePerm.EDIT_TILTAK, owners_publish=True
)


def may_manage_any_content(user: Bruker | AnonymousUser) -> bool:
    return any(
        policy.may_manage(user) for policy in (MODEL_CONTENT, COORDINATOR_CONTENT, SERVICE_MEASURES)
    )


# --- Case logs and concerns --------------------------------------------------------------
# A case is read only by its participants: the guardian rows are the truth, and no role
# (coordinator, system administrator, superuser, leader) reaches its content any other way.


def _case_perms(user, case) -> set[str]:
    if not user.is_authenticated or not user.is_active:
        return set()
    cache = user.__dict__.setdefault("_bts_case_perms", {})
    if case.pk not in cache:
        from guardian.shortcuts import get_user_perms

        cache[case.pk] = set(get_user_perms(user, case))
    return cache[case.pk]


def forget_case_perms(user) -> None:
    user.__dict__.pop("_bts_case_perms", None)


def may_read_case(user: Bruker | AnonymousUser, case) -> bool:
    return "view_stafettlogg" in _case_perms(user, case)


def may_write_case(user: Bruker | AnonymousUser, case) -> bool:
    return "write_stafettlogg" in _case_perms(user, case)


def is_stafettholder(user: Bruker | AnonymousUser, case) -> bool:
    return user.is_authenticated and case.stafettholder_id == user.pk and may_read_case(user, case)


def may_open_cases(user: Bruker | AnonymousUser, tjeneste: Tjeneste) -> bool:
    return has_service_perm(user, ServicePerm.WORK, tjeneste)


def may_see_case_list(user: Bruker | AnonymousUser, tjeneste: Tjeneste) -> bool:
    """Leaders and local administrators see their service's cases as metadata only."""
    return has_service_perm(user, ServicePerm.VIEW_CASES, tjeneste)


def may_reassign(user: Bruker | AnonymousUser, case) -> bool:
    return has_service_perm(user, ServicePerm.REASSIGN_STAFETTHOLDER, case.tjeneste)


def may_see_undring(user: Bruker | AnonymousUser, undring) -> bool:
    """Only its author and the leaders of the author's service see a concern (undring)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if undring.author_id == user.pk:
        return True
    return has_service_perm(user, ServicePerm.VIEW_UNDRINGER, undring.tjeneste)


# --- Statistics and the annual report ------------------------------------------------------


def may_see_municipal_statistics(user: Bruker | AnonymousUser) -> bool:
    return is_coordinator(user) or is_municipal_leader(user)


def statistics_services(user: Bruker | AnonymousUser) -> QuerySet[Tjeneste]:
    """The services whose statistics the user may see (leaders: their own)."""
    return services_with_perm(user, ServicePerm.VIEW_STATISTICS)


def may_see_statistics(user: Bruker | AnonymousUser) -> bool:
    return may_see_municipal_statistics(user) or has_any_service_perm(
        user, ServicePerm.VIEW_STATISTICS
    )


def may_generate_annual_report(user: Bruker | AnonymousUser) -> bool:
    return is_coordinator(user)


def may_download_report(user: Bruker | AnonymousUser, report) -> bool:
    """Leaders and the coordinator only: the municipality's report for municipal roles, a
    service's report also for that service's leaders."""
    if may_see_municipal_statistics(user):
        return True
    return report.tjeneste_id is not None and ServicePerm.VIEW_STATISTICS in _service_perm_map(
        user
    ).get(report.tjeneste_id, set())
