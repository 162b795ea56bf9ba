"""Login, enrolment and verification of the second factor, and the session's own pages."""

from __future__ import annotations

import logging
from base64 import b32encode
from functools import wraps
from urllib.parse import urlencode

import requests
import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from mozilla_django_oidc import views as oidc_views

from . import oidc, services, sessions
from .forms import CodeForm, EnrolForm
from .gate import is_enrolled, needs_second_factor
from .middleware import PENDING_POST, pending_post_for

log = logging.getLogger(__name__)


def _next(request, default: str = "staff:home") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(default)


class LoginView(auth_views.LoginView):
    """Django's login, with the identity provider's button and the way back to a form whose
    text was kept when the session ended under it."""

    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "oidc": oidc.button()}

    def get_success_url(self):
        user = self.request.user
        if pending_post_for(self.request, user) is not None:
            return reverse("innlogging:resume")
        target = super().get_success_url()
        if needs_second_factor(user) and not sessions.is_verified(self.request):
            # Straight on to the second factor: enrolment the first time, the code after that,
            # and then where the login was going.
            step = "innlogging:verify" if is_enrolled(user) else "innlogging:enrol"
            return f"{reverse(step)}?{urlencode({'next': target})}"
        return target


def _qr_svg(device) -> str:
    # Drawn here, served in the page itself: the secret never leaves the portal.
    return segno.make(device.config_url, error="m").svg_inline(scale=5, title=_("QR code"))


@login_required
@never_cache
def enrol(request):
    """Set up an authenticator app: QR code and secret, then a code from the app."""
    if is_enrolled(request.user):
        return render(request, "innlogging/enrolled.html", {"next": _next(request)})
    device = services.totp_device_pending(user=request.user)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.totp_enrol_confirm(user=request.user, token=form.cleaned_data["code"])
        if codes is not None:
            sessions.mark_verified(request, "totp")
            return render(
                request, "innlogging/recovery_codes.html", {"codes": codes, "next": _next(request)}
            )
        form.add_error(
            "code", _("The code was not right. Check the time on the phone and try again.")
        )
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return render(
        request,
        "innlogging/enrol.html",
        {
            "form": form,
            "qr": _qr_svg(device),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "next": _next(request),
        },
        status=400 if form.errors else 200,
    )


@login_required
@never_cache
def verify(request):
    """Ask for the second factor in this session."""
    if not is_enrolled(request.user):
        return redirect(f"{reverse('innlogging:enrol')}?next={_next(request)}")
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if services.second_factor_throttled(user=request.user):
            form.add_error("code", _("Too many wrong codes. Wait a moment and try again."))
            status = 429
        else:
            method = services.second_factor_verify(
                user=request.user, code=form.cleaned_data["code"]
            )
            if method is not None:
                sessions.mark_verified(request, method)
                if pending_post_for(request, request.user) is not None:
                    return redirect("innlogging:resume")
                if method == "recovery":
                    messages.info(request, _("The recovery code is used up. Each code works once."))
                return redirect(_next(request))
            form.add_error("code", _("The code was not right."))
            status = 400
    return render(
        request, "innlogging/verify.html", {"form": form, "next": _next(request)}, status=status
    )


@login_required
@require_POST
def session_extend(request):
    """The idle warning's "extend": any request renews the session; this one says for how long."""
    return JsonResponse({"idle_seconds": settings.SESSION_COOKIE_AGE})


@login_required
@never_cache
def resume(request):
    """The form whose session ended under it, once, with its text, to send on."""
    pending = pending_post_for(request, request.user)
    if pending is None:
        return redirect("staff:home")
    request.session.pop(PENDING_POST, None)
    return render(request, "innlogging/resume.html", {"pending": pending})


def home(request):
    return redirect("innlogging:enrol")


# --- The identity provider (OpenID Connect, innlogging.oidc) ----------------------------------
def provider_routes(issuer, failed, provider: str):
    """A decorator for an OpenID provider's routes (the staff's and ID-porten): they do nothing
    (404) while ``issuer()`` names no provider, and answer ``failed(request)`` when the provider
    does not answer (``provider`` names it in the log)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not issuer():
                raise Http404
            try:
                return view(request, *args, **kwargs)
            except requests.RequestException as error:
                # Discovery, the token or the keys: the provider is down or unreachable.
                log.error("%s did not answer: %s", provider, error)
                return failed(request)

        return wrapper

    return decorator


oidc_configured = provider_routes(
    lambda: oidc.issuer(), lambda request: _oidc_failed(request, status=502),
    "The identity provider",
)  # fmt: skip


def _oidc_failed(request, status: int = 400):
    return render(request, "registration/oidc_failed.html", status=status)


class OidcStartView(oidc_views.OIDCAuthenticationRequestView):
    """To the provider's login, with state, nonce and PKCE (the library's)."""

    get_settings = staticmethod(oidc.get_settings)

    def get_extra_params(self, request):
        acr = settings.OIDC_ACR_VALUES
        return {"acr_values": acr} if acr else {}


class OidcCallbackView(oidc_views.OIDCAuthenticationCallbackView):
    """Back from the provider: a wrong state, nonce, audience, issuer or an expired token is
    refused (400); an identity without an account gets a page saying whom to ask (403)."""

    get_settings = staticmethod(oidc.get_settings)

    def get(self, request):
        if request.GET.get("error") and request.GET.get("state") not in request.session.get(
            "oidc_states", {}
        ):
            # The library logs the user out on any error answer; only the provider's answer
            # to a login this browser started may do that, not a link someone else made.
            return _oidc_failed(request)
        if request.GET.get("error"):
            # The library deletes the state inside the session's dict, which does not mark
            # the session changed; the session store saves only changed sessions at once.
            request.session.modified = True
        try:
            return super().get(request)
        except SuspiciousOperation as error:
            log.warning("OpenID Connect login failed: %s", error)
            return _oidc_failed(request)

    def login_failure(self):
        if getattr(self.request, "oidc_refused", None):
            return render(self.request, "registration/oidc_refused.html", status=403)
        return _oidc_failed(self.request)

    def login_success(self):
        response = super().login_success()
        request, user = self.request, self.user
        request.session[oidc.ID_TOKEN] = user.oidc_id_token
        if oidc.is_two_factor(user.oidc_claims):
            sessions.mark_verified(request, "oidc")
        if pending_post_for(request, user) is not None:
            return redirect("innlogging:resume")
        return response


oidc_start = oidc_configured(OidcStartView.as_view())
oidc_callback = oidc_configured(OidcCallbackView.as_view())


class LogoutView(auth_views.LogoutView):
    """Django's logout; after a login through the provider, on to the provider's own logout
    (RP-initiated logout), so that the next person at the PC is not logged straight in."""

    def post(self, request, *args, **kwargs):
        id_token = request.session.get(oidc.ID_TOKEN)
        response = super().post(request, *args, **kwargs)
        if id_token and oidc.issuer():
            try:
                url = oidc.logout_url(request, id_token)
            except requests.RequestException as error:
                log.error("The identity provider did not answer: %s", error)
                url = None
            if url:
                return HttpResponseRedirect(url)
        return response
