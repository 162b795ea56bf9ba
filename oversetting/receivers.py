"""The content models' saves and deletes keep ``Oversettelse`` up to date: the state is
known when the coordinator asks, without reading all content then, and public pages never
read it. Raw saves (fixtures) are recorded by ``translation_status`` and after migrate."""

from django.db.models.signals import post_delete, post_migrate, post_save

from . import sources, state


def _saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        state.record(instance)
        # An element's links and attachments are public while the element is.
        for item in sources.shown_items(instance):
            state.record(item)


def _deleted(sender, instance, **kwargs) -> None:
    state.forget(instance)


def _migrated(sender, **kwargs) -> None:
    if sender.name == "oversetting":  # once, when its tables exist
        state.record_all(only_missing=True)


def connect() -> None:
    for model in sources.models():
        label = model._meta.label_lower
        post_save.connect(_saved, sender=model, dispatch_uid=f"oversetting_save:{label}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"oversetting_delete:{label}")
    post_migrate.connect(_migrated, dispatch_uid="oversetting_migrated")
