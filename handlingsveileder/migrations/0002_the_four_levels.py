"""The four BTI levels exist from the start, as drafts for the coordinator to write."""

from django.db import migrations

LEVELS = [
    (0, "Undring og bekymring", "Noen undrer seg over hvordan et barn har det. Målet er å "
        "beskrive det man ser, drøfte det og snakke med familien, og å bestemme hva som skal skje."),
    (1, "Tiltak i egen tjeneste", "Tjenesten som undret seg setter i gang tiltak sammen med "
        "familien, med en stafettholder og en dato for evaluering."),
    (2, "Samarbeid med annen tjeneste", "En eller flere andre tjenester kobles inn med samtykke, "
        "og stafettholderen samordner en felles plan."),
    (3, "Utvidet tverrfaglig samarbeid", "Mange tjenester samarbeider over tid, med ansvarsgruppe "
        "og koordinator, og eventuelt individuell plan."),
]


def create_levels(apps, schema_editor):
    Niva = apps.get_model("handlingsveileder", "Niva")
    for number, title, summary in LEVELS:
        Niva.objects.get_or_create(number=number, defaults={"title": title, "summary": summary,
                                                            "order": number})


class Migration(migrations.Migration):
    dependencies = [("handlingsveileder", "0001_initial")]

    operations = [migrations.RunPython(create_levels, migrations.RunPython.noop)]
