"""The short public texts in three languages (issue 17): a measure's cost, place and
languages, a meeting place's and an arena's frequency, who convenes an arena and who is
responsible for an element, a service's opening hours, and an element's link texts and
attachment titles. Shown through ``localized`` (the bokmål fallback marked ``lang="nb"``),
edited beside the other translated fields, counted by ``translation_status`` and drafted by
Apertium like them. Contact persons' names are not translated, and marked as no language."""

import io
import re
import shutil

import pytest
from django.core.management import call_command
from django.urls import reverse

from oversetting import coverage, drafts, sources, state
from oversetting.models import TranslationStatus, Utkast
from samhandling.models import Element, ElementLenke, Vedlegg
from sok.models import SearchDocument
from tiltaksoversikt.models import Moteplass, Tiltak

from .factories import (
    BrukerFactory,
    ElementFactory,
    SideFactory,
    TiltakFactory,
    TjenesteFactory,
)

pytestmark = pytest.mark.django_db

needs_apertium = pytest.mark.skipif(
    shutil.which("apertium") is None, reason="Apertium is not installed"
)


def _page(client, obj, language, path=None):
    return client.get(path or obj.get_absolute_url(), {"sprak": language}).content.decode()


def _measure(**texts):
    values = {
        "cost": "Etter inntekt", "cost_nn": "Etter inntekt", "cost_en": "Based on income",
        "place": "Rådhuset, 2. etasje", "place_nn": "Rådhuset, 2. etasje",
        "place_en": "Town hall, 2nd floor",
        "languages": "Norsk og arabisk", "languages_nn": "Norsk og arabisk",
        "languages_en": "Norwegian and Arabic",
    }  # fmt: skip
    values.update(texts)
    return TiltakFactory(**values)


def _meeting_place(**fields):
    values = {
        "title": "Forebyggende forum", "slug": "forebyggende-forum", "summary": "Mandat.",
        "case_mode": "anonym", "status": "published", "frequency": "Hver sjette uke",
    }  # fmt: skip
    values.update(fields)
    return Moteplass.objects.create(**values)


def _arena(**fields):
    values = {
        "type": "samhandlingsarena", "mandate": "Drøfte saker.",
        "convened_by": "Rektor", "convened_by_nn": "Rektor", "convened_by_en": "The head teacher",
        "frequency": "Annenhver måned", "frequency_nn": "Kvar andre månad",
        "frequency_en": "Every other month",
        "responsible_role": "Alle ansatte", "responsible_role_nn": "Alle tilsette",
        "responsible_role_en": "All employees",
    }  # fmt: skip
    values.update(fields)
    return ElementFactory(**values)


# --- The public pages -------------------------------------------------------------------


def test_measure_page_shows_cost_place_and_languages_in_english_and_nynorsk(client):
    measure = _measure()
    english = _page(client, measure, "en")
    for text in ("Based on income", "Town hall, 2nd floor", "Norwegian and Arabic"):
        assert f"<dd>{text}</dd>" in english
    assert "Etter inntekt" not in english
    assert 'lang="nb">Rådhuset' not in english
    nynorsk = _page(client, measure, "nn")
    for text in ("Etter inntekt", "Rådhuset, 2. etasje", "Norsk og arabisk"):
        assert f"<dd>{text}</dd>" in nynorsk


def test_measure_page_marks_an_untranslated_cost_as_bokmal(client):
    measure = _measure(cost="Vanlig SFO-pris", cost_nn="", cost_en="")
    for language in ("nn", "en"):
        html = _page(client, measure, language)
        assert '<dd><span lang="nb">Vanlig SFO-pris</span></dd>' in html
    # In bokmål itself the text is not marked as another language.
    assert "<dd>Vanlig SFO-pris</dd>" in _page(client, measure, "nb")


def test_meeting_place_page_and_list_show_the_frequency_in_the_language(client):
    place = _meeting_place(frequency_nn="Kvar sjette veke", frequency_en="Every six weeks")
    assert "<dd>Every six weeks</dd>" in _page(client, place, "en")
    assert "<dd>Kvar sjette veke</dd>" in _page(client, place, "nn")
    listing = _page(client, place, "en", path=reverse("tiltak:moteplass_list"))
    assert "Every six weeks ·" in listing
    assert "Hver sjette uke" not in listing


def test_meeting_place_frequency_without_translation_is_marked_as_bokmal(client):
    place = _meeting_place()
    assert '<dd><span lang="nb">Hver sjette uke</span></dd>' in _page(client, place, "en")
    listing = _page(client, place, "nn", path=reverse("tiltak:moteplass_list"))
    assert '<span lang="nb">Hver sjette uke</span> ·' in listing


def test_arena_page_shows_convener_frequency_and_responsible_role_in_the_language(client):
    element = _arena()
    english = _page(client, element, "en")
    for text in ("The head teacher", "Every other month", "All employees"):
        assert f"<dd>{text}</dd>" in english
    nynorsk = _page(client, element, "nn")
    for text in ("Rektor", "Kvar andre månad", "Alle tilsette"):
        assert f"<dd>{text}</dd>" in nynorsk


def test_arena_page_marks_the_untranslated_short_texts_as_bokmal(client):
    element = _arena(convened_by_en="", frequency_en="", responsible_role_en="")
    english = _page(client, element, "en")
    for text in ("Rektor", "Annenhver måned", "Alle ansatte"):
        assert f'<dd><span lang="nb">{text}</span></dd>' in english


def test_element_page_shows_link_texts_and_attachment_titles_in_the_language(client):
    element = _arena()
    element.links.create(title="Veileder fra Bufdir", title_en="Guide from Bufdir",
                         url="https://bufdir.no")  # fmt: skip
    element.links.create(title="Rutine for samtale", url="https://eksempel.no/rutine")
    Vedlegg.objects.create(
        element=element, title="Møteplan", title_nn="Møteplan", title_en="Meeting plan",
        file="plan.pdf", content_type="application/pdf", size=1,
    )  # fmt: skip
    english = _page(client, element, "en")
    assert 'rel="noopener noreferrer">Guide from Bufdir</a>' in english
    assert 'rel="noopener noreferrer"><span lang="nb">Rutine for samtale</span></a>' in english
    assert re.search(r'<a href="[^"]+">Meeting plan</a> \(PDF', english)
    assert "Veileder fra Bufdir" not in english
    nynorsk = _page(client, element, "nn")
    assert re.search(r'<a href="[^"]+">Møteplan</a> \(PDF', nynorsk)
    assert '<span lang="nb">Veileder fra Bufdir</span>' in nynorsk


def test_service_page_shows_the_opening_hours_in_the_language(client):
    service = TjenesteFactory(
        opening_hours="Mandag–fredag 08.00–15.30",
        opening_hours_nn="Måndag–fredag 08.00–15.30",
        opening_hours_en="Monday–Friday 08:00–15:30",
    )
    assert "<dd>Monday–Friday 08:00–15:30</dd>" in _page(client, service, "en")
    assert "<dd>Måndag–fredag 08.00–15.30</dd>" in _page(client, service, "nn")
    untranslated = TjenesteFactory(opening_hours="Etter avtale")
    assert '<dd><span lang="nb">Etter avtale</span></dd>' in _page(client, untranslated, "en")


def test_child_welfare_numbers_show_the_opening_hours_in_the_language(client, settings):
    SideFactory(slug="bekymret", title="Er du bekymret for et barn?")
    TjenesteFactory(
        name="Barneverntjenesten", slug=settings.BARNEVERN_TJENESTE_SLUG, phone="77 00 40 00",
        opening_hours="Mandag–fredag 08.00–15.30",
        opening_hours_en="Monday–Friday 08:00–15:30",
    )  # fmt: skip
    english = _page(client, None, "en", path=reverse("samhandling:worried"))
    assert "(Monday–Friday 08:00–15:30)" in english
    nynorsk = _page(client, None, "nn", path=reverse("samhandling:worried"))
    assert '(<span lang="nb">Mandag–fredag 08.00–15.30</span>)' in nynorsk


def test_contact_names_are_not_translated_nor_marked_as_a_language(client):
    measure = _measure(contact_name="Maria Eide")
    place = _meeting_place(contact_name="Ahmed Karimi")
    for obj, name in ((measure, "Maria Eide"), (place, "Ahmed Karimi")):
        for language in ("nb", "nn", "en"):
            html = _page(client, obj, language)
            assert f'<dd translate="no">{name}</dd>' in html
            assert f'lang="nb">{name}' not in html
    assert "contact_name" not in sources.translated_fields(Tiltak)
    assert "contact_name" not in sources.translated_fields(Moteplass)


# --- Search -----------------------------------------------------------------------------


def test_search_indexes_the_service_in_each_language_with_its_opening_hours():
    service = TjenesteFactory(
        name="Helsestasjonen", name_en="The health clinic",
        description="For alle familier.", description_en="For all families.",
        opening_hours="Mandag–fredag 08.00–15.30", opening_hours_en="Monday–Friday 08:00–15:30",
    )  # fmt: skip
    kind = "organisasjon.tjeneste"
    english = SearchDocument.objects.get(kind=kind, object_id=service.pk, language="en")
    assert english.title == "The health clinic"
    assert "Monday–Friday 08:00–15:30" in english.body
    assert "Mandag" not in english.body
    assert (english.title_language, english.body_language) == ("", "")
    nynorsk = SearchDocument.objects.get(kind=kind, object_id=service.pk, language="nn")
    assert nynorsk.title == "Helsestasjonen"
    assert "Mandag–fredag 08.00–15.30" in nynorsk.body
    assert (nynorsk.title_language, nynorsk.body_language) == ("nb", "nb")


# --- Editing ----------------------------------------------------------------------------


def test_the_editing_forms_have_the_nynorsk_and_english_inputs(client, coordinator):
    client.force_login(coordinator)
    cases = [
        (f"/ansatt/innhold/tiltak/{_measure().pk}/", ["cost", "place", "languages"]),
        (f"/ansatt/innhold/moteplass/{_meeting_place().pk}/", ["frequency"]),
        (
            f"/ansatt/innhold/element/{_arena().pk}/",
            ["responsible_role", "convened_by", "frequency"],
        ),
    ]
    for url, names in cases:
        html = client.get(url).content.decode()
        for name in names:
            for suffix in ("", "_nn", "_en"):
                assert f'name="{name}{suffix}"' in html, (url, name + suffix)


def test_a_new_measure_is_saved_with_its_translated_cost(client, coordinator):
    tjeneste = TjenesteFactory()
    client.force_login(coordinator)
    data = {
        "tjeneste": tjeneste.pk, "title": "Nytt kurs", "slug": "", "summary": "Kurs.",
        "body": "", "age_min": 0, "age_max": 6, "access": "lavterskel",
        "cost": "Gratis", "cost_nn": "Gratis", "cost_en": "Free",
        "place": "Kulturhuset", "place_en": "The culture centre",
    }  # fmt: skip
    response = client.post("/ansatt/innhold/tiltak/ny/", data)
    assert response.status_code == 302
    measure = Tiltak.objects.get(title="Nytt kurs")
    assert (measure.cost_nn, measure.cost_en, measure.place_en) == (
        "Gratis", "Free", "The culture centre",
    )  # fmt: skip


def test_the_service_admin_form_has_the_opening_hours_in_nynorsk_and_english(client):
    admin = BrukerFactory(username="sysadmin", is_staff=True, is_superuser=True)
    service = TjenesteFactory()
    client.force_login(admin)
    html = client.get(f"/admin/organisasjon/tjeneste/{service.pk}/change/").content.decode()
    for name in ("opening_hours", "opening_hours_nn", "opening_hours_en"):
        assert f'name="{name}"' in html


def test_the_translation_form_offers_the_short_texts(client, coordinator):
    measure = _measure(cost_en="", place_en="", languages_en="")
    client.force_login(coordinator)
    url = reverse("oversetting:translate", args=["tiltaksoversikt", "tiltak", measure.pk, "en"])
    html = client.get(url).content.decode()
    for name in ("cost", "place", "languages"):
        assert f'name="{name}"' in html
    response = client.post(url, {
        "action": "approve", "title": "Course", "summary": "For parents.", "body": "Text.",
        "cost": "Based on income", "place": "Town hall", "languages": "Norwegian",
    })  # fmt: skip
    assert response.status_code == 302
    measure.refresh_from_db()
    assert (measure.cost_en, measure.place_en, measure.languages_en) == (
        "Based on income", "Town hall", "Norwegian",
    )  # fmt: skip
    assert state.state_of(measure, "en").status == TranslationStatus.CURRENT


# --- Translation state ------------------------------------------------------------------


def test_the_short_texts_are_translated_fields_of_their_models():
    assert {"cost", "place", "languages"} <= set(sources.translated_fields(Tiltak))
    assert "frequency" in sources.translated_fields(Moteplass)
    assert {"responsible_role", "convened_by", "frequency"} <= set(
        sources.translated_fields(Element)
    )
    from organisasjon.models import Tjeneste

    assert "opening_hours" in sources.translated_fields(Tjeneste)
    assert sources.translated_fields(ElementLenke) == ["title"]
    assert sources.translated_fields(Vedlegg) == ["title"]


def test_a_measure_missing_only_its_nynorsk_cost_is_not_complete():
    measure = TiltakFactory(
        title="Kurs", title_nn="Kurs", title_en="Course",
        summary="For foreldre.", summary_nn="For foreldre.", summary_en="For parents.",
        body="Tekst.", body_nn="Tekst.", body_en="Text.",
        cost="Gratis", cost_nn="", cost_en="Free",
    )  # fmt: skip
    nynorsk = state.state_of(measure, "nn")
    assert nynorsk.status == TranslationStatus.MISSING
    assert (nynorsk.fields_total, nynorsk.fields_missing) == (4, 1)
    assert state.state_of(measure, "en").status == TranslationStatus.CURRENT
    assert not sources.is_complete(measure, "nn")
    out = io.StringIO()
    call_command("translation_status", stdout=out)
    rows = {tuple(line.split()[:2]): line.split() for line in out.getvalue().splitlines()}
    # items, missing, outdated, machine drafts, share in bokmål
    assert rows[("tiltaksoversikt.Tiltak", "nn")][2:4] == ["1", "1"]
    assert rows[("tiltaksoversikt.Tiltak", "en")][2:4] == ["1", "0"]
    assert rows[("tiltaksoversikt.Tiltak", "nn")][-1] == "25.0%"
    measure.cost_nn = "Gratis"
    measure.save()
    assert state.state_of(measure, "nn").status == TranslationStatus.CURRENT


def test_links_and_attachments_are_reported_as_their_own_rows_public_with_their_element():
    element = ElementFactory()
    link = element.links.create(title="Veileder", title_nn="Rettleiar", url="https://bufdir.no")
    attachment = Vedlegg.objects.create(
        element=element, title="Plan", file="x.pdf", content_type="application/pdf", size=1
    )
    assert state.state_of(link, "nn").status == TranslationStatus.CURRENT
    assert state.state_of(link, "en").status == TranslationStatus.MISSING
    assert state.state_of(attachment, "nn").status == TranslationStatus.MISSING
    rows = {(r.label, r.language): r for r in state.status_rows()}
    assert (rows[("samhandling.ElementLenke", "en")].items,
            rows[("samhandling.ElementLenke", "en")].missing) == (1, 1)  # fmt: skip
    assert rows[("samhandling.ElementLenke", "nn")].missing == 0
    assert rows[("samhandling.Vedlegg", "nn")].missing == 1
    out = io.StringIO()
    call_command("translation_status", "--language", "en", stdout=out)
    assert re.search(r"samhandling\.ElementLenke\s+en\s+1\s+1", out.getvalue())
    # Unpublishing the element takes its links and attachments off the public count.
    element.status = "draft"
    element.save()
    assert state.state_of(link, "en").is_public is False
    assert state.state_of(attachment, "nn").is_public is False
    element.status = "published"
    element.save()
    assert state.state_of(link, "en").is_public is True


def test_a_link_is_translated_on_its_own_form_and_seen_on_its_elements_page(client, coordinator):
    element = ElementFactory(title_en="Element", summary_en="Summary.", body_en="Text.")
    link = element.links.create(title="Veileder", url="https://bufdir.no")
    path = element.get_absolute_url()
    assert coverage.is_complete(path, "en") is False
    assert sources.public_url(link, "en") == f"{path}?sprak=en"
    client.force_login(coordinator)
    listing = client.get(reverse("oversetting:needs_translation_in", args=["en"]))
    url = reverse("oversetting:translate", args=["samhandling", "elementlenke", link.pk, "en"])
    assert url in listing.content.decode()
    form = client.get(url).content.decode()
    assert f'href="{path}?sprak=en"' in form
    response = client.post(url, {"action": "approve", "title": "Guide"})
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.title_en == "Guide"
    assert state.state_of(link, "en").status == TranslationStatus.CURRENT
    assert coverage.is_complete(path, "en") is True
    assert 'rel="noopener noreferrer">Guide</a>' in _page(client, element, "en")


@needs_apertium
def test_the_machine_draft_covers_the_short_texts(coordinator):
    element = _arena(
        convened_by="Leder i hver tjeneste", convened_by_nn="",
        frequency="Hver måned", frequency_nn="", responsible_role="Alle ansatte",
        responsible_role_nn="",
    )  # fmt: skip
    link = element.links.create(title="Hver måned", url="https://bufdir.no")
    draft = drafts.machine_draft_make(obj=element, user=coordinator)
    assert draft.texts["convened_by"] == "Leiar i kvar teneste"
    assert draft.texts["frequency"] == "Kvar månad"
    assert draft.texts["responsible_role"] == "Alle tilsette"
    element.refresh_from_db()
    assert element.frequency_nn == ""  # a draft, not published
    assert drafts.machine_draft_make(obj=link, user=coordinator).texts == {"title": "Kvar månad"}
    measure = _measure(cost="Etter inntekt", cost_nn="")
    assert drafts.machine_draft_make(obj=measure, user=coordinator).texts["cost"] == (
        "Etter inntekt"
    )
    assert Utkast.objects.filter(is_machine=True).count() == 3


# --- The demo ---------------------------------------------------------------------------


def test_the_demo_has_every_short_text_in_nynorsk_and_english():
    call_command("load_demo", stdout=io.StringIO())
    out = io.StringIO()
    call_command("translation_status", "--max-bokmal", "0", stdout=out)
    assert "nn: 0.0 % of the public text is still in bokmål" in out.getvalue()
    assert "en: 0.0 % of the public text is still in bokmål" in out.getvalue()
    from organisasjon.models import Tjeneste

    for model, names in (
        (Tiltak, ["cost", "place", "languages"]),
        (Moteplass, ["frequency"]),
        (Element, ["responsible_role", "convened_by", "frequency"]),
        (Tjeneste, ["opening_hours"]),
    ):
        for obj in model.objects.all():
            for name in names:
                if getattr(obj, name):
                    assert getattr(obj, f"{name}_nn"), (obj, name)
                    assert getattr(obj, f"{name}_en"), (obj, name)
    assert Tiltak.objects.get(slug="svangerskapsomsorg").cost_en == "Free"
    assert Moteplass.objects.filter(frequency="Månedlig").first().frequency_nn == "Månadleg"
    # The meeting places' contact is a person, not a role written in bokmål.
    assert not Moteplass.objects.filter(contact_name="BTS-koordinator").exists()


# --- Upgrading a database with state rows from before the new fields --------------------


def _as_before(obj, before, *, current=True):
    """Make the item's rows as they were before the new fields: hashed over ``before``."""
    from oversetting.models import Oversettelse
    from oversetting.sources import _hash

    for language in ("nn", "en"):
        suffix = "_" + language
        source = [getattr(obj, name) or "" for name in before]
        translation = [getattr(obj, name + suffix) or "" for name in before]
        row = state.state_of(obj, language)
        Oversettelse.objects.filter(pk=row.pk).update(
            source_hash=_hash(source),
            translation_hash=_hash(translation),
            translated_from_hash=_hash(source) if current else "older",
            fields_total=len(before),
            fields_missing=0,
        )


def test_the_migrations_rehash_keeps_current_and_outdated_and_counts_the_new_fields():
    from django.apps import apps

    from oversetting.upgrade import rehash

    texts = {
        "title": "Kurs", "title_nn": "Kurs", "title_en": "Course",
        "summary": "For foreldre.", "summary_nn": "For foreldre.", "summary_en": "For parents.",
        "body": "Tekst.", "body_nn": "Tekst.", "body_en": "Text.",
    }  # fmt: skip
    before = ["title", "summary", "body"]
    with_cost = TiltakFactory(**texts, cost="Gratis")
    without_cost = TiltakFactory(**{**texts, "title": "Kurs 2"})
    outdated = TiltakFactory(**{**texts, "title": "Kurs 3"})
    _as_before(with_cost, before)
    _as_before(without_cost, before)
    _as_before(outdated, before, current=False)
    assert state.state_of(with_cost, "nn").status == TranslationStatus.CURRENT  # stale

    assert rehash(apps, "tiltaksoversikt.Tiltak", before=before) == 6
    row = state.state_of(with_cost, "nn")
    assert row.status == TranslationStatus.MISSING
    assert (row.fields_total, row.fields_missing) == (4, 1)
    assert state.state_of(without_cost, "en").status == TranslationStatus.CURRENT
    assert state.state_of(outdated, "en").status == TranslationStatus.OUTDATED
    # The rows now match the model's fields: a second run changes nothing, and translating
    # the new field makes the item current.
    assert rehash(apps, "tiltaksoversikt.Tiltak", before=before) == 0
    with_cost.cost_nn = "Gratis"
    with_cost.save()
    assert state.state_of(with_cost, "nn").status == TranslationStatus.CURRENT
