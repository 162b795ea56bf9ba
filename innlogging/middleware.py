"""The session's limits: an absolute lifetime beside Django's idle timeout, and a posted
form's text kept across a login that the end of a session forced on the user.

Without JavaScript nobody sees the idle warning, and a form sent after the session ended
would lose its text at the login page. Instead its fields are kept in the (new, anonymous)
session, for that one submit: after logging in again as the same person, the user gets a
page with the text and a button that sends it on to where it was going.
"""

from __future__ import annotations

import time
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core import signing
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import sessions

PENDING_POST = "innlogging_pending_post"
LAST_USER_COOKIE = "bts_last_user"
_SALT = "innlogging.last-user"
STAFF_PREFIX = "/ansatt/"
# Fields a replayed form never carries: the token is renewed, passwords are never kept.
_NOT_KEPT = {"csrfmiddlewaretoken", "password", "password1", "password2", "code"}


def stash_post(request, user_pk: int | None) -> None:
    """Keep the request's posted text in the session for one later submit."""
    data = [
        (key, value)
        for key, values in request.POST.lists()
        if key not in _NOT_KEPT
        for value in values
    ]
    request.session[PENDING_POST] = {
        "path": request.path,
        "data": data,
        "user": user_pk,
        "at": time.time(),
        "had_files": bool(request.FILES),
    }


def pending_post_for(request, user) -> dict | None:
    """The kept form if it belongs to ``user`` and is fresh; a stranger's is dropped."""
    pending = request.session.get(PENDING_POST)
    if not pending:
        return None
    fresh = time.time() - pending["at"] < settings.SESSION_ABSOLUTE_SECONDS
    if pending["user"] != user.pk or not fresh:
        request.session.pop(PENDING_POST, None)
        return None
    return pending


def _who_was_here(request) -> int | None:
    # A missing, tampered or expired cookie is just someone unknown.
    try:
        return int(request.get_signed_cookie(LAST_USER_COOKIE, salt=_SALT))
    except (KeyError, ValueError, TypeError, signing.BadSignature):
        return None


def _back_to_form(request) -> str:
    referer = request.headers.get("Referer", "")
    parts = urlsplit(referer)
    if referer and parts.netloc == request.get_host():
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return request.path


def _open_paths() -> tuple[str, ...]:
    """Staff-area addresses that anonymous visitors post to on purpose."""
    return (
        reverse("login"),
        reverse("logout"),
        reverse("password_reset"),
        "/ansatt/passord/",
        reverse("innlogging:home"),
    )


class SessionLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and _who_was_here(request) != user.pk:
            response.set_signed_cookie(
                LAST_USER_COOKIE,
                str(user.pk),
                salt=_SALT,
                max_age=settings.SESSION_ABSOLUTE_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Runs after CsrfViewMiddleware's check, so only a genuine form is ever kept.
        user = request.user
        previous = None
        if user.is_authenticated:
            age = sessions.login_age(request)
            if age is None:
                request.session[sessions.LOGIN_AT] = time.time()
            elif age > settings.SESSION_ABSOLUTE_SECONDS:
                previous = user.pk
                logout(request)
                messages.info(
                    request,
                    _("You were logged out after %(hours)s hours. Log in again.")
                    % {"hours": round(settings.SESSION_ABSOLUTE_SECONDS / 3600)},
                )
                if request.method != "POST" and request.path.startswith(STAFF_PREFIX):
                    return redirect(
                        f"{reverse('login')}?{urlencode({'next': request.get_full_path()})}"
                    )
        if request.user.is_authenticated or request.method != "POST":
            return None
        if not request.path.startswith(STAFF_PREFIX) or request.path.startswith(_open_paths()):
            return None
        stash_post(request, previous or _who_was_here(request))
        messages.info(request, _("Your session had ended. Log in again; what you wrote is kept."))
        return redirect(f"{reverse('login')}?{urlencode({'next': _back_to_form(request)})}")
