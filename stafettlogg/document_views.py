"""Documents printed from a case log: the page that offers them, and the PDF of each. Every
print is one access-log row (an export, or a refusal with its reason)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from handlingsveileder.models import DocumentType

from . import case_documents
from .access_log import case_view
from .document_forms import DocumentForm

# Printable while the log is closed too (the summary is made for the child's file then).
ORDER = [
    DocumentType.ACTION_PLAN,
    DocumentType.INVITATION,
    DocumentType.MINUTES,
    DocumentType.EVALUATION,
    DocumentType.CONSENT,
    DocumentType.CLOSING,
]


DESCRIPTIONS = {
    DocumentType.ACTION_PLAN: _("The measures with their goals, who is responsible and when "
                                "they are evaluated, the participants and the next evaluation."),
    DocumentType.INVITATION: _("An invitation to the guardians and the participants, with the "
                               "time, the place and the agenda you write here."),
    DocumentType.MINUTES: _("The minutes of a meeting written in the log: who attended, what "
                            "was agreed and the next step."),
    DocumentType.EVALUATION: _("The measures to evaluate and the questions to go through with "
                               "the child and the guardians."),
    DocumentType.CONSENT: _("For guardians who sign on paper: the services that will work "
                            "together and how long the consent lasts. Upload the signed form "
                            "when you record the consent."),
    DocumentType.CLOSING: _("For the child's file when the case closes: the levels, measures, "
                            "evaluations and why the case was closed."),
}  # fmt: skip


def _page(request, case, *, bound=None, status=200):
    forms = [
        bound if bound is not None and bound.doc_type == doc_type
        else DocumentForm(case=case, doc_type=doc_type)
        for doc_type in ORDER
    ]  # fmt: skip
    for form in forms:
        form.action = reverse(f"stafettlogg:document_{form.doc_type}", kwargs={"pk": case.pk})
        form.description = DESCRIPTIONS[form.doc_type]
        form.label = DocumentType(form.doc_type).label
    return render(
        request,
        "stafettlogg/documents.html",
        {"case": case, "access": request.case_access, "document_forms": forms},
        status=status,
    )


@case_view(event="documents.view")
def documents(request, case):
    return _page(request, case)


def _print(request, case, doc_type):
    form = DocumentForm(request.GET, case=case, doc_type=doc_type)
    if not form.is_valid():
        return _page(request, case, bound=form, status=400)
    if form.entry is not None:
        request.audit.object_id = form.entry.pk
    pdf = case_documents.render(
        case,
        doc_type,
        user=request.user,
        language=form.cleaned_data["sprak"],
        entry=form.entry,
        meeting=form.meeting,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    name = case_documents.filename(case, doc_type)
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


def _print_view(doc_type: str):
    # The consent form is printed for a locked log too (by its holder): it is how the log
    # gets the consent that opens it again.
    need = "print_consent_form" if doc_type == DocumentType.CONSENT else "read"

    @case_view(event=f"document.{doc_type}", need=need)
    def print_document(request, case):
        return _print(request, case, doc_type)

    print_document.__name__ = f"print_{doc_type}"
    return print_document


PRINT_VIEWS = {doc_type: _print_view(doc_type) for doc_type in ORDER}
