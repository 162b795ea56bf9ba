"""Draft translations: made by Apertium (nynorsk) and approved by a person. A draft is kept
in ``Utkast`` only; approving it is the one way its text reaches the public fields."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from bts_portal.content.services import content_save
from bts_portal.content.translation import SUFFIXES

from . import apertium, sources, state
from .models import Utkast


def draft_for(obj, language: str) -> Utkast | None:
    return Utkast.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, language=language
    ).first()


def machine_draft_make(*, obj, user) -> Utkast:
    """A nynorsk machine draft of the item's bokmål texts, replacing an earlier draft.
    Raises ``apertium.ApertiumUnavailable`` / ``ApertiumError``; then nothing is stored."""
    names = sources.translated_fields(type(obj))
    translated = apertium.translate_all({name: getattr(obj, name) or "" for name in names})
    content_type = ContentType.objects.get_for_model(obj)
    draft, _created = Utkast.objects.update_or_create(
        content_type=content_type,
        object_id=obj.pk,
        language="nn",
        defaults={
            "texts": translated,
            "is_machine": True,
            "source_hash": sources.texts(obj, "nn").source_hash,
            "created_by": user,
        },
    )
    return draft


@transaction.atomic
def translation_approve(*, obj, language: str, texts: dict[str, str], user) -> None:
    """A person's reviewed text becomes the item's translation (saved as any edit is, with
    who made it), and the item's draft in that language is done with. The item is read
    again under a lock, so that an edit of its other fields meanwhile is not undone."""
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    suffix = SUFFIXES[language]
    for name in sources.translated_fields(type(obj)):
        if name in texts:
            setattr(obj, name + suffix, texts[name])
    content_save(obj=obj, user=user)
    Utkast.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, language=language
    ).delete()


def draft_discard(*, obj, language: str) -> int:
    content_type = ContentType.objects.get_for_model(obj)
    deleted, _ = Utkast.objects.filter(
        content_type=content_type, object_id=obj.pk, language=language
    ).delete()
    return deleted


def translation_confirm(*, obj, language: str) -> None:
    """The translation still says what the changed bokmål text says."""
    state.confirm_current(obj, language)
