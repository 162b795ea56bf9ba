from django import forms
from django.db import models
from django.utils.translation import gettext as _

from bts_portal.content.translation import SUFFIXES

from . import sources


class TranslationForm(forms.Form):
    """One item's texts in one language, a field per translated field, each shown beside
    its bokmål text (``rows``)."""

    def __init__(self, *args, obj, language: str, initial_texts: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.obj = obj
        self.language = language
        suffix = SUFFIXES[language]
        for name in sources.translated_fields(type(obj)):
            model_field = obj._meta.get_field(name + suffix)
            is_long = isinstance(model_field, models.TextField)
            # The bokmål text beside the field is its description for a screen reader.
            attrs: dict[str, str | int] = {
                "lang": language,
                "class": "form-control",
                "aria-describedby": f"source-{name}",
            }
            if is_long:
                attrs["rows"] = 6
            self.fields[name] = forms.CharField(
                label=model_field.verbose_name,
                required=False,
                max_length=model_field.max_length,
                strip=False,
                initial=initial_texts.get(name, ""),
                widget=(forms.Textarea if is_long else forms.TextInput)(attrs=attrs),
            )

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        # A tool's document text names fields the case log fills in (handlingsveileder).
        if self.obj._meta.label == "handlingsveileder.Verktoy" and cleaned.get("template"):
            from handlingsveileder import documents

            if not self.obj.document:
                self.add_error("template", _("Choose the document the text is for."))
            elif unknown := documents.unknown_fields(cleaned["template"], self.obj.document):
                self.add_error(
                    "template",
                    _("Unknown fields: %(unknown)s.") % {"unknown": ", ".join(sorted(unknown))},
                )
        return cleaned

    def rows(self):
        """(bokmål text, bound field) for each translated field that has bokmål text."""
        for name in self.fields:
            yield getattr(self.obj, name) or "", self[name]
