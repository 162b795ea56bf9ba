"""An item's editable values as JSON, for change proposals: read from an edited instance or a
history record, compared with the published row, applied back, and shown as text."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import formats
from django.utils.translation import gettext as _

# Where the item stands rather than what it says: never part of a proposal (nor a restore).
NOT_PROPOSED = frozenset({"id", "status", "order", "published_at", "created_at", "updated_at"})


def proposable_fields(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if f.name not in NOT_PROPOSED]


def _to_json(field, value):
    if isinstance(field, models.FileField):
        return getattr(value, "name", value) or ""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def commit_files(obj) -> None:
    """Store new uploads now: a proposal keeps the stored file's name, not the upload."""
    for field in proposable_fields(type(obj)):
        if isinstance(field, models.FileField):
            value = getattr(obj, field.attname)
            if value and not value._committed:
                value.save(value.name, value.file, save=False)


def instance_values(obj, m2m: dict | None = None) -> dict:
    """Every proposable value of ``obj`` as it is in memory (an edited form's instance), and
    the many-to-many choices ``m2m`` ({name: objects}) as sorted ids."""
    values = {f.name: _to_json(f, getattr(obj, f.attname)) for f in proposable_fields(type(obj))}
    for name, chosen in (m2m or {}).items():
        values[name] = sorted(item.pk for item in chosen)
    return values


def record_values(record, model) -> dict:
    """The proposable values of a history record (many-to-many relations have no history)."""
    return {f.name: _to_json(f, getattr(record, f.attname)) for f in proposable_fields(model)}


def current_values(obj, names) -> dict:
    """The values of ``names`` as stored for ``obj`` now."""
    result = {}
    for name in names:
        field = obj._meta.get_field(name)
        if field.many_to_many:
            result[name] = sorted(getattr(obj, name).values_list("pk", flat=True))
        else:
            result[name] = _to_json(field, getattr(obj, field.attname))
    return result


def apply_values(obj, values: dict) -> dict:
    """Set the concrete ``values`` on ``obj`` (not saved); return the many-to-many ones, which
    can only be set once it is saved."""
    m2m = {}
    for name, value in values.items():
        field = obj._meta.get_field(name)
        if field.many_to_many:
            m2m[name] = value
        elif field.is_relation or isinstance(field, models.FileField):
            setattr(obj, field.attname, value)
        else:
            setattr(obj, field.attname, field.to_python(value))
    return m2m


def label(model, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name).capitalize()


def display(model, name: str, value) -> str:
    """``value`` (as stored in a proposal) as a reader sees it: choices by their label, related
    items by their names, dates in the local format."""
    field = model._meta.get_field(name)
    if field.many_to_many:
        related = field.related_model.objects.filter(pk__in=value or [])
        return ", ".join(sorted(str(item) for item in related))
    if value is None or value == "":
        return ""
    if field.is_relation:
        item = field.related_model.objects.filter(pk=value).first()
        return str(item) if item is not None else ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(field, models.DateField):
        return formats.date_format(field.to_python(value), "SHORT_DATE_FORMAT")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
