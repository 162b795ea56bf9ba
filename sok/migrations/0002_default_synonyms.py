from django.db import migrations


def seed(apps, schema_editor):
    from sok.synonyms import seed_default_synonyms

    seed_default_synonyms(apps.get_model("sok", "Synonym"))


class Migration(migrations.Migration):
    dependencies = [("sok", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
