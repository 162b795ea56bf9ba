"""The access log: one row for every request that shows, changes, prints or exports the
content of a case log or a concern, written after the outcome is known.

``case_view`` and ``undring_view`` load the object from the URL, ask the access rule in
``bts_portal.permissions`` what the user may do with it now, refuse (404 for someone who
does not take part, so they do not learn that the case exists; 403 for a locked log or a
closed one), run the view, and then write one row with the real outcome: read, wrote,
printed, downloaded, refused (and why) or failed. A view tells the log what it did through
``request.audit``; a response of 400 or more is a refusal whatever the view said, so a
failed write is never logged as a write.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from bts_portal import permissions
from bts_portal.permissions import Denial
from bts_portal.prepared import fits_a_key, prepared
from innlogging.gate import second_factor_gate

from . import consent
from .models import AccessLog, Stafettlogg, Undring

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django_stubs_ext import StrOrPromise

    from bts_portal.permissions import CaseAccess, UndringAccess
    from minside.identity import Citizen
    from minside.models import Kobling

# A view as the decorators see it: the request first, what the URL gave after it.
View = Callable[..., HttpResponseBase]
V = TypeVar("V", bound=Callable[..., Any])
# ``case_view`` and friends take a value, or a dict of them by HTTP method (HEAD as GET); a
# method the dict does not name is answered 405, with no row (nothing is shown).
ByMethod = str | dict[str, str]

A = AccessLog.Action

# Every kind of request the log knows: its stable code, the action it is when it succeeds,
# and how it reads in the insight PDF and on screens.
EVENTS: dict[str, tuple[str, StrOrPromise]] = {
    "case.open": (A.WRITE, _("Opened the case log")),
    "case.view": (A.VIEW, _("Read the case log")),
    "entry.form": (A.VIEW, _("Opened the form for a new entry")),
    "entry.add": (A.WRITE, _("Wrote an entry")),
    "entry.correct_form": (A.VIEW, _("Read an entry to correct it")),
    "entry.correct": (A.WRITE, _("Corrected an entry")),
    "level.form": (A.VIEW, _("Opened the form to change the level")),
    "level.change": (A.WRITE, _("Changed the level")),
    "participant.form": (A.VIEW, _("Opened the form to add a participant")),
    "participant.add": (A.WRITE, _("Added a participant")),
    "participant.remove": (A.WRITE, _("Ended a participation")),
    "handover.form": (A.VIEW, _("Opened the form to hand over the baton")),
    "handover.request": (A.WRITE, _("Offered the baton")),
    "handover.accept": (A.WRITE, _("Accepted the baton")),
    "handover.decline": (A.WRITE, _("Declined the baton")),
    "case.reassign": (A.WRITE, _("Gave the baton to a colleague (administrator)")),
    "checklist.toggle": (A.WRITE, _("Marked a step in the guide")),
    "report.form": (A.VIEW, _("Opened the form to record a report to child welfare")),
    "report.record": (A.WRITE, _("Recorded a report to the child welfare service")),
    "close.form": (A.VIEW, _("Opened the form to close the case")),
    "case.close": (A.WRITE, _("Closed the case log")),
    "case.archive": (A.EXPORT, _("Archived")),  # the package sent to the archive (arkiv)
    "consent.view": (A.VIEW, _("Read the consents")),
    "consent.add": (A.WRITE, _("Recorded a consent")),
    "consent.withdraw": (A.WRITE, _("Recorded that the consent was withdrawn")),
    "consent.document": (A.DOWNLOAD, _("Downloaded the signed consent form")),
    "citizen.invite": (A.WRITE, _("Invited a guardian to My page")),
    "citizen.revoke": (A.WRITE, _("Revoked a guardian's access to My page")),
    "consent_request.view": (A.VIEW, _("Read the consent request on My page")),
    "consent_request.create": (A.WRITE, _("Asked the guardians for consent on My page")),
    "consent_request.cancel": (A.WRITE, _("Cancelled the consent request on My page")),
    # A guardian's own requests on My page (issue 20): the row names the citizen's link.
    "citizen.case_view": (A.VIEW, _("Read the case log on My page")),
    "citizen.consent_view": (A.VIEW, _("Read the consent request on My page")),
    "citizen.consent_answer": (A.WRITE, _("Answered the consent request on My page")),
    "citizen.consent_withdraw": (A.WRITE, _("Withdrew the consent on My page")),
    "citizen.receipt": (A.DOWNLOAD, _("Downloaded the receipt for the consent (PDF)")),
    "citizen.entry_add": (A.WRITE, _("Wrote the family's view on My page")),
    "citizen.insight": (A.EXPORT, _("Downloaded the insight report (PDF) on My page")),
    "citizen.insight_request": (A.EXPORT, _("Asked for the insight report (PDF) on My page")),
    "citizen.insight_status": (A.VIEW, _("Looked at the insight report's progress on My page")),
    "insight.request": (A.EXPORT, _("Ordered the insight report (PDF)")),
    "insight.status": (A.VIEW, _("Looked at the insight report's progress")),
    "insight.download": (A.EXPORT, _("Downloaded the insight report (PDF)")),
    "documents.view": (A.VIEW, _("Opened the documents to print")),
    "document.samtykke": (A.EXPORT, _("Printed the consent form (PDF)")),
    "document.handlingsplan": (A.EXPORT, _("Printed the action plan (PDF)")),
    "document.innkalling": (A.EXPORT, _("Printed a meeting invitation (PDF)")),
    "document.referat": (A.EXPORT, _("Printed the minutes of a meeting (PDF)")),
    "document.evaluering": (A.EXPORT, _("Printed an evaluation form (PDF)")),
    "document.avslutning": (A.EXPORT, _("Printed the closing summary (PDF)")),
    "mywork.view": (A.VIEW, _("Opened “My work” (the list of own cases)")),
    "undring.create": (A.WRITE, _("Registered a concern")),
    "undring.view": (A.VIEW, _("Read the concern")),
    "undring.edit": (A.WRITE, _("Changed the concern")),
    "undring.close": (A.WRITE, _("Closed the concern")),
    "undring.step": (A.WRITE, _("Marked a step at level 0")),
    "undring.report": (A.WRITE, _("Recorded a report to the child welfare service")),
    "undring.refusal": (A.WRITE, _("Recorded that the guardians said no")),
}

REASONS: dict[str, StrOrPromise] = {
    Denial.NOT_PARTICIPANT: _("does not take part"),
    Denial.LOCKED: _("the log is locked"),
    Denial.NOT_WRITABLE: _("the case is closed"),
    Denial.NOT_PERMITTED: _("not allowed for this user"),
    Denial.INVALID: _("the form had errors; nothing was saved"),
    Denial.NOT_FOUND: _("not found"),
    Denial.CONFLICT: _("the case had changed; nothing was saved"),
}

# What a refusal by status code means when the view did not say.
_STATUS_REASONS: dict[int, Denial] = {
    400: Denial.INVALID,
    403: Denial.NOT_PERMITTED,
    404: Denial.NOT_FOUND,
    405: Denial.INVALID,
    409: Denial.CONFLICT,
}


def describe(row: AccessLog) -> str:
    """One access-log row in plain words, from its stored codes (never its path)."""
    label = EVENTS.get(row.event, (None, row.get_action_display()))[1]
    if row.action == A.DENIED:
        reason = REASONS.get(row.reason)
        text = _("Refused: %(what)s") % {"what": label}
        return f"{text} ({reason})" if reason else text
    if row.action == A.FAILED:
        return _("Failed: %(what)s") % {"what": label}
    return str(label)


@dataclass
class Audit:
    """What a request did, as the view tells it; read by the decorator after the view."""

    event: str
    object_id: int | None = None
    reason: str = ""
    tjeneste_id: int | None = None
    # What a creating view made (``logged_creation``): the new case log or concern.
    created: Stafettlogg | Undring | None = None

    def deny(self, reason: str) -> None:
        self.reason = reason


class AuditedRequest(HttpRequest):
    """A request as the decorators hand it to the view (for the type checker only): what it
    did (``audit``), and the user's standing in the case or concern, or the citizen."""

    audit: Audit
    case_access: CaseAccess
    undring_access: UndringAccess
    citizen: Citizen


# The second factor's gate (innlogging): a response that sends the user on, or None.
_gate: Callable[[HttpRequest], HttpResponseBase | None] = second_factor_gate


def _mark(view: V) -> V:
    """A view of one case or concern (the URL tests check that each one is decorated)."""
    view.is_case_view = True  # type: ignore[attr-defined]
    return view


def record(
    *,
    user: Any,
    event: str,
    action: str | None = None,
    reason: str = "",
    case: Stafettlogg | None = None,
    undring: Undring | None = None,
    tjeneste_id: int | None = None,
    object_id: int | None = None,
    path: str = "",
    citizen: Kobling | None = None,
) -> AccessLog:
    return AccessLog.objects.create(
        user=user if user.is_authenticated else None,
        citizen=citizen,
        tjeneste_id=tjeneste_id,
        stafettlogg_id=case.pk if case else None,
        undring_id=undring.pk if undring else None,
        action=action or EVENTS[event][0],
        event=event,
        reason=reason,
        object_id=object_id,
        what=path[:200],
    )


def _by_method(value: ByMethod, method: str | None) -> str | None:
    """The value for ``method``; None for a method that a dict of values does not name."""
    if isinstance(value, str):
        return value
    return value.get("GET" if method == "HEAD" else str(method))


def _for_method(method: str | None, event: ByMethod, need: ByMethod) -> tuple[str, str] | None:
    """(event, need) for the request's method, or None where the view does not take it."""
    chosen_event, chosen_need = _by_method(event, method), _by_method(need, method)
    if chosen_event is None or chosen_need is None:
        return None
    return chosen_event, chosen_need


def _not_allowed(*values: ByMethod) -> HttpResponseNotAllowed:
    """405, naming the methods that every value given by method takes."""
    methods = {"GET", "HEAD", "POST"}
    for value in values:
        if isinstance(value, dict):
            methods &= {*value, *(["HEAD"] if "GET" in value else [])}
    return HttpResponseNotAllowed(sorted(methods))


def _outcome(audit: Audit, status: int | None) -> tuple[str, str]:
    """(action, reason) for the row: a refusal or failure whatever the view intended."""
    if status is None:
        return A.FAILED, ""
    if status >= 500:
        return A.FAILED, ""
    if status >= 400 or audit.reason:
        return A.DENIED, audit.reason or _STATUS_REASONS.get(status, Denial.NOT_PERMITTED)
    return EVENTS[audit.event][0], ""


def _logged(
    request: AuditedRequest,
    audit: Audit,
    run: Callable[[], HttpResponseBase],
    *,
    case: Stafettlogg | None = None,
    undring: Undring | None = None,
    citizen: Kobling | None = None,
) -> HttpResponseBase:
    """Run the view and write its row, also when it raises."""
    request.audit = audit

    def write(status: int | None) -> None:
        _write(request, audit, status, case=case, undring=undring, citizen=citizen)

    try:
        response = run()
    except Http404:
        write(404)  # the reason the view gave, or not found
        raise
    except PermissionDenied:
        write(403)
        raise
    except Exception:
        write(None)
        raise
    write(response.status_code)
    return response


def _write(
    request: HttpRequest,
    audit: Audit,
    status: int | None,
    *,
    case: Stafettlogg | None = None,
    undring: Undring | None = None,
    citizen: Kobling | None = None,
) -> None:
    action, reason = _outcome(audit, status)
    record(
        citizen=citizen,
        user=request.user,
        event=audit.event,
        action=action,
        reason=reason,
        case=case,
        undring=undring,
        tjeneste_id=audit.tjeneste_id,
        object_id=audit.object_id,
        path=request.path,
    )


def _refuse(
    request: HttpRequest, case: Stafettlogg, access: CaseAccess, reason: Denial
) -> HttpResponse:
    """The refusal's page; not taking part is a 404, so the case is not known to exist.
    Raised inside ``_logged``, which writes the row (with the reason) before the handler."""
    if reason == Denial.NOT_PARTICIPANT:
        raise Http404
    if reason == Denial.LOCKED:
        return render(
            request,
            "stafettlogg/locked.html",
            {
                "case": case,
                "lock": consent.why_locked(case),
                "access": access,
            },
            status=403,
        )
    raise PermissionDenied


GatedView = Callable[..., HttpResponseBase]


@prepared(pk=int)
def _case(pk: int) -> QuerySet[Stafettlogg]:
    """The case a view is about, with its service and baton holder (every page shows them)."""
    return Stafettlogg.objects.select_related("tjeneste", "stafettholder").filter(pk=pk)


def _gated(event: ByMethod, need: ByMethod, view: View) -> Callable[[GatedView], View]:
    """What every view of one case or concern checks before it looks the object up: logged
    in (no row for a visitor without a login), never kept by a browser or a proxy, a method
    the view takes, and the second factor. The checked function gets the method's
    (event, need) before the object's pk; the result stands in for ``view``."""

    def decorator(checked: GatedView) -> View:
        @login_required
        @never_cache
        @wraps(view)
        def wrapper(
            request: AuditedRequest, pk: int, *args: Any, **kwargs: Any
        ) -> HttpResponseBase:
            if (chosen := _for_method(request.method, event, need)) is None:
                return _not_allowed(event, need)
            if gate := _gate(request):  # no case content without a second factor
                return gate
            return checked(request, chosen, pk, *args, **kwargs)

        return _mark(wrapper)

    return decorator


def case_view(*, event: ByMethod, need: ByMethod = "read") -> Callable[[View], View]:
    """For views of one case, called as ``view(request, case, ...)``.

    ``event`` is the access-log code and ``need`` the right it takes (a ``CaseAccess``
    property: read, write, hold, record_consent, see_consents, insight); either may be a
    dict by HTTP method. The view finds the user's standing in ``request.case_access``.
    """

    def decorator(view: View) -> View:
        # Everything after the gate, the staff area included, is a decision about this case
        # and gets its row.
        @_gated(event, need, view)
        def checked(
            request: AuditedRequest, chosen: tuple[str, str], pk: int, *args: Any, **kwargs: Any
        ) -> HttpResponseBase:
            case = _case.first(pk=pk) if fits_a_key(pk) else None
            if case is None:
                raise Http404
            access = permissions.case_access(request.user, case)
            audit = Audit(event=chosen[0], tjeneste_id=access.participant_service_id)
            request.case_access = access

            def run() -> HttpResponseBase:
                refusal = access.denial(chosen[1])
                if refusal is not None:
                    audit.deny(refusal)
                    return _refuse(request, case, access, refusal)
                return view(request, case, *args, **kwargs)

            # A participant is always someone with a role in the staff area; the rule above
            # refuses anyone else as not taking part, so the area needs no check of its own.

            return _logged(request, audit, run, case=case)

        return checked

    return decorator


def undring_view(*, event: ByMethod, need: ByMethod = "see") -> Callable[[View], View]:
    """For views of one concern: its author and the author's service leaders only (404)."""

    def decorator(view: View) -> View:
        @_gated(event, need, view)
        def checked(
            request: AuditedRequest, chosen: tuple[str, str], pk: int, *args: Any, **kwargs: Any
        ) -> HttpResponseBase:
            undring = get_object_or_404(Undring.objects.select_related("tjeneste", "author"), pk=pk)
            access = permissions.undring_access(request.user, undring)
            audit = Audit(event=chosen[0], tjeneste_id=undring.tjeneste_id)
            request.undring_access = access

            def run() -> HttpResponseBase:
                refusal = access.denial(chosen[1])
                if refusal is not None:
                    audit.deny(refusal)  # the row is written by ``_logged`` before the handler
                    if refusal == Denial.NOT_PARTICIPANT:
                        raise Http404
                    raise PermissionDenied
                return view(request, undring, *args, **kwargs)

            return _logged(request, audit, run, undring=undring)

        return checked

    return decorator


def logged(*, event: str) -> Callable[[View], View]:
    """For staff views that show names of children without being about one case (lists):
    one row per request, without a case id."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: AuditedRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if gate := _gate(request):  # no case content without a second factor
                return gate
            return _logged(request, Audit(event=event), lambda: view(request, *args, **kwargs))

        return wrapper

    return decorator


def logged_creation(*, event: str) -> Callable[[View], View]:
    """For views that create a concern or a case log. Nothing exists before the view, so a
    form shown or refused writes no row; when the view tells what it made
    (``request.audit.created``), its row is written in the same transaction, so nothing is
    created unlogged and no row names what was not created."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: AuditedRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            audit = request.audit = Audit(event=event)
            with transaction.atomic():
                response = view(request, *args, **kwargs)
                made = audit.created
                if made is not None:
                    record(
                        user=request.user, event=event, path=request.path,
                        case=made if isinstance(made, Stafettlogg) else None,
                        undring=made if isinstance(made, Undring) else None,
                        tjeneste_id=made.tjeneste_id,
                    )  # fmt: skip
            return response

        return wrapper

    return decorator


def logged_case_action(*, event: str) -> Callable[[View], View]:
    """For a request about one case that is decided outside the case page (the service's
    administrator reassigning the baton): ``view(request, case, ...)`` with the case from
    ``case_pk``, and one row with the outcome, whatever refuses it."""

    def decorator(view: View) -> View:
        @login_required
        @never_cache
        @wraps(view)
        def wrapper(
            request: AuditedRequest, *args: Any, case_pk: int, **kwargs: Any
        ) -> HttpResponseBase:
            if gate := _gate(request):  # no case content without a second factor
                return gate
            case = get_object_or_404(Stafettlogg.objects.select_related("tjeneste"), pk=case_pk)
            audit = Audit(event=event)
            return _logged(request, audit, lambda: view(request, case, *args, **kwargs), case=case)

        return _mark(wrapper)

    return decorator


def citizen_case_view(*, event: ByMethod) -> Callable[[View], View]:
    """For the citizen area's views of one case, called as ``view(request, case, link)``.

    The citizen is the one logged in with ID-porten (``minside.identity``); ``link`` is their
    guardian link to this case (``permissions.citizen_link``). No login: to My page's front
    page. No link (another family's case, a revoked link): 404, and no row, since there is no
    one to name and nothing was shown. Otherwise one row with the outcome, naming the link.
    ``event`` may be a dict by HTTP method.
    """
    from django.shortcuts import redirect

    from minside import identity

    def decorator(view: View) -> View:
        @never_cache
        @wraps(view)
        def wrapper(
            request: AuditedRequest, pk: int, *args: Any, **kwargs: Any
        ) -> HttpResponseBase:
            if (chosen := _for_method(request.method, event, "")) is None:
                return _not_allowed(event)
            citizen = identity.current(request)
            if citizen is None:
                return redirect("minside:home")
            case = _case.first(pk=pk) if fits_a_key(pk) else None
            if case is None:
                raise Http404
            link = permissions.citizen_link(citizen, case)
            if link is None:
                raise Http404
            request.citizen = citizen
            audit = Audit(event=chosen[0])
            return _logged(
                request, audit, lambda: view(request, case, link, *args, **kwargs),
                case=case, citizen=link,
            )  # fmt: skip

        return wrapper

    return decorator
