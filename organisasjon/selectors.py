"""Read queries on the organisation."""

from django.db.models import Prefetch, QuerySet

from .models import Bruker, Medlemskap, Tjeneste


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
    """Active services for the public directory, ordered by sector and name."""
    return Tjeneste.objects.filter(is_active=True).order_by("sector", "name")
