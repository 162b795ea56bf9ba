"""``flush`` that may empty the tables whose rows are otherwise kept (stafettlogg migration
0005): the test suite flushes between transactional tests. Only the tables' owner gets
through; the runtime role has no TRUNCATE privilege (bts_portal/db_roles.py)."""

from django.core.management.commands import flush

from bts_portal import db_roles


class Command(flush.Command):
    def handle(self, **options):
        with db_roles.flush_allowed(options["database"]):
            super().handle(**options)
