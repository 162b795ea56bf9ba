"""``manage.py restore_drill``: dump the database, restore it into a new one, compare every table,
check the protections, drop the copy (bts_portal/restore_drill.py; README, "Operations").
Exits 1 on any difference."""

from pathlib import Path

import environ
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bts_portal import restore_drill


class Command(BaseCommand):
    help = (
        "Restore drill on PostgreSQL: pg_dump, pg_restore into a new database, compare rows "
        "and checksums of every table, check the append-only triggers, drop the copy."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin-url",
            default="",
            help="A role that may create and drop databases, e.g. the cluster's superuser "
            "(postgres://bts@db:5432/postgres). Default: the owner, on the postgres database.",
        )
        parser.add_argument(
            "--target-prefix",
            default=None,
            help="Name the restored database PREFIX_<time>_<random> (default: <source>_drill).",
        )
        parser.add_argument(
            "--pg-bin", default=None, help="Directory of pg_dump and pg_restore (default: PATH)."
        )
        parser.add_argument(
            "--media-archive",
            type=Path,
            default=None,
            help="The media tar taken with the dump: check it reads and holds every file the "
            "restored rows name.",
        )

    def handle(self, *args, admin_url, target_prefix, pg_bin, media_archive, **options):
        try:
            source = restore_drill.owner_database()
            admin = (
                restore_drill.Database.from_settings(environ.Env.db_url_config(admin_url))
                if admin_url
                else None
            )
            report = restore_drill.run_drill(
                source=source,
                admin=admin,
                target_prefix=target_prefix,
                pg_bin=pg_bin,
                media_archive=media_archive,
                runtime_role=settings.DATABASE_RUNTIME_ROLE,
            )
        except restore_drill.DrillError as error:
            raise CommandError(f"restore drill could not run: {error}") from error
        self.print_report(report)
        if not report.passed:
            raise CommandError(
                f"restore drill FAILED, {len(report.differences)} difference(s): "
                + "; ".join(report.differences)
            )

    def print_report(self, report):
        write = self.stdout.write
        width = max([len("table"), *(len(t.table) for t in report.tables)])
        write(f"Restore drill: {report.source} -> {report.restored} (dropped)")
        write(f"{'table':<{width}}  {'source':>8}  {'restored':>8}  checksum")
        for table in report.tables:
            source = "-" if table.source_rows is None else table.source_rows
            restored = "-" if table.restored_rows is None else table.restored_rows
            write(f"{table.table:<{width}}  {source:>8}  {restored:>8}  {table.verdict}")
        total = sum(t.source_rows or 0 for t in report.tables)
        write(f"{len(report.tables)} tables, {total} rows in the source.")
        for check in report.checks:
            write(f"{'ok  ' if check.ok else 'FAIL'} {check.name}: {check.detail}")
        timings = ", ".join(f"{step} {seconds:.1f} s" for step, seconds in report.timings.items())
        write(f"Dump {report.dump_bytes / 1024:.0f} KiB; {timings}.")
        if report.passed:
            write(self.style.SUCCESS("Restore drill passed: the restored copy is identical."))
