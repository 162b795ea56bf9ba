"""Run the interval audit over everything the statistics would publish for a year."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from statistikk.disclosure import State, publish


class Command(BaseCommand):
    help = (
        "Audit the statistics for YEAR before publishing: for every suppressed cell, the least "
        "and greatest value it can take given everything shown (both years, every scope, the "
        "CSV), which must cover what its label says. Exits with status 1 if any cell fails."
    )

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("--verbose-cells", action="store_true", help="List every interval.")

    def handle(self, *args, year, verbose_cells=False, **options):
        start = time.perf_counter()
        with translation.override("nb"):
            release = publish(year)
        published = time.perf_counter() - start
        start = time.perf_counter()
        findings = release.audit()
        audited = time.perf_counter() - start
        states = release.model.states
        counts = {state: sum(1 for s in states if s == state) for state in State}
        self.stdout.write(
            f"Statistics {year} and {year - 1}: {len(states)} figures, "
            f"{counts[State.SMALL]} shown as <5, {counts[State.HIDDEN]} hidden as –, "
            f"{counts[State.WITHHELD]} withheld or never published; "
            f"{len(release.model.constraints)} identities."
        )
        self.stdout.write(f"Suppression {published:.2f} s, audit {audited:.2f} s.")
        failed = [f for f in findings if not f.ok]
        for finding in findings if verbose_cells else failed:
            mark = "ok  " if finding.ok else "FAIL"
            self.stdout.write(
                f"  {mark} {finding.key}: {finding.state} value {finding.value}, "
                f"derivable interval [{finding.low:g}, {finding.high:g}]"
            )
        if failed:
            raise CommandError(f"{len(failed)} suppressed cells can be narrowed: do not publish.")
        self.stdout.write(
            self.style.SUCCESS(
                f"All {len(findings)} suppressed cells keep the range their label claims."
            )
        )
