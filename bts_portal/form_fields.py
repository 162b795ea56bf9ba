"""Choice fields over models that refuse an id the database cannot hold, before any query.

A submitted id is only text. Django turns it into an int and hands it to the database; on
SQLite a number beyond 64 bits makes the driver raise OverflowError inside the query, so a
form posted with ``services=99999999999999999999999`` answered 500 instead of "not one of
the choices". These fields check that an id is an integer within the key column's range and
otherwise give the field's usual "invalid choice" error.

ModelForms get them for their relations through ``formfield_for`` (as ``Meta.formfield_callback``,
see ``bts_portal.content.forms.ContentForm``); plain forms declare them directly.
"""

import re
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.utils.text import Truncator

_INTEGER = re.compile(r"[+-]?[0-9]+")
# Enough digits for any 64-bit number; longer text is refused before int() reads it.
_MAX_DIGITS = 20


def _key_field(queryset, to_field_name: str | None) -> models.Field:
    opts = queryset.model._meta
    field = opts.get_field(to_field_name) if to_field_name else opts.pk
    while field.is_relation:  # e.g. a multi-table child whose key is its parent link
        field = field.target_field
    return field


if TYPE_CHECKING:
    # What the mixin is mixed into, for the checker only: at run time it is a plain mixin.
    _MixinBase = forms.ModelChoiceField
else:
    _MixinBase = object


class _KeyRangeMixin(_MixinBase):
    def _refuse_impossible_key(self, value) -> None:
        """Raise the field's 'invalid choice' error for an id no row can have."""
        queryset = self.queryset
        assert queryset is not None  # a choice field checks a value only against its rows
        field = _key_field(queryset, self.to_field_name)
        if not isinstance(field, models.IntegerField):
            return  # slugs, UUIDs and the like: Django's own checks cover them
        if isinstance(value, bool) or not isinstance(value, int | str):
            return  # a model instance (initial data) or a list: left to Django
        if isinstance(value, str):
            text = value.strip()
            if len(text) > _MAX_DIGITS + 1 or not _INTEGER.fullmatch(text):
                self._invalid(value)
            value = int(text)
        low, high = connections[queryset.db].ops.integer_field_range(field.get_internal_type())
        if (low is not None and value < low) or (high is not None and value > high):
            self._invalid(value)

    def _invalid(self, value):
        raise ValidationError(
            self.error_messages["invalid_choice"],
            code="invalid_choice",
            params={"value": Truncator(str(value)).chars(24)},
        )


class BoundedModelChoiceField(_KeyRangeMixin, forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values:
            self._refuse_impossible_key(value)
        return super().to_python(value)


class BoundedModelMultipleChoiceField(_KeyRangeMixin, forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        # Django's own check runs one ``pk__in`` query for all values; refuse first.
        for item in value:
            self._refuse_impossible_key(item)
        return super()._check_values(value)  # type: ignore[misc]  # private, not in the stubs


def model_choice(form: forms.BaseForm, name: str) -> "forms.ModelChoiceField[Any]":
    """``form``'s model choice field ``name``, typed as one (``form.fields`` holds Fields)."""
    return cast("forms.ModelChoiceField[Any]", form.fields[name])


def formfield_for(db_field: models.Field, **kwargs) -> forms.Field | None:
    """A ModelForm's ``formfield_callback``: relations get the bounded choice fields."""
    if isinstance(db_field, models.ManyToManyField):
        kwargs.setdefault("form_class", BoundedModelMultipleChoiceField)
    elif isinstance(db_field, models.ForeignKey):
        kwargs.setdefault("form_class", BoundedModelChoiceField)
    return db_field.formfield(**kwargs)
