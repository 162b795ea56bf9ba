"""Staff views for concerns (undring) and case logs. Every view of one case or concern goes
through ``access_log.case_view`` / ``undring_view``: the access rule, then the view, then
one access-log row with the outcome. Views parse input and render; services decide."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from bts_portal import jobs, permissions
from bts_portal.decorators import service_permission_required, staff_required
from bts_portal.permissions import Denial, ServicePerm
from handlingsveileder.selectors import steps_for_level
from innlogging.gate import second_factor_required
from minside import forms as minside_forms
from minside import services as minside_services
from organisasjon.models import Tjeneste

from . import (
    case_actions,
    checklist,
    checklist_markup,
    consent,
    forms,
    selectors,
    services,
    timeline,
    work_list,
)
from .access_log import case_view, logged, logged_case_action, logged_creation, undring_view
from .errors import CaseError
from .models import Deltaker, Innslag, InsightReport, Overforing, Samtykke, Stafettlogg, Undring
from .refusals import attempt, create_from_form


def _work_services(user):
    """The services the user may work in; PermissionDenied where there are none."""
    work = permissions.services_with_perm(user, ServicePerm.WORK)
    if not work.exists():
        raise PermissionDenied
    return work


@staff_required
@never_cache
@logged(event="mywork.view")
def my_work(request):
    # The user's standing in their cases, read once from this request's facts for both lists.
    standings = permissions.case_standings(request.user)
    lists = {
        "cases": selectors.with_next_steps(
            selectors.my_cases(request.user, standings), user=request.user
        ),
        "closed": selectors.my_closed_cases(request.user, standings),
        "undringer": list(selectors.my_undringer(request.user)),
    }
    work_list.present(**lists, user=request.user)
    return render(request, "stafettlogg/my_work.html", {
        **lists,
        "case_rows": work_list.case_rows(lists["cases"], overdue_label=_("overdue")),
        "undring_rows": work_list.undring_rows(lists["undringer"]),
        "handovers": selectors.pending_handovers(request.user),
        "may_work": permissions.has_any_service_perm(request.user, ServicePerm.WORK),
    })  # fmt: skip


# --- Concerns -----------------------------------------------------------------------------


@staff_required
@second_factor_required  # innlogging: no case content without a second factor
@never_cache
@logged_creation(event="undring.create")
def undring_create(request):
    work = _work_services(request.user)
    form = forms.UndringForm(request.POST or None, services=work)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "tjeneste"}
        tjeneste = form.cleaned_data["tjeneste"]
        undring = services.undring_create(author=request.user, tjeneste=tjeneste, **data)
        request.audit.created = undring
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
        "checklist": checklist.items(
            steps, set(undring.done_steps), timezone.localdate(undring.created_at)
        ),
        "reports": undring.reports.select_related("sent_by"),
        "refusals": undring.consents.filter(refused=True).prefetch_related("services"),
        "is_author": request.undring_access.work,
        **forms_,
    }
    return render(request, "stafettlogg/undring_detail.html", context, status=status)


@undring_view(
    event={"GET": "undring.view", "POST": "undring.edit"}, need={"GET": "see", "POST": "work"}
)
def undring_detail(request, undring):
    if request.method == "POST":
        form = forms.UndringForm(request.POST, instance=Undring.objects.get(pk=undring.pk),
                                 services=None)  # fmt: skip
        if not form.is_valid():
            return _undring_page(request, undring, form=form, status=400)

        def save():
            services.undring_update(undring=undring, user=request.user, **form.cleaned_data)
            return redirect(undring)

        return attempt(request, undring, save, _("Saved."))
    return _undring_page(request, undring)


def _undring_action(event):
    def decorator(view):
        @require_POST
        @undring_view(event=event, need="work")
        def wrapper(request, undring, *args, **kwargs):
            return attempt(request, undring, lambda: view(request, undring, *args, **kwargs))

        return wrapper

    return decorator


@_undring_action("undring.close")
def undring_close(request, undring):
    form = forms.ReasonForm(request.POST)
    if not form.is_valid():
        return _undring_page(request, undring, close_form=form, status=400)
    services.undring_close(undring=undring, user=request.user, reason=form.cleaned_data["reason"])
    messages.success(request, _("The concern is closed."))
    return redirect(undring)


@_undring_action("undring.step")
def undring_step(request, undring, key):
    if key not in {step.key for step in steps_for_level(0)}:
        raise Http404
    done = request.POST.get("done", "1" if key not in undring.done_steps else "0")
    if done not in {"0", "1"}:
        return render(request, "400.html", status=400)
    services.undring_set_step(undring=undring, user=request.user, key=key, done=done == "1")
    return redirect(f"{undring.get_absolute_url()}#sjekkliste")


@_undring_action("undring.report")
def undring_report(request, undring):
    form = forms.ReportForm(request.POST)
    if not form.is_valid():
        return _undring_page(request, undring, report_form=form, status=400)
    services.report_record(user=request.user, undring=undring, sent_on=form.cleaned_data["sent_on"])
    messages.success(request, _("The report to the child welfare service is recorded."))
    return redirect(undring)


@_undring_action("undring.refusal")
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
@second_factor_required  # innlogging: no case content without a second factor
@never_cache
@logged_creation(event="case.open")
def case_open(request):
    work = _work_services(request.user)
    undring = None
    undring_id = request.GET.get("undring", "")
    if undring_id:
        if not undring_id.isdigit() or len(undring_id) > 18:
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
                level=data["level"], undring=undring, token=data["token"],
            )  # fmt: skip
            request.audit.created = case
        except CaseError as error:
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


def _page_number(request) -> int:
    value = request.GET.get("side", "1")
    if not value.isdigit() or len(value) > 6:
        return 1
    return max(1, int(value))


def _case_page(request, case):
    context = selectors.case_page(case, request.user, _page_number(request))
    access = request.case_access
    entry_form = None
    if access.write:
        # The one form the page renders: plain widgets, no crispy (issue 19); every other
        # action is a link to a page of its own.
        entry_form = case_actions.entry_form(case_actions.DEFAULT_ENTRY, case, auto_id="entry-%s")
        for field in entry_form.visible_fields():
            field.field.widget.attrs["class"] = "form-control"
    timeline.present(context["entries"], case, may_correct=access.write)
    context["checklist"] = checklist_markup.lines(
        context["checklist"], case, may_tick=access.write,
        csrf_token=get_token(request) if access.write else "",
    )  # fmt: skip
    # One reverse for the links to the other kinds of entry: they differ only in the kind.
    add_prefix = reverse("stafettlogg:entry_add", args=[case.pk, "0"])[:-2]
    context.update({
        "access": access,
        "entry_form": entry_form,
        "entry_kinds": [(f"{add_prefix}{kind}/", kind.label) for kind in case_actions.ENTRY_FORMS
                        if kind != case_actions.DEFAULT_ENTRY],
    })  # fmt: skip
    return render(request, "stafettlogg/case_detail.html", context)


@case_view(event="case.view")
def case_detail(request, case):
    return _case_page(request, case)


@case_view(
    event={"GET": "entry.correct_form", "POST": "entry.correct"},
    need={"GET": "read", "POST": "write"},
)
def entry_correct(request, case, entry_pk):
    entry = get_object_or_404(Innslag, pk=entry_pk, stafettlogg=case)
    request.audit.object_id = entry.pk
    form = forms.CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():

        def correct():
            services.correction_add(
                case=case, user=request.user, corrects=entry, text=form.cleaned_data["text"],
                token=form.cleaned_data["token"],
            )  # fmt: skip
            return redirect(case)

        return attempt(
            request, case, correct, _("The correction is added. The original entry stays.")
        )
    return render(
        request,
        "stafettlogg/correction.html",
        {"case": case, "entry": entry, "form": form},
        status=400 if form.is_bound else 200,
    )


@require_POST
@case_view(event="participant.remove", need="knows")
def participant_remove(request, case, participant_pk):
    participant = get_object_or_404(
        Deltaker.objects.select_related("user", "tjeneste"), pk=participant_pk, stafettlogg=case
    )
    request.audit.object_id = participant.pk
    leaving = participant.user_id == request.user.pk

    def remove():
        services.participant_remove(case=case, by=request.user, participant=participant)
        return redirect("stafettlogg:my_work") if leaving else redirect(case)

    done = (
        _("You no longer take part in the case.") if leaving else _("The participation has ended.")
    )
    return attempt(request, case, remove, done)


@require_POST
@case_view(event="handover.accept", need="write")
def handover_answer(request, case, handover_pk):
    handover = get_object_or_404(Overforing, pk=handover_pk, stafettlogg=case)
    request.audit.object_id = handover.pk
    answer = request.POST.get("answer")
    if answer not in {"accept", "decline"}:
        return render(request, "400.html", status=400)
    if answer == "decline":
        request.audit.event = "handover.decline"

    def answer_it():
        services.handover_answer(handover=handover, user=request.user, accept=answer == "accept")
        return redirect(case)

    done = _("You hold the baton now.") if answer == "accept" else _("Declined.")
    return attempt(request, case, answer_it, done)


@require_POST
@case_view(event="checklist.toggle", need="write")
def checklist_step(request, case, key):
    if key not in {step.key for step in steps_for_level(case.level)}:
        raise Http404
    done = request.POST.get("done")
    if done not in {"0", "1"}:
        return render(request, "400.html", status=400)

    def tick():
        services.checklist_set(case=case, user=request.user, key=key, done=done == "1")
        return redirect(f"{case.get_absolute_url()}#sjekkliste")

    return attempt(request, case, tick)


def _consent_page(
    request, case, *, form=None, withdraw_form=None, invite_form=None, young_form=None, status=200
):
    access = request.case_access
    guardians = list(
        case.guardians.filter(parental_responsibility=True).values_list("name", flat=True)
    )
    return render(request, "stafettlogg/case_consent.html", {
        "case": case, "access": access,
        "form": form or forms.ConsentFields(guardian_names=guardians,
                                            child_birth_date=case.child_birth_date,
                                            initial=selectors.consent_renewal(case)),
        "withdraw_form": withdraw_form or forms.ReasonForm(),
        "consents": case.consents.prefetch_related("services").select_related("recorded_by"),
        "lock": consent.lock(case), "consent_age_note": forms.consent_age_note(),
        **({"citizen_guardians": minside_services.guardian_status(case),
            "invite_form": invite_form or minside_forms.InviteForm(case=case),
            "young_form": young_form or minside_forms.YoungPersonInviteForm(case=case),
            "consent_age": settings.CONSENT_AGE,
            "young_of_age": consent.age_on(case.child_birth_date, timezone.localdate())
            >= settings.CONSENT_AGE}
           if access.hold else {}),
    }, status=status)  # fmt: skip


@case_view(
    event={"GET": "consent.view", "POST": "consent.add"},
    need={"GET": "see_consents", "POST": "record_consent"},
)
def case_consent(request, case):
    """The consents of a case; the baton holder records a new one here, also to open a
    locked log again."""
    if request.method != "POST":
        return _consent_page(request, case)
    guardians = list(
        case.guardians.filter(parental_responsibility=True).values_list("name", flat=True)
    )
    form = forms.ConsentFields(
        request.POST, request.FILES, guardian_names=guardians,
        child_birth_date=case.child_birth_date,
    )  # fmt: skip
    return create_from_form(
        request, form,
        lambda: services.consent_add(
            case=case, user=request.user, consent_data=form.consent_data(),
            services=form.cleaned_data["services"],
        ),
        page=lambda form, status: _consent_page(request, case, form=form, status=status),
        success=_("The consent is recorded."),
        then=redirect("stafettlogg:consent", pk=case.pk),
    )  # fmt: skip


@require_POST
@case_view(event="consent.withdraw", need="write")
def consent_withdraw(request, case):
    form = forms.ReasonForm(request.POST)
    if not form.is_valid():
        return _consent_page(request, case, withdraw_form=form, status=400)

    def withdraw():
        services.consent_withdraw(case=case, user=request.user, reason=form.cleaned_data["reason"])
        return redirect("stafettlogg:consent", pk=case.pk)

    return attempt(request, case, withdraw, _("The consent is withdrawn. The log is locked."))


@require_POST
@case_view(event="citizen.invite", need="record_consent")
def citizen_invite(request, case):
    """The baton holder invites a guardian to My page (minside) by e-mail or SMS."""
    form = minside_forms.InviteForm(request.POST, case=case)
    return _send_invitation(
        request, case, form, "invite_form",
        lambda: minside_services.invite(
            foresatt=form.cleaned_data["foresatt"], channel=form.cleaned_data["channel"],
            by=request.user,
        ),
    )  # fmt: skip


@require_POST
@case_view(event="citizen.invite", need="record_consent")
def citizen_invite_young(request, case):
    """The baton holder invites the young person (from CONSENT_AGE) to My page."""
    form = minside_forms.YoungPersonInviteForm(request.POST, case=case)
    return _send_invitation(
        request, case, form, "young_form",
        lambda: minside_services.young_person_invite(
            case=case, by=request.user, **form.cleaned_data
        ),
        refusal_denies=True,
    )  # fmt: skip


def _send_invitation(request, case, form, form_name, invite, *, refusal_denies=False):
    """Send the invitation ``invite()`` makes once ``form`` (shown again on the consent page as
    ``form_name``) is valid; a refusal is shown on the form (and, with ``refusal_denies``, marks
    the log row denied)."""
    if not form.is_valid():
        return _consent_page(request, case, **{form_name: form}, status=400)
    try:
        invitation = invite()
    except minside_services.InviteError as error:
        form.add_error(None, str(error))
        if refusal_denies:
            request.audit.deny(Denial.INVALID)
        return _consent_page(request, case, **{form_name: form}, status=400)
    request.audit.object_id = invitation.foresatt_id
    messages.success(request, _("The invitation is sent."))
    return redirect("stafettlogg:consent", pk=case.pk)


@require_POST
@case_view(event="citizen.revoke", need="hold")
def citizen_revoke(request, case):
    """The baton holder ends a guardian's access to My page; a second click changes nothing."""
    form = minside_forms.GuardianForm(request.POST, case=case)
    if not form.is_valid():
        return _consent_page(request, case, status=400)
    guardian = form.cleaned_data["foresatt"]
    request.audit.object_id = guardian.pk
    if minside_services.revoke(foresatt=guardian, by=request.user):
        messages.success(request, _("The guardian no longer has access on My page."))
    else:
        messages.info(request, _("The guardian had no access on My page to revoke."))
    return redirect("stafettlogg:consent", pk=case.pk)


# --- Leaders: the service's cases as metadata --------------------------------------------


def _service_cases_page(request, tjeneste, *, status=200, error=None):
    page = Paginator(selectors.service_cases(tjeneste), 50).get_page(request.GET.get("side"))
    return render(request, "stafettlogg/service_cases.html", {
        "tjeneste": tjeneste, "cases": page.object_list, "page": page,
        "may_reassign": permissions.has_service_perm(
            request.user, ServicePerm.REASSIGN_STAFETTHOLDER, tjeneste),
        "reassign_form": forms.ReassignForm(tjeneste=tjeneste, by=request.user),
        "error": error,
    }, status=status)  # fmt: skip


@service_permission_required(ServicePerm.VIEW_CASES)
@never_cache
def service_cases(request, tjeneste):
    return _service_cases_page(request, tjeneste)


@require_POST
@logged_case_action(event="case.reassign")
def service_case_reassign(request, case, slug):
    """The administrator gives the baton to a colleague; logged as a write of the case's
    metadata, or a refusal with its reason. The administrator reads no content."""
    tjeneste = get_object_or_404(Tjeneste, slug=slug, is_active=True)
    request.audit.tjeneste_id = tjeneste.pk
    if case.tjeneste_id != tjeneste.pk or not permissions.may_reassign(request.user, case):
        raise Http404
    form = forms.ReassignForm(request.POST, tjeneste=tjeneste, by=request.user)
    if not form.is_valid():
        error = _("Choose a colleague in the service who does case work.")
        return _service_cases_page(request, tjeneste, status=400, error=error)
    try:
        services.stafettholder_reassign(
            case=case, by=request.user, new_holder=form.cleaned_data["new_holder"]
        )
    except CaseError as refusal:
        request.audit.deny(refusal.reason)
        return _service_cases_page(request, tjeneste, status=409, error=str(refusal))
    messages.success(request, _("The baton holder is changed."))
    return redirect("stafettlogg:service_cases", slug=tjeneste.slug)


# --- Insight for the guardians --------------------------------------------------------------


@require_POST
@case_view(event="insight.request", need="insight")
def insight_request(request, case):
    """The baton holder asks for a PDF of everything stored about the child (made by a task).
    A second click while one is being made leads to the same one."""
    with transaction.atomic():
        Stafettlogg.objects.select_for_update().get(pk=case.pk)
        report = case.insight_reports.filter(
            status__in=[InsightReport.Status.PENDING, InsightReport.Status.RUNNING],
            citizen__isnull=True,
        ).first()
        if report is None:
            report = InsightReport.objects.create(stafettlogg=case, requested_by=request.user)
            jobs.enqueue(report)  # when the transaction commits (bts_portal.jobs)
    request.audit.object_id = report.pk
    return redirect("stafettlogg:insight", pk=case.pk, report_pk=report.pk)


@case_view(event="insight.status", need="insight")
def insight_status(request, case, report_pk):
    report = get_object_or_404(
        InsightReport, pk=report_pk, stafettlogg=case, citizen__isnull=True
    )  # a citizen's own report is theirs alone
    request.audit.object_id = report.pk
    return render(request, "stafettlogg/insight_status.html", {"case": case, "report": report})


@case_view(event="insight.download", need="insight")
def insight_download(request, case, report_pk):
    report = get_object_or_404(
        InsightReport, pk=report_pk, stafettlogg=case, citizen__isnull=True
    )  # a citizen's own report is theirs alone
    request.audit.object_id = report.pk
    return jobs.download(report, f"innsyn-stafettlogg-{case.pk}.pdf")


@case_view(event="consent.document", need="see_consents")
def consent_document(request, case, consent_pk):
    """The signed consent form, for those who may see the case's consents."""
    samtykke = get_object_or_404(Samtykke, pk=consent_pk, stafettlogg=case)
    request.audit.object_id = samtykke.pk
    if not samtykke.document:
        raise Http404
    return FileResponse(
        samtykke.document.open("rb"),
        as_attachment=True,
        filename=f"samtykke-{case.pk}-{samtykke.pk}.pdf",
        content_type="application/pdf",
    )
