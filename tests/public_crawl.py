"""Every public page a visitor can reach by following links from the front page.

Shared by the tests that check each page of the public site (titles, reflow at 320 px,
names in the accessibility tree). Query strings count: a filtered list or a search is a page
of its own, with a title of its own.
"""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.test import Client

# Downloads and machine-readable data, not pages.
NOT_PAGES = ("/tiltak/data.json", "/tiltak/data.csv", "/sitemap.xml", "/i18n/", "/admin/")
NOT_PAGE_ENDINGS = (".pdf", "/fil/", ".json", ".csv", ".xml")
MAX_PAGES = 400


class PageLinks(HTMLParser):
    def __init__(self, base: str):
        super().__init__()
        self.base, self.links, self.title, self._in_title = base, [], "", False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        # A language link (hreflang) leads to the same page in another language.
        if tag == "a" and a.get("href") and not a.get("hreflang"):
            self.links.append(urljoin(self.base, a["href"]))
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def is_public_page(url: str) -> bool:
    parts = urlsplit(url)
    if parts.netloc not in ("", "testserver") or parts.scheme not in ("", "http"):
        return False
    path = parts.path
    if path.startswith("/ansatt/") and path != "/ansatt/logg-inn/":
        return False
    if path.startswith(NOT_PAGES) or path.endswith(NOT_PAGE_ENDINGS):
        return False
    return "/vedlegg/" not in path


def crawl_public(client: Client | None = None, start: str = "/") -> dict[str, str]:
    """{url (path and query): the page's <title>} for every public HTML page reached."""
    client = client or Client()
    seen: dict[str, str] = {}
    queue = [start]
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        parts = urlsplit(url)
        key = parts.path + (f"?{parts.query}" if parts.query else "")
        if key in seen or not is_public_page(url):
            continue
        response = client.get(key)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            seen[key] = ""
            continue
        parser = PageLinks(f"http://testserver{key}")
        parser.feed(response.content.decode())
        seen[key] = " ".join(parser.title.split())
        queue.extend(link.split("#", 1)[0] for link in parser.links)
    return {url: title for url, title in seen.items() if title}
