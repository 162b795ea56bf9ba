"""The citizen area's invitations and links (minside) reference a case's guardians: retention
deletes them with the case. ``bts_delete_case`` is replaced by 0007's function (itself derived
from 0005's text) with the two tables deleted before the guardians, so the three cannot drift
apart.
"""

import importlib

from django.db import migrations

_0007 = importlib.import_module("stafettlogg.migrations.0007_step_reminders")
_ANCHOR = "    DELETE FROM stafettlogg_foresatt WHERE stafettlogg_id = case_id;\n"
_GUARDIANS = "(SELECT id FROM stafettlogg_foresatt WHERE stafettlogg_id = case_id)"
_CITIZEN_ROWS = (
    f"    DELETE FROM minside_kobling WHERE foresatt_id IN {_GUARDIANS};\n"
    f"    DELETE FROM minside_invitasjon WHERE foresatt_id IN {_GUARDIANS};\n"
)


def _function_0007() -> str:
    body = _0007._function_0005().replace(
        _0007._ANCHOR,
        _0007._ANCHOR
        + "    DELETE FROM stafettlogg_stepreminder WHERE stafettlogg_id = case_id;\n",
    )
    assert _ANCHOR in body
    return body


def with_citizen_links(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    body = _function_0007().replace(_ANCHOR, _CITIZEN_ROWS + _ANCHOR)
    schema_editor.execute(body.format(schema=_0007._schema(schema_editor)), params=None)


def without_citizen_links(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(_function_0007().format(schema=_0007._schema(schema_editor)), params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("stafettlogg", "0007_step_reminders"),
        ("minside", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(with_citizen_links, without_citizen_links),
    ]
