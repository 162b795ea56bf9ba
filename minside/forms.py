from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Invitasjon


class InviteForm(forms.Form):
    """The baton holder's invitation of one guardian of the case."""

    foresatt = forms.ModelChoiceField(queryset=None, label=_("Guardian"), empty_label=None)
    channel = forms.ChoiceField(
        choices=Invitasjon.Channel.choices, label=_("Send by"), widget=forms.RadioSelect,
        initial=Invitasjon.Channel.EMAIL,
    )  # fmt: skip

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["foresatt"].queryset = case.guardians.all()
        self.fields["foresatt"].label_from_instance = lambda g: (
            f"{g.name} ({g.relation})" if g.relation else g.name
        )


class GuardianForm(forms.Form):
    """Which guardian's link the holder revokes."""

    foresatt = forms.ModelChoiceField(queryset=None)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["foresatt"].queryset = case.guardians.all()
