"""The accessibility statement and the privacy page exist from the start: every footer links
to them. Pages the coordinator has already made are left as they are."""

from django.db import migrations
from django.utils import timezone


def create_standard_pages(apps, schema_editor):
    from samhandling.standard_pages import STANDARD_PAGES

    Side = apps.get_model("samhandling", "Side")
    for slug, titles, summaries, bodies in STANDARD_PAGES:
        if Side.objects.filter(slug=slug).exists():
            continue
        Side.objects.create(
            slug=slug,
            title=titles[0], title_nn=titles[1], title_en=titles[2],
            summary=summaries[0], summary_nn=summaries[1], summary_en=summaries[2],
            body=bodies[0], body_nn=bodies[1], body_en=bodies[2],
            status="published",
            order=100,
            published_at=timezone.now(),
            last_reviewed=timezone.localdate(),
        )  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("samhandling", "0002_glossary")]

    operations = [migrations.RunPython(create_standard_pages, migrations.RunPython.noop)]
