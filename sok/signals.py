"""The index follows every save, publish, unpublish and delete of the content it holds, and of
the things its text depends on (a theme's name in the measures that have it)."""

from functools import cache

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from bts_portal.content.search import all_sources

from . import index


def _maps():
    """(model -> source, model -> [(source, related items)]), built once per registry."""
    return _maps_for(len(all_sources()))


@cache
def _maps_for(registered: int):
    by_model: dict = {}
    dependants: dict = {}
    for source in all_sources():
        by_model[source.model] = source
        for label, related in source.depends_on:
            dependants.setdefault(apps.get_model(label), []).append((source, related))
    return by_model, dependants


def connect() -> None:
    """Follow the registered sources' models, the models their text depends on, and their
    many-to-many relations."""
    by_model, dependants = _maps()
    for model in {*by_model, *dependants}:
        uid = f"sok-{model._meta.label_lower}"
        post_save.connect(saved, sender=model, dispatch_uid=f"{uid}-saved")
        pre_delete.connect(deleting, sender=model, dispatch_uid=f"{uid}-deleting")
        post_delete.connect(deleted, sender=model, dispatch_uid=f"{uid}-deleted")
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                relations_changed, sender=through, dispatch_uid=f"sok-{through._meta.label_lower}"
            )


def saved(sender, instance, raw=False, **kwargs):
    if raw or index.is_suspended():
        return
    by_model, dependants = _maps()
    if source := by_model.get(sender):
        index.refresh(source, [instance.pk])
    for source, related in dependants.get(sender, ()):
        index.refresh(source, list(related(instance)))


def deleting(sender, instance, **kwargs):
    if index.is_suspended():
        return
    _, dependants = _maps()
    if related := dependants.get(sender):
        # After the delete the relations are gone: note now whom it concerned.
        instance._sok_dependants = [(source, list(find(instance))) for source, find in related]


def deleted(sender, instance, **kwargs):
    if index.is_suspended():
        return
    by_model, _ = _maps()
    if source := by_model.get(sender):
        index.remove(source.kind, [instance.pk])
    for source, pks in getattr(instance, "_sok_dependants", ()):
        index.refresh(source, pks)


def relations_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"} or index.is_suspended():
        return
    by_model, _ = _maps()
    if source := by_model.get(type(instance)):
        index.refresh(source, [instance.pk])
    if pk_set and (source := by_model.get(model)):
        index.refresh(source, pk_set)


def migrated(sender, using="default", **kwargs):
    """After migrate, and after a flush (which empties the documents table but not SQLite's
    virtual table): the index anew, so content a data migration made is found as well."""
    if using == "default":
        index.rebuild()
