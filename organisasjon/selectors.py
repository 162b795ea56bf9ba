"""Read queries on the organisation."""

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When

from .models import Bruker, Medlemskap, RolleEndring, Sektor, Tjeneste


def memberships_for_user(user: Bruker) -> QuerySet[Medlemskap]:
    """The user's roles, with their services, ordered by service."""
    return (
        Medlemskap.objects.filter(user=user)
        .select_related("tjeneste")
        .order_by("tjeneste__name", "rolle")
    )


def service_with_members(tjeneste: Tjeneste) -> Tjeneste:
    """The service with its members and their roles loaded in one extra query."""
    return Tjeneste.objects.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Medlemskap.objects.select_related("user").order_by(
                "user__last_name", "user__first_name", "rolle"
            ),
        )
    ).get(pk=tjeneste.pk)


def public_services() -> QuerySet[Tjeneste]:
    """Active services for the public directory, in the sectors' order, then by name."""
    sector_order = Case(
        *(When(sector=sector, then=Value(i)) for i, sector in enumerate(Sektor.values)),
        output_field=IntegerField(),
    )
    return (
        Tjeneste.objects.filter(is_active=True)
        .annotate(sector_order=sector_order)
        .order_by("sector_order", "name")
    )


def role_changes(
    *, user: Bruker | None = None, tjeneste: Tjeneste | None = None
) -> QuerySet[RolleEndring]:
    """The record of role changes, newest first, for one account or service if given."""
    changes = RolleEndring.objects.select_related("changed_by", "user", "tjeneste").order_by(
        "-at", "-pk"
    )
    if user is not None:
        changes = changes.filter(user=user)
    if tjeneste is not None:
        changes = changes.filter(tjeneste=tjeneste)
    return changes
