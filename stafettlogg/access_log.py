"""Access logging for case content: the decorators every case view goes through.

They load the case or concern from the URL, refuse anyone who may not see it (404: a
non-participant does not learn that the case exists), stop at the consent lock, and write
one access-log row for every request, before the view runs, in the same place for all.
"""

from functools import wraps

from django.shortcuts import get_object_or_404, render

from bts_portal import permissions
from bts_portal.decorators import staff_required

from . import consent
from .models import AccessLog, Deltaker, Stafettlogg, Undring


def participant_service(user, case):
    """The service a user takes part in a case for (for the access log)."""
    row = (
        Deltaker.objects.filter(stafettlogg=case, user=user, removed_at__isnull=True)
        .select_related("tjeneste")
        .first()
    )
    return row.tjeneste if row else None


def record(*, user, action: str, what: str, case=None, undring=None, tjeneste=None) -> AccessLog:
    return AccessLog.objects.create(
        user=user if user.is_authenticated else None,
        tjeneste=tjeneste,
        stafettlogg_id=case.pk if case else None,
        undring_id=undring.pk if undring else None,
        action=action,
        what=what[:200],
    )


def _action(request, write: bool, download: bool) -> str:
    if download:
        return AccessLog.Action.DOWNLOAD
    if write or request.method == "POST":
        return AccessLog.Action.WRITE
    return AccessLog.Action.VIEW


def case_view(*, write: bool = False, download: bool = False, allow_locked: bool = False):
    """For views of one case's content, called as ``view(request, case, ...)``.

    ``write`` also requires the write permission; ``allow_locked`` lets the consent page
    and the lock notice through when the consent is withdrawn or expired.
    """

    def decorator(view):
        @staff_required
        @wraps(view)
        def wrapper(request, pk, *args, **kwargs):
            case = get_object_or_404(Stafettlogg.objects.select_related("tjeneste"), pk=pk)
            if not permissions.may_read_case(request.user, case):
                record(
                    user=request.user, action=AccessLog.Action.DENIED, case=case, what=request.path
                )
                return render(request, "404.html", status=404)
            tjeneste = participant_service(request.user, case)
            current_lock = consent.lock(case)
            if current_lock is not None and not allow_locked:
                record(
                    user=request.user,
                    action=AccessLog.Action.DENIED,
                    case=case,
                    tjeneste=tjeneste,
                    what=f"{request.path} (låst)",
                )
                return render(
                    request,
                    "stafettlogg/locked.html",
                    {"case": case, "lock": current_lock},
                    status=403,
                )
            needs_write = write or request.method == "POST"
            if needs_write and not permissions.may_write_case(request.user, case):
                record(
                    user=request.user,
                    action=AccessLog.Action.DENIED,
                    case=case,
                    tjeneste=tjeneste,
                    what=request.path,
                )
                return render(request, "403.html", status=403)
            record(
                user=request.user,
                action=_action(request, write, download),
                case=case,
                tjeneste=tjeneste,
                what=request.path,
            )
            request.case_service = tjeneste
            return view(request, case, *args, **kwargs)

        wrapper.is_case_view = True
        return wrapper

    return decorator


def undring_view(view):
    """For views of one concern: its author and the author's service leaders only (404)."""

    @staff_required
    @wraps(view)
    def wrapper(request, pk, *args, **kwargs):
        undring = get_object_or_404(Undring.objects.select_related("tjeneste", "author"), pk=pk)
        if not permissions.may_see_undring(request.user, undring):
            record(
                user=request.user,
                action=AccessLog.Action.DENIED,
                undring=undring,
                what=request.path,
            )
            return render(request, "404.html", status=404)
        action = AccessLog.Action.WRITE if request.method == "POST" else AccessLog.Action.VIEW
        record(
            user=request.user,
            action=action,
            undring=undring,
            tjeneste=undring.tjeneste,
            what=request.path,
        )
        return view(request, undring, *args, **kwargs)

    wrapper.is_case_view = True
    return wrapper
