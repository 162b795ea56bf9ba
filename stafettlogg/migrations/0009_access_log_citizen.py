"""Digital consent on My page (issue 20): consent requests, the guardians' answers and the
renewal reminders, the family's view in the timeline, and the access log's citizen column.

The new tables reference a case (through its requests, consents and guardians): retention
deletes them with it. ``bts_delete_case`` is replaced by 0008's function (derived from 0005's
text) with the five tables deleted before the consents, so that the functions cannot drift
apart. The access log's citizen column has no foreign key constraint: the log outlives the
links it names, as it outlives the cases.
"""

import importlib

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

_0007 = importlib.import_module("stafettlogg.migrations.0007_step_reminders")
_0008 = importlib.import_module("stafettlogg.migrations.0008_citizen_links")
_ANCHOR = "    DELETE FROM stafettlogg_samtykke_services\n"
_REQUESTS = "(SELECT id FROM stafettlogg_samtykkeforesporsel WHERE stafettlogg_id = case_id)"
_CONSENTS = "(SELECT id FROM stafettlogg_samtykke WHERE stafettlogg_id = case_id)"
_DIGITAL_CONSENT_ROWS = (
    "    DELETE FROM stafettlogg_samtykkesvar_services WHERE samtykkesvar_id IN\n"
    f"        (SELECT id FROM stafettlogg_samtykkesvar WHERE request_id IN {_REQUESTS});\n"
    f"    DELETE FROM stafettlogg_samtykkesvar WHERE request_id IN {_REQUESTS};\n"
    "    DELETE FROM stafettlogg_samtykkeforesporsel_services\n"
    f"     WHERE samtykkeforesporsel_id IN {_REQUESTS};\n"
    "    DELETE FROM stafettlogg_samtykkeforesporsel WHERE stafettlogg_id = case_id;\n"
    f"    DELETE FROM stafettlogg_consentrenewalreminder WHERE samtykke_id IN {_CONSENTS};\n"
)


def _function_0008() -> str:
    body = _0008._function_0007().replace(_0008._ANCHOR, _0008._CITIZEN_ROWS + _0008._ANCHOR)
    assert _ANCHOR in body
    return body


def with_digital_consent(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    body = _function_0008().replace(_ANCHOR, _DIGITAL_CONSENT_ROWS + _ANCHOR, 1)
    schema_editor.execute(body.format(schema=_0007._schema(schema_editor)), params=None)


def without_digital_consent(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(_function_0008().format(schema=_0007._schema(schema_editor)), params=None)


class Migration(migrations.Migration):

    dependencies = [
        ('minside', '0001_initial'),
        ('organisasjon', '0004_service_translations'),
        ('stafettlogg', '0008_citizen_links'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='accesslog',
            name='citizen',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='minside.kobling'),
        ),
        migrations.AddField(
            model_name='innslag',
            name='family_author',
            field=models.CharField(blank=True, max_length=200),
        ),
        migrations.AddField(
            model_name='samtykke',
            name='auth_level',
            field=models.CharField(blank=True, max_length=200, verbose_name='authentication level'),
        ),
        migrations.AlterField(
            model_name='innslag',
            name='kind',
            field=models.CharField(choices=[('observasjon', 'Observation'), ('samtale', 'Conversation'), ('mote', 'Meeting'), ('tiltak', 'Measure'), ('evaluering', 'Evaluation'), ('niva', 'Level change'), ('overforing', 'Hand-over'), ('deltaker', 'Participant added'), ('samtykke', 'Consent'), ('melding', 'Report to child welfare'), ('avslutning', 'Closure'), ('korrigering', 'Correction'), ('familie', "The family's view")], max_length=12),
        ),
        migrations.AlterField(
            model_name='samtykke',
            name='method',
            field=models.CharField(choices=[('skriftlig', 'Signed form'), ('muntlig', 'Given orally in a meeting, recorded by the employee'), ('digital', 'Given digitally on My page (ID-porten)')], max_length=10, verbose_name='how'),
        ),
        migrations.CreateModel(
            name='SamtykkeForesporsel',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('purpose', models.TextField(verbose_name='purpose: why the services should share information')),
                ('valid_until', models.DateField(verbose_name='valid until')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('status', models.CharField(choices=[('open', 'Waiting for the guardians'), ('active', 'Consent given'), ('refused', 'Refused'), ('cancelled', 'Cancelled')], default='open', max_length=10)),
                ('closed_at', models.DateTimeField(blank=True, null=True)),
                ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('renews', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='stafettlogg.samtykke')),
                ('samtykke', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='digital_request', to='stafettlogg.samtykke')),
                ('services', models.ManyToManyField(related_name='+', to='organisasjon.tjeneste', verbose_name='services')),
                ('stafettlogg', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='consent_requests', to='stafettlogg.stafettlogg')),
            ],
            options={
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='SamtykkeSvar',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('answer', models.CharField(choices=[('confirmed', 'Confirmed'), ('refused', 'Refused')], max_length=10)),
                ('answered_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('acr', models.CharField(blank=True, max_length=100)),
                ('language', models.CharField(default='nb', max_length=8)),
                ('foresatt', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='stafettlogg.foresatt')),
                ('request', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='answers', to='stafettlogg.samtykkeforesporsel')),
                ('services', models.ManyToManyField(related_name='+', to='organisasjon.tjeneste')),
            ],
            options={
                'ordering': ['answered_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='ConsentRenewalReminder',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('valid_until', models.DateField()),
                ('sent_at', models.DateTimeField(auto_now_add=True)),
                ('samtykke', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='stafettlogg.samtykke')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('samtykke', 'valid_until'), name='one_renewal_per_consent_and_date')],
            },
        ),
        migrations.AddConstraint(
            model_name='samtykkeforesporsel',
            constraint=models.UniqueConstraint(condition=models.Q(('status', 'open')), fields=('stafettlogg',), name='one_open_consent_request_per_case'),
        ),
        migrations.AddConstraint(
            model_name='samtykkesvar',
            constraint=models.UniqueConstraint(fields=('request', 'foresatt'), name='one_answer_per_guardian_and_request'),
        ),
        migrations.RunPython(with_digital_consent, without_digital_consent),
    ]
