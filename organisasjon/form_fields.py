"""Choices of services labelled with the service's name in the page's language.

``str(tjeneste)`` is the bokmål name; a form that offers services to choose from shows
``localized(tjeneste, "name")`` instead, bokmål only where the translation is missing. The
label is plain text: a ``<select>`` option cannot hold a ``<span lang>``, and crispy-forms
escapes a checkbox label.
"""

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
