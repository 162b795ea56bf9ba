"""Choices of services labelled with the service's name in the page's language.

``str(tjeneste)`` is the bokmål name; a form that offers services to choose from shows
``localized(tjeneste, "name")`` instead, bokmål only where the translation is missing. The
label is plain text: a ``<select>`` option cannot hold a ``<span lang>``, and crispy-forms
escapes a checkbox label.
"""

from django.utils.safestring import SafeString

from bts_portal.content.translation import LocalizedText, localized
from bts_portal.form_fields import BoundedModelChoiceField, BoundedModelMultipleChoiceField


def service_label(tjeneste) -> LocalizedText:
    """A service's name in the current language, for a choice's label."""
    return localized(tjeneste, "name")


class ServiceChoiceField(BoundedModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return service_label(obj)


class ServiceMultipleChoiceField(BoundedModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return service_label(obj)


class MarkedServiceMultipleChoiceField(ServiceMultipleChoiceField):
    """For a template that shows each label as it is (not escaped again): the name escaped,
    and a bokmål fallback in ``<span lang="nb">`` (My page's consent answer)."""

    def label_from_instance(self, obj) -> SafeString:
        from samhandling.templatetags.a11y_tags import lang_marked

        return lang_marked(service_label(obj))
