"""What nynorsk and English readers see of the content: services in their language, bokmål
fallbacks marked lang="nb" (headings, filter labels, list items), and dates as the language
writes them."""

import datetime

import pytest

from .factories import SideFactory, TemaFactory, TiltakFactory, TjenesteFactory

pytestmark = pytest.mark.django_db


def test_service_page_in_english_shows_the_english_name_and_description(client):
    service = TjenesteFactory(
        name="Helsestasjonen", name_en="The health clinic",
        description="For alle familier.", description_en="For all families.",
    )  # fmt: skip
    html = client.get(service.get_absolute_url(), {"sprak": "en"}).content.decode()
    assert "<title>The health clinic" in html
    assert "<h1>The health clinic</h1>" in html
    assert '<div class="prose" lang="en"><p>For all families.</p></div>' in html
    assert "Helsestasjonen" not in html


def test_service_page_without_translation_marks_the_bokmal_name(client):
    service = TjenesteFactory(name="Helsestasjonen", description="For alle familier.")
    html = client.get(service.get_absolute_url(), {"sprak": "nn"}).content.decode()
    assert '<h1><span lang="nb">Helsestasjonen</span></h1>' in html
    assert '<div class="prose" lang="nb"><p>For alle familier.</p></div>' in html


def test_service_list_and_measure_show_the_translated_service_name(client):
    service = TjenesteFactory(name="Helsestasjonen", name_nn="Helsestasjonen i kommunen")
    measure = TiltakFactory(tjeneste=service, title="Foreldrekurs", title_nn="Foreldrekurs")
    listing = client.get("/tjenester/", {"sprak": "nn"}).content.decode()
    assert "Helsestasjonen i kommunen" in listing
    detail = client.get(measure.get_absolute_url(), {"sprak": "nn"}).content.decode()
    assert '<p class="eyebrow">Helsestasjonen i kommunen</p>' in detail


def test_catalogue_filter_labels_are_translated_or_marked_as_bokmal(client):
    service = TjenesteFactory(name="Helsestasjonen", name_en="Health clinic")
    other = TjenesteFactory(name="Sentrum skole")
    translated = TemaFactory(title="Psykisk helse", title_en="Mental health")
    untranslated = TemaFactory(title="Skolefravær")
    TiltakFactory(tjeneste=service, themes=[translated, untranslated])
    TiltakFactory(tjeneste=other)
    html = client.get("/tiltak/", {"sprak": "en"}).content.decode()
    assert "Health clinic <span" in html or ">Health clinic <" in html
    assert '<span lang="nb">Sentrum skole</span>' in html
    assert "Mental health" in html
    assert '<span lang="nb">Skolefravær</span>' in html


def test_dates_follow_the_language(client):
    side = SideFactory(last_reviewed=datetime.date(2026, 10, 24))
    english = client.get(side.get_absolute_url(), {"sprak": "en"}).content.decode()
    assert "24 October 2026" in english
    assert "24. October" not in english
    nynorsk = client.get(side.get_absolute_url(), {"sprak": "nn"}).content.decode()
    assert "24. oktober 2026" in nynorsk


def test_the_service_edit_form_has_the_nynorsk_and_english_fields(client):
    from .factories import BrukerFactory

    admin = BrukerFactory(username="sysadmin", is_staff=True, is_superuser=True)
    service = TjenesteFactory(name="Helsestasjonen")
    client.force_login(admin)
    response = client.get(f"/admin/organisasjon/tjeneste/{service.pk}/change/")
    html = response.content.decode()
    for name in ("name_nn", "name_en", "description_nn", "description_en"):
        assert f'name="{name}"' in html


def test_numbers_follow_the_language():
    from django.utils import formats, translation

    with translation.override("en"):
        assert formats.number_format(1234.5, 1, force_grouping=True) == "1,234.5"
    with translation.override("nn"):
        assert formats.number_format(1234.5, 1, force_grouping=True) == "1\xa0234,5"
