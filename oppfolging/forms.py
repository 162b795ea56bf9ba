from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from bts_portal.content.models import Status
from handlingsveileder.models import Niva
from organisasjon.form_fields import ServiceChoiceField, ServiceMultipleChoiceField
from organisasjon.models import Bruker, Rolle, Tjeneste
from samhandling.models import Element

from .models import Mote, Opplaering


class LesekravForm(forms.Form):
    element = forms.ModelChoiceField(
        Element.objects.filter(status=Status.PUBLISHED).order_by("title"), required=False,
        label=_("Model element or routine"),
    )  # fmt: skip
    niva = forms.ModelChoiceField(
        Niva.objects.order_by("number"), required=False, label=_("Level of the action guide")
    )
    roles = forms.MultipleChoiceField(
        choices=Rolle.choices, required=False, widget=forms.CheckboxSelectMultiple,
        label=_("Roles"), help_text=_("None chosen: every role."),
    )  # fmt: skip
    services = ServiceMultipleChoiceField(
        Tjeneste.objects.filter(is_active=True).order_by("name"), required=False,
        label=_("Services"), help_text=_("None chosen: every service."),
    )  # fmt: skip

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if bool(data.get("element")) == bool(data.get("niva")):
            raise forms.ValidationError(_("Choose either a model element or a level of the guide."))
        return data


class TrainingForm(forms.Form):
    tjeneste = ServiceChoiceField(Tjeneste.objects.none(), label=_("Service"))
    user = forms.ModelChoiceField(Bruker.objects.filter(is_active=True), label=_("Employee"))
    kind = forms.ChoiceField(choices=Opplaering.Kind.choices, label=_("Kind"))
    title = forms.CharField(max_length=200, label=_("What"))
    held_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["tjeneste"]).queryset = services
        cast(forms.ModelChoiceField, self.fields["user"]).queryset = (
            Bruker.objects.filter(is_active=True, memberships__tjeneste__in=services)
            .distinct().order_by("last_name", "first_name")
        )  # fmt: skip

    def clean(self):
        super().clean()
        data = self.cleaned_data
        user, tjeneste = data.get("user"), data.get("tjeneste")
        if user and tjeneste and not user.memberships.filter(tjeneste=tjeneste).exists():
            raise forms.ValidationError(_("The employee does not work in this service."))
        return data


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(choices=Mote.Kind.choices, label=_("Meeting"))
    held_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    services = ServiceMultipleChoiceField(
        Tjeneste.objects.filter(is_active=True).order_by("name"), label=_("Services present")
    )
