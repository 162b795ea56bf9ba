"""Loads the demo municipality's model content; idempotent (looked up by slug)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from bts_portal.content.models import Status
from bts_portal.demo_translations import translated
from bts_portal.upsert import upsert
from organisasjon.models import Tjeneste

from . import demo_content_en, demo_content_nn
from .demo_content import ELEMENTS, PAGES
from .demo_glossary import GLOSSARY
from .models import Begrep, Element, Side
from .standard_pages import STANDARD_PAGES


def _short_texts(**fields: str) -> dict[str, str]:
    """The nynorsk and English columns of an element's short texts, from the tables keyed by
    the bokmål text (a missing translation fails the load rather than leave bokmål)."""
    values = {}
    for name, text in fields.items():
        values[f"{name}_nn"] = demo_content_nn.SHORT_TEXTS[text] if text else ""
        values[f"{name}_en"] = demo_content_en.SHORT_TEXTS[text] if text else ""
    return values


@transaction.atomic
def load() -> int:
    today = timezone.localdate()
    services = {t.slug: t for t in Tjeneste.objects.all()}
    for index, row in enumerate(ELEMENTS):
        nivaa, type_, slug, title, summary, body, owner, role, audience, arena = row
        # Spread review dates so the annual cycle has overdue and upcoming items to show.
        review_due = today + timedelta(days=(index * 23) % 400 - 20)
        element, _ = upsert(
            Element,
            {"slug": slug},
            {
                "nivaa": nivaa,
                "type": type_,
                "title": title,
                "summary": summary,
                "body": body,
                "owner_tjeneste": services.get(owner) if owner else None,
                "responsible_role": role,
                "audience": audience,
                "status": Status.PUBLISHED,
                "order": index + 1,
                "last_reviewed": review_due - timedelta(days=365),
                "review_due": review_due,
                "mandate": arena["mandate"] if arena else "",
                "convened_by": arena["convened_by"] if arena else "",
                "frequency": arena["frequency"] if arena else "",
                "case_mode": arena["case_mode"] if arena else "",
                **translated(slug, nn=demo_content_nn.ELEMENTS, en=demo_content_en.ELEMENTS),
                **_short_texts(
                    responsible_role=role,
                    convened_by=str(arena["convened_by"]) if arena else "",
                    frequency=str(arena["frequency"]) if arena else "",
                ),
            },
        )
        if element.published_at is None:
            Element.objects.filter(pk=element.pk).update(published_at=timezone.now())
        if arena:
            element.participating_services.set([services[s] for s in arena["services"]])
    for index, (slug, titles, summaries, bodies) in enumerate([*PAGES, *STANDARD_PAGES]):
        upsert(
            Side,
            {"slug": slug},
            {
                "title": titles[0], "title_nn": titles[1], "title_en": titles[2],
                "summary": summaries[0], "summary_nn": summaries[1], "summary_en": summaries[2],
                "body": bodies[0], "body_nn": bodies[1], "body_en": bodies[2],
                "status": Status.PUBLISHED,
                "order": index + 1,
                "last_reviewed": today - timedelta(days=30),
                "review_due": today + timedelta(days=335),
            },
        )  # fmt: skip
    for slug, terms, explanations, variants in GLOSSARY:
        begrep, _ = upsert(
            Begrep,
            {"slug": slug},
            {
                "term": terms[0], "term_nn": terms[1], "term_en": terms[2],
                "explanation": explanations[0], "explanation_nn": explanations[1],
                "explanation_en": explanations[2], "variants": variants,
                "status": Status.PUBLISHED,
                "last_reviewed": today - timedelta(days=30),
                "review_due": today + timedelta(days=335),
            },
        )  # fmt: skip
        if begrep.published_at is None:
            Begrep.objects.filter(pk=begrep.pk).update(published_at=timezone.now())
    return len(ELEMENTS)
