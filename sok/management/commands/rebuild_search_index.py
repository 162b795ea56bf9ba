from django.core.management.base import BaseCommand

from sok import index


class Command(BaseCommand):
    help = "Build the site search's index anew from all published public content."

    def handle(self, *args, **options):
        counts = index.rebuild()
        total = sum(counts.values())
        for kind, count in sorted(counts.items()):
            self.stdout.write(f"  {kind:<32} {count}")
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {total} items."))
