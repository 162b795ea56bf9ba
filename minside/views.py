"""The citizen area (/min-side/): ID-porten login, the invitation links, the list of cases.

Every answer is ``Cache-Control: private, no-store`` (never_cache) and the page cache never
keeps a path under /min-side/. ``request.user`` stays anonymous throughout: the citizen is
``identity.current(request)``.
"""

from __future__ import annotations

import logging
from functools import wraps
from urllib.parse import parse_qs, urlsplit

from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from mozilla_django_oidc import views as oidc_views

from bts_portal import permissions
from bts_portal.content.translation import localized
from innlogging.views import provider_routes
from stafettlogg.consent import active_consents
from stafettlogg.models import Stafettlogg

from . import identity, oidc, services

log = logging.getLogger(__name__)
STATES = "oidc_states"
PROVIDER_MARK = "minside"


def _page(request, template, context=None, status=200):
    return render(request, f"minside/{template}", context or {}, status=status)


def citizen_page(view):
    @never_cache
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    return wrapper


def _case_summary(case: Stafettlogg) -> dict:
    """What the citizen sees of a case at this stage: nothing beyond what the family knows."""
    holder = case.stafettholder
    return {
        "pk": case.pk,
        "first_name": (case.child_name.split() or [""])[0],
        "service": localized(case.tjeneste, "name"),
        "holder": holder.get_full_name() or holder.get_username(),
        "level": case.get_level_display(),
        "consent_active": active_consents(case).exists(),
        "closed": not case.is_active,
    }


@citizen_page
def home(request):
    citizen = identity.current(request)
    if citizen is None:
        return _page(request, "home.html", {"configured": bool(oidc.issuer())})
    cases = [_case_summary(case) for case in permissions.citizen_cases(citizen)]
    return _page(request, "cases.html", {"cases": cases})


@citizen_page
def invitation(request, token):
    """The link from the invitation: checked (not used) here, used at the login it starts."""
    found = services.usable_invitation(token)
    if found is None:
        return _page(request, "invitation_invalid.html", status=410)
    request.session[identity.INVITE_KEY] = found.pk
    return _page(request, "invitation.html", {"configured": bool(oidc.issuer())})


_configured = provider_routes(
    lambda: oidc.issuer(), lambda request: _page(request, "login_failed.html", status=502),
    "ID-porten",
)  # fmt: skip


class StartView(oidc_views.OIDCAuthenticationRequestView):
    """To ID-porten, with state, nonce, PKCE and acr_values; the state is marked as the
    citizen provider's, so only the citizen callback takes it."""

    get_settings = staticmethod(oidc.get_settings)

    def get_extra_params(self, request):
        from django.conf import settings

        acr = settings.CITIZEN_OIDC_ACR_VALUES
        return {"acr_values": acr} if acr else {}

    def get(self, request):
        response = super().get(request)
        state = parse_qs(urlsplit(response["Location"]).query)["state"][0]
        request.session[STATES][state]["provider"] = PROVIDER_MARK
        request.session.pop("oidc_login_next", None)
        request.session.modified = True
        return response


def _failed(request, status=400):
    return _page(request, "login_failed.html", status=status)


def callback(request):
    state = request.GET.get("state")
    pending = request.session.get(STATES, {})
    if state not in pending or pending[state].get("provider") != PROVIDER_MARK:
        return _failed(request)
    entry = pending.pop(state)
    request.session.modified = True
    if request.GET.get("error") or not request.GET.get("code"):
        return _failed(request)
    try:
        claims = oidc.CitizenBackend().authenticate(
            request, nonce=entry["nonce"], code_verifier=entry.get("code_verifier")
        )
        claims = oidc.check(claims)
    except SuspiciousOperation as error:
        log.warning("ID-porten login failed: %s", error)
        return _failed(request)
    except oidc.Refused as refusal:
        log.warning("ID-porten login refused: %s", refusal.reason)
        return _page(request, "login_refused.html", status=403)
    invitation_id = request.session.get(identity.INVITE_KEY)
    citizen = identity.log_in(request, pid=claims["pid"], acr=claims["acr"])
    if invitation_id is not None:
        request.session.pop(identity.INVITE_KEY, None)
        try:
            services.bind(invitation_id=invitation_id, citizen=citizen)
        except services.InviteError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("You are now linked to the case."))
    return redirect("minside:home")


start = never_cache(_configured(StartView.as_view()))
callback = never_cache(_configured(callback))


@require_POST
@citizen_page
def logout(request):
    """Out of My page, and out of ID-porten too (its single sign-on would otherwise log the
    next person at this computer straight in)."""
    identity.log_out(request)
    messages.success(request, _("You are logged out of My page."))
    return redirect(oidc.logout_url(request) or "minside:home")
