"""What a login session knows about itself: when it began, whether the second factor was
given in it, and the list of a user's sessions, so that they can all be ended at once.

The idle timeout is Django's (``SESSION_COOKIE_AGE`` with ``SESSION_SAVE_EVERY_REQUEST``);
the absolute lifetime (``SESSION_ABSOLUTE_SECONDS``) is checked by ``SessionLimitsMiddleware``
against the time stored here at login.
"""

from __future__ import annotations

import time
from importlib import import_module

from django.conf import settings

from .models import Innlogging

LOGIN_AT = "innlogging_login_at"
VERIFIED = "innlogging_second_factor"


def on_login(sender, request, user, **kwargs) -> None:
    """``user_logged_in``: note the time and remember the session under the user."""
    session = request.session
    session[LOGIN_AT] = time.time()
    # A new login never inherits a second factor given in an earlier one.
    session.pop(VERIFIED, None)
    track(request, user)


def track(request, user=None) -> None:
    """Remember the request's session under its user (again after its key changes)."""
    session = request.session
    if session.session_key is None:
        session.save()
    Innlogging.objects.get_or_create(
        session_key=session.session_key, defaults={"user_id": (user or request.user).pk}
    )


def mark_verified(request, method: str) -> None:
    """The second factor was given in this session (``method``: totp, recovery, oidc)."""
    # A new key for the raised privilege, so a key seen before it is worth nothing after.
    request.session.cycle_key()
    request.session[VERIFIED] = method
    track(request)


def is_verified(request) -> bool:
    return bool(request.session.get(VERIFIED))


def login_age(request) -> float | None:
    started = request.session.get(LOGIN_AT)
    return None if started is None else time.time() - started


def end_all(user) -> int:
    """End every session of ``user`` (logout everywhere). Returns how many were ended."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    rows = list(Innlogging.objects.filter(user=user).values_list("session_key", flat=True))
    for key in rows:
        store(session_key=key).delete()
    Innlogging.objects.filter(user=user).delete()
    return len(rows)
