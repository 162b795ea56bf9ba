"""Loads the demo action guide; idempotent (looked up by natural keys)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from bts_portal.content.models import Status
from bts_portal.demo_translations import translated
from bts_portal.upsert import upsert
from samhandling.models import Element
from tiltaksoversikt.models import Tema

from . import demo_content_en as en
from . import demo_content_nn as nn
from . import demo_documents_en
from .demo_content import LEVELS, SIGNS, STEPS, THEME_GUIDES, TOOL_DOCUMENTS, TOOLS
from .document_templates import DEFAULTS
from .models import DoneBy, Niva, Tegn, TemaVeileder, Trinn, Verktoy

# Which steps the case log ticks by itself, and by what.
DONE_BY = {
    "n0-beskriv": DoneBy.OBSERVATION,
    "n0-drofte": DoneBy.DISCUSSION,
    "n0-samtale": DoneBy.CONVERSATION,
    "n1-samtykke": DoneBy.CONSENT,
    "n1-plan": DoneBy.MEASURE,
    "n1-evaluer": DoneBy.EVALUATION,
    "n2-samtykke": DoneBy.CONSENT,
    "n2-mote": DoneBy.MEETING,
    "n2-plan": DoneBy.MEASURE,
    "n2-evaluer": DoneBy.EVALUATION,
    "n3-ansvarsgruppe": DoneBy.MEETING,
    "n3-plan": DoneBy.MEASURE,
    "n3-evaluer": DoneBy.EVALUATION,
}


@transaction.atomic
def load() -> int:
    today = timezone.localdate()
    reviewed = {
        "status": Status.PUBLISHED,
        "last_reviewed": today - timedelta(days=60),
        "review_due": today + timedelta(days=300),
    }
    levels = {}
    for number, (title, purpose, family_text) in LEVELS.items():
        levels[number], _ = upsert(
            Niva, {"number": number},
            {"title": title, "summary": purpose, "body": family_text, "order": number,
             **translated(number, nn=nn.LEVELS, en=en.LEVELS), **reviewed},
        )  # fmt: skip
    tools = {}
    for slug, title, summary, element_slug in TOOLS:
        element = Element.objects.filter(slug=element_slug).first() if element_slug else None
        document = TOOL_DOCUMENTS.get(slug, "")
        texts = DEFAULTS.get(document, {})
        tools[slug], _ = upsert(
            Verktoy, {"slug": slug},
            {"title": title, "summary": summary, "element": element, "document": document,
             "template": texts.get("nb", ""), "template_nn": texts.get("nn", ""),
             "template_en": demo_documents_en.DOCUMENTS.get(document, ""),
             **translated(slug, nn=nn.TOOLS, en=en.TOOLS), **reviewed},
        )  # fmt: skip
    for order, row in enumerate(STEPS, start=1):
        key, level, title, what, how, who, document, participation, days, tool_slugs = row
        step, _ = upsert(
            Trinn, {"key": key},
            {"niva": levels[level], "title": title, "summary": what, "body": how,
             "responsible": who, "documentation": document, "participation": participation,
             "deadline_days": days, "done_by": DONE_BY.get(key, ""), "order": order,
             **translated(key, nn=nn.STEPS, en=en.STEPS), **reviewed},
        )  # fmt: skip
        step.tools.set([tools[s] for s in tool_slugs])
    themes = {t.slug: t for t in Tema.objects.all()}
    for order, (age_group, theme, seen_in, text) in enumerate(SIGNS, start=1):
        upsert(
            Tegn, {"age_group": age_group, "title": text},
            {"tema": themes[theme], "seen_in": seen_in, "order": order,
             "title_nn": nn.SIGNS[text], "title_en": en.SIGNS[text], **reviewed},
        )  # fmt: skip
    for order, (slug, title, summary, body, at_once) in enumerate(THEME_GUIDES, start=1):
        upsert(
            TemaVeileder, {"slug": slug},
            {"title": title, "summary": summary, "body": body, "report_at_once": at_once,
             "order": order, **translated(slug, nn=nn.THEME_GUIDES, en=en.THEME_GUIDES),
             **reviewed},
        )  # fmt: skip
    return len(STEPS)
