"""Loads the demo catalogue; idempotent (looked up by slug)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from bts_portal.content.models import Status
from bts_portal.content.translation import localized
from bts_portal.demo_translations import translated
from bts_portal.slugs import norwegian_slugify
from bts_portal.upsert import upsert
from organisasjon.models import Tjeneste
from samhandling.models import Element

from . import demo_content_en, demo_content_nn
from .demo_content import MEASURES, MEETING_PLACES, THEMES
from .models import Moteplass, Tema, Tiltak


@transaction.atomic
def load() -> tuple[int, int]:
    today = timezone.localdate()
    for order, (slug, nb, nn, en) in enumerate(THEMES, start=1):
        upsert(Tema, {"slug": slug}, {"title": nb, "title_nn": nn, "title_en": en, "order": order})
    themes = {t.slug: t for t in Tema.objects.all()}
    services = {t.slug: t for t in Tjeneste.objects.all()}

    for index, row in enumerate(MEASURES):
        service, title, summary, age_min, age_max, theme_slugs, levels, access, groups, cost = row
        tjeneste = services[service]
        review_due = today + timedelta(days=(index * 17) % 380 - 15)
        slug = norwegian_slugify(title, 100)
        texts_nn, texts_en = demo_content_nn.MEASURES[slug], demo_content_en.MEASURES[slug]
        place, languages = tjeneste.address, "Norsk, engelsk. Tolk ved behov."
        tiltak, _ = upsert(
            Tiltak,
            {"slug": slug},
            {
                "tjeneste": tjeneste,
                "title": title,
                "summary": summary,
                "body": f"{summary}\n\nTa kontakt med {tjeneste.name} for å høre mer.",
                **translated(slug, nn=demo_content_nn.MEASURES, en=demo_content_en.MEASURES),
                "body_nn": f"{texts_nn['summary']}\n\nTa kontakt med "
                f"{localized(tjeneste, 'name', 'nn')} for å høyre meir.",
                "body_en": f"{texts_en['summary']}\n\nContact "
                f"{localized(tjeneste, 'name', 'en')} to find out more.",
                "age_min": age_min,
                "age_max": age_max,
                "target_groups": groups,
                "access": access,
                "cost": cost,
                "cost_nn": demo_content_nn.COSTS[cost],
                "cost_en": demo_content_en.COSTS[cost],
                "place": place,
                "place_nn": demo_content_nn.PLACES.get(place, place),
                "place_en": demo_content_en.PLACES.get(place, place),
                "languages": languages,
                "languages_nn": demo_content_nn.LANGUAGES[languages],
                "languages_en": demo_content_en.LANGUAGES[languages],
                "contact_phone": tjeneste.phone,
                "contact_email": tjeneste.email,
                "status": Status.PUBLISHED,
                "last_reviewed": review_due - timedelta(days=365),
                "review_due": review_due,
                **{f"level_{n}": str(n) in levels for n in range(4)},
            },
        )
        tiltak.themes.set([themes[s] for s in theme_slugs])

    for order, meeting in enumerate(MEETING_PLACES, start=1):
        slug, title, mandate, frequency, case_mode, service_slugs, element_slug = meeting
        moteplass, _ = upsert(
            Moteplass,
            {"slug": slug},
            {
                "title": title,
                "summary": mandate,
                **translated(
                    slug, nn=demo_content_nn.MEETING_PLACES, en=demo_content_en.MEETING_PLACES
                ),
                "frequency": frequency,
                "frequency_nn": demo_content_nn.FREQUENCIES[frequency],
                "frequency_en": demo_content_en.FREQUENCIES[frequency],
                "case_mode": case_mode,
                "order": order,
                "element": Element.objects.filter(slug=element_slug).first()
                if element_slug
                else None,
                # A person's name (the demo's BTS coordinator), not a role in bokmål.
                "contact_name": "Maria Eide",
                "contact_email": "bts@eksempel.kommune.no",
                "status": Status.PUBLISHED,
                "last_reviewed": today - timedelta(days=100),
                "review_due": today + timedelta(days=265),
            },
        )
        moteplass.participating_services.set([services[s] for s in service_slugs])
    return len(MEASURES), len(MEETING_PLACES)
