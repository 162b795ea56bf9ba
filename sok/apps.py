from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SokConfig(AppConfig):
    """The site search's index (SQLite FTS5 or PostgreSQL full-text search) and its synonyms."""

    name = "sok"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals, sources

        sources.register()
        # For the models the index reads only: a receiver for every model would keep Django
        # from fast deletes everywhere. Apps register their sources in ready(), before this.
        signals.connect()
        post_migrate.connect(signals.migrated, sender=self, dispatch_uid="sok-migrated")
