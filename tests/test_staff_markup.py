"""Every staff page, crawled from the demo municipality as each kind of user sees it, has
unique ids, and every form control has an accessible name (a label, aria-label or
aria-labelledby): the checks axe cannot make on pages it never visits."""

import io
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client

from organisasjon.models import Bruker

from .test_staff_fuzz import SKIP_PATHS, USERS

pytestmark = pytest.mark.django_db
PAGES_PER_USER = 40


class Markup(HTMLParser):
    def __init__(self, base):
        super().__init__()
        self.base, self.ids, self.links, self.labels, self.controls = base, [], [], set(), []
        self._label_depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(urljoin(self.base, a["href"]))
        if tag == "label":
            self._label_depth += 1
            if a.get("for"):
                self.labels.add(a["for"])
        if tag in {"input", "select", "textarea"} and a.get("type") not in {
            "hidden", "submit", "button", "reset", "image",
        }:  # fmt: skip
            named = bool(a.get("aria-label") or a.get("aria-labelledby") or a.get("title"))
            self.controls.append((a.get("name"), a.get("id"), named or self._label_depth > 0))

    def handle_endtag(self, tag):
        if tag == "label":
            self._label_depth = max(0, self._label_depth - 1)


def test_staff_pages_have_unique_ids_and_named_controls():
    call_command("load_demo", stdout=io.StringIO())
    problems, pages, case_pages, document_pages = [], 0, 0, 0
    for username in USERS:
        client = Client()
        client.force_login(Bruker.objects.get(username=username))
        seen, queue = set(), ["/ansatt/"]
        while queue and len(seen) < PAGES_PER_USER:
            url = queue.pop(0)
            path = urlsplit(url).path
            if path in seen or not path.startswith("/ansatt/") or path.startswith(SKIP_PATHS):
                continue
            seen.add(path)
            response = client.get(url)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            pages += 1
            case_pages += path.startswith("/ansatt/stafettlogg/") and path[20:-1].isdigit()
            document_pages += path.endswith("/dokumenter/")
            page = Markup(url)
            page.feed(response.content.decode())
            duplicates = [i for i, n in Counter(page.ids).items() if n > 1]
            if duplicates:
                problems.append((username, path, "duplicate ids", duplicates))
            unnamed = [
                name for name, id_, named in page.controls if not named and id_ not in page.labels
            ]
            if unnamed:
                problems.append((username, path, "controls without a name", unnamed))
            local = [link for link in page.links if urlsplit(link).netloc in ("", "testserver")]
            # A case's documents page (six forms) is reached before the crawl runs out.
            queue[:0] = [link for link in local if urlsplit(link).path.endswith("/dokumenter/")]
            queue.extend(local)
    assert pages >= 60, pages
    assert case_pages >= 3, case_pages  # the busiest forms are on the case pages
    assert document_pages >= 1, document_pages  # six forms on one page
    assert problems == [], problems[:8]
