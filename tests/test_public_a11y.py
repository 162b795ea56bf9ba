"""Accessibility of the public site that can be checked from the HTML: a title of its own on
every page (WCAG 2.4.2), an error summary on every invalid form (3.3.1), the statement and the
privacy page in every footer, the glossary links (3.1.3) and the "worried" page's numbers and
self-check."""

import io
import re
from collections import defaultdict

import pytest
from django.core.management import call_command

from bts_portal.content.models import Status
from organisasjon.models import Bruker, Tjeneste
from samhandling.models import Begrep, Side
from samhandling.templatetags.a11y_tags import tel_href

from .public_crawl import crawl_public

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def title_of(html: str) -> str:
    return " ".join(re.search(r"<title>(.*?)</title>", html, re.S).group(1).split())


def test_no_two_pages_of_the_public_crawl_share_a_title(demo, client):
    pages = crawl_public(client)
    assert len(pages) >= 150, len(pages)
    by_title = defaultdict(list)
    for url, title in pages.items():
        by_title[title].append(url)
    shared = {title: urls for title, urls in by_title.items() if len(urls) > 1}
    assert shared == {}


def test_a_filtered_list_and_its_later_pages_say_so_in_the_title(demo, client):
    plain = title_of(client.get("/tiltak/").content.decode())
    filtered = title_of(client.get("/tiltak/?tema=mobbing").content.decode())
    second = title_of(client.get("/tiltak/?side=2").content.decode())
    assert filtered != plain
    assert "Mobbing" in filtered
    assert "side 2 av" in second


def test_staff_edit_page_does_not_reuse_the_public_title(demo, client):
    page = Side.objects.get(slug="bekymret")
    public = title_of(client.get("/bekymret/").content.decode())
    client.force_login(Bruker.objects.get(username="koordinator"))
    edit = title_of(client.get(f"/ansatt/innhold/side/{page.pk}/").content.decode())
    assert edit != public
    assert edit.startswith("Rediger side: Er du bekymret for et barn?")


def summary_links(html: str) -> list[tuple[str, str]]:
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S)
    assert summary, "no error summary"
    return re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary.group(0))


def test_an_invalid_public_form_shows_an_error_summary_with_links_and_a_title_saying_so(
    demo, client
):
    response = client.get("/bekymret/?uro=")
    html = response.content.decode()
    assert response.status_code == 400
    assert title_of(html).startswith("Feil: Er du bekymret for et barn?")
    links = summary_links(html)
    assert [anchor for anchor, _ in links] == ["id_uro_0"]
    assert 'id="id_uro_0"' in html  # the link leads to the first choice
    assert "autofocus" in html[html.index('class="error-summary"') - 200 :][:400]


def test_an_invalid_staff_form_shows_the_same_summary_without_a_hook_of_its_own(demo, client):
    client.force_login(Bruker.objects.get(username="koordinator"))
    response = client.post("/ansatt/innhold/side/ny/", {"title": "", "summary": "", "body": ""})
    html = response.content.decode()
    assert title_of(html).startswith("Feil: ")
    anchors = [anchor for anchor, _ in summary_links(html)]
    assert {"id_title", "id_summary", "id_body"} <= set(anchors)
    for anchor in anchors:
        assert f'id="{anchor}"' in html
    assert "Felt merket med" in html  # the "*" is explained


def test_a_valid_page_has_no_summary_and_no_error_in_the_title(demo, client):
    html = client.get("/bekymret/?uro=bekymring").content.decode()
    assert "error-summary" not in html
    assert not title_of(html).startswith("Feil")


def test_every_footer_links_the_statement_and_the_privacy_page(demo, client):
    pages = crawl_public(client)
    for url in list(pages)[:40]:
        html = client.get(url).content.decode()
        footer = html[html.index("<footer") :]
        assert 'href="/side/tilgjengelighetserklaering/"' in footer, url
        assert 'href="/side/personvern/"' in footer, url
    client.force_login(Bruker.objects.get(username="ansatt.skole"))
    html = client.get("/ansatt/").content.decode()
    footer = html[html.index("<footer") :]
    assert 'href="/side/tilgjengelighetserklaering/"' in footer
    assert 'href="/side/personvern/"' in footer


def test_the_statement_and_the_privacy_page_exist_without_the_demo(client):
    """The migration makes them, so a new municipality's footer never links to nothing."""
    statement = client.get("/side/tilgjengelighetserklaering/")
    assert statement.status_code == 200
    html = statement.content.decode()
    # The parts uustatus.no's statements have.
    for heading in ("Status", "Det som ikke er på plass", "Gi tilbakemelding", "Klage"):
        assert f"<h2>{heading}</h2>" in html, heading
    assert "uustatus" in html
    assert "uutilsynet" in html
    assert client.get("/side/personvern/").status_code == 200
    assert Side.objects.get(slug="personvern").status == Status.PUBLISHED


def test_the_coordinator_edits_the_statement_like_any_page(demo, client):
    page = Side.objects.get(slug="tilgjengelighetserklaering")
    client.force_login(Bruker.objects.get(username="koordinator"))
    assert client.get(f"/ansatt/innhold/side/{page.pk}/").status_code == 200


def test_glossary_lists_every_word_and_pages_link_the_first_appearance_once(demo, client):
    glossary = client.get("/ordliste/").content.decode()
    for slug in ("bts", "bti", "stafettholder", "stafettlogg", "undring", "ansvarsgruppe"):
        assert f'<dt id="{slug}">' in glossary, slug
    html = client.get("/modell/stafettloggen/").content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    # "Stafettloggen" stands only in the breadcrumb and the heading here: neither is linked.
    assert main.count('href="/ordliste/#stafettlogg"') == 0
    assert main.count('href="/ordliste/#stafettholder"') == 1
    assert 'class="term"' not in main.split("</nav>", 1)[0]
    # Never inside a heading or another link.
    assert not re.search(r"<h[1-6][^>]*>[^<]*<a class=\"term\"", main)


def test_a_word_the_coordinator_adds_is_linked_at_once(demo, client):
    assert "helsesykepleieren" in client.get("/bekymret/").content.decode()
    Begrep.objects.create(
        term="Helsesykepleier",
        slug="helsesykepleier",
        variants="helsesykepleieren",
        explanation="Sykepleier på helsestasjonen og skolen.",
        status=Status.PUBLISHED,
    )
    html = client.get("/bekymret/").content.decode()
    assert 'href="/ordliste/#helsesykepleier"' in html


def test_worried_page_has_tappable_numbers_and_leads_onward(demo, client, settings):
    settings.BARNEVERNVAKT_TELEFON = "800 40 008"
    child_welfare = Tjeneste.objects.get(slug=settings.BARNEVERN_TJENESTE_SLUG)
    html = client.get("/bekymret/").content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    for href in ("tel:112", "tel:113", "tel:116111", "tel:+4780040008"):
        assert f'href="{href}"' in main, href
    assert f'href="{tel_href(child_welfare.phone)}"' in main
    for link in ("/veileder/", "/veileder/tegn/", "/tjenester/", "/tiltak/", "/ordliste/"):
        assert f'href="{link}"' in main, link
    assert 'href="/side/samtykke-og-rettigheter/"' in main
    assert "For deg som er ung" in main


@pytest.mark.parametrize(
    ("answer", "heading", "leads_to"),
    [
        ("fare", "Handle nå", "tel:112"),
        ("omsorg", "Kontakt barneverntjenesten", "/tjenester/barneverntjenesten/"),
        ("bekymring", "Snakk med noen som kjenner barnet", "/veileder/nivaa/1/"),
        ("undring", "Følg med, og snakk om det", "/veileder/tegn/"),
    ],
)
def test_self_check_answer_points_to_the_next_step(demo, client, answer, heading, leads_to):
    html = client.get(f"/bekymret/?uro={answer}").content.decode()
    answer_html = html[html.index('id="svar"') :]
    answer_html = answer_html[: answer_html.index("</section>")]
    assert f'<h3 id="answer-heading">{heading}</h3>' in answer_html
    assert leads_to in answer_html
    assert title_of(html).startswith(heading)


def test_tel_href():
    assert tel_href("116 111") == "tel:116111"
    assert tel_href("77 00 50 10") == "tel:+4777005010"
    assert tel_href("+47 800 40 008") == "tel:+4780040008"
    assert tel_href("0047 22 00 00 00") == "tel:+4722000000"


def test_bokmal_fallback_in_an_english_filter_list_is_marked_as_bokmal(demo, client):
    from tiltaksoversikt.models import Tema

    untranslated, translated = Tema.objects.filter(tiltak__isnull=False).distinct()[:2]
    Tema.objects.filter(pk=untranslated.pk).update(title_en="")
    html = client.get("/tiltak/?sprak=en").content.decode()
    assert f'<span lang="nb">{untranslated.title}</span>' in html
    assert f'>{translated.title_en} <span class="count">' in html


def test_the_guides_duty_to_report_box_has_tappable_numbers(demo, client):
    child_welfare = Tjeneste.objects.get(slug="barneverntjenesten")
    html = client.get("/veileder/nivaa/0/").content.decode()
    box = html[html.index('class="card card-attention duty-box"') :]
    box = box[: box.index("</aside>")]
    for href in ("tel:112", "tel:116111", tel_href(child_welfare.phone)):
        assert f'href="{href}"' in box, href


def test_public_level_page_speaks_to_parents_and_the_staff_page_to_employees(demo, client):
    from handlingsveileder.models import Niva

    level = Niva.objects.get(number=0)
    public = client.get("/veileder/nivaa/0/").content.decode()
    assert level.summary not in public  # "Du undrer deg …" is written to the employee
    assert "barnet ditt" in public
    client.force_login(Bruker.objects.get(username="koordinator"))
    staff = client.get("/ansatt/veileder/nivaa/0/").content.decode()
    assert level.summary in staff
