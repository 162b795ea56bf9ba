"""The guardians' digital consent on My page: read the request, answer it, get the receipt,
withdraw the consent. Every request is one access-log row naming the citizen's link
(``access_log.citizen_case_view``); the rules are ``stafettlogg.digital_consent``."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stafettlogg import digital_consent
from stafettlogg.access_log import citizen_case_view
from stafettlogg.errors import CaseError
from stafettlogg.models import SamtykkeSvar

from . import receipts
from .forms import ConsentAnswerForm


def _page(request, case, link, *, form=None, status=200):
    pending = digital_consent.open_request(case)
    answered = (
        next((a for a in pending.answers.all() if a.foresatt_id == link.foresatt_id), None)
        if pending
        else None
    )
    if pending and form is None and answered is None:
        form = ConsentAnswerForm(request=pending, holder_service=case.tjeneste)
    if pending:
        request.audit.object_id = pending.pk
    return render(request, "minside/consent.html", {
        "case": case, "link": link, "pending": pending, "answered": answered, "form": form,
        "may_answer": pending is not None and link.foresatt_id in {
            p.pk for p in digital_consent.required_parties(case, child_basis=pending.child_basis)
        },
        "receipts": SamtykkeSvar.objects.filter(foresatt=link.foresatt)
        .select_related("request").order_by("-answered_at", "-pk"),
    }, status=status)  # fmt: skip


@citizen_case_view(event={"GET": "citizen.consent_view", "POST": "citizen.consent_answer"})
def consent(request, case, link):
    """The plain explanation and the form; a POST is the guardian's answer."""
    if request.method != "POST":
        return _page(request, case, link)
    pending = digital_consent.open_request(case)
    if pending is None:
        messages.error(request, _("The consent request is no longer open."))
        return _page(request, case, link, status=409)
    form = ConsentAnswerForm(request.POST, request=pending, holder_service=case.tjeneste)
    if not form.is_valid():
        return _page(request, case, link, form=form, status=400)
    try:
        answer = digital_consent.answer(
            case=case, link=link, request_id=form.cleaned_data["request"],
            acr=request.citizen.acr, accept=form.accepts,
            services=form.cleaned_data["services"],
            language=translation.get_language() or "nb",
        )  # fmt: skip
    except CaseError as error:
        request.audit.deny(error.reason)
        messages.error(request, str(error))
        return _page(request, case, link, status=409)
    request.audit.object_id = answer.pk
    messages.success(
        request,
        _("Thank you. Your consent is recorded.")
        if form.accepts
        else _("Thank you. Your answer is recorded: you do not consent."),
    )
    return redirect("minside:consent", pk=case.pk)


@citizen_case_view(event="citizen.receipt")
def receipt(request, case, link, answer_pk):
    """The receipt of the guardian's own answer, as a tagged PDF in their language."""
    answer = get_object_or_404(
        SamtykkeSvar.objects.select_related("request__samtykke", "foresatt"),
        pk=answer_pk, foresatt=link.foresatt,
    )  # fmt: skip
    request.audit.object_id = answer.pk
    response = HttpResponse(receipts.render(case, answer), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="samtykke-kvittering-{answer.pk}.pdf"'
    return response


@require_POST
@citizen_case_view(event="citizen.consent_withdraw")
def withdraw(request, case, link):
    """The guardian withdraws the consent; the log locks at once for the staff."""
    try:
        digital_consent.withdraw(case=case, link=link)
    except CaseError as error:
        request.audit.deny(error.reason)
        messages.error(request, str(error))
        return redirect("minside:case", pk=case.pk)
    messages.success(
        request, _("Your consent is withdrawn. The services can no longer read the log.")
    )
    return redirect("minside:case", pk=case.pk)
