"""Create-or-update that writes only what differs, so loaders can run again and again
without adding history versions or touching timestamps."""

from typing import TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


def upsert(model: type[M], lookup: dict, values: dict) -> tuple[M, bool]:
    """Return (object, changed): the row matching ``lookup`` with ``values`` applied."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        return model._default_manager.create(**lookup, **values), True
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, values[name])
    if changed:
        obj.save()
    return obj, bool(changed)
