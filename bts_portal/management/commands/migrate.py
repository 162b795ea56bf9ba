"""``migrate`` as the schema's owner (MIGRATE_DATABASE_URL), ending with the runtime role's
grants and the retention period the database enforces (bts_portal/db_roles.py).

The whole command, so every migration, RunPython and post_migrate handler, runs as the owner;
without MIGRATE_DATABASE_URL it is Django's migrate as before."""

from django.core.management.commands import migrate

from bts_portal import db_roles


class Command(migrate.Command):
    def handle(self, *args, **options):
        database = options["database"]
        with db_roles.owner_connection(database):
            super().handle(*args, **options)
            if not (options["plan"] or options["check_unapplied"] or options["prune"]):
                db_roles.record_retention_period(database)
                db_roles.grant_runtime_role(database)
