"""The family's own view of the case log on My page (the guardians' and the young person's)
and their contribution to it ("the family's view"); their own copy of the insight PDF is in
``insight_views``. Every request is one access-log row naming the citizen's link."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stafettlogg import digital_consent
from stafettlogg.access_log import citizen_case_view
from stafettlogg.consent import active_consents
from stafettlogg.errors import CaseError

from . import services
from .forms import FamilyViewForm
from .log_content import citizen_log


def _page(request, case, link, *, form=None, status=200):
    return render(request, "minside/case.html", {
        **citizen_log(case), "link": link, "form": form or FamilyViewForm(),
        "pending": digital_consent.open_request(case),
        "consent_active": active_consents(case).exists(), "closed": not case.is_active,
        "first_name": (case.child_name.split() or [""])[0],
        "insight_report": link.insight_reports.filter(stafettlogg=case).order_by("-pk").first(),
    }, status=status)  # fmt: skip


@citizen_case_view(event="citizen.case_view")
def case(request, case, link):
    return _page(request, case, link)


@require_POST
@citizen_case_view(event="citizen.entry_add")
def family_view(request, case, link):
    form = FamilyViewForm(request.POST)
    if not form.is_valid():
        return _page(request, case, link, form=form, status=400)
    try:
        entry = services.family_view_add(
            case=case, link=link, text=form.cleaned_data["text"], token=form.cleaned_data["token"]
        )
    except (CaseError, services.InviteError) as error:
        form.add_error(None, str(error))
        request.audit.deny(getattr(error, "reason", "not_permitted"))
        return _page(request, case, link, form=form, status=403)
    request.audit.object_id = entry.pk
    messages.success(request, _("Thank you. What you wrote is in the log."))
    return redirect("minside:case", pk=case.pk)
