from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bts_portal.content.forms import ContentForm
from bts_portal.content.translation import translated_fields
from bts_portal.content.uploads import validate_document
from bts_portal.slugs import norwegian_slugify

from . import documents
from .models import Niva, Tegn, TemaVeileder, Trinn, Verktoy

NYNORSK, ENGLISH = gettext_lazy("Nynorsk"), gettext_lazy("English")


class NivaForm(ContentForm):
    fieldsets = [
        (gettext_lazy("The level"), ["number", "title", "summary", "body"], False),
        (gettext_lazy("Review"), ["review_due"], False),
        (NYNORSK, ["title_nn", "summary_nn", "body_nn"], True),
        (ENGLISH, ["title_en", "summary_en", "body_en"], True),
    ]

    class Meta(ContentForm.Meta):
        model = Niva


class TrinnForm(ContentForm):
    fieldsets = [
        (gettext_lazy("The step"), ["niva", "title", "key", "summary", "body"], False),
        (
            gettext_lazy("Responsibility and deadline"),
            ["responsible", "deadline_days", "done_by"],
            False,
        ),
        (
            gettext_lazy("Documentation and participation"),
            ["documentation", "participation"],
            False,
        ),
        (gettext_lazy("Tools"), ["tools"], False),
        (gettext_lazy("Review"), ["review_due"], False),
        (
            NYNORSK,
            [
                "title_nn",
                "summary_nn",
                "body_nn",
                "responsible_nn",
                "documentation_nn",
                "participation_nn",
            ],
            True,
        ),
        (
            ENGLISH,
            [
                "title_en",
                "summary_en",
                "body_en",
                "responsible_en",
                "documentation_en",
                "participation_en",
            ],
            True,
        ),
    ]

    class Meta(ContentForm.Meta):
        model = Trinn
        widgets = {
            "tools": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].required = False
        if self.instance.pk:
            # Case logs refer to the step by its key: it must not change.
            self.fields["key"].disabled = True

    # "title" precedes "key" in the first fieldset (and so in the form's fields) so that a key
    # can be made from a cleaned title.
    def clean_key(self):
        if self.instance.pk:
            return self.instance.key
        key = self.cleaned_data.get("key") or norwegian_slugify(
            self.cleaned_data.get("title", ""), 60
        )
        if not key:
            raise forms.ValidationError(_("Write a title or an identifier."))
        if Trinn.objects.filter(key=key).exists():
            raise forms.ValidationError(_("Another step already uses “%(key)s”.") % {"key": key})
        return key


class VerktoyForm(ContentForm):
    fieldsets = [
        (
            gettext_lazy("The tool"),
            ["title", "slug", "summary", "audience", "element", "file"],
            False,
        ),
        (gettext_lazy("Document from the case log"), ["document", "template"], False),
        (gettext_lazy("Review"), ["review_due"], False),
        (NYNORSK, ["title_nn", "summary_nn", "template_nn"], True),
        (ENGLISH, ["title_en", "summary_en", "template_en"], True),
    ]

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        doc_type = cleaned.get("document")
        for name in translated_fields("template"):
            text = cleaned.get(name) or ""
            if not text.strip():
                continue
            if not doc_type:
                self.add_error(name, _("Choose the document the text is for."))
                continue
            unknown = documents.unknown_fields(text, doc_type)
            if unknown:
                known = ", ".join(documents.as_field(f.name) for f in documents.FIELDS[doc_type])
                self.add_error(
                    name,
                    _("Unknown fields: %(unknown)s. This document has: %(known)s.")
                    % {"unknown": ", ".join(map(documents.as_field, unknown)), "known": known},
                )
        return cleaned

    class Meta(ContentForm.Meta):
        model = Verktoy
        fields = [
            "title",
            "slug",
            "summary",
            "audience",
            "element",
            "file",
            "review_due",
            "document",
            "template",
            "title_nn",
            "summary_nn",
            "template_nn",
            "title_en",
            "summary_en",
            "template_en",
        ]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type") and upload is not self.instance.file:
            self.instance.content_type = validate_document(upload)
            self.instance.size = upload.size
        return upload


class TegnForm(ContentForm):
    fieldsets = [
        (gettext_lazy("The sign"), ["age_group", "tema", "seen_in", "title"], False),
        (NYNORSK, ["title_nn"], True),
        (ENGLISH, ["title_en"], True),
    ]

    class Meta(ContentForm.Meta):
        model = Tegn


class TemaVeilederForm(ContentForm):
    fieldsets = [
        (
            gettext_lazy("The thematic guide"),
            ["title", "slug", "summary", "body", "report_at_once"],
            False,
        ),
        (gettext_lazy("Review"), ["review_due"], False),
        (NYNORSK, ["title_nn", "summary_nn", "body_nn"], True),
        (ENGLISH, ["title_en", "summary_en", "body_en"], True),
    ]

    class Meta(ContentForm.Meta):
        model = TemaVeileder
