"""Beat's health check: exit 1 unless beat sent its heartbeat recently (compose runs this)."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

HEARTBEAT = "beat-heartbeat"  # the entry in CELERY_BEAT_SCHEDULE


class Command(BaseCommand):
    help = "Exit 1 unless Celery beat has sent its heartbeat within --max-age seconds."

    def add_arguments(self, parser):
        # Beat's database scheduler writes run times every few minutes, not at each send.
        parser.add_argument("--max-age", type=int, default=8 * 60)

    def handle(self, *args, max_age, **options):
        from django_celery_beat.models import PeriodicTask

        last = (
            PeriodicTask.objects.filter(name=HEARTBEAT)
            .values_list("last_run_at", flat=True)
            .first()
        )
        if last is None or last < timezone.now() - timedelta(seconds=max_age):
            raise CommandError(f"beat has not sent its heartbeat since {last}")
        self.stdout.write(f"beat ok: heartbeat at {last:%Y-%m-%d %H:%M:%S}")
