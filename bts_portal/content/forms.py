from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bts_portal.form_fields import formfield_for
from bts_portal.slugs import norwegian_slugify


class ContentForm(forms.ModelForm):
    """Base form for editable content: knows its user, groups fields, makes slugs.

    Subclasses write ``class Meta(ContentForm.Meta)`` so that their relations get the choice
    fields that refuse impossible ids (``bts_portal.form_fields``). A Meta without ``fields``
    edits the fields of the fieldsets, in their order."""

    # (legend, [field names], collapsed?) — the template renders one fieldset each.
    fieldsets: list[tuple[str | Promise, list[str], bool]] = []

    class Meta:
        formfield_callback = staticmethod(formfield_for)

    def __init_subclass__(cls, **kwargs):
        # Runs before ModelFormMetaclass reads the Meta, so the form is built with these fields.
        super().__init_subclass__(**kwargs)
        meta = cls.__dict__.get("Meta")
        if meta is not None and not {"fields", "exclude"} & set(vars(meta)) and cls.fieldsets:
            meta.fields = [name for _, names, _ in cls.fieldsets for name in names]

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = gettext_lazy(
                "Made from the title when left empty. Changing it changes the page's address."
            )
        for name in ("review_due", "last_reviewed"):
            if name in self.fields:
                self.fields[name].widget = forms.DateInput(attrs={"type": "date"})

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or norwegian_slugify(
            self.cleaned_data.get("title", "")
        )
        if not slug:
            raise forms.ValidationError(_("Write a title or a short name."))
        model = self._meta.model
        taken = model.objects.filter(slug=slug).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                _("Another item already uses the short name “%(slug)s”.") % {"slug": slug}
            )
        return slug

    def grouped_fields(self):
        for legend, names, collapsed in self.fieldsets:
            yield legend, [self[name] for name in names if name in self.fields], collapsed


class RejectForm(forms.Form):
    """Why a change proposal is rejected: the author reads it on the proposal's page."""

    reason = forms.CharField(
        label=gettext_lazy("Why is the proposal rejected?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
