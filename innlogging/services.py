"""Write operations on how an account logs in: enrolling and verifying the second factor,
recovery codes, the administrator's reset, and linking an identity at the identity provider.
Every administrator action is recorded (``Kontohendelse``) in its own transaction."""

from __future__ import annotations

import secrets

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from organisasjon.models import Bruker
from organisasjon.services import _refuse_own_account

from . import sessions
from .models import Kontohendelse, OidcIdentitet

RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "recovery"
# Letters and digits that are not mistaken for one another when read from paper.
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def totp_device_pending(*, user: Bruker) -> TOTPDevice:
    """The authenticator the user is enrolling: an unconfirmed device, made once."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


@transaction.atomic
def totp_enrol_confirm(*, user: Bruker, token: str) -> list[str] | None:
    """Confirm the pending authenticator with a code from it. Returns the new recovery codes
    (shown once), or None for a wrong code (throttled like every verification)."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    if device is None or not device.verify_token(token.strip().replace(" ", "")):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    return recovery_codes_new(user=user)


def _recovery_code() -> str:
    raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


@transaction.atomic
def recovery_codes_new(*, user: Bruker) -> list[str]:
    """Replace the user's recovery codes with new ones; each works once."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def second_factor_verify(*, user: Bruker, code: str) -> str | None:
    """Check a code from the authenticator or a recovery code (used up). Returns the method
    ("totp" or "recovery") or None. Each device throttles wrong codes: after a failure the
    next try waits 1, 2, 4, ... seconds, whatever the code."""
    code = code.strip().lower().replace(" ", "")
    for device in TOTPDevice.objects.filter(user=user, confirmed=True):
        if code.isdigit() and device.verify_token(code):
            return "totp"
    for device in StaticDevice.objects.filter(user=user, confirmed=True):
        if not code.isdigit() and device.verify_token(code):
            return "recovery"
    return None


def second_factor_throttled(*, user: Bruker) -> bool:
    """Is the user's authenticator waiting out the delay after a wrong code?"""
    return any(
        not device.verify_is_allowed()[0]
        for device in TOTPDevice.objects.filter(user=user, confirmed=True)
    )


@transaction.atomic
def second_factor_reset(*, user: Bruker, changed_by: Bruker | None) -> Kontohendelse:
    """Remove the user's authenticator and recovery codes (lost phone), record it, and end
    every session of the user: the next login enrols again."""
    _refuse_own_account(user=user, changed_by=changed_by)
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    event = Kontohendelse.objects.create(
        user=user, changed_by=changed_by, action=Kontohendelse.Action.SECOND_FACTOR_RESET
    )
    transaction.on_commit(lambda: sessions.end_all(user))
    return event


@transaction.atomic
def identity_link(
    *, user: Bruker, issuer: str, subject: str, changed_by: Bruker | None, how: str = ""
) -> OidcIdentitet:
    """Link ``user`` to the subject ``subject`` at ``issuer``, and record it."""
    if changed_by is not None:
        _refuse_own_account(user=user, changed_by=changed_by)
    identity = OidcIdentitet.objects.create(user=user, issuer=issuer, subject=subject)
    Kontohendelse.objects.create(
        user=user,
        changed_by=changed_by,
        action=Kontohendelse.Action.IDENTITY_LINKED,
        detail=(f"{subject} ({how})" if how else subject)[:300],
    )
    return identity


@transaction.atomic
def identity_unlink(*, identity: OidcIdentitet, changed_by: Bruker | None) -> None:
    """Remove a link, record it, and end the user's sessions."""
    user = identity.user
    _refuse_own_account(user=user, changed_by=changed_by)
    Kontohendelse.objects.create(
        user=user,
        changed_by=changed_by,
        action=Kontohendelse.Action.IDENTITY_UNLINKED,
        detail=identity.subject[:300],
    )
    identity.delete()
    transaction.on_commit(lambda: sessions.end_all(user))
