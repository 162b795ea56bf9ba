"""Junk input never gives a 5xx: every form and query parameter the staff area shows its
users, crawled from the demo municipality as each kind of user sees it, is sent values from
a seeded generator (huge and negative numbers, long and odd text, broken dates, lists,
files with random bytes), and every answer must be below 500.

The crawl finds the forms from the pages themselves, so a new form is fuzzed without this
file knowing of it; a test below fails if the crawl stops finding the forms it should.
"""

import io
import os
import random
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from organisasjon.models import Bruker

pytestmark = pytest.mark.django_db

# One of each kind of staff user in the demo, and what their pages offer.
USERS = [
    "ansatt.barnehage", "ansatt.skole", "leder.barnehage", "lokaladmin.skole",
    "koordinator", "kommunedirektor",
]  # fmt: skip
# Not fuzzed: leaving the session, and pages that start slow background jobs for real.
SKIP_PATHS = ("/ansatt/logg-ut/",)
PAGES_PER_USER = 45
SEED = 2026


@dataclass
class Form:
    action: str
    method: str
    fields: dict = field(default_factory=dict)  # name -> (kind, [values seen])


class FormParser(HTMLParser):
    """The links and forms of one page, with each field's kind and the values it offers."""

    def __init__(self, base):
        super().__init__()
        self.base, self.links, self.forms, self._form, self._select = base, [], [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(urljoin(self.base, a["href"]))
        elif tag == "form":
            action = urljoin(self.base, a.get("action") or self.base)
            self._form = Form(action=action, method=(a.get("method") or "get").lower())
            self.forms.append(self._form)
        elif self._form is not None and tag in {"input", "textarea", "select"} and a.get("name"):
            kind = a.get("type", "text") if tag == "input" else tag
            seen = self._form.fields.setdefault(a["name"], (kind, []))[1]
            if a.get("value") is not None:
                seen.append(a["value"])
            if tag == "select":
                self._select = a["name"]
        elif tag == "option" and self._form is not None and self._select:
            self._form.fields[self._select][1].append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


JUNK_TEXT = [
    "", " ", "0", "-1", "1e309", "NaN", "99999999999999999999999", "-99999999999999999999",
    "9" * 400, "a" * 20_000, "2026-02-30", "0000-00-00", "31.12.2026", "9999-12-31",
    "1900-01-01", "not-a-date", "\x00", "nul\x00byte", "'; DROP TABLE x; --", "<script>",
    "../../etc/passwd", "%00", "ǅ𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓ 🧒", "true", "on", "None", "[]", "{}",
    "00000000-0000-0000-0000-000000000000", "not-a-uuid", "/", "//evil.example/", "javascript:x",
]  # fmt: skip


def junk(rng: random.Random):
    choice = rng.random()
    if choice < 0.55:
        return rng.choice(JUNK_TEXT)
    if choice < 0.75:
        return str(rng.choice([rng.randint(-(2**70), 2**70), rng.randint(-5, 5), 2**63, 2**31]))
    if choice < 0.9:
        return "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(1, 60)))
    return [rng.choice(JUNK_TEXT) for _ in range(rng.randint(0, 3))]


def crawl(client: Client) -> tuple[list[Form], set[tuple[str, str]]]:
    """Every form and every (path, query parameter) reachable from the staff start page."""
    seen, queue, forms, params = set(), ["/ansatt/"], [], set()
    while queue and len(seen) < PAGES_PER_USER:
        url = queue.pop(0)
        parts = urlsplit(url)
        if parts.path in seen or not parts.path.startswith("/ansatt/"):
            continue
        if parts.path.startswith(SKIP_PATHS):
            continue
        seen.add(parts.path)
        for name, _value in parse_qsl(parts.query):
            params.add((parts.path, name))
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = FormParser(url)
        parser.feed(response.content.decode())
        for form in parser.forms:
            if not urlsplit(form.action).path.startswith(SKIP_PATHS):
                forms.append(form)
        queue.extend(link for link in parser.links if urlsplit(link).netloc in ("", "testserver"))
    return forms, params


def variants(form: Form, rng: random.Random, count: int):
    """``count`` submissions of the form: its own values, with one or more fields junk."""
    names = [n for n in form.fields if n != "csrfmiddlewaretoken"]
    for _ in range(count):
        data = {}
        for name, (_kind, values) in form.fields.items():
            if name == "csrfmiddlewaretoken":
                continue
            data[name] = rng.choice(values) if values else "x"
        for name in rng.sample(names, k=min(len(names), rng.randint(1, 3))):
            kind = form.fields[name][0]
            if kind == "file":
                data[name] = SimpleUploadedFile(
                    f"junk{rng.randint(0, 9)}.{rng.choice(['pdf', 'odt', 'docx', 'exe'])}",
                    rng.randbytes(rng.randint(0, 4096)),
                )
            else:
                data[name] = junk(rng)
        yield data


def test_junk_in_every_staff_form_and_query_parameter_never_gives_a_5xx():
    call_command("load_demo", stdout=io.StringIO())
    wanted = int(os.environ.get("FUZZ_REQUESTS", 2000 if os.environ.get("CI") else 600))
    rng = random.Random(SEED)
    plan = []
    for username in USERS:
        client = Client(raise_request_exception=False)
        client.force_login(Bruker.objects.get(username=username))
        forms, params = crawl(client)
        plan.append((username, client, forms, sorted(params)))
    total_forms = sum(len(forms) for _, _, forms, _ in plan)
    assert total_forms >= 40, total_forms  # the crawl reached the real work pages
    per_form = max(2, wanted // max(1, total_forms + sum(len(p) for *_, p in plan)) + 1)
    sent, failures = 0, []
    for username, client, forms, params in plan:
        for form in forms:
            for data in variants(form, rng, per_form):
                if form.method == "post":
                    response = client.post(form.action, data)
                else:
                    query = {k: v for k, v in data.items() if not hasattr(v, "read")}
                    response = client.get(form.action, query)
                sent += 1
                if response.status_code >= 500:
                    failures.append((username, form.action, data, response.status_code))
        for path, name in params:
            for _ in range(per_form):
                response = client.get(path, {name: junk(rng)})
                sent += 1
                if response.status_code >= 500:
                    failures.append((username, "get", path, name, response.status_code))
    actions = sorted({urlsplit(form.action).path for _, _, forms, _ in plan for form in forms})
    print(f"fuzzed {sent} requests over {total_forms} forms at {len(actions)} addresses")
    assert sent >= wanted, sent
    assert failures == [], failures[:5]
