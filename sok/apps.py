from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SokConfig(AppConfig):
    """The site search's index (SQLite FTS5 or PostgreSQL full-text search) and its synonyms."""

    name = "sok"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import (
            m2m_changed,
            post_delete,
            post_migrate,
            post_save,
            pre_delete,
        )

        from . import signals, sources

        sources.register()

        post_save.connect(signals.saved, dispatch_uid="sok-saved")
        pre_delete.connect(signals.deleting, dispatch_uid="sok-deleting")
        post_delete.connect(signals.deleted, dispatch_uid="sok-deleted")
        m2m_changed.connect(signals.relations_changed, dispatch_uid="sok-m2m")
        post_migrate.connect(signals.migrated, sender=self, dispatch_uid="sok-migrated")
