"""The page a refused service call shows: why, in plain words, with the reason logged and no
case content on it."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import render

from bts_portal.permissions import Denial

from .errors import CaseError
from .models import Stafettlogg


def refused(request, error, *, template="stafettlogg/refused.html", context=None):
    """A service said no: tell the user why, log the reason, show no case content."""
    request.audit.deny(error.reason)
    status = 403 if error.reason in {Denial.LOCKED, Denial.NOT_WRITABLE} else 409
    if error.reason == Denial.INVALID:
        status = 400
    return render(request, template, {"message": str(error), **(context or {})}, status=status)


def case_refused(request, case, error):
    return refused(request, error, context={"back": case.get_absolute_url(), "case": case})


def on_form(request, form, error) -> int:
    """A service refused what a valid form asked: the reason on the form and in the log; the
    status for the page that shows the form again (400 for invalid input, else 409)."""
    form.add_error(None, str(error))
    request.audit.deny(error.reason)
    return 400 if error.reason == Denial.INVALID else 409


def attempt(request, about, action, success=""):
    """Run ``action`` (a service call that returns the response): tell the user ``success``,
    or, when the service refuses, why, with a way back to ``about`` (the case or concern)."""
    try:
        response = action()
    except CaseError as error:
        if isinstance(about, Stafettlogg):
            return case_refused(request, about, error)
        return refused(request, error, context={"back": about.get_absolute_url()})
    if success:
        messages.success(request, success)
    return response


def create_from_form(request, form, create, *, page, success, then) -> HttpResponse:
    """Once ``form`` is valid, ``create()`` (a service call that returns the new row, whose id
    goes in the log), tell the user ``success`` and answer ``then``; an invalid form, or one the
    service refuses with the reason on it, is shown again by ``page(form, status)``."""
    if not form.is_valid():
        return page(form, 400)
    try:
        created = create()
    except CaseError as error:
        return page(form, on_form(request, form, error))
    request.audit.object_id = created.pk
    messages.success(request, success)
    return then
