from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organisasjon.form_fields import ServiceMultipleChoiceField
from organisasjon.models import Tjeneste

from . import consent
from .models import Samtykke

DATE = forms.DateInput(attrs={"type": "date"})


class ConsentRequestForm(forms.Form):
    """What the baton holder asks the guardians to consent to on My page."""

    purpose = forms.CharField(
        label=gettext_lazy("Why the services should work together (in plain words)"),
        widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
    )  # fmt: skip
    services = ServiceMultipleChoiceField(
        label=gettext_lazy("Services proposed"),
        queryset=Tjeneste.objects.filter(is_active=True).order_by("name"),
        widget=forms.CheckboxSelectMultiple,
    )
    valid_until = forms.DateField(label=gettext_lazy("Valid until"), widget=DATE)
    # As on paper: under one of these the young person (of CONSENT_AGE, invited to My page)
    # consents alone; left empty, the guardians answer, with the young person beside them.
    child_basis = forms.ChoiceField(
        label=gettext_lazy("The young person's own consent"), required=False,
        choices=Samtykke.ChildBasis.choices, initial="",
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["valid_until"].initial = consent.latest_valid_until(timezone.localdate())
        self.fields["valid_until"].help_text = _("At most %(months)s months from today.") % {
            "months": settings.CONSENT_MAX_MONTHS
        }
