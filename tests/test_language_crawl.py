"""The nynorsk and English crawls of the demo site: no bokmål content without lang="nb", and
every page's title in the page's language where its item has a translation."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from .language_crawl import BokmalContent, bokmal_content, normal, unmarked_bokmal
from .public_crawl import PageLinks, is_public_page

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo loaded once for the module, and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def crawl(language: str) -> dict[str, str]:
    """{address: HTML} of every public page reached from the front page in ``language``."""
    from urllib.parse import urlsplit

    client = Client()
    client.get("/", {"sprak": language})  # the cookie keeps the language from here on
    pages: dict[str, str] = {}
    queue, seen = ["/"], set()
    while queue and len(seen) < 400:
        url = queue.pop(0)
        parts = urlsplit(url)
        key = parts.path + (f"?{parts.query}" if parts.query else "")
        if key in seen or not is_public_page(url):
            continue
        seen.add(key)
        response = client.get(key)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        pages[key] = html
        parser = PageLinks(f"http://testserver{key}")
        parser.feed(html)
        queue.extend(link.split("#", 1)[0] for link in parser.links)
    return pages


@pytest.mark.parametrize("language", ["nn", "en"])
def test_no_bokmal_content_without_lang_nb(demo_site, language):
    content = bokmal_content(language)
    pages = crawl(language)
    assert len(pages) > 50
    unmarked, total, bokmal = [], 0, 0
    for url, html in pages.items():
        assert f'<html lang="{language}"' in html, url
        found, visible = unmarked_bokmal(html, content)
        total += visible
        bokmal += sum(len(text) for text in found)
        unmarked += [(url, text) for text in found]
    share = bokmal / total
    assert share == 0, f"{share:.2%} of the visible text is unmarked bokmål: {unmarked[:20]}"


@pytest.mark.parametrize("language", ["nn", "en"])
def test_page_titles_are_in_the_page_language(demo_site, language):
    content = bokmal_content(language)
    wrong = []
    for url, html in crawl(language).items():
        parser = PageLinks("http://testserver/")
        parser.feed(html)
        title = normal(parser.title)
        parts = [normal(p) for p in title.replace(":", " – ").split(" – ")]
        if any(part in content.titles for part in parts):
            wrong.append((url, title))
    assert not wrong, wrong[:20]


def test_the_detector_finds_unmarked_bokmal_and_ignores_marked():
    content = BokmalContent(texts={"Foreldrekurs", "Psykisk helse"})
    found, _total = unmarked_bokmal(
        "<ul><li>Parenting course</li><li>Foreldrekurs</li></ul>"
        '<p>Familiens hus · <span lang="nb">Psykisk helse</span></p>'
        '<select><option lang="nb">Psykisk helse</option><option>Psykisk helse</option></select>',
        content,
    )
    assert found == ["Foreldrekurs", "Psykisk helse"]


def test_the_detector_finds_bokmal_inside_a_list_of_themes():
    content = BokmalContent(texts={"Skolefravær"})
    found, _total = unmarked_bokmal(
        "<p>Health clinic · 6–16 years · Skolefravær, Bullying</p>", content
    )
    assert len(found) == 1
