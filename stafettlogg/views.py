"""Staff views for concerns (undring) and case logs. Every view of one case or concern goes
through ``access_log.case_view`` / ``undring_view``: permission, consent lock, access log."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bts_portal import permissions
from bts_portal.decorators import service_permission_required, staff_required
from bts_portal.permissions import ServicePerm
from handlingsveileder.selectors import steps_for_level

from . import consent, forms, selectors, services
from .access_log import case_view, record, undring_view
from .models import (
    AccessLog,
    Innslag,
    InsightReport,
    Overforing,
    Samtykke,
    Stafettlogg,
    Undring,
)
from .tasks import build_insight_report

ENTRY_FORMS = {
    Innslag.Kind.OBSERVATION: forms.ObservationForm,
    Innslag.Kind.CONVERSATION: forms.ConversationForm,
    Innslag.Kind.MEETING: forms.MeetingForm,
    Innslag.Kind.MEASURE: forms.MeasureForm,
    Innslag.Kind.EVALUATION: forms.EvaluationForm,
}


def _work_services(user):
    return permissions.services_with_perm(user, ServicePerm.WORK)


@staff_required
def my_work(request):
    return render(request, "stafettlogg/my_work.html", {
        "cases": selectors.my_cases(request.user),
        "undringer": selectors.my_undringer(request.user),
        "handovers": selectors.pending_handovers(request.user),
        "may_work": permissions.has_any_service_perm(request.user, ServicePerm.WORK),
    })  # fmt: skip


# --- Concerns -----------------------------------------------------------------------------


@staff_required
def undring_create(request):
    work = _work_services(request.user)
    if not work.exists():
        raise PermissionDenied
    form = forms.UndringForm(request.POST or None, services=work)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "tjeneste"}
        undring = services.undring_create(
            author=request.user, tjeneste=form.cleaned_data["tjeneste"], **data
        )
        messages.success(request, _("The concern is registered."))
        return redirect(undring)
    status = 400 if form.is_bound else 200
    return render(request, "stafettlogg/undring_form.html", {"form": form}, status=status)


def _undring_page(request, undring, *, status=200, **forms_):
    steps = steps_for_level(0)
    context = {
        "undring": undring,
        "form": forms.UndringForm(instance=undring, services=None),
        "close_form": forms.ReasonForm(),
        "report_form": forms.ReportForm(),
        "refusal_form": forms.RefusalForm(),
        "checklist": [(step, step.key in undring.done_steps) for step in steps],
        "reports": undring.reports.select_related("sent_by"),
        "refusals": undring.consents.filter(refused=True).prefetch_related("services"),
        "is_author": undring.author_id == request.user.pk,
        **forms_,
    }
    return render(request, "stafettlogg/undring_detail.html", context, status=status)


@undring_view
def undring_detail(request, undring):
    if request.method == "POST":
        if undring.author_id != request.user.pk or undring.status != Undring.Status.OPEN:
            raise PermissionDenied
        form = forms.UndringForm(request.POST, instance=undring, services=None)
        if not form.is_valid():
            return _undring_page(request, undring, form=form, status=400)
        form.save()
        messages.success(request, _("Saved."))
        return redirect(undring)
    return _undring_page(request, undring)


def _author_action(view):
    @require_POST
    @undring_view
    def wrapper(request, undring, *args, **kwargs):
        if undring.author_id != request.user.pk or undring.status != Undring.Status.OPEN:
            raise PermissionDenied
        return view(request, undring, *args, **kwargs)

    return wrapper


@_author_action
def undring_close(request, undring):
    form = forms.ReasonForm(request.POST)
    if not form.is_valid():
        return _undring_page(request, undring, close_form=form, status=400)
    services.undring_close(undring=undring, reason=form.cleaned_data["reason"])
    messages.success(request, _("The concern is closed."))
    return redirect(undring)


@_author_action
def undring_step(request, undring, key):
    if key not in {step.key for step in steps_for_level(0)}:
        return render(request, "404.html", status=404)
    services.undring_toggle_step(undring=undring, key=key)
    return redirect(f"{undring.get_absolute_url()}#sjekkliste")


@_author_action
def undring_report(request, undring):
    form = forms.ReportForm(request.POST)
    if not form.is_valid():
        return _undring_page(request, undring, report_form=form, status=400)
    services.report_record(
        user=request.user,
        tjeneste=undring.tjeneste,
        undring=undring,
        sent_on=form.cleaned_data["sent_on"],
    )
    messages.success(request, _("The report to the child welfare service is recorded."))
    return redirect(undring)


@_author_action
def undring_refusal(request, undring):
    form = forms.RefusalForm(request.POST)
    if not form.is_valid():
        return _undring_page(request, undring, refusal_form=form, status=400)
    services.refusal_record(
        undring=undring,
        user=request.user,
        given_by=form.cleaned_data["given_by"],
        services=form.cleaned_data["services"],
    )
    messages.success(request, _("The refusal is recorded. No case log is opened."))
    return redirect(undring)


# --- Opening a case -------------------------------------------------------------------------


@staff_required
def case_open(request):
    work = _work_services(request.user)
    if not work.exists():
        raise PermissionDenied
    undring = None
    undring_id = request.GET.get("undring", "")
    if undring_id:
        if not undring_id.isdigit():
            raise Http404
        undring = get_object_or_404(
            Undring, pk=int(undring_id), author=request.user, status=Undring.Status.OPEN
        )
    form = forms.OpenCaseForm(request.POST or None, request.FILES or None, services=work)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.stafettlogg_open(
                user=request.user, tjeneste=data["tjeneste"], child_name=data["child_name"],
                child_birth_date=data["child_birth_date"], guardians=form.guardians(),
                consent_data=form.consent_data(), services=data["services"],
                level=data["level"], undring=undring,
            )  # fmt: skip
        except consent.ConsentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The case log is opened."))
            return redirect(case)
    status = 400 if form.is_bound else 200
    return render(
        request,
        "stafettlogg/case_open.html",
        {"form": form, "undring": undring, "consent_age_note": forms.consent_age_note()},
        status=status,
    )


# --- A case -------------------------------------------------------------------------------


def _case_page(request, case, *, status=200, **extra):
    try:
        page = max(1, int(request.GET.get("side", 1)))
    except ValueError:
        page = 1
    context = selectors.case_page(case, request.user, page)
    context.update({
        "entry_forms": {kind: (ENTRY_FORMS[kind](case=case) if kind == Innslag.Kind.EVALUATION
                               else ENTRY_FORMS[kind]()) for kind in ENTRY_FORMS},
        "kinds": Innslag.Kind,
        "level_form": forms.LevelForm(),
        "participant_form": forms.ParticipantForm(services=consent.covered_services(case)),
        "close_form": forms.CloseForm(),
        "report_form": forms.ReportForm(),
    })  # fmt: skip
    context.update(extra)
    return render(request, "stafettlogg/case_detail.html", context, status=status)


@case_view()
def case_detail(request, case):
    return _case_page(request, case)


@case_view(write=True)
def entry_add(request, case, kind):
    if kind not in ENTRY_FORMS:
        return render(request, "404.html", status=404)
    form_class = ENTRY_FORMS[kind]
    kwargs = {"case": case} if kind == Innslag.Kind.EVALUATION else {}
    form = form_class(request.POST, **kwargs)
    if not form.is_valid():
        forms_ = {kind: form}
        return _case_page(request, case, status=400, entry_forms_override=forms_, open_kind=kind)
    try:
        services.entry_add(case=case, user=request.user, kind=kind, **form.cleaned_data)
    except consent.ConsentError as error:
        messages.error(request, str(error))
        return _case_page(request, case, status=409)
    messages.success(request, _("The entry is added."))
    return redirect(case)


@case_view(write=True)
def entry_correct(request, case, entry_pk):
    entry = get_object_or_404(Innslag, pk=entry_pk, stafettlogg=case)
    form = forms.CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.correction_add(
            case=case, user=request.user, corrects=entry, text=form.cleaned_data["text"]
        )
        messages.success(request, _("The correction is added. The original entry stays."))
        return redirect(case)
    return render(
        request,
        "stafettlogg/correction.html",
        {"case": case, "entry": entry, "form": form},
        status=400 if form.is_bound else 200,
    )


def _case_form_action(form_factory, action, success):
    """A POST on a case: validate the form, run the service, report consent problems."""

    @require_POST
    @case_view(write=True)
    def view(request, case):
        form = form_factory(request, case)
        if not form.is_valid():
            return _case_page(request, case, status=400, action_errors=form.errors)
        try:
            action(request, case, form.cleaned_data)
        except consent.ConsentError as error:
            messages.error(request, str(error))
            return _case_page(request, case, status=409)
        messages.success(request, success())
        return redirect(case)

    return view


level_change = _case_form_action(
    lambda request, case: forms.LevelForm(request.POST),
    lambda request, case, data: services.level_change(case=case, user=request.user, **data),
    lambda: _("The level is changed."),
)
participant_add = _case_form_action(
    lambda request, case: forms.ParticipantForm(
        request.POST, services=consent.covered_services(case)
    ),
    lambda request, case, data: services.participant_add(case=case, by=request.user, **data),
    lambda: _("The participant is added."),
)
case_close = _case_form_action(
    lambda request, case: forms.CloseForm(request.POST),
    lambda request, case, data: services.case_close(case=case, user=request.user, **data),
    lambda: _("The case is closed."),
)
case_report = _case_form_action(
    lambda request, case: forms.ReportForm(request.POST),
    lambda request, case, data: services.report_record(
        user=request.user, tjeneste=request.case_service or case.tjeneste, case=case, **data
    ),
    lambda: _("The report to the child welfare service is recorded."),
)


@require_POST
@case_view(write=True)
def handover_request(request, case):
    form = forms.ParticipantForm(request.POST, services=consent.covered_services(case))
    if not form.is_valid():
        return _case_page(request, case, status=400, action_errors=form.errors)
    try:
        services.handover_request(
            case=case,
            user=request.user,
            to_user=form.cleaned_data["user"],
            to_tjeneste=form.cleaned_data["tjeneste"],
        )
    except consent.ConsentError as error:
        messages.error(request, str(error))
        return _case_page(request, case, status=409)
    messages.success(request, _("The baton is offered. You keep it until it is accepted."))
    return redirect(case)


@require_POST
@case_view(write=True)
def handover_answer(request, case, handover_pk):
    handover = get_object_or_404(Overforing, pk=handover_pk, stafettlogg=case)
    accept = request.POST.get("answer") == "accept"
    try:
        services.handover_answer(handover=handover, user=request.user, accept=accept)
    except consent.ConsentError as error:
        messages.error(request, str(error))
        return _case_page(request, case, status=409)
    messages.success(request, _("You hold the baton now.") if accept else _("Declined."))
    return redirect(case)


@require_POST
@case_view(write=True)
def checklist_step(request, case, key):
    if key not in {step.key for step in steps_for_level(case.level)}:
        return render(request, "404.html", status=404)
    services.checklist_toggle(case=case, user=request.user, key=key)
    return redirect(f"{case.get_absolute_url()}#sjekkliste")


@case_view(allow_locked=True)
def case_consent(request, case):
    """The consents of a case; a new consent here can also unlock an expired log."""
    form = forms.ConsentFields(request.POST or None, request.FILES or None)
    withdraw_form = forms.ReasonForm()
    if request.method == "POST":
        if not permissions.may_write_case(request.user, case) or not case.is_active:
            raise PermissionDenied
        if form.is_valid():
            services.consent_add(
                case=case,
                user=request.user,
                consent_data=form.consent_data(),
                services=form.cleaned_data["services"],
            )
            messages.success(request, _("The consent is recorded."))
            return redirect("stafettlogg:consent", pk=case.pk)
    return render(request, "stafettlogg/case_consent.html", {
        "case": case, "form": form, "withdraw_form": withdraw_form,
        "consents": case.consents.prefetch_related("services").select_related("recorded_by"),
        "lock": consent.lock(case), "consent_age_note": forms.consent_age_note(),
    }, status=400 if form.is_bound else 200)  # fmt: skip


@require_POST
@case_view(write=True, allow_locked=True)
def consent_withdraw(request, case):
    form = forms.ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write what the guardians said."))
        return redirect("stafettlogg:consent", pk=case.pk)
    services.consent_withdraw(case=case, user=request.user, reason=form.cleaned_data["reason"])
    messages.success(request, _("The consent is withdrawn. The log is locked."))
    return redirect("stafettlogg:consent", pk=case.pk)


# --- Leaders: the service's cases as metadata --------------------------------------------


@service_permission_required(ServicePerm.VIEW_CASES)
def service_cases(request, tjeneste):
    page = Paginator(selectors.service_cases(tjeneste), 50).get_page(request.GET.get("side"))
    return render(request, "stafettlogg/service_cases.html", {
        "tjeneste": tjeneste, "cases": page.object_list, "page": page,
        "may_reassign": permissions.has_service_perm(
            request.user, ServicePerm.REASSIGN_STAFETTHOLDER, tjeneste),
        "reassign_form": forms.ReassignForm(tjeneste=tjeneste),
    })  # fmt: skip


@require_POST
@service_permission_required(ServicePerm.REASSIGN_STAFETTHOLDER)
def service_case_reassign(request, tjeneste, case_pk):
    case = get_object_or_404(Stafettlogg, pk=case_pk, tjeneste=tjeneste)
    form = forms.ReassignForm(request.POST, tjeneste=tjeneste)
    if not form.is_valid():
        messages.error(request, _("Choose a colleague in the service."))
        return redirect("stafettlogg:service_cases", slug=tjeneste.slug)
    services.stafettholder_reassign(
        case=case, by=request.user, new_holder=form.cleaned_data["new_holder"]
    )
    # Reassigning writes an entry: logged, though the administrator reads no content.
    record(
        user=request.user,
        action=AccessLog.Action.WRITE,
        case=case,
        tjeneste=tjeneste,
        what=request.path,
    )
    messages.success(request, _("The baton holder is changed."))
    return redirect("stafettlogg:service_cases", slug=tjeneste.slug)


# --- Insight for the guardians --------------------------------------------------------------


@require_POST
@case_view(allow_locked=True)
def insight_request(request, case):
    """The baton holder asks for a PDF of everything stored about the child (made by a task)."""
    if not permissions.is_stafettholder(request.user, case):
        raise PermissionDenied
    report = InsightReport.objects.create(stafettlogg=case, requested_by=request.user)
    build_insight_report.delay(report.pk)
    return redirect("stafettlogg:insight", pk=case.pk, report_pk=report.pk)


@case_view(allow_locked=True)
def insight_status(request, case, report_pk):
    report = get_object_or_404(InsightReport, pk=report_pk, stafettlogg=case)
    return render(request, "stafettlogg/insight_status.html", {"case": case, "report": report})


@case_view(download=True, allow_locked=True)
def insight_download(request, case, report_pk):
    report = get_object_or_404(InsightReport, pk=report_pk, stafettlogg=case)
    if report.status != InsightReport.Status.DONE or not report.file:
        raise Http404
    return FileResponse(
        report.file.open("rb"),
        as_attachment=True,
        filename=f"innsyn-stafettlogg-{case.pk}.pdf",
        content_type="application/pdf",
    )


@case_view(download=True, allow_locked=True)
def consent_document(request, case, consent_pk):
    """The signed consent form, for the case's participants (logged as a download)."""
    samtykke = get_object_or_404(Samtykke, pk=consent_pk, stafettlogg=case)
    if not samtykke.document:
        raise Http404
    return FileResponse(
        samtykke.document.open("rb"),
        as_attachment=True,
        filename=f"samtykke-{case.pk}-{samtykke.pk}.pdf",
        content_type="application/pdf",
    )
