"""An item's editable values as JSON, for change proposals: read from an edited instance or a
history record, compared with the published row, applied back, and shown as text.

Besides its own fields, an item's proposal may carry a *child set*: the rows of a related
model edited on their own pages (an element's links and attachments, ``ContentKind.
child_sets``), stored under the related name as a list of entries, one per row, each with the
row's ``id`` (None for a row the proposal adds, which has a ``ref`` instead) and the values
of the row's own fields (every concrete field but its key, its item and automatic stamps)."""

import json
import uuid

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


def child_sets(model) -> tuple[str, ...]:
    """The related names of ``model``'s child sets (empty for a model no kind registers)."""
    from .registry import all_kinds  # the registry's kinds are registered by the apps

    for kind in all_kinds():
        if kind.model is model:
            return kind.child_sets
    return ()


def is_child_set(model, name: str) -> bool:
    return name in child_sets(model)


def child_fields(model, name: str) -> list[models.Field]:
    """The fields an entry of the child set ``name`` carries, from the related model itself:
    a column added to it (e.g. a translated title) becomes part of the proposals at once."""
    relation = model._meta.get_field(name)
    return [
        f
        for f in relation.related_model._meta.concrete_fields
        if not f.primary_key
        and f is not relation.field
        and not getattr(f, "auto_now", False)
        and not getattr(f, "auto_now_add", False)
    ]


def child_entry(model, name: str, row=None, **values) -> dict:
    """One entry of a child set: of a stored ``row``, or a new one from ``values`` (which the
    related model's fields name; a field not given takes its default)."""
    fields = child_fields(model, name)
    if row is not None:
        entry = {"id": row.pk}
        entry.update({f.name: _to_json(f, getattr(row, f.attname)) for f in fields})
        return entry
    entry = {"id": None, "ref": uuid.uuid4().hex[:12]}
    for f in fields:
        value = values.get(f.name, values.get(f.attname, f.get_default()))
        entry[f.name] = _to_json(f, getattr(value, "pk", value))
    return entry


def children_values(obj, name: str) -> list[dict]:
    """The child set ``name`` of ``obj`` as stored now, in the related model's order."""
    return [child_entry(type(obj), name, row) for row in getattr(obj, name).all()]


def apply_children(obj, name: str, entries: list[dict]) -> list[str]:
    """Make the stored child set ``name`` of the saved ``obj`` what ``entries`` say: update the
    rows they name, add the new ones, delete the rest. Returns the names of the files the
    deleted rows stored, for the caller to delete once committed."""
    relation = obj._meta.get_field(name)
    child, parent = relation.related_model, relation.field
    fields = child_fields(type(obj), name)
    rows = {row.pk: row for row in child.objects.select_for_update().filter(**{parent.name: obj})}
    kept = set()
    for entry in entries:
        row = rows.get(entry.get("id")) or child(**{parent.name: obj})
        for f in fields:
            value = entry.get(f.name, f.get_default())
            if f.is_relation or isinstance(f, models.FileField):
                setattr(row, f.attname, value)
            else:
                setattr(row, f.attname, f.to_python(value))
        row.save()
        kept.add(row.pk)
    dropped = []
    for pk, row in rows.items():
        if pk in kept:
            continue
        dropped += [
            getattr(row, f.attname).name
            for f in fields
            if isinstance(f, models.FileField) and getattr(row, f.attname)
        ]
        row.delete()
    return dropped


def child_files(model, values: dict) -> list[tuple[models.FileField, str]]:
    """The (file field, stored name) pairs the child sets in ``values`` refer to."""
    found: list[tuple[models.FileField, str]] = []
    for name in child_sets(model):
        for f in child_fields(model, name):
            if isinstance(f, models.FileField):
                found += [(f, e[f.name]) for e in values.get(name) or [] if e.get(f.name)]
    return found


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
        if is_child_set(type(obj), name):
            result[name] = children_values(obj, name)
        elif field.many_to_many:
            result[name] = sorted(getattr(obj, name).values_list("pk", flat=True))
        else:
            result[name] = _to_json(field, getattr(obj, field.attname))
    return result


def apply_values(obj, values: dict) -> dict:
    """Set the concrete ``values`` on ``obj`` (not saved); return the many-to-many ones and the
    child sets, which can only be set once it is saved."""
    m2m = {}
    for name, value in values.items():
        field = obj._meta.get_field(name)
        if field.many_to_many or is_child_set(type(obj), name):
            m2m[name] = value
        elif field.is_relation or isinstance(field, models.FileField):
            setattr(obj, field.attname, value)
        else:
            setattr(obj, field.attname, field.to_python(value))
    return m2m


def label(model, name: str) -> str:
    field = model._meta.get_field(name)
    if field.one_to_many:
        return str(field.related_model._meta.verbose_name_plural).capitalize()
    return str(field.verbose_name).capitalize()


def _entry_text(model, name: str, entry: dict) -> str:
    """An entry as a reader knows it: its first text, then its address or file in brackets."""
    texts: list[str] = []
    where: list[str] = []
    for f in child_fields(model, name):
        value = entry.get(f.name)
        if not value:
            continue
        if isinstance(f, models.FileField):
            where.append(str(value).rsplit("/", 1)[-1])
        elif isinstance(f, models.URLField):
            where.append(str(value))
        elif isinstance(f, models.CharField) and not f.choices and not texts:
            texts.append(str(value))
    return " ".join(texts + [f"({w})" for w in where])


def display(model, name: str, value) -> str:
    """``value`` (as stored in a proposal) as a reader sees it: choices by their label, related
    items by their names, dates in the local format."""
    field = model._meta.get_field(name)
    if is_child_set(model, name):
        return "; ".join(_entry_text(model, name, entry) for entry in value or [])
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
