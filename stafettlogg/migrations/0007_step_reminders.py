"""Reminders of the guide's steps, one per case, step and due date.

Retention deletes a case through ``bts_delete_case`` (0005): the function is replaced by the
same one that also deletes the case's step reminders, derived from 0005's text so that the
two cannot drift apart.
"""

import importlib

import django.db.models.deletion
from django.db import migrations, models

_0005 = importlib.import_module("stafettlogg.migrations.0005_database_protection")
_START = "CREATE FUNCTION bts_delete_case"
_END = "REVOKE ALL ON FUNCTION bts_delete_case(bigint) FROM PUBLIC;"
_ANCHOR = "    DELETE FROM stafettlogg_casecheckliststep WHERE stafettlogg_id = case_id;\n"


def _function_0005() -> str:
    text = _0005.FUNCTIONS
    body = text[text.index(_START) : text.index(_END)]
    assert _ANCHOR in body
    return body.replace(_START, "CREATE OR REPLACE FUNCTION bts_delete_case", 1)


def _schema(schema_editor) -> str:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT quote_ident(current_schema())")
        return cursor.fetchone()[0]


def with_step_reminders(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    body = _function_0005().replace(
        _ANCHOR, _ANCHOR + "    DELETE FROM stafettlogg_stepreminder WHERE stafettlogg_id = case_id;\n"
    )
    schema_editor.execute(body.format(schema=_schema(schema_editor)), params=None)


def without_step_reminders(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(_function_0005().format(schema=_schema(schema_editor)), params=None)


class Migration(migrations.Migration):

    dependencies = [
        ('stafettlogg', '0006_retention_of_concerns'),
    ]

    operations = [
        migrations.CreateModel(
            name='StepReminder',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('step_key', models.CharField(max_length=60)),
                ('due', models.DateField()),
                ('sent_at', models.DateTimeField(auto_now_add=True)),
                ('stafettlogg', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='step_reminders', to='stafettlogg.stafettlogg')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('stafettlogg', 'step_key', 'due'), name='one_reminder_per_step_due_date')],
            },
        ),
        migrations.RunPython(with_step_reminders, without_step_reminders),
    ]
