"""The baton holder's side of the digital consent (issue 20): ask the guardians on My page,
follow their answers, cancel the request. One access-log row per request (``case_view``)."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import digital_consent
from .access_log import case_view
from .consent_request_forms import ConsentRequestForm
from .refusals import create_from_form


def _page(request, case, *, form=None, status=200):
    pending = digital_consent.open_request(case)
    answers = {a.foresatt_id: a for a in pending.answers.all()} if pending else {}
    basis = pending.child_basis if pending else ""
    parties = [
        {"guardian": g, "answer": answers.get(g.pk)}
        for g in digital_consent.required_parties(case, child_basis=basis)
    ]
    if pending:
        request.audit.object_id = pending.pk
    return render(request, "stafettlogg/consent_request.html", {
        "case": case, "pending": pending, "parties": parties,
        "form": form or ConsentRequestForm(initial={"services": [case.tjeneste]}),
        "requires_all": settings.DIGITAL_CONSENT_REQUIRES == "all",
    }, status=status)  # fmt: skip


@case_view(
    event={"GET": "consent_request.view", "POST": "consent_request.create"},
    need={"GET": "hold", "POST": "record_consent"},
)
def consent_request(request, case):
    if request.method != "POST":
        return _page(request, case)
    form = ConsentRequestForm(request.POST)
    return create_from_form(
        request, form,
        lambda: digital_consent.request_create(case=case, by=request.user, **form.cleaned_data),
        page=lambda form, status: _page(request, case, form=form, status=status),
        success=_("The guardians are asked on My page."),
        then=redirect("consent_request:form", pk=case.pk),
    )  # fmt: skip


@require_POST
@case_view(event="consent_request.cancel", need="hold")
def consent_request_cancel(request, case):
    if digital_consent.request_cancel(case=case, by=request.user):
        messages.success(request, _("The consent request is cancelled."))
    else:
        messages.info(request, _("There was no open consent request to cancel."))
    return redirect("consent_request:form", pk=case.pk)
