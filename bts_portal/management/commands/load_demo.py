from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from bts_portal.content import demo as content_demo
from handlingsveileder import demo as handlingsveileder_demo
from organisasjon import demo as organisasjon_demo
from oversetting import state as translation_state
from samhandling import demo as samhandling_demo
from samhandling import demo_year as samhandling_demo_year
from sok import index as search_index
from sok.synonyms import seed_default_synonyms
from stafettlogg import demo as stafettlogg_demo
from stafettlogg import demo_history
from tiltaksoversikt import demo as tiltaksoversikt_demo


class Command(BaseCommand):
    help = "Load the demo municipality 'Eksempel kommune' with services, content and users."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load even when DJANGO_ENV=production (creates users with a known password).",
        )
        parser.add_argument(
            "--history",
            action="store_true",
            help="Also load three years of demo concerns and case logs (for the statistics).",
        )

    def handle(self, *args, allow_production=False, history=False, **options):
        if settings.PRODUCTION and not allow_production:
            raise CommandError(
                "Refusing to load demo users with a known password in production. "
                "Use --allow-production for a demo installation."
            )
        # The search index is built once, after the content, not once per saved item.
        with translation.override("nb"), search_index.suspended():
            users = organisasjon_demo.load()
            elements = samhandling_demo.load()
            year_events = samhandling_demo_year.load()
            measures, places = tiltaksoversikt_demo.load()
            steps = handlingsveileder_demo.load()
            cases = stafettlogg_demo.load()
            proposals = content_demo.load()
            made = demo_history.load() if history else None
        seed_default_synonyms()
        indexed = sum(search_index.rebuild().values())
        # The demo's nynorsk and English are drafts a person has reviewed: recorded as
        # translations of the bokmål text as it stands (oversetting, translation_status).
        translation_state.record_all(reviewed=True)
        self.stdout.write(self.style.SUCCESS(f"Demo data for {settings.KOMMUNE_NAVN} loaded."))
        self.stdout.write(f"The collaboration model: {elements} elements.")
        self.stdout.write(f"The annual cycle: {year_events} recurring events.")
        self.stdout.write(f"The catalogue: {measures} measures, {places} meeting places.")
        self.stdout.write(f"The action guide: 4 levels, {steps} steps.")
        self.stdout.write(f"Case logs: {cases}, with concerns, for the demo employees.")
        self.stdout.write(f"Change proposals waiting for the coordinator: {proposals} new.")
        self.stdout.write(f"The search index: {indexed} public items.")
        if made is not None:
            self.stdout.write(
                "History: "
                + (
                    ", ".join(f"{n} {what}" for what, n in sorted(made.items()))
                    or "already loaded, nothing added"
                )
            )
        self.stdout.write(f"Demo users (password for all: {organisasjon_demo.DEMO_PASSWORD}):")
        for username, description in users:
            self.stdout.write(f"  {username:<22} {description}")
