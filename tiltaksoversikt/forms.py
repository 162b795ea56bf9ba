from typing import cast

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bts_portal import permissions
from bts_portal.content.forms import ContentForm
from bts_portal.slugs import norwegian_slugify
from organisasjon.form_fields import service_label

from .models import LEVEL_CHOICES, Malgruppe, Moteplass, Tema, Tiltak


class TiltakForm(ContentForm):
    target_groups = forms.MultipleChoiceField(
        label=gettext_lazy("For whom"),
        choices=Malgruppe.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    levels = forms.MultipleChoiceField(
        label=gettext_lazy("BTI levels where it is typically used"),
        choices=LEVEL_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    fieldsets = [
        (gettext_lazy("The measure"), ["tjeneste", "title", "slug", "summary", "body"], False),
        (
            gettext_lazy("Who it is for"),
            ["age_min", "age_max", "target_groups", "themes", "levels"],
            False,
        ),
        (gettext_lazy("How to get it"), ["access", "cost", "place", "languages"], False),
        (gettext_lazy("Contact"), ["contact_name", "contact_phone", "contact_email"], False),
        (gettext_lazy("Review"), ["review_due"], False),
        (
            gettext_lazy("Nynorsk"),
            ["title_nn", "summary_nn", "body_nn", "cost_nn", "place_nn", "languages_nn"],
            True,
        ),
        (
            gettext_lazy("English"),
            ["title_en", "summary_en", "body_en", "cost_en", "place_en", "languages_en"],
            True,
        ),
    ]

    class Meta(ContentForm.Meta):
        model = Tiltak
        fields = [
            "tjeneste", "title", "slug", "summary", "body", "age_min", "age_max", "themes",
            "access", "cost", "place", "languages", "contact_name", "contact_phone",
            "contact_email", "review_due", "title_nn", "summary_nn", "body_nn", "cost_nn",
            "place_nn", "languages_nn", "title_en", "summary_en", "body_en", "cost_en",
            "place_en", "languages_en",
        ]  # fmt: skip
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 3}),
            "summary_nn": forms.Textarea(attrs={"rows": 3}),
            "summary_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        tjeneste = cast(forms.ModelChoiceField, self.fields["tjeneste"])
        tjeneste.queryset = permissions.SERVICE_MEASURES.owner_services(self.user)
        tjeneste.empty_label = None
        tjeneste.label_from_instance = service_label  # type: ignore[method-assign,assignment]  # this form's field only
        if self.instance.pk:
            self.fields["target_groups"].initial = self.instance.target_groups
            self.fields["levels"].initial = [str(n) for n in self.instance.levels]

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        age_min, age_max = cleaned.get("age_min"), cleaned.get("age_max")
        if age_min is not None and age_max is not None and age_min > age_max:
            self.add_error("age_max", _("The oldest age cannot be below the youngest."))
        return cleaned

    def save(self, commit=True):
        tiltak = super().save(commit=False)
        tiltak.target_groups = self.cleaned_data.get("target_groups") or []
        chosen = set(self.cleaned_data.get("levels") or [])
        for n in range(4):
            setattr(tiltak, f"level_{n}", str(n) in chosen)
        if commit:
            tiltak.save()
            self.save_m2m()
        return tiltak


class MoteplassForm(ContentForm):
    fieldsets = [
        (gettext_lazy("The meeting place"), ["title", "slug", "summary", "body", "element"], False),
        (
            gettext_lazy("Who takes part"),
            ["participating_services", "frequency", "case_mode"],
            False,
        ),
        (gettext_lazy("Contact"), ["contact_name", "contact_phone", "contact_email"], False),
        (gettext_lazy("Review"), ["review_due"], False),
        (gettext_lazy("Nynorsk"), ["title_nn", "summary_nn", "body_nn", "frequency_nn"], True),
        (gettext_lazy("English"), ["title_en", "summary_en", "body_en", "frequency_en"], True),
    ]

    class Meta(ContentForm.Meta):
        model = Moteplass
        widgets = {"participating_services": forms.CheckboxSelectMultiple}


class TemaForm(forms.ModelForm):
    class Meta:
        model = Tema
        fields = ["title", "title_nn", "title_en", "order"]

    def clean_title(self):
        title = self.cleaned_data["title"]
        slug = norwegian_slugify(title, 60)
        if not slug:
            raise forms.ValidationError(_("Write a name."))
        if Tema.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("There is already a theme with that name."))
        self.instance.slug = slug
        return title
