"""``manage.py archive_case ID``: make and deliver the archive package of a closed case now
(as closing does when ``ARCHIVE_ON_CLOSE`` is on); with ``--dry-run``, only print what the
package would hold, and write nothing."""

from django.core.management.base import BaseCommand, CommandError

from arkiv import arkivmelding, services
from stafettlogg.models import Stafettlogg


class Command(BaseCommand):
    help = "Make the archive package of a closed case log (or print its contents with --dry-run)."

    def add_arguments(self, parser):
        parser.add_argument("case_id", type=int)
        parser.add_argument("--dry-run", action="store_true", help="print the contents only")

    def handle(self, *args, case_id, dry_run, **options):
        case = (
            Stafettlogg.objects.select_related("tjeneste", "stafettholder", "closed_by")
            .filter(pk=case_id)
            .first()
        )
        if case is None:
            raise CommandError(f"No case log {case_id}.")
        if case.status != Stafettlogg.Status.CLOSED:
            raise CommandError(f"Case log {case_id} is not closed.")
        if dry_run:
            self._print(case, services.contents(case))
            return
        package = services.package_request(case_id=case.pk)
        status = services.build(package.pk)
        self.stdout.write(f"Package {package.pk} for case log {case.pk}: {status}")

    def _print(self, case, contents):
        write = self.stdout.write
        write(f"Message type: {arkivmelding.MESSAGE_TYPE}")
        write(f"Saksmappe: {arkivmelding.case_title(case)}")
        write(f"Administrative unit: {case.tjeneste.name}")
        write(f"{'#':>2}  {'file':<20} {'kind':<11} {'bytes':>8}  sha256            title")
        write(f"{'':>2}  {'arkivmelding.xml':<20} {'metadata':<11} {len(contents.xml):>8}")
        for number, entry in enumerate(contents.entries, start=1):
            write(
                f"{number:>2}  {entry.name:<20} {entry.kind:<11} {entry.size:>8}  "
                f"{entry.sha256[:16]}  {entry.title}"
            )
        write(f"{len(contents.entries)} documents; nothing was written (dry run).")
