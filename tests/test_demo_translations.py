"""The demo content ships in nynorsk and (for the public guide, the model overview and the
services) in English: complete, reviewed (no machine-translation markers), and with the same
Markdown structure as the bokmål, so that a list item or a paragraph is never lost."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from bts_portal.content.models import Status
from bts_portal.slugs import norwegian_slugify
from handlingsveileder import demo_content as guide
from handlingsveileder import demo_content_en as guide_en
from handlingsveileder import demo_content_nn as guide_nn
from handlingsveileder import demo_documents_en
from handlingsveileder.document_templates import DEFAULTS
from handlingsveileder.documents import FIELD
from handlingsveileder.models import Niva, Tegn, TemaVeileder, Trinn, Verktoy
from organisasjon import demo as services
from organisasjon import demo_services_en, demo_services_nn
from organisasjon.models import Tjeneste
from samhandling import demo_content as model_nb
from samhandling import demo_content_en as model_en
from samhandling import demo_content_nn as model_nn
from samhandling.models import Audience, Begrep, Element, Side
from tiltaksoversikt import demo_content as catalogue
from tiltaksoversikt import demo_content_en as catalogue_en
from tiltaksoversikt import demo_content_nn as catalogue_nn
from tiltaksoversikt.models import Moteplass, Tema, Tiltak

pytestmark = pytest.mark.django_db

# Every model whose content the public site shows, in the order the work was done.
CONTENT_MODELS = [
    Niva, Trinn, Verktoy, Tegn, TemaVeileder, Tjeneste, Element, Tiltak, Moteplass, Tema,
    Side, Begrep,
]  # fmt: skip

# English is promised for the guide, the model overview (titles and summaries), the services
# and the "worried about a child" page; the demo catalogue has it too.
ENGLISH = {
    Niva: ["title", "summary", "body"],
    Trinn: ["title", "summary", "body", "responsible", "documentation", "participation"],
    Verktoy: ["title", "summary", "template"],
    Tegn: ["title"],
    TemaVeileder: ["title", "summary", "body"],
    Tjeneste: ["name", "description"],
    Element: ["title", "summary"],
    Side: ["title", "summary", "body"],
    Tiltak: ["title", "summary", "body"],
    Moteplass: ["title", "summary"],
}

# Apertium marks a word it does not know with *, one it cannot generate with # and one
# missing from the bilingual dictionary with @, directly before the word; Markdown's bold
# (**word**) and headings (## Heading) are not such marks.
MACHINE_MARK = re.compile(r"(?<![*\w])[*#@](?=\w)")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s", re.MULTILINE)
HEADING = re.compile(r"^#{1,6}\s", re.MULTILINE)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module, and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def translated_fields(model, suffix: str) -> list[str]:
    names = {f.name for f in model._meta.get_fields()}
    return [name for name in sorted(names) if name + suffix in names]


def public_items(model):
    queryset = model.objects.all()
    names = {f.name for f in model._meta.get_fields()}
    if "status" in names:
        queryset = queryset.filter(status=Status.PUBLISHED)
    if "audience" in names:
        queryset = queryset.filter(audience=Audience.PUBLIC)
    return list(queryset)


def structure(text: str) -> tuple[int, int, int]:
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return len(paragraphs), len(LIST_ITEM.findall(text)), len(HEADING.findall(text))


def translations(suffix: str):
    """(label, bokmål, translation) for every translated field of every public item."""
    for model in CONTENT_MODELS:
        for item in public_items(model):
            for field in translated_fields(model, suffix):
                bokmal = getattr(item, field) or ""
                if bokmal.strip():
                    label = f"{model.__name__} {item.pk} {field}{suffix}"
                    yield label, bokmal, getattr(item, field + suffix) or ""


def test_every_public_item_has_nynorsk_in_every_field_with_bokmal(demo):
    missing = [label for label, _nb, nn in translations("_nn") if not nn.strip()]
    assert missing == []


def test_nynorsk_is_more_than_the_bokmal_copied(demo):
    # Short names may be the same in both written forms ("Handlingsplan"); sentences are not.
    copied = [label for label, nb, nn in translations("_nn") if len(nb.split()) > 10 and nn == nb]
    assert copied == []


def test_english_exists_for_the_guide_the_model_overview_and_the_services(demo):
    missing = []
    for model, fields in ENGLISH.items():
        present = {f.name for f in model._meta.get_fields()}
        items = public_items(model)
        if model is Side:
            items = [item for item in items if item.slug == "bekymret"]
        assert items, model
        for item in items:
            for field in fields:
                if field + "_en" not in present:
                    pytest.fail(f"{model.__name__} has no {field}_en column")
                if getattr(item, field) and not getattr(item, field + "_en").strip():
                    missing.append(f"{model.__name__} {item} {field}_en")
    assert missing == []


@pytest.mark.parametrize("suffix", ["_nn", "_en"])
def test_no_machine_translation_marks_survive(demo, suffix):
    marked = [
        (label, MACHINE_MARK.findall(text))
        for label, _nb, text in translations(suffix)
        if MACHINE_MARK.search(text)
    ]
    assert marked == []


@pytest.mark.parametrize("suffix", ["_nn", "_en"])
def test_translations_keep_the_markdown_structure_of_the_bokmal(demo, suffix):
    differs = [
        (label, structure(nb), structure(text))
        for label, nb, text in translations(suffix)
        if text and structure(nb) != structure(text)
    ]
    assert differs == []


def test_english_is_not_left_in_norwegian(demo):
    # A few words no English sentence contains; a sign that a text was copied, not written.
    norwegian = re.compile(r"\b(?:og|ikke|ikkje|som|til|med|eller)\b")
    left = [label for label, _nb, text in translations("_en") if len(norwegian.findall(text)) > 1]
    assert left == []


def test_a_second_load_keeps_every_translation(demo):
    def snapshot():
        return {
            model.__name__: sorted(
                model.objects.values_list(
                    "pk", *(f + s for s in ("_nn", "_en") for f in translated_fields(model, s))
                )
            )
            for model in CONTENT_MODELS
        }

    first = snapshot()
    call_command("load_demo", stdout=StringIO())
    assert snapshot() == first


def test_every_translation_table_names_exactly_the_bokmal_items():
    # A key that matches no item (a renamed slug) would leave that item untranslated
    # without failing the load; a missing key fails the load for measures and signs only.
    bokmal = {
        "levels": set(guide.LEVELS),
        "steps": {row[0] for row in guide.STEPS},
        "tools": {row[0] for row in guide.TOOLS},
        "signs": {row[3] for row in guide.SIGNS},
        "themes": {row[0] for row in guide.THEME_GUIDES},
        "services": {row["slug"] for row in services.SERVICES},
        "elements": {row[2] for row in model_nb.ELEMENTS},
        "measures": {norwegian_slugify(row[1], 100) for row in catalogue.MEASURES},
        "places": {row[0] for row in catalogue.MEETING_PLACES},
    }
    tables = {
        "levels": [guide_nn.LEVELS, guide_en.LEVELS],
        "steps": [guide_nn.STEPS, guide_en.STEPS],
        "tools": [guide_nn.TOOLS, guide_en.TOOLS],
        "signs": [guide_nn.SIGNS, guide_en.SIGNS],
        "themes": [guide_nn.THEME_GUIDES, guide_en.THEME_GUIDES],
        "services": [demo_services_nn.SERVICES, demo_services_en.SERVICES],
        "elements": [model_nn.ELEMENTS, model_en.ELEMENTS],
        "measures": [catalogue_nn.MEASURES, catalogue_en.MEASURES],
        "places": [catalogue_nn.MEETING_PLACES, catalogue_en.MEETING_PLACES],
    }
    for kind, translations_of_kind in tables.items():
        for table in translations_of_kind:
            assert set(table) == bokmal[kind], kind


def test_english_document_texts_fill_in_the_same_fields_as_the_bokmal():
    assert set(demo_documents_en.DOCUMENTS) == set(DEFAULTS)
    for document, english in demo_documents_en.DOCUMENTS.items():
        assert FIELD.findall(english) == FIELD.findall(DEFAULTS[document]["nb"]), document
