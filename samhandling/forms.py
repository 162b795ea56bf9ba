from typing import cast

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bts_portal import permissions
from bts_portal.content.forms import ContentForm
from bts_portal.content.uploads import validate_document
from organisasjon.form_fields import service_label

from . import arshjul_rules
from .models import Arshjulhendelse, Begrep, Element, ElementType, Gjentakelse, Side


class ElementForm(ContentForm):
    fieldsets = [
        (
            gettext_lazy("Place in the model"),
            ["nivaa", "type", "audience", "owner_tjeneste", "responsible_role"],
            False,
        ),
        (gettext_lazy("Text in bokmål"), ["title", "slug", "summary", "body"], False),
        (
            gettext_lazy("Collaboration arena"),
            ["mandate", "convened_by", "participating_services", "frequency", "case_mode"],
            False,
        ),
        (gettext_lazy("Review"), ["review_due"], False),
        (
            gettext_lazy("Nynorsk"),
            ["title_nn", "summary_nn", "body_nn", "responsible_role_nn", "mandate_nn",
             "convened_by_nn", "frequency_nn"],
            True,
        ),
        (
            gettext_lazy("English"),
            ["title_en", "summary_en", "body_en", "responsible_role_en", "mandate_en",
             "convened_by_en", "frequency_en"],
            True,
        ),
    ]  # fmt: skip

    class Meta(ContentForm.Meta):
        model = Element
        widgets = {
            "participating_services": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 3}),
            "summary_nn": forms.Textarea(attrs={"rows": 3}),
            "summary_en": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 14}),
            "mandate": forms.Textarea(attrs={"rows": 3}),
            "mandate_nn": forms.Textarea(attrs={"rows": 3}),
            "mandate_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        owners = permissions.MODEL_CONTENT.owner_services(self.user)
        owner = cast(forms.ModelChoiceField, self.fields["owner_tjeneste"])
        owner.queryset = owners
        owner.label_from_instance = service_label  # type: ignore[method-assign,assignment]  # this form's field only
        if not permissions.is_coordinator(self.user):
            # A leader's content always belongs to one of the leader's services.
            owner.required = True
            owner.empty_label = None

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        is_arena = cleaned.get("type") == ElementType.SAMHANDLINGSARENA
        if is_arena and not cleaned.get("mandate"):
            self.add_error("mandate", _("A collaboration arena needs a mandate."))
        return cleaned


class SideForm(ContentForm):
    fieldsets = [
        (gettext_lazy("Text in bokmål"), ["title", "slug", "summary", "body"], False),
        (gettext_lazy("Review"), ["review_due"], False),
        (gettext_lazy("Nynorsk"), ["title_nn", "summary_nn", "body_nn"], True),
        (gettext_lazy("English"), ["title_en", "summary_en", "body_en"], True),
    ]

    class Meta(ContentForm.Meta):
        model = Side
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 16}),
        }


class BegrepForm(ContentForm):
    fieldsets = [
        (gettext_lazy("Text in bokmål"), ["term", "slug", "explanation", "variants"], False),
        (gettext_lazy("Review"), ["review_due"], False),
        (gettext_lazy("Nynorsk"), ["term_nn", "explanation_nn"], True),
        (gettext_lazy("English"), ["term_en", "explanation_en"], True),
    ]

    class Meta(ContentForm.Meta):
        model = Begrep
        widgets = {
            "explanation": forms.Textarea(attrs={"rows": 4}),
            "explanation_nn": forms.Textarea(attrs={"rows": 4}),
            "explanation_en": forms.Textarea(attrs={"rows": 4}),
        }

    def clean_slug(self):
        # The slug is made from the word, not a title.
        if not self.cleaned_data.get("slug"):
            self.cleaned_data["title"] = self.cleaned_data.get("term", "")
        return super().clean_slug()


class VedleggForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    file = forms.FileField(
        label=gettext_lazy("File"), help_text=gettext_lazy("PDF, DOCX or ODT, at most 10 MB.")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.content_type = validate_document(upload)
        return upload


class LenkeForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Link text"), max_length=200)
    url = forms.URLField(label=gettext_lazy("Address"), max_length=500, assume_scheme="https")


class WorryCheckForm(forms.Form):
    """ "How worried are you?": one question whose answer points to the next step."""

    UNDRING = "undring"
    BEKYMRING = "bekymring"
    OMSORG = "omsorg"
    FARE = "fare"

    uro = forms.ChoiceField(
        label=gettext_lazy("What fits best with what you are thinking about?"),
        widget=forms.RadioSelect,
        choices=[
            (
                UNDRING,
                gettext_lazy("I have noticed something, but I am not sure it means anything."),
            ),
            (
                BEKYMRING,
                gettext_lazy("I am worried. It has lasted a while, or it is getting worse."),
            ),
            (
                OMSORG,
                gettext_lazy("I am very worried about how the child is looked after at home."),
            ),
            (
                FARE,
                gettext_lazy(
                    "I think the child is exposed to violence or abuse, or is in danger now."
                ),
            ),
        ],
        error_messages={"required": gettext_lazy("Choose the answer that fits best.")},
    )

    # The heading of the advice for each answer (also the start of the page's title).
    ANSWER_HEADINGS = {
        UNDRING: gettext_lazy("Keep an eye, and talk about it"),
        BEKYMRING: gettext_lazy("Talk to someone who knows the child"),
        OMSORG: gettext_lazy("Contact the child welfare service"),
        FARE: gettext_lazy("Act now"),
    }


MONTH_CHOICES = [
    (1, gettext_lazy("January")),
    (2, gettext_lazy("February")),
    (3, gettext_lazy("March")),
    (4, gettext_lazy("April")),
    (5, gettext_lazy("May")),
    (6, gettext_lazy("June")),
    (7, gettext_lazy("July")),
    (8, gettext_lazy("August")),
    (9, gettext_lazy("September")),
    (10, gettext_lazy("October")),
    (11, gettext_lazy("November")),
    (12, gettext_lazy("December")),
]


class ArshjulhendelseForm(forms.ModelForm):
    """An event of the årshjul; ``clean`` keeps only the fields the chosen recurrence uses, so
    the stored row is the rule the page and the calendar feed both read."""

    month_list = forms.TypedMultipleChoiceField(
        label=gettext_lazy("In these months"),
        choices=MONTH_CHOICES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("For a weekday rule. None chosen: every month."),
    )

    link = forms.URLField(
        label=gettext_lazy("Link"), max_length=500, required=False, assume_scheme="https"
    )

    class Meta:
        model = Arshjulhendelse
        fields = [
            "title", "description", "link", "recurrence", "start", "interval",
            "week_of_month", "weekday", "until", "remind_days_before",
        ]  # fmt: skip
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "recurrence": forms.RadioSelect,
            "start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.IntegerField, self.fields["interval"]).min_value = 1
        self.fields["interval"].widget.attrs.update({"min": 1, "max": 12})
        if self.instance.pk:
            self.initial.setdefault("month_list", self.instance.month_numbers)
        # The weekday rule's three fields together, as "the first Tuesday in March".
        self.order_fields(
            ["title", "description", "link", "recurrence", "start", "interval", "week_of_month",
             "weekday", "month_list", "until", "remind_days_before"]
        )  # fmt: skip

    def clean_remind_days_before(self):
        days = self.cleaned_data.get("remind_days_before")
        if days is not None and days > 90:
            raise forms.ValidationError(_("Choose at most 90 days."))
        return days

    def clean_interval(self):
        interval = self.cleaned_data.get("interval") or 1
        if not 1 <= interval <= 12:
            raise forms.ValidationError(_("Choose from 1 to 12 months."))
        return interval

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        recurrence = cleaned.get("recurrence")
        start = cleaned.get("start")
        until = cleaned.get("until")
        if start and until and until < start:
            self.add_error("until", _("The last date cannot be before the first date."))
        if recurrence != Gjentakelse.MONTHLY:
            cleaned["interval"] = 1
        if recurrence != Gjentakelse.WEEKDAY:
            cleaned["weekday"] = cleaned["week_of_month"] = None
            cleaned["month_list"] = []
        if recurrence == Gjentakelse.ONCE:
            cleaned["until"] = None
        if start and recurrence == Gjentakelse.YEARLY and (start.month, start.day) == (2, 29):
            # dateutil and calendar apps would show it only in leap years.
            self.add_error("start", _("A yearly event cannot be on 29 February."))
        if start and recurrence == Gjentakelse.MONTHLY and start.day > 28:
            self.add_error(
                "start", _("Choose a day from 1 to 28, so that the event comes every month.")
            )
        if recurrence == Gjentakelse.WEEKDAY:
            if cleaned.get("weekday") is None:
                self.add_error("weekday", _("Choose the weekday."))
            if cleaned.get("week_of_month") is None:
                self.add_error("week_of_month", _("Choose which one in the month."))
        if start and not self.errors:
            probe = Arshjulhendelse(
                recurrence=recurrence,  # type: ignore[misc]  # required: the form checked it
                start=start,
                interval=cleaned["interval"],
                weekday=cleaned["weekday"],
                week_of_month=cleaned["week_of_month"],
                months=",".join(str(m) for m in cleaned["month_list"]),
                until=cleaned["until"],
            )
            if arshjul_rules.first_occurrence(probe) is None:
                self.add_error("until", _("The rule gives no date before the last date."))
        return cleaned

    def save(self, commit=True):
        self.instance.months = ",".join(str(m) for m in sorted(self.cleaned_data["month_list"]))
        return super().save(commit=commit)
