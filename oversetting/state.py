"""Keeping ``Oversettelse`` in step with the content (services), and reading it (selectors)."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from . import sources
from .models import Oversettelse, TranslationStatus, Utkast

NEEDS_WORK = Q(fields_missing__gt=0) | ~Q(translated_from_hash=F("source_hash"))
STATUS_FILTERS: dict[str, Q] = {
    TranslationStatus.MISSING: Q(fields_missing__gt=0),
    TranslationStatus.OUTDATED: Q(fields_missing=0) & ~Q(translated_from_hash=F("source_hash")),
}


@transaction.atomic
def record(obj, *, reviewed: bool = False) -> None:
    """Bring the item's rows up to date after a save. A translation that changed in this
    save was made from the bokmål text as it is now; a bokmål change alone leaves the
    translation marked as made from the older text. ``reviewed``: a person confirms that the
    translations as they stand match the bokmål text (the demo's reviewed drafts)."""
    content_type = ContentType.objects.get_for_model(obj)
    rows = {
        row.language: row
        for row in Oversettelse.objects.select_for_update().filter(
            content_type=content_type, object_id=obj.pk
        )
    }
    public = sources.is_public(obj)
    now = timezone.now()
    new = []
    for language in sources.LANGUAGES:
        texts = sources.texts(obj, language)
        has_translation = texts.fields_missing < texts.fields_total
        row = rows.get(language)
        if row is None:
            new.append(
                Oversettelse(
                    content_type=content_type,
                    object_id=obj.pk,
                    language=language,
                    is_public=public,
                    source_hash=texts.source_hash,
                    # Existing text is taken as made from the bokmål text it stands beside.
                    translated_from_hash=texts.source_hash if has_translation else "",
                    translation_hash=texts.translation_hash,
                    fields_total=texts.fields_total,
                    fields_missing=texts.fields_missing,
                    reviewed_at=now if reviewed else None,
                )
            )
            continue
        changed = row.translation_hash != texts.translation_hash
        if changed or reviewed:
            row.translated_from_hash = texts.source_hash if has_translation else ""
            row.reviewed_at = now
        row.is_public = public
        row.source_hash = texts.source_hash
        row.translation_hash = texts.translation_hash
        row.fields_total = texts.fields_total
        row.fields_missing = texts.fields_missing
        row.save()
    if new:
        # A concurrent first save made the same rows from the same text.
        Oversettelse.objects.bulk_create(new, ignore_conflicts=True)


def forget(obj) -> None:
    content_type = ContentType.objects.get_for_model(obj)
    Oversettelse.objects.filter(content_type=content_type, object_id=obj.pk).delete()
    Utkast.objects.filter(content_type=content_type, object_id=obj.pk).delete()


def record_all(*, reviewed: bool = False, only_missing: bool = False) -> int:
    """Record every item of every translated type; ``only_missing``: those without rows
    (content from before the app, or loaded without its receivers)."""
    count = 0
    for model in sources.models():
        queryset = model._default_manager.all()
        if only_missing:
            content_type = ContentType.objects.get_for_model(model)
            known = Oversettelse.objects.filter(content_type=content_type).values("object_id")
            queryset = queryset.exclude(pk__in=known)
        for obj in queryset.iterator():
            record(obj, reviewed=reviewed)
            count += 1
    return count


def confirm_current(obj, language: str) -> None:
    """A person says the translation still says what the changed bokmål text says."""
    content_type = ContentType.objects.get_for_model(obj)
    Oversettelse.objects.filter(
        content_type=content_type, object_id=obj.pk, language=language, fields_missing=0
    ).update(translated_from_hash=F("source_hash"), reviewed_at=timezone.now())


def state_of(obj, language: str) -> Oversettelse | None:
    content_type = ContentType.objects.get_for_model(obj)
    return Oversettelse.objects.filter(
        content_type=content_type, object_id=obj.pk, language=language
    ).first()


@dataclass
class StatusRow:
    label: str  # the model's label, e.g. "samhandling.Side"
    language: str
    items: int = 0
    missing: int = 0
    outdated: int = 0
    machine_drafts: int = 0
    fields_total: int = 0
    fields_missing: int = 0

    @property
    def bokmal_share(self) -> float:
        """The share of the public bokmål texts shown in bokmål, for want of a translation."""
        return self.fields_missing / self.fields_total if self.fields_total else 0.0


def status_rows() -> list[StatusRow]:
    """Per public content type and language: items, missing, outdated, machine drafts and
    the share still in bokmål. Two queries."""
    models = {ContentType.objects.get_for_model(m).pk: m for m in sources.models()}
    rows = {
        (pk, language): StatusRow(label=model._meta.label, language=language)
        for pk, model in models.items()
        for language in sources.LANGUAGES
    }
    totals = (
        Oversettelse.objects.filter(is_public=True, content_type__in=models)
        .values("content_type", "language")
        .annotate(
            items=Count("pk"),
            missing=Count("pk", filter=STATUS_FILTERS[TranslationStatus.MISSING]),
            outdated=Count("pk", filter=STATUS_FILTERS[TranslationStatus.OUTDATED]),
            fields_total=Sum("fields_total"),
            fields_missing=Sum("fields_missing"),
        )
    )
    for total in totals:
        row = rows[(total["content_type"], total["language"])]
        for name in ("items", "missing", "outdated", "fields_total", "fields_missing"):
            setattr(row, name, total[name] or 0)
    drafts = (
        Utkast.objects.filter(is_machine=True, content_type__in=models)
        .values("content_type", "language")
        .annotate(n=Count("pk"))
    )
    for draft in drafts:
        rows[(draft["content_type"], draft["language"])].machine_drafts = draft["n"]
    return list(rows.values())


def needs_work(language: str, status: str = ""):
    """The public items whose translation into ``language`` is missing or outdated."""
    condition = STATUS_FILTERS.get(status, NEEDS_WORK)
    return (
        Oversettelse.objects.filter(condition, language=language, is_public=True)
        .select_related("content_type")
        .order_by("content_type_id", "object_id")
    )


def attach_items(rows: list[Oversettelse]) -> list[Oversettelse]:
    """Each row's item, one query per content type on the page (not per row), and whether
    a machine draft waits."""
    by_type: dict[int, list[int]] = {}
    for row in rows:
        by_type.setdefault(row.content_type_id, []).append(row.object_id)
    items, labels = {}, {}
    for type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        assert model is not None  # the rows' types are the translated content models
        labels[type_id] = model._meta.verbose_name
        items.update({(type_id, obj.pk): obj for obj in model._default_manager.filter(pk__in=ids)})
    drafts = set()
    if rows:
        language = rows[0].language
        query = Q()
        for type_id, ids in by_type.items():
            query |= Q(content_type_id=type_id, object_id__in=ids)
        drafts = set(
            Utkast.objects.filter(query, language=language, is_machine=True).values_list(
                "content_type_id", "object_id"
            )
        )
    for row in rows:
        row.obj = items.get((row.content_type_id, row.object_id))
        row.type_label = labels.get(row.content_type_id, "")
        row.has_machine_draft = (row.content_type_id, row.object_id) in drafts
    return [row for row in rows if row.obj is not None]
