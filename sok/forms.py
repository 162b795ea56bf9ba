from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Synonym
from .text import clean, tokens


class SynonymForm(forms.ModelForm):
    class Meta:
        model = Synonym
        fields = ["term", "alternatives", "both_ways"]

    def clean_term(self):
        term = clean(self.cleaned_data["term"]).lower()
        if len(tokens(term)) != 1 or tokens(term)[0] != term:
            raise forms.ValidationError(_("Write one word, without spaces or punctuation."))
        if Synonym.objects.filter(term=term).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("That word already has synonyms."))
        return term

    def clean_alternatives(self):
        alternatives = []
        for part in self.cleaned_data["alternatives"].split(","):
            words = tokens(clean(part).lower())
            phrase = " ".join(words)
            if phrase and phrase not in alternatives:
                alternatives.append(phrase)
        if not alternatives:
            raise forms.ValidationError(_("Write at least one word or phrase."))
        return ", ".join(alternatives)
