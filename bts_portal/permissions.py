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
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from guardian.models import UserObjectPermission
from guardian.shortcuts import assign_perm, remove_perm

from organisasjon.models import Medlemskap, Rolle, Tjeneste

from .prepared import prepared

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.db.models import Model, QuerySet

    from minside.identity import Citizen
    from minside.models import Kobling
    from organisasjon.models import Bruker
    from stafettlogg.models import Stafettlogg, Undring
    from statistikk.models import ReportFile


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
M = TypeVar("M", bound="Model")


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
    # What is held is read from the rows themselves, also for a deactivated account (whose
    # rights the request-time map treats as empty), so a revocation is never skipped.
    known = {p.value for p in ServicePerm}
    held = {
        ServicePerm(codename)
        for codename in UserObjectPermission.objects.filter(
            user=user,
            content_type=ContentType.objects.get_for_model(Tjeneste),
            object_pk=str(tjeneste.pk),
        ).values_list("permission__codename", flat=True)
        if codename in known
    }
    for perm in wanted - held:
        assign_perm(_qualified(perm), user, tjeneste)
    for perm in held - wanted:
        remove_perm(_qualified(perm), user, tjeneste)
    _forget(user)
    if ServicePerm.WORK not in wanted:
        # Whoever no longer works in a service no longer takes part in cases for it: their
        # participations end in this transaction (the case rule would refuse them anyway).
        from stafettlogg.services import participations_end

        participations_end(user=user, tjeneste=tjeneste)
    return wanted


def _forget(user: Bruker) -> None:
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


@prepared(user_id=int, content_type_id=int)
def _service_perm_rows(user_id: int, content_type_id: int) -> QuerySet[Any, Any]:
    return UserObjectPermission.objects.filter(
        user_id=user_id, content_type_id=content_type_id
    ).values_list("object_pk", "permission__codename")


def _service_perm_map(user: Bruker | AnonymousUser) -> dict[int, set[ServicePerm]]:
    """All of the user's service permissions as {tjeneste id: {perm}}, one query per request."""
    if not user.is_authenticated or not user.is_active:
        return {}
    cached: dict[int, set[ServicePerm]] | None = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    service_type = ContentType.objects.get_for_model(Tjeneste)  # kept by Django per process
    rows = _service_perm_rows.fetch(user_id=user.pk, content_type_id=service_type.pk)
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
    """Who may edit, publish and approve changes to one kind of content.

    The BTS coordinator may do everything. Where content has an owning service
    (``owner_field``), holders of ``owner_perm`` in that service edit it too. Nobody's edit of a
    *published* item reaches the public at once: it becomes a change proposal
    (``Endringsforslag``) that waits for ``may_approve``; a draft is saved as it is.

    Approving, publishing and unpublishing are one right, since each changes what the public
    sees: the coordinator's, and where ``leader_approval_setting`` names a setting that is on
    (the catalogue: ``MEASURE_APPROVAL_BY_SERVICE_LEADER``), also the owning service's leader
    (``leader_perm``, a right the leader holds and the local administrator does not).
    ``owners_review`` lets owners mark their items as reviewed, which changes no text.
    """

    owner_field: str | None = None
    owner_perm: ServicePerm | None = None
    leader_approval_setting: str | None = None
    leader_perm: ServicePerm = ServicePerm.EDIT_CONTENT
    owners_review: bool = False

    def _owns(
        self, user: Bruker | AnonymousUser, obj: Model, perm: ServicePerm | None = None
    ) -> bool:
        perm = perm or self.owner_perm
        if not self.owner_field or perm is None:
            return False
        owner_id = getattr(obj, f"{self.owner_field}_id", None)
        return owner_id is not None and perm in _service_perm_map(user).get(owner_id, set())

    def _leads(self, user: Bruker | AnonymousUser, obj: Model) -> bool:
        """The owning service's leader, where the setting gives leaders the approval."""
        if not self.leader_approval_setting:
            return False
        if not getattr(settings, self.leader_approval_setting, False):
            return False
        return self._owns(user, obj) and self._owns(user, obj, self.leader_perm)

    def may_manage(self, user: Bruker | AnonymousUser) -> bool:
        """May open the list and create new items."""
        if is_coordinator(user):
            return True
        return self.owner_perm is not None and has_any_service_perm(user, self.owner_perm)

    def owner_services(self, user: Bruker | AnonymousUser) -> QuerySet[Tjeneste]:
        if is_coordinator(user):
            return Tjeneste.objects.filter(is_active=True).order_by("name")
        if self.owner_perm is None:
            return Tjeneste.objects.none()
        return services_with_perm(user, self.owner_perm)

    def restrict(self, user: Bruker | AnonymousUser, queryset: QuerySet[M]) -> QuerySet[M]:
        """The items of ``queryset`` the user may see in the editing list."""
        if is_coordinator(user):
            return queryset
        if not self.owner_field:
            return queryset.none()
        owned = self.owner_services(user).values("pk")
        return queryset.filter(**{f"{self.owner_field}__in": owned})

    def may_edit(self, user: Bruker | AnonymousUser, obj: Model) -> bool:
        """May open the edit form: saves a draft directly, proposes a change to a published
        item (``Endringsforslag``), and may propose a restore from its history."""
        return is_coordinator(user) or self._owns(user, obj)

    def may_publish(self, user: Bruker | AnonymousUser, obj: Model | None = None) -> bool:
        """May publish, unpublish and reorder: what the public sees changes at once."""
        if is_coordinator(user):
            return True
        return obj is not None and self._leads(user, obj)

    def may_mark_reviewed(self, user: Bruker | AnonymousUser, obj: Model) -> bool:
        if self.may_publish(user, obj):
            return True
        return self.owners_review and self._owns(user, obj)

    def may_approve(self, user: Bruker | AnonymousUser, obj: Model, author_id: int | None) -> bool:
        """May approve or reject a proposed change to ``obj`` made by ``author_id``.

        The coordinator approves everything, their own proposals too: they own the model, and
        a proposal of theirs is their own review step (the diff) before it goes live. Anyone
        else needs a second person: a leader never approves their own proposal."""
        if is_coordinator(user):
            return True
        return author_id != user.pk and self._leads(user, obj)

    def may_see_proposal(
        self, user: Bruker | AnonymousUser, obj: Model, author_id: int | None
    ) -> bool:
        """The proposal's author, those who may edit the item, and those who approve."""
        if user.is_authenticated and author_id == user.pk:
            return True
        return self.may_edit(user, obj) or self.may_approve(user, obj, author_id)


# The model's elements: leaders propose for their own service; the coordinator approves.
MODEL_CONTENT = ContentPolicy(owner_field="owner_tjeneste", owner_perm=ServicePerm.EDIT_CONTENT)
# Content without an owning service (pages, themes, meeting places, the guide).
COORDINATOR_CONTENT = ContentPolicy()
# The catalogue: a service's leader and local administrator keep its measures up to date;
# their changes wait for the coordinator, or for the service's leader where the setting says.
SERVICE_MEASURES = ContentPolicy(
    owner_field="tjeneste",
    owner_perm=ServicePerm.EDIT_TILTAK,
    leader_approval_setting="MEASURE_APPROVAL_BY_SERVICE_LEADER",
    owners_review=True,
)


def may_manage_any_content(user: Bruker | AnonymousUser) -> bool:
    return any(
        policy.may_manage(user) for policy in (MODEL_CONTENT, COORDINATOR_CONTENT, SERVICE_MEASURES)
    )


# --- Case logs and concerns --------------------------------------------------------------
# The rule, stated once. A user may READ a case's content now only if all of these hold:
#   1. the user's account is active, and the user has an active participant row in the case;
#   2. the user has an active membership with the work right in that participant's service;
#   3. that service is named by a consent of the guardians that is active today.
# WRITE needs the same and an open case. No role (coordinator, leader, local administrator,
# system administrator, superuser) reaches content any other way, and no action a role takes
# (reassigning the baton, adding memberships) gives the one who takes it content access.
# Every fact is read from the current rows at the time of the question, so a removed
# membership, a deactivated account or a withdrawn consent takes effect on the next request.

# Roles that do case work in a service (the work right); the local administrator has none.
WORK_ROLES = frozenset(
    role for role, perms in ROLE_PERMISSIONS.items() if ServicePerm.WORK in perms
)


class Denial(StrEnum):
    """Why a request about a case or a concern was refused (stored in the access log)."""

    NOT_PARTICIPANT = "not_participant"
    LOCKED = "locked"
    NOT_WRITABLE = "not_writable"
    NOT_PERMITTED = "not_permitted"
    INVALID = "invalid"
    NOT_FOUND = "not_found"
    CONFLICT = "conflict"


def works_in(user: Bruker | AnonymousUser, tjeneste_id: int | None) -> bool:
    """Does the user hold the work right in the service now (read from the membership rows)?"""
    if not user.is_authenticated or not user.is_active or tjeneste_id is None:
        return False
    return Medlemskap.objects.filter(
        user_id=user.pk, tjeneste_id=tjeneste_id, rolle__in=WORK_ROLES
    ).exists()


@dataclass(frozen=True)
class CaseAccess:
    """One user's standing in one case, computed from the current rows (``case_access``)."""

    participant_service_id: int | None = None
    member: bool = False
    covered: bool = False
    open: bool = False
    holder: bool = False

    @property
    def knows(self) -> bool:
        """A participant who still works in the service: told that the log is locked rather
        than that it does not exist."""
        return self.participant_service_id is not None and self.member

    @property
    def read(self) -> bool:
        return self.knows and self.covered

    @property
    def write(self) -> bool:
        return self.read and self.open

    @property
    def hold(self) -> bool:
        """The baton holder's own rights (insight, new consent) need participation and the
        work right, but not a consent: they are how a locked log is answered for."""
        return self.knows and self.holder

    @property
    def hand_over(self) -> bool:
        """The baton holder's own actions on an open log they may read: offering the baton,
        closing the case, ending another's participation (the forms and the services ask
        this one rule)."""
        return self.write and self.holder

    @property
    def record_consent(self) -> bool:
        # Only the baton holder records a consent, also on a locked log (it is the way a log
        # opens again), and never on a closed one.
        return self.hold and self.open

    @property
    def print_consent_form(self) -> bool:
        # A consent form is how a locked log gets its new consent: the holder prints it
        # while the log is locked, everyone else only while they may read the log.
        return self.read or self.record_consent

    @property
    def see_consents(self) -> bool:
        return self.read or self.hold

    @property
    def insight(self) -> bool:
        # The guardians keep their right of insight after a withdrawal (personopplysningsloven
        # / GDPR art. 15: the right to see what is stored does not end with the consent to
        # share it). Producing the PDF of everything stored is the baton holder's task alone,
        # also on a locked or closed log; other participants lose sight of a locked log.
        return self.hold

    def denial(self, need: str) -> Denial | None:
        """None if ``need`` (one of the properties above) is met; otherwise why not."""
        if getattr(self, need):
            return None
        if not self.knows:
            return Denial.NOT_PARTICIPANT
        if (
            need in {"read", "write", "hand_over", "see_consents", "print_consent_form"}
            and not self.covered
        ):
            return Denial.LOCKED
        if need in {"write", "hand_over"} and not self.open:
            return Denial.NOT_WRITABLE
        if need == "record_consent" and self.holder and not self.open:
            return Denial.NOT_WRITABLE
        return Denial.NOT_PERMITTED


@prepared(case_id=int, user_id=int, today=date)
def _participation(case_id: int, user_id: int, today: date) -> QuerySet[Any, Any]:
    """The user's participation in the case, with the facts the rule needs: whether they
    work in its service now, and whether a consent active ``today`` names that service."""
    from stafettlogg.consent import active_consent_rows  # the consent rule lives with cases
    from stafettlogg.models import Deltaker

    return (
        Deltaker.objects.filter(stafettlogg_id=case_id, user_id=user_id, removed_at__isnull=True)
        .annotate(
            member=Exists(
                Medlemskap.objects.filter(
                    user_id=user_id, tjeneste_id=OuterRef("tjeneste_id"), rolle__in=WORK_ROLES
                )
            ),
            covered=Exists(
                active_consent_rows(today=today).filter(
                    stafettlogg_id=case_id, services=OuterRef("tjeneste_id")
                )
            ),
        )
        .values("tjeneste_id", "member", "covered")
        .order_by("pk")[:1]
    )


def case_access(
    user: Bruker | AnonymousUser, case: Stafettlogg, *, today: date | None = None
) -> CaseAccess:
    """The user's standing in ``case`` now: one query, never cached across requests."""
    if not user.is_authenticated or not user.is_active:
        return CaseAccess()
    row = _participation.first(
        case_id=case.pk, user_id=user.pk, today=today or timezone.localdate()
    )
    if row is None:
        return CaseAccess(open=case.is_active)
    return CaseAccess(
        participant_service_id=row["tjeneste_id"],
        member=row["member"],
        covered=row["covered"],
        open=case.is_active,
        holder=case.stafettholder_id == user.pk,
    )


@prepared(user_id=int)
def _participations(user_id: int) -> QuerySet[Any, Any]:
    from stafettlogg.models import Deltaker

    return Deltaker.objects.filter(user_id=user_id, removed_at__isnull=True).values_list(
        "stafettlogg_id", "tjeneste_id", "stafettlogg__status", "stafettlogg__stafettholder_id"
    )


@prepared(user_id=int)
def _work_services(user_id: int) -> QuerySet[Any, Any]:
    return Medlemskap.objects.filter(user_id=user_id, rolle__in=WORK_ROLES).values_list(
        "tjeneste_id", flat=True
    )


@prepared(user_id=int, today=date)
def _covered_in_cases_of(user_id: int, today: date) -> QuerySet[Any, Any]:
    """(case, service) for every service an active consent names, in the cases the user
    takes part in."""
    from stafettlogg.consent import active_consent_rows

    return (
        active_consent_rows(today=today)
        .filter(
            stafettlogg__participants__user_id=user_id,
            stafettlogg__participants__removed_at__isnull=True,
        )
        .values_list("stafettlogg_id", "services")
    )


def case_standings(
    user: Bruker | AnonymousUser, *, today: date | None = None
) -> dict[int, CaseAccess]:
    """The user's standing now in every case they take part in, by case id: the facts of
    ``case_access`` (the participation, the work right in its service, a consent active today
    that names that service, the case's state, the baton) for any number of cases in three
    flat queries, so that the lists of My work are decided by ``CaseAccess`` itself."""
    from stafettlogg.models import Stafettlogg as Case

    if not user.is_authenticated or not user.is_active:
        return {}
    participations = _participations.fetch(user_id=user.pk)
    if not participations:
        return {}
    work = set(_work_services.fetch(user_id=user.pk))
    covered = set(_covered_in_cases_of.fetch(user_id=user.pk, today=today or timezone.localdate()))
    return {
        case_id: CaseAccess(
            participant_service_id=service_id,
            member=service_id in work,
            covered=(case_id, service_id) in covered,
            open=status == Case.Status.ACTIVE,
            holder=holder_id == user.pk,
        )
        for case_id, service_id, status, holder_id in participations
    }


def may_read_case(user: Bruker | AnonymousUser, case: Stafettlogg) -> bool:
    return case_access(user, case).read


def may_write_case(user: Bruker | AnonymousUser, case: Stafettlogg) -> bool:
    return case_access(user, case).write


def may_open_cases(user: Bruker | AnonymousUser, tjeneste: Tjeneste) -> bool:
    return works_in(user, tjeneste.pk)


def may_take_part(user: Bruker, case: Stafettlogg, tjeneste: Tjeneste) -> bool:
    """May ``user`` be added to (or be given the baton of) ``case`` for ``tjeneste``? They
    must be able to read it afterwards: active, working in the service, the service covered."""
    from stafettlogg.consent import covered_services

    return (
        user.is_active
        and works_in(user, tjeneste.pk)
        and covered_services(case).filter(pk=tjeneste.pk).exists()
    )


def may_see_case_list(user: Bruker | AnonymousUser, tjeneste: Tjeneste) -> bool:
    """Leaders and local administrators see their service's cases as metadata only."""
    return has_service_perm(user, ServicePerm.VIEW_CASES, tjeneste)


def may_reassign(user: Bruker | AnonymousUser, case: Stafettlogg) -> bool:
    """A leader or local administrator of the case's service; reads no content by it."""
    return has_service_perm(user, ServicePerm.REASSIGN_STAFETTHOLDER, case.tjeneste)


def reassign_refusal(by: Bruker, case: Stafettlogg, new_holder: Bruker) -> str | None:
    """None if ``by`` may give the baton of ``case`` to ``new_holder`` now; otherwise why not
    (a message for the user). Reassigning gives the new holder access, never the one who
    reassigns, so nobody may reassign to themselves."""
    from stafettlogg.consent import lock

    if not may_reassign(by, case):
        return _("You cannot reassign cases in this service.")
    if not case.is_active:
        return _("The case is closed. Its baton holder cannot be changed.")
    if lock(case) is not None:
        return _(
            "The case log is locked: its baton holder cannot be changed until a new "
            "consent is recorded."
        )
    if new_holder.pk == by.pk:
        return _("You cannot give the baton to yourself.")
    if new_holder.pk == case.stafettholder_id:
        return _("%(user)s already holds the baton.") % {"user": new_holder}
    if not may_take_part(new_holder, case, case.tjeneste):
        return _(
            "%(user)s cannot hold the baton: they must work in %(service)s, and the "
            "consent must name it."
        ) % {"user": new_holder, "service": case.tjeneste}
    return None


@dataclass(frozen=True)
class UndringAccess:
    """One user's standing towards one concern (undring), from the current rows."""

    author: bool = False
    author_works: bool = False
    leader: bool = False
    open: bool = False

    @property
    def see(self) -> bool:
        # The author while still working in the service, and the service's leaders.
        return (self.author and self.author_works) or self.leader

    @property
    def work(self) -> bool:
        """Only its author works on a concern, while it is open."""
        return self.author and self.author_works and self.open

    def denial(self, need: str) -> Denial | None:
        if getattr(self, need):
            return None
        if not self.see:
            return Denial.NOT_PARTICIPANT
        if self.author and not self.open:
            return Denial.NOT_WRITABLE
        return Denial.NOT_PERMITTED


def undring_access(user: Bruker | AnonymousUser, undring: Undring) -> UndringAccess:
    if not user.is_authenticated or not user.is_active:
        return UndringAccess()
    author = undring.author_id == user.pk
    return UndringAccess(
        author=author,
        author_works=author and works_in(user, undring.tjeneste_id),
        leader=has_service_perm(user, ServicePerm.VIEW_UNDRINGER, undring.tjeneste),
        open=undring.status == undring.Status.OPEN,
    )


def may_see_undring(user: Bruker | AnonymousUser, undring: Undring) -> bool:
    """Only its author and the leaders of the author's service see a concern (undring)."""
    return undring_access(user, undring).see


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
    """The coordinator writes the report; the leader at municipal level, who receives it,
    may also make the PDF (it holds aggregates only)."""
    return is_coordinator(user) or is_municipal_leader(user)


def annual_report_makers() -> QuerySet[Bruker]:
    """Whom to ask for the annual report: the coordinators and the leaders at municipal level."""
    from django.db.models import Q

    from organisasjon.models import Bruker

    return (
        Bruker.objects.filter(is_active=True)
        .filter(Q(is_bts_coordinator=True) | Q(is_municipal_leader=True))
        .order_by("-is_bts_coordinator", "last_name")
    )


def may_write_annual_report(user: Bruker | AnonymousUser) -> bool:
    """Only the coordinator writes the assessment in the report."""
    return is_coordinator(user)


def may_manage_follow_up(user: Bruker | AnonymousUser) -> bool:
    """The coordinator marks required reading and records resource-group and forum meetings."""
    return is_coordinator(user)


def may_record_training(user: Bruker | AnonymousUser, tjeneste: Tjeneste) -> bool:
    """Training and orientation: the coordinator, or the leader of the employee's service."""
    return is_coordinator(user) or has_service_perm(user, ServicePerm.VIEW_STATISTICS, tjeneste)


def may_download_report(user: Bruker | AnonymousUser, report: ReportFile) -> bool:
    """Leaders and the coordinator only: the municipality's report for municipal roles, a
    service's report also for that service's leaders."""
    if may_see_municipal_statistics(user):
        return True
    return report.tjeneste_id is not None and ServicePerm.VIEW_STATISTICS in _service_perm_map(
        user
    ).get(report.tjeneste_id, set())


# --- Citizens (issue 20): guardians linked to their cases through ID-porten ----------------
def citizen_cases(citizen: Citizen | None) -> QuerySet[Stafettlogg]:
    """The cases a citizen may see: those with a guardian bound to the citizen's keyed hash
    by a link not revoked. Computed from the current rows at every request, so a revoked
    link stops access at the next one. The one rule; ``citizen_case_access`` asks it."""
    from stafettlogg.models import Stafettlogg

    if citizen is None or not citizen.pid_hash:
        return Stafettlogg.objects.none()
    return (
        Stafettlogg.objects.filter(
            guardians__citizen_links__pid_hash=citizen.pid_hash,
            guardians__citizen_links__revoked_at__isnull=True,
            # A closed case ends the links (minside.services.links_end_with_case): also
            # before that has run, closing ends the family's access at the next request.
            status=Stafettlogg.Status.ACTIVE,
        )
        .select_related("tjeneste", "stafettholder")
        .distinct()
        .order_by("-opened_at", "-pk")
    )


def citizen_case_access(citizen: Citizen | None, case: Stafettlogg) -> bool:
    """May this citizen (minside.identity.Citizen) see this case now?"""
    return citizen_cases(citizen).filter(pk=case.pk).exists()


def citizen_link(citizen: Citizen | None, case: Stafettlogg) -> Kobling | None:
    """The citizen's guardian link (minside.models.Kobling) to this case, or None: the same
    rule as ``citizen_cases``, and who the citizen is in the case (their guardian row)."""
    from minside.models import Kobling

    if citizen is None or not citizen.pid_hash:
        return None
    if not case.is_active:
        return None
    return (
        Kobling.objects.select_related("foresatt")
        .filter(pid_hash=citizen.pid_hash, revoked_at__isnull=True, foresatt__stafettlogg=case)
        .first()
    )
