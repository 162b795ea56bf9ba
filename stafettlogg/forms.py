import uuid

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from bts_portal.content.uploads import validate_document
from bts_portal.form_fields import (
    BoundedModelChoiceField,
    formfield_for,
    model_choice,
)
from bts_portal.page_cache import per_content
from bts_portal.permissions import WORK_ROLES
from organisasjon.form_fields import ServiceChoiceField, ServiceMultipleChoiceField, service_label
from organisasjon.models import Bruker, Tjeneste
from tiltaksoversikt.models import Tiltak

from . import consent
from .models import LEVELS, Innslag, Samtykke, Undring

DATE = forms.DateInput(attrs={"type": "date"})


class OneTimeForm(forms.Form):
    """A form that stores something once: its hidden token comes back with a retried or
    double-clicked POST, and the service stores nothing the second time."""

    token = forms.UUIDField(required=False, widget=forms.HiddenInput, initial=uuid.uuid4)


def _workers(services):
    """Active users who do case work in one of ``services``."""
    return (
        Bruker.objects.filter(
            is_active=True, memberships__tjeneste__in=services, memberships__rolle__in=WORK_ROLES
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class UndringForm(forms.ModelForm):
    class Meta:
        model = Undring
        formfield_callback = formfield_for
        fields = [
            "tjeneste",
            "child_initials",
            "child_age",
            "observation",
            "discussed_with",
            "discussed_on",
            "conversation_on",
            "conversation_notes",
        ]
        widgets = {
            "discussed_on": DATE,
            "conversation_on": DATE,
            "observation": forms.Textarea(attrs={"rows": 5}),
            "conversation_notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "child_initials": gettext_lazy(
                "Optional. Leave initials and age empty to discuss the concern anonymously."
            ),
            "observation": gettext_lazy(
                "Describe what you have seen and heard, when and where, without interpreting it."
            ),
        }

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        model_choice(self, "tjeneste").queryset = services
        model_choice(self, "tjeneste").empty_label = None
        model_choice(self, "tjeneste").label_from_instance = service_label  # type: ignore[method-assign,assignment]  # this form's field only
        if self.instance.pk:
            del self.fields["tjeneste"]

    def clean_child_age(self):
        age = self.cleaned_data.get("child_age")
        if age is not None and age > 25:
            raise forms.ValidationError(
                _("The portal is for children and young people up to 25 years.")
            )
        return age


class ReasonForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class ReportForm(OneTimeForm):
    sent_on = forms.DateField(
        label=gettext_lazy("Sent on"), widget=DATE, initial=timezone.localdate
    )

    def clean_sent_on(self):
        sent_on = self.cleaned_data["sent_on"]
        if sent_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return sent_on


class RefusalForm(forms.Form):
    given_by = forms.CharField(label=gettext_lazy("Who said no"), max_length=300)
    services = ServiceMultipleChoiceField(
        label=gettext_lazy("Services they did not want to involve"),
        queryset=Tjeneste.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
    )


class ConsentFields(forms.Form):
    """The consent part, shared by opening a case and adding a consent to one."""

    given_by = forms.CharField(
        label=gettext_lazy("Given by"),
        max_length=500,
        help_text=gettext_lazy("Each guardian with parental responsibility, by name."),
    )
    child_view = forms.CharField(
        label=gettext_lazy("The child's own view"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    child_basis = forms.ChoiceField(
        label=gettext_lazy("The child's own consent"),
        choices=Samtykke.ChildBasis.choices,
        required=False,
    )
    # A digital consent is given by the guardians themselves on My page, never typed in.
    method = forms.ChoiceField(
        label=gettext_lazy("How it was given"),
        choices=[c for c in Samtykke.Method.choices if c[0] != Samtykke.Method.DIGITAL],
    )
    document = forms.FileField(label=gettext_lazy("Signed form (PDF)"), required=False)
    given_on = forms.DateField(
        label=gettext_lazy("Date of consent"), widget=DATE, initial=timezone.localdate
    )
    valid_until = forms.DateField(label=gettext_lazy("Valid until"), widget=DATE)
    services = ServiceMultipleChoiceField(
        label=gettext_lazy("Services it covers"),
        queryset=Tjeneste.objects.filter(is_active=True).order_by("name"),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, guardian_names=None, child_birth_date=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.guardian_names = guardian_names
        self.child_birth_date = child_birth_date
        today = timezone.localdate()
        self.fields["valid_until"].initial = consent.latest_valid_until(today)
        self.fields["valid_until"].help_text = _(
            "At most %(months)s months from the date of consent."
        ) % {"months": settings.CONSENT_MAX_MONTHS}
        if guardian_names:
            self.fields["given_by"].initial = ", ".join(guardian_names)

    def _consent_facts(self, cleaned) -> dict | None:
        """What the consent rule needs, or None where a field is already in error."""
        if not cleaned.get("given_on") or not cleaned.get("valid_until"):
            return None
        return {
            "given_by": cleaned.get("given_by", ""),
            "given_on": cleaned["given_on"],
            "valid_until": cleaned["valid_until"],
            "child_basis": cleaned.get("child_basis", ""),
            "child_birth_date": self.child_birth_date,
            "guardian_names": self.guardian_names or [],
        }

    def clean(self):
        cleaned = super().clean()
        assert cleaned is not None  # Form.clean gives the cleaned data
        facts = self._consent_facts(cleaned)
        if facts is not None:
            for field, message in consent.new_consent_problems(**facts).items():
                if field not in self.errors:
                    self.add_error(field, message)
        if cleaned.get("method") == Samtykke.Method.WRITTEN:
            document = cleaned.get("document")
            if not document:
                self.add_error("document", _("Upload the signed form, or choose oral consent."))
            else:
                try:
                    validate_document(document, allowed=("pdf",))
                except forms.ValidationError as error:
                    self.add_error("document", error)
        given_on, valid_until = cleaned.get("given_on"), cleaned.get("valid_until")
        today = timezone.localdate()
        if given_on and given_on > today:
            self.add_error("given_on", _("The date cannot be in the future."))
        if valid_until and valid_until < today:
            self.add_error("valid_until", _("The end date has already passed."))
        return cleaned

    def consent_data(self) -> dict:
        data = self.cleaned_data
        return {
            "given_by": data["given_by"], "child_view": data["child_view"],
            "child_basis": data["child_basis"], "method": data["method"],
            "document": data.get("document") or "", "given_on": data["given_on"],
            "valid_until": data["valid_until"],
        }  # fmt: skip


class OpenCaseForm(OneTimeForm, ConsentFields):
    child_name = forms.CharField(label=gettext_lazy("The child's name"), max_length=200)
    child_birth_date = forms.DateField(label=gettext_lazy("Date of birth"), widget=DATE)
    level = forms.TypedChoiceField(label=gettext_lazy("Level"), choices=LEVELS, coerce=int)
    tjeneste = ServiceChoiceField(
        label=gettext_lazy("Your service"), queryset=None, empty_label=None
    )
    guardian1_name = forms.CharField(label=gettext_lazy("Guardian"), max_length=200)
    guardian1_relation = forms.CharField(
        label=gettext_lazy("Relation"), max_length=100, required=False
    )
    guardian1_phone = forms.CharField(label=gettext_lazy("Phone"), max_length=40, required=False)
    guardian1_email = forms.EmailField(label=gettext_lazy("E-mail"), required=False)
    guardian2_name = forms.CharField(
        label=gettext_lazy("Second guardian"), max_length=200, required=False
    )
    guardian2_relation = forms.CharField(
        label=gettext_lazy("Relation"), max_length=100, required=False
    )
    guardian2_phone = forms.CharField(label=gettext_lazy("Phone"), max_length=40, required=False)
    guardian2_email = forms.EmailField(label=gettext_lazy("E-mail"), required=False)

    field_order = [
        "tjeneste",
        "child_name",
        "child_birth_date",
        "level",
        "guardian1_name",
        "guardian1_relation",
        "guardian1_phone",
        "guardian1_email",
        "guardian2_name",
        "guardian2_relation",
        "guardian2_phone",
        "guardian2_email",
    ]

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        model_choice(self, "tjeneste").queryset = services

    def _consent_facts(self, cleaned) -> dict | None:
        facts = super()._consent_facts(cleaned)
        if facts is not None:
            facts["child_birth_date"] = cleaned.get("child_birth_date")
            facts["guardian_names"] = [
                cleaned[f"guardian{n}_name"] for n in (1, 2) if cleaned.get(f"guardian{n}_name")
            ]
            if facts["child_basis"] and facts["child_birth_date"] is None:
                return None  # the date of birth has its own error
        return facts

    def clean_child_birth_date(self):
        born = self.cleaned_data["child_birth_date"]
        today = timezone.localdate()
        if born > today:
            raise forms.ValidationError(_("The date of birth cannot be in the future."))
        if (today - born).days > 26 * 366:
            raise forms.ValidationError(
                _("The portal is for children and young people up to 25 years.")
            )
        return born

    def guardians(self) -> list[dict]:
        result = []
        for n in (1, 2):
            name = self.cleaned_data.get(f"guardian{n}_name")
            if name:
                result.append({
                    "name": name,
                    "relation": self.cleaned_data.get(f"guardian{n}_relation", ""),
                    "phone": self.cleaned_data.get(f"guardian{n}_phone", ""),
                    "email": self.cleaned_data.get(f"guardian{n}_email", ""),
                })  # fmt: skip
        return result


class ObservationForm(OneTimeForm):
    text = forms.CharField(
        label=gettext_lazy("What was observed"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ConversationForm(OneTimeForm):
    text = forms.CharField(
        label=gettext_lazy("What was said and agreed"), widget=forms.Textarea(attrs={"rows": 3})
    )


class MeetingForm(OneTimeForm):
    attendees = forms.CharField(label=gettext_lazy("Who attended"), max_length=1000)
    text = forms.CharField(label=gettext_lazy("Minutes"), widget=forms.Textarea(attrs={"rows": 4}))


class MeasureForm(OneTimeForm):
    tiltak = BoundedModelChoiceField(
        label=gettext_lazy("From the catalogue"),
        required=False,
        queryset=Tiltak.objects.published().select_related("tjeneste").order_by("title"),
    )
    title = forms.CharField(
        label=gettext_lazy("Or describe the measure"), max_length=200, required=False
    )
    goal = forms.CharField(label=gettext_lazy("Goal"), widget=forms.Textarea(attrs={"rows": 2}))
    responsible = forms.CharField(label=gettext_lazy("Responsible"), max_length=200)
    starts_on = forms.DateField(
        label=gettext_lazy("Start"), widget=DATE, initial=timezone.localdate
    )
    evaluate_by = forms.DateField(label=gettext_lazy("Evaluate by"), widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Grouped by the service that provides it, alphabetical inside: 60 names are found
        # by typing, and the provider tells two measures of the same name apart.
        queryset = model_choice(self, "tiltak").queryset
        assert queryset is not None  # the field is declared with the catalogue's rows

        def grouped():
            groups: dict[str, list] = {}
            for tiltak in queryset:
                provider = (
                    str(service_label(tiltak.tjeneste))
                    if tiltak.tjeneste_id
                    else _("Other providers")
                )
                groups.setdefault(provider, []).append((tiltak.pk, tiltak.title))
            return [("", "---------"), *sorted(groups.items())]

        # The catalogue changes seldom: built once per change, not on every case page.
        model_choice(self, "tiltak").choices = per_content(
            f"measure-picker:{get_language()}", grouped
        )

    def clean(self):
        cleaned = super().clean()
        assert cleaned is not None  # Form.clean gives the cleaned data
        if not cleaned.get("tiltak") and not cleaned.get("title"):
            self.add_error("title", _("Choose a measure from the catalogue or describe one."))
        starts, evaluate = cleaned.get("starts_on"), cleaned.get("evaluate_by")
        if starts and evaluate and evaluate < starts:
            self.add_error("evaluate_by", _("The evaluation cannot be before the start."))
        if cleaned.get("tiltak") and not cleaned.get("title"):
            cleaned["title"] = cleaned["tiltak"].title
        return cleaned


class EvaluationForm(OneTimeForm):
    measure = BoundedModelChoiceField(
        label=gettext_lazy("Measure evaluated"),
        required=False,
        queryset=Innslag.objects.none(),
        empty_label=gettext_lazy("The whole plan"),
    )
    text = forms.CharField(
        label=gettext_lazy("What worked, and what did not"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    next_step = forms.CharField(
        label=gettext_lazy("Next step"), widget=forms.Textarea(attrs={"rows": 2})
    )
    child_view = forms.CharField(
        label=gettext_lazy("The child's view, in its own words"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    guardian_view = forms.CharField(
        label=gettext_lazy("The guardians' view, in their own words"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    evaluate_by = forms.DateField(
        label=gettext_lazy("Next evaluation"),
        widget=DATE,
        help_text=gettext_lazy(
            "Every evaluation sets the next one. To end the work, close the case."
        ),
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        measures = case.entries.filter(kind=Innslag.Kind.MEASURE).order_by("title", "created_at")
        model_choice(self, "measure").queryset = measures
        # This form's own label (a lambda on the instance).
        model_choice(self, "measure").label_from_instance = lambda entry: (  # type: ignore[method-assign,assignment]
            f"{entry.title} ({entry.starts_on:%d.%m.%Y})" if entry.starts_on else entry.title
        )

    def clean_evaluate_by(self):
        evaluate_by = self.cleaned_data["evaluate_by"]
        if evaluate_by < timezone.localdate():
            raise forms.ValidationError(_("The next evaluation cannot be in the past."))
        return evaluate_by


class CorrectionForm(OneTimeForm):
    text = forms.CharField(
        label=gettext_lazy("The correction"), widget=forms.Textarea(attrs={"rows": 3})
    )


class LevelForm(OneTimeForm):
    to_level = forms.TypedChoiceField(label=gettext_lazy("New level"), choices=LEVELS, coerce=int)
    reason = forms.CharField(label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class ParticipantForm(forms.Form):
    user = BoundedModelChoiceField(label=gettext_lazy("Employee"), queryset=Bruker.objects.none())
    tjeneste = ServiceChoiceField(
        label=gettext_lazy("On behalf of"), queryset=Tjeneste.objects.none()
    )

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        model_choice(self, "tjeneste").queryset = services
        model_choice(self, "user").queryset = _workers(services)


def share_choices(first: forms.Form, *others: forms.Form, known: dict | None = None) -> None:
    """Render the choices of ``first``'s choice fields once and show the same list in
    ``others`` (forms of one page that offer the same people and services); ``known`` gives
    the objects of a field that the page has loaded already. Validation still checks a
    posted value against the field's queryset."""
    known = known or {}
    for name, field in first.fields.items():
        if not isinstance(field, forms.ModelChoiceField):
            continue
        if name in known:
            empty = [("", field.empty_label)] if field.empty_label is not None else []
            choices = [*empty, *((obj.pk, field.label_from_instance(obj)) for obj in known[name])]
        else:
            # iter: no COUNT query first (a ModelChoiceIterator, whatever else the stubs allow)
            choices = list(iter(field.choices))  # type: ignore[arg-type]
        for form in (first, *others):
            form.fields[name].widget.choices = choices


class CloseForm(OneTimeForm):
    reason = forms.CharField(
        label=gettext_lazy("Why the case is closed"), widget=forms.Textarea(attrs={"rows": 2})
    )
    final_evaluation = forms.CharField(
        label=gettext_lazy("Final evaluation with the family"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReassignForm(forms.Form):
    new_holder = BoundedModelChoiceField(
        label=gettext_lazy("New baton holder"), queryset=Bruker.objects.none()
    )

    def __init__(self, *args, tjeneste, by, **kwargs):
        super().__init__(*args, **kwargs)
        # Never the one who reassigns: handing the baton to yourself would be a way in.
        model_choice(self, "new_holder").queryset = _workers([tjeneste]).exclude(pk=by.pk)


def consent_age_note() -> str:
    return _("In this municipality young people consent on their own from %(age)s.") % {
        "age": settings.CONSENT_AGE
    }
