"""Write operations on the organisation. Memberships change only through these functions,
so the object permissions they grant are kept in step in the same transaction."""

from django.db import transaction

from bts_portal.permissions import sync_service_permissions

from .models import Bruker, Medlemskap, Rolle, Tjeneste


@transaction.atomic
def membership_add(*, user: Bruker, tjeneste: Tjeneste, rolle: Rolle | str) -> Medlemskap:
    """Give ``user`` the role ``rolle`` in ``tjeneste`` (no-op if it already has it)."""
    membership, _ = Medlemskap.objects.get_or_create(user=user, tjeneste=tjeneste, rolle=rolle)
    sync_service_permissions(user=user, tjeneste=tjeneste)
    return membership


@transaction.atomic
def membership_remove(*, membership: Medlemskap) -> None:
    """Take a role away; rights that another of the user's roles still grants remain."""
    user, tjeneste = membership.user, membership.tjeneste
    membership.delete()
    sync_service_permissions(user=user, tjeneste=tjeneste)


@transaction.atomic
def memberships_resync(*, user: Bruker) -> None:
    """Recompute a user's rights in every service it has or had a role in."""
    from guardian.models import UserObjectPermission

    ids = set(user.memberships.values_list("tjeneste_id", flat=True))
    ids |= {
        int(pk)
        for pk in UserObjectPermission.objects.filter(
            user=user, content_type__app_label="organisasjon", content_type__model="tjeneste"
        ).values_list("object_pk", flat=True)
    }
    for tjeneste in Tjeneste.objects.filter(pk__in=ids):
        sync_service_permissions(user=user, tjeneste=tjeneste)
