from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from bts_portal.form_fields import BoundedModelChoiceField

from .form_fields import ServiceChoiceField
from .models import Bruker, RolleEndring, Tjeneste


class RoleChangeFilterForm(forms.Form):
    """Narrow the record of role changes to one account or one service."""

    bruker = BoundedModelChoiceField(
        label=_("User"),
        queryset=Bruker.objects.none(),
        to_field_name="username",
        required=False,
        empty_label=_("All users"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    tjeneste = ServiceChoiceField(
        label=_("Service"),
        queryset=Tjeneste.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All services"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only accounts and services that appear in the record are worth choosing.
        bruker = cast(forms.ModelChoiceField, self.fields["bruker"])
        bruker.queryset = Bruker.objects.filter(
            pk__in=RolleEndring.objects.values("user")
        ).order_by("last_name", "first_name", "username")
        bruker.label_from_instance = lambda user: f"{user} ({user.username})"  # type: ignore[assignment]
        cast(forms.ModelChoiceField, self.fields["tjeneste"]).queryset = Tjeneste.objects.filter(
            pk__in=RolleEndring.objects.filter(tjeneste__isnull=False).values("tjeneste")
        ).order_by("name")
