"""The options a document from the log is printed with: its language, and what the log does
not say by itself (which meeting the minutes are of, which measure an evaluation form is for,
when and where an invited meeting is)."""

from typing import TYPE_CHECKING

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from bts_portal.form_fields import BoundedModelChoiceField
from handlingsveileder.models import DocumentType

from .case_documents import Meeting
from .models import Innslag

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

K = Innslag.Kind


class _EntryChoice(BoundedModelChoiceField):
    def label_from_instance(self, entry: Innslag) -> str:
        if entry.kind == K.MEASURE:
            return entry.title
        when = date_format(timezone.localtime(entry.created_at), "d.m.Y H:i:s")
        author = entry.author or _("the system")
        return f"{when} – {author}"


class DocumentForm(forms.Form):
    # Set by the documents page (document_views._page) for its template.
    action: str
    description: "str | StrPromise"
    label: "str | StrPromise"

    sprak = forms.ChoiceField(
        label=gettext_lazy("Language"), choices=settings.LANGUAGES, required=False
    )

    def __init__(self, data=None, *, case, doc_type, **kwargs):
        super().__init__(data, prefix=doc_type, **kwargs)
        self.doc_type = doc_type
        current = (get_language() or "nb").split("-")[0]
        self.fields["sprak"].initial = current if current in dict(settings.LANGUAGES) else "nb"
        entries = case.entries.select_related("author", "author_tjeneste").order_by(
            "-created_at", "-pk"
        )
        if doc_type == DocumentType.MINUTES:
            self.fields["innslag"] = _EntryChoice(
                queryset=entries.filter(kind=K.MEETING),
                label=_("Meeting"),
                empty_label=None,
                error_messages={"required": _("Choose the meeting the minutes are of.")},
            )
        elif doc_type == DocumentType.EVALUATION:
            self.fields["innslag"] = _EntryChoice(
                queryset=entries.filter(kind=K.MEASURE),
                label=_("Measure"),
                required=False,
                empty_label=_("All the measures"),
            )
        elif doc_type == DocumentType.INVITATION:
            self.fields["tid"] = forms.DateTimeField(
                label=_("When"),
                widget=forms.DateTimeInput(
                    attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
                ),
                input_formats=["%Y-%m-%dT%H:%M", "%d.%m.%Y %H:%M"],
            )
            self.fields["sted"] = forms.CharField(label=_("Where"), max_length=200)
            self.fields["saksliste"] = forms.CharField(
                label=_("Agenda (one item a line)"),
                widget=forms.Textarea(attrs={"rows": 3}),
                max_length=2000,
                required=False,
            )

    def clean_sprak(self) -> str:
        return self.cleaned_data["sprak"] or self.fields["sprak"].initial

    @property
    def entry(self) -> Innslag | None:
        return self.cleaned_data.get("innslag")

    @property
    def meeting(self) -> Meeting | None:
        if self.doc_type != DocumentType.INVITATION:
            return None
        agenda = [line.strip() for line in self.cleaned_data["saksliste"].splitlines()]
        return Meeting(
            at=self.cleaned_data["tid"],
            place=self.cleaned_data["sted"],
            agenda=[line for line in agenda if line],
        )
