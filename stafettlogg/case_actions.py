"""The case page's actions, each on a page of its own: a new entry of any kind, a change of
level, a participant, the baton offered, a report to child welfare, closing the case.

A GET shows the form (one access-log row: the form shows whose case it is), a POST runs the
service; an invalid form comes back on the same page with its errors and status 400. The
case page itself renders only the most used form (an observation), so that it stays light
whatever a case holds (issue 19).
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import consent, forms, services
from .access_log import case_view
from .models import Innslag
from .refusals import attempt

ENTRY_FORMS = {
    Innslag.Kind.OBSERVATION: forms.ObservationForm,
    Innslag.Kind.CONVERSATION: forms.ConversationForm,
    Innslag.Kind.MEETING: forms.MeetingForm,
    Innslag.Kind.MEASURE: forms.MeasureForm,
    Innslag.Kind.EVALUATION: forms.EvaluationForm,
}
# The entry the case page offers open; the others are a link away.
DEFAULT_ENTRY = Innslag.Kind.OBSERVATION


# The baton holder's forms are shown only to the holder of an open log; a POST from anyone
# else who may write reaches the service, which refuses it with its reason.
HOLDER_FORM = {"GET": "hand_over", "POST": "write"}


def entry_form(kind, case, data=None, **kwargs):
    if kind == Innslag.Kind.EVALUATION:
        kwargs["case"] = case
    return ENTRY_FORMS[kind](data, **kwargs)


def _form_page(request, case, form, *, title, submit, intro="", danger=False):
    status = 400 if form.is_bound else 200
    return render(request, "stafettlogg/case_action.html", {
        "case": case, "form": form, "title": title, "submit": submit, "intro": intro,
        "danger": danger,
    }, status=status)  # fmt: skip


@case_view(event={"GET": "entry.form", "POST": "entry.add"}, need="write")
def entry_add(request, case, kind):
    if kind not in ENTRY_FORMS:
        raise Http404
    form = entry_form(kind, case, request.POST or None)
    title = _("New entry: %(kind)s") % {"kind": Innslag.Kind(kind).label.lower()}
    if request.method != "POST" or not form.is_valid():
        return _form_page(request, case, form, title=title, submit=_("Add"))

    def add():
        entry = services.entry_add(case=case, user=request.user, kind=kind, **form.cleaned_data)
        request.audit.object_id = entry.pk
        return redirect(case)

    return attempt(request, case, add, _("The entry is added."))


@case_view(event={"GET": "level.form", "POST": "level.change"}, need="write")
def level_change(request, case):
    form = forms.LevelForm(request.POST or None, initial={"to_level": case.level})
    if request.method != "POST" or not form.is_valid():
        return _form_page(request, case, form, title=_("Change level"), submit=_("Change level"))

    def change():
        services.level_change(case=case, user=request.user, **form.cleaned_data)
        return redirect(case)

    return attempt(request, case, change, _("The level is changed."))


def _participant_form(request, case):
    return forms.ParticipantForm(request.POST or None, services=consent.covered_services(case))


@case_view(event={"GET": "participant.form", "POST": "participant.add"}, need="write")
def participant_add(request, case):
    form = _participant_form(request, case)
    if request.method != "POST" or not form.is_valid():
        intro = _("You can add colleagues from the services the consent covers.")
        return _form_page(request, case, form, title=_("Add a participant"), submit=_("Add"),
                          intro=intro)  # fmt: skip

    def add():
        services.participant_add(case=case, by=request.user, **form.cleaned_data)
        return redirect(case)

    return attempt(request, case, add, _("The participant is added."))


HANDOVER_INTRO = gettext_lazy(
    "The colleague you choose is asked to accept the baton. You keep it until they do."
)


@case_view(event={"GET": "handover.form", "POST": "handover.request"}, need=HOLDER_FORM)
def handover_request(request, case):
    form = _participant_form(request, case)
    if request.method != "POST" or not form.is_valid():
        return _form_page(request, case, form, title=_("Hand over the baton"),
                          submit=_("Offer the baton"), intro=HANDOVER_INTRO)  # fmt: skip

    def offer():
        services.handover_request(case=case, user=request.user, to_user=form.cleaned_data["user"],
                                  to_tjeneste=form.cleaned_data["tjeneste"])  # fmt: skip
        return redirect(case)

    return attempt(
        request, case, offer, _("The baton is offered. You keep it until it is accepted.")
    )


@case_view(event={"GET": "report.form", "POST": "report.record"}, need="write")
def case_report(request, case):
    form = forms.ReportForm(request.POST or None)
    title = _("Record that a report to child welfare was sent")
    if request.method != "POST" or not form.is_valid():
        return _form_page(request, case, form, title=title, submit=_("Record the report"),
                          danger=True)  # fmt: skip

    def report():
        services.report_record(user=request.user, case=case, **form.cleaned_data)
        return redirect(case)

    return attempt(request, case, report, _("The report to the child welfare service is recorded."))


CLOSE_INTRO = gettext_lazy(
    "A closed log can still be read by its participants until it is deleted, but nothing "
    "more can be written in it."
)


@case_view(event={"GET": "close.form", "POST": "case.close"}, need=HOLDER_FORM)
def case_close(request, case):
    form = forms.CloseForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return _form_page(request, case, form, title=_("Close the case"),
                          submit=_("Close the case"), intro=CLOSE_INTRO, danger=True)  # fmt: skip

    def close():
        services.case_close(case=case, user=request.user, **form.cleaned_data)
        return redirect(case)

    return attempt(request, case, close, _("The case is closed."))
