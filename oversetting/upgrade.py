"""Keeping the translation state right when a model gains translated fields (a migration that
adds ``<field>_nn`` and ``<field>_en`` columns to content that already has state rows).

The state's hashes are taken over the model's translated fields (``sources.texts``), so a new
field changes every item's hashes. Read as an ordinary save (``state.record``, or
``translation_status --refresh``), that would take each translation as made from the text as
it is now, and lose which translations were older than their bokmål text; not read at all,
the rows would not count the new fields until each item is saved again.

``rehash``, run from the migration that adds the fields, recomputes each row whose hashes
still match the fields as they were ``before`` the migration: a translation that was up to
date stays up to date, one that was older than its bokmål text stays older, and a new field
with bokmål text counts as missing until it is translated. A row that no longer matches (the
content changed behind the models' back) is left for ``translation_status --refresh``.
"""

from bts_portal.content.translation import SUFFIXES

from .sources import _hash, translated_fields


def rehash(apps, label: str, before: list[str]) -> int:
    """Bring the state rows of ``label`` ("app_label.Model") from the translated fields
    ``before`` to the model's translated fields now; returns the number of rows changed.
    ``apps`` is a migration's historical registry (or ``django.apps.apps``)."""
    Oversettelse = apps.get_model("oversetting", "Oversettelse")
    ContentType = apps.get_model("contenttypes", "ContentType")
    app_label, model_name = label.split(".")
    content_type = ContentType.objects.filter(app_label=app_label, model=model_name.lower()).first()
    if content_type is None:
        return 0
    model = apps.get_model(app_label, model_name)
    after = translated_fields(model)  # the historical model's fields, by the same rule
    rows: dict[int, list] = {}
    for row in Oversettelse.objects.filter(content_type=content_type):
        rows.setdefault(row.object_id, []).append(row)
    changed = 0
    for obj in model.objects.filter(pk__in=list(rows)).iterator():

        def values(names, suffix="", obj=obj):
            return [getattr(obj, name + suffix) or "" for name in names]

        for row in rows[obj.pk]:
            suffix = SUFFIXES[row.language]
            if (
                _hash(values(before)) != row.source_hash
                or _hash(values(before, suffix)) != row.translation_hash
            ):
                continue
            was_current = row.translated_from_hash == row.source_hash
            source, translation = values(after), values(after, suffix)
            present = [(s, t) for s, t in zip(source, translation, strict=True) if s.strip()]
            row.source_hash = _hash(source)
            row.translation_hash = _hash(translation)
            row.fields_total = len(present)
            row.fields_missing = sum(1 for _s, t in present if not t.strip())
            if was_current:
                row.translated_from_hash = row.source_hash
            row.save(
                update_fields=[
                    "source_hash", "translation_hash", "fields_total", "fields_missing",
                    "translated_from_hash",
                ]
            )  # fmt: skip
            changed += 1
    return changed
