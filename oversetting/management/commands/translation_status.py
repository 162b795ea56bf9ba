from django.core.management.base import BaseCommand, CommandError

from oversetting import state


class Command(BaseCommand):
    help = (
        "Per public content type and language: items, missing and outdated translations, "
        "machine drafts waiting for approval, and the share of the text still in bokmål."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--language",
            choices=["nn", "en"],
            help="Only this language (default: nynorsk and English).",
        )
        parser.add_argument(
            "--max-bokmal",
            type=float,
            metavar="PERCENT",
            help="Fail (exit 1) when more than PERCENT %% of a language's public text is "
            "still in bokmål, e.g. --max-bokmal 0 in CI for a complete nynorsk demo.",
        )

        parser.add_argument(
            "--refresh",
            action="store_true",
            help="Read every item again first (after changes that bypassed the models' saves, "
            "such as a bulk update in the database).",
        )

    def handle(self, *args, language=None, max_bokmal=None, refresh=False, **options):
        # Content saved before this app existed, or by fixtures, gets its rows first.
        state.record_all(only_missing=not refresh)
        rows = [r for r in state.status_rows() if language in (None, r.language)]
        header = f"{'content type':<33} {'lang':<4} {'items':>6} {'missing':>8} "
        header += f"{'outdated':>9} {'machine':>8} {'bokmål':>7}"
        self.stdout.write(header)
        totals: dict[str, list[int]] = {}
        for row in rows:
            self.stdout.write(
                f"{row.label:<33} {row.language:<4} {row.items:>6} {row.missing:>8} "
                f"{row.outdated:>9} {row.machine_drafts:>8} {row.bokmal_share:>7.1%}"
            )
            total = totals.setdefault(row.language, [0, 0])
            total[0] += row.fields_missing
            total[1] += row.fields_total
        failed = []
        for code, (missing, of) in totals.items():
            share = 100 * missing / of if of else 0.0
            self.stdout.write(f"{code}: {share:.1f} % of the public text is still in bokmål")
            if max_bokmal is not None and share > max_bokmal:
                failed.append(f"{code} {share:.1f} %")
        if failed:
            raise CommandError(
                f"More than {max_bokmal} % of the text is still in bokmål: {', '.join(failed)}"
            )
