"""Which content is translated, and how its bokmål and translated texts are read.

Every public content type keeps bokmål in ``field``, nynorsk in ``field_nn`` and English in
``field_en`` (``bts_portal.content.translation``); the translated fields are found from the
model itself, so a new translated field is followed without a change here.

A model element's link texts (``samhandling.ElementLenke``) and attachment titles
(``samhandling.Vedlegg``) are shown on the element's page but kept in rows of their own: they
are translated types of their own here, each link and attachment an item with its own state
and its own translation form, public while its element is (``PUBLIC_ROWS`` reads the
element's fields), and read on the element's page (``SHOWN_WITH``). So ``translation_status``
reports them as their own rows, "samhandling.ElementLenke" and "samhandling.Vedlegg", and
the element's page counts as complete in a language only when they are translated too.
"""

import hashlib
from dataclasses import dataclass
from typing import cast

from django.apps import apps
from django.db.models import Model, Q

from bts_portal.content.translation import SUFFIXES

LANGUAGES = ("nn", "en")

# The public content types (issue 17), and the rows of each that the public can see.
PUBLIC_ROWS: dict[str, Q] = {
    "samhandling.Element": Q(status="published", audience="public"),
    "samhandling.Side": Q(status="published"),
    "samhandling.Begrep": Q(status="published"),
    "handlingsveileder.Niva": Q(status="published"),
    "handlingsveileder.Trinn": Q(status="published"),
    "handlingsveileder.Verktoy": Q(status="published", audience="public"),
    "handlingsveileder.Tegn": Q(status="published"),
    "handlingsveileder.TemaVeileder": Q(status="published"),
    "tiltaksoversikt.Tema": Q(),
    "tiltaksoversikt.Tiltak": Q(status="published"),
    "tiltaksoversikt.Moteplass": Q(status="published"),
    "organisasjon.Tjeneste": Q(is_active=True),
    # Public with their element, and shown on its page (see the module's docstring).
    "samhandling.ElementLenke": Q(element__status="published", element__audience="public"),
    "samhandling.Vedlegg": Q(element__status="published", element__audience="public"),
}

# Types whose items the public reads on another item's page: label → the foreign key to it.
SHOWN_WITH: dict[str, str] = {
    "samhandling.ElementLenke": "element",
    "samhandling.Vedlegg": "element",
}


@dataclass(frozen=True)
class Texts:
    """One item's texts in one language, against the bokmål."""

    source_hash: str
    translation_hash: str
    fields_total: int  # bokmål fields with text
    fields_missing: int  # of those, how many have no translation


def models() -> list[type[Model]]:
    return [apps.get_model(label) for label in PUBLIC_ROWS]


def is_translated(model) -> bool:
    return model._meta.label in PUBLIC_ROWS


def translated_fields(model) -> list[str]:
    """The bokmål names of the model's fields that have a nynorsk and an English column."""
    names = {f.name for f in model._meta.concrete_fields}
    return [
        f.name
        for f in model._meta.concrete_fields
        if all(f.name + SUFFIXES[lang] in names for lang in LANGUAGES)
    ]


def _follow(obj, path: str):
    """``element__status`` → ``obj.element.status``."""
    for name in path.split("__"):
        obj = getattr(obj, name)
    return obj


def is_public(obj) -> bool:
    condition = PUBLIC_ROWS[obj._meta.label]
    children = cast(list[tuple[str, object]], condition.children)
    return all(_follow(obj, name) == value for name, value in children)


def page_item(obj):
    """The item whose public page shows ``obj``: its element for a link or an attachment,
    else the item itself."""
    fk = SHOWN_WITH.get(obj._meta.label)
    return getattr(obj, fk) if fk else obj


def shown_items(obj) -> list[Model]:
    """The items of other types that ``obj``'s page shows (an element's links and
    attachments), whose public state follows ``obj``'s."""
    items: list[Model] = []
    for label, fk in SHOWN_WITH.items():
        model = apps.get_model(label)
        if model._meta.get_field(fk).related_model is type(obj):
            items.extend(model.objects.filter(**{fk: obj}))
    return items


def _hash(values: list[str]) -> str:
    return hashlib.sha256("\x1f".join(values).encode()).hexdigest()[:32]


def source_texts(obj) -> list[str]:
    return [getattr(obj, name) or "" for name in translated_fields(type(obj))]


def texts(obj, language: str) -> Texts:
    suffix = SUFFIXES[language]
    names = translated_fields(type(obj))
    source = [getattr(obj, name) or "" for name in names]
    translation = [getattr(obj, name + suffix) or "" for name in names]
    present = [(s, t) for s, t in zip(source, translation, strict=True) if s.strip()]
    return Texts(
        source_hash=_hash(source),
        translation_hash=_hash(translation),
        fields_total=len(present),
        fields_missing=sum(1 for _s, t in present if not t.strip()),
    )


def is_complete(obj, language: str) -> bool:
    """Whether every bokmål text of the item has its translation (cheap, from the row)."""
    suffix = SUFFIXES[language]
    return all(
        (getattr(obj, name + suffix) or "").strip()
        for name in translated_fields(type(obj))
        if (getattr(obj, name) or "").strip()
    )


def public_url(obj, language: str) -> str:
    """Where the public reads the item in ``language`` (a step on its level's page, a theme
    as the catalogue's filter)."""
    from django.urls import reverse

    obj = page_item(obj)
    label = obj._meta.label
    if label == "tiltaksoversikt.Tema":
        return f"{reverse('tiltak:list')}?tema={obj.slug}&sprak={language}"
    url = (
        obj.niva.get_absolute_url()
        if label == "handlingsveileder.Trinn"
        else obj.get_absolute_url()
    )
    path, _, fragment = url.partition("#")
    return f"{path}?sprak={language}" + (f"#{fragment}" if fragment else "")
