from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, cast

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from bts_portal.content.translation import localized
from organisasjon.form_fields import MarkedServiceMultipleChoiceField
from samhandling.templatetags.a11y_tags import lang_marked

from .models import Invitasjon

if TYPE_CHECKING:
    from stafettlogg.models import Foresatt


class InviteForm(forms.Form):
    """The baton holder's invitation of one guardian of the case."""

    foresatt: forms.ModelChoiceField[Foresatt] = forms.ModelChoiceField(
        queryset=None, label=_("Guardian"), empty_label=None
    )
    channel = forms.ChoiceField(
        choices=Invitasjon.Channel.choices, label=_("Send by"), widget=forms.RadioSelect,
        initial=Invitasjon.Channel.EMAIL,
    )  # fmt: skip

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[Foresatt]", self.fields["foresatt"])
        field.queryset = case.guardians.all()
        field.label_from_instance = lambda g: (  # type: ignore[method-assign,assignment]  # this form only
            f"{g.name} ({g.relation})" if g.relation else g.name
        )


class YoungPersonInviteForm(forms.Form):
    """The baton holder's invitation of the young person (from CONSENT_AGE) to My page."""

    email = forms.EmailField(label=_("The young person's e-mail"), required=False)
    phone = forms.CharField(label=_("The young person's mobile number"), required=False,
                            max_length=40)  # fmt: skip
    channel = forms.ChoiceField(
        choices=Invitasjon.Channel.choices, label=_("Send by"), widget=forms.RadioSelect,
        initial=Invitasjon.Channel.EMAIL,
    )  # fmt: skip

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, prefix="ungdom", **kwargs)  # type: ignore[misc]  # no prefix in args
        self.young = case.guardians.filter(party="ungdom").first()

    def clean(self):
        data = super().clean()
        assert data is not None  # Form.clean gives the cleaned data
        channel = data.get("channel")
        known = self.young
        if channel == Invitasjon.Channel.EMAIL and not (
            data.get("email") or (known and known.email)
        ):
            self.add_error("email", _("Give the young person's e-mail address."))
        if channel == Invitasjon.Channel.SMS and not (data.get("phone") or (known and known.phone)):
            self.add_error("phone", _("Give the young person's mobile number."))
        return data


class GuardianForm(forms.Form):
    """Which guardian's link the holder revokes."""

    foresatt: forms.ModelChoiceField[Foresatt] = forms.ModelChoiceField(queryset=None)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        cast(
            "forms.ModelChoiceField[Foresatt]", self.fields["foresatt"]
        ).queryset = case.guardians.all()


class ConsentAnswerForm(forms.Form):
    """A guardian's answer to a consent request: the services they agree to share with (the
    baton holder's own service is always part of it), then yes or no."""

    # The names in the page's language; minside/consent.html shows each label as it is, so a
    # bokmål fallback keeps its <span lang="nb"> (the name itself is escaped).
    services = MarkedServiceMultipleChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple,
        label=_("The services that may share information"),
    )  # fmt: skip
    decision = forms.ChoiceField(
        choices=[("ja", _("Yes, I give my consent")), ("nei", _("No, I do not consent"))],
        widget=forms.RadioSelect, label=_("Your answer"),
    )  # fmt: skip
    # The request the guardian read: an answer never goes to one they have not seen (the
    # holder may have cancelled it and asked anew meanwhile).
    request = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, request, holder_service, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["request"].initial = request.pk
        proposed = request.services.exclude(pk=holder_service.pk).order_by("name", "pk")
        field = cast("MarkedServiceMultipleChoiceField", self.fields["services"])
        field.queryset = proposed
        field.initial = list(proposed)
        field.help_text = mark_safe(  # noqa: S308  # the text is escaped, the name lang_marked
            conditional_escape(
                _(
                    "Untick a service you do not want to take part. %(service)s holds the baton "
                    "and is always part of the consent."
                )
            )
            % {"service": lang_marked(localized(holder_service, "name"))}
        )

    @property
    def accepts(self) -> bool:
        return self.cleaned_data["decision"] == "ja"


class FamilyViewForm(forms.Form):
    # The form's one-time token: a double click or a retry stores one entry.
    token = forms.UUIDField(required=False, widget=forms.HiddenInput, initial=uuid.uuid4)
    text = forms.CharField(
        label=_("The family's view"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000,
        help_text=_("What you want the services to know. It is shown in the case log."),
    )  # fmt: skip
