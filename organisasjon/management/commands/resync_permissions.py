from django.core.management.base import BaseCommand

from organisasjon.models import Bruker
from organisasjon.services import memberships_resync


class Command(BaseCommand):
    help = (
        "Recompute every user's object permissions in the services from their memberships "
        "(after a role gains or loses a right in bts_portal/permissions.py)."
    )

    def handle(self, *args, **options):
        count = 0
        for user in Bruker.objects.filter(memberships__isnull=False).distinct().iterator():
            memberships_resync(user=user)
            count += 1
        self.stdout.write(self.style.SUCCESS(f"Permissions recomputed for {count} users."))
