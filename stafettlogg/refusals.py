"""The page a refused service call shows: why, in plain words, with the reason logged and no
case content on it."""

from django.shortcuts import render

from bts_portal.permissions import Denial


def refused(request, error, *, template="stafettlogg/refused.html", context=None):
    """A service said no: tell the user why, log the reason, show no case content."""
    request.audit.deny(error.reason)
    status = 403 if error.reason in {Denial.LOCKED, Denial.NOT_WRITABLE} else 409
    if error.reason == Denial.INVALID:
        status = 400
    return render(request, template, {"message": str(error), **(context or {})}, status=status)


def case_refused(request, case, error):
    return refused(request, error, context={"back": case.get_absolute_url(), "case": case})
