"""The second-factor gate: one rule, called from every view that shows case content.

An account that can read case content (the work right in a service, or a leader's sight of
the service's concerns) reaches no case, concern, consent page or "My work" until it has
given a second factor in this session: enrolled and verified (TOTP or a recovery code), or
logged in through the identity provider with a login the provider says was two-factor.
``stafettlogg.access_log``'s decorators and the few staff views outside them call
``second_factor_gate`` first; nothing else decides it.
"""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from bts_portal import permissions
from bts_portal.permissions import ServicePerm

from . import sessions
from .middleware import stash_post

CONTENT_PERMS = (ServicePerm.WORK, ServicePerm.VIEW_UNDRINGER)


def needs_second_factor(user) -> bool:
    """Can this account read case content, and so needs a second factor to do it?"""
    return any(permissions.has_any_service_perm(user, perm) for perm in CONTENT_PERMS)


def is_enrolled(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def second_factor_gate(request):
    """None if the request may go on; otherwise the redirect to enrolment or verification.

    Anonymous requests pass: the view's own login check sends them to the login page.
    """
    user = request.user
    if not user.is_authenticated or sessions.is_verified(request):
        return None
    if not needs_second_factor(user):
        return None
    target = "innlogging:verify" if is_enrolled(user) else "innlogging:enrol"
    back = request.get_full_path()
    if request.method != "GET":
        # A form sent before the code was given: its text is kept for one submit after it.
        stash_post(request, user.pk)
        back = reverse("innlogging:resume")
    return redirect(f"{reverse(target)}?{urlencode({'next': back})}")


def second_factor_required(view):
    """``second_factor_gate`` as a decorator, for staff views outside the access log's."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return second_factor_gate(request) or view(request, *args, **kwargs)

    return wrapper
