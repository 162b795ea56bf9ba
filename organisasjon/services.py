"""Write operations on the organisation. Memberships and role flags change only through these
functions, so the object permissions they grant are kept in step and every change is recorded
(``RolleEndring``) in the same transaction.

``changed_by`` is the person making the change; it is ``None`` for commands and the demo
loader. Nobody changes their own roles: that needs another administrator, so that the system
administrator cannot grant themself the rights (a leader's case list, say) they administer.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from bts_portal.permissions import sync_service_permissions

from .models import Bruker, Endring, Medlemskap, Rolle, RolleEndring, Rolleflagg, Tjeneste

OWN_ROLES_REFUSED = _(
    "You cannot change your own roles or memberships. Ask another administrator to do it."
)


def _refuse_own_account(*, user: Bruker, changed_by: Bruker | None) -> None:
    if changed_by is not None and changed_by.pk == user.pk:
        raise PermissionDenied(OWN_ROLES_REFUSED)


def _record(
    *,
    action: Endring,
    user: Bruker,
    role: str,
    changed_by: Bruker | None,
    tjeneste: Tjeneste | None = None,
) -> RolleEndring:
    return RolleEndring.objects.create(
        action=action, user=user, role=role, changed_by=changed_by, tjeneste=tjeneste
    )


@transaction.atomic
def membership_add(
    *, user: Bruker, tjeneste: Tjeneste, rolle: Rolle | str, changed_by: Bruker | None = None
) -> Medlemskap:
    """Give ``user`` the role ``rolle`` in ``tjeneste`` (no-op if it already has it)."""
    _refuse_own_account(user=user, changed_by=changed_by)
    membership, created = Medlemskap.objects.get_or_create(
        user=user, tjeneste=tjeneste, rolle=rolle
    )
    if created:
        _record(
            action=Endring.ADDED, user=user, tjeneste=tjeneste, role=rolle, changed_by=changed_by
        )
    sync_service_permissions(user=user, tjeneste=tjeneste)
    return membership


@transaction.atomic
def membership_remove(*, membership: Medlemskap, changed_by: Bruker | None = None) -> None:
    """Take a role away; rights that another of the user's roles still grants remain."""
    user, tjeneste = membership.user, membership.tjeneste
    _refuse_own_account(user=user, changed_by=changed_by)
    _record(
        action=Endring.REMOVED,
        user=user,
        tjeneste=tjeneste,
        role=membership.rolle,
        changed_by=changed_by,
    )
    membership.delete()
    sync_service_permissions(user=user, tjeneste=tjeneste)


@transaction.atomic
def membership_change(
    *,
    membership: Medlemskap,
    user: Bruker,
    tjeneste: Tjeneste,
    rolle: Rolle | str,
    changed_by: Bruker | None = None,
) -> Medlemskap:
    """Move a stored membership to another user, service or role.

    Recorded as the old role removed and the new one added, so that the record reads the
    same whichever way an administrator chose to make the change.
    """
    old_user, old_tjeneste, old_rolle = membership.user, membership.tjeneste, membership.rolle
    if (old_user.pk, old_tjeneste.pk, old_rolle) == (user.pk, tjeneste.pk, rolle):
        return membership
    _refuse_own_account(user=old_user, changed_by=changed_by)
    _refuse_own_account(user=user, changed_by=changed_by)
    membership.user, membership.tjeneste, membership.rolle = user, tjeneste, rolle
    membership.save(update_fields=["user", "tjeneste", "rolle"])
    _record(
        action=Endring.REMOVED,
        user=old_user,
        tjeneste=old_tjeneste,
        role=old_rolle,
        changed_by=changed_by,
    )
    _record(action=Endring.ADDED, user=user, tjeneste=tjeneste, role=rolle, changed_by=changed_by)
    sync_service_permissions(user=old_user, tjeneste=old_tjeneste)
    if (old_user.pk, old_tjeneste.pk) != (user.pk, tjeneste.pk):
        sync_service_permissions(user=user, tjeneste=tjeneste)
    return membership


@transaction.atomic
def role_flags_set(
    *, user: Bruker, changed_by: Bruker | None = None, **flags: bool
) -> list[RolleEndring]:
    """Set the user's municipality-wide role flags (``Rolleflagg``: ``is_staff=True``, ...).

    Only flags that differ from what is stored are written and recorded; asking for the
    values the user already has records nothing, and is allowed on one's own account.
    """
    unknown = set(flags) - set(Rolleflagg.values)
    if unknown:
        raise ValueError(f"Not role flags: {', '.join(sorted(unknown))}")
    stored = Bruker.objects.select_for_update().values(*flags).get(pk=user.pk)
    changed = [name for name, value in flags.items() if stored[name] != bool(value)]
    if not changed:
        return []
    _refuse_own_account(user=user, changed_by=changed_by)
    for name in changed:
        setattr(user, name, bool(flags[name]))
    user.save(update_fields=changed)
    return [
        _record(
            action=Endring.FLAG_SET if flags[name] else Endring.FLAG_CLEARED,
            user=user,
            role=name,
            changed_by=changed_by,
        )
        for name in changed
    ]


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


def password_email_send(*, user: Bruker) -> bool:
    """Send ``user`` Django's password-reset e-mail, so that the person sets the password.

    No administrator sets another person's password: whoever knows it could log in as a
    case worker and read the children's case logs. Returns False when there is no active
    account with an address to send to. The link is built on ``PORTAL_BASE_URL``.
    """
    if not user.is_active or not user.email:
        return False
    portal = urlsplit(settings.PORTAL_BASE_URL)
    context = {
        "email": user.email,
        "domain": portal.netloc,
        "site_name": portal.netloc,
        "protocol": portal.scheme,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
    }
    PasswordResetForm().send_mail(
        "registration/password_reset_subject.txt",
        "registration/password_reset_email.html",
        context,
        None,
        user.email,
    )
    return True
