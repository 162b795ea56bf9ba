"""The public site: open to all, in Norwegian, with emergency numbers, and self-contained."""

import re
from html.parser import HTMLParser

import pytest

from .factories import TjenesteFactory

pytestmark = pytest.mark.django_db

EMERGENCY_NUMBERS = ["112", "113", "116 111"]


class ResourceCollector(HTMLParser):
    """Collects every address a browser would fetch by itself (not links a person clicks)."""

    def __init__(self):
        super().__init__()
        self.resources: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"script", "img", "iframe", "source", "audio", "video", "embed"}:
            self.resources.append(attrs.get("src") or "")
        if tag == "link":
            self.resources.append(attrs.get("href") or "")
        if tag == "object":
            self.resources.append(attrs.get("data") or "")
        style = attrs.get("style") or ""
        self.resources += re.findall(r"url\(([^)]+)\)", style)


def fetched_resources(html: str) -> list[str]:
    collector = ResourceCollector()
    collector.feed(html)
    return [r for r in collector.resources if r]


@pytest.fixture
def pages(client, employee, tjeneste):
    """Every page of the foundation, public and staff."""
    public = [
        "/",
        "/tjenester/",
        f"/tjenester/{tjeneste.slug}/",
        "/ansatt/logg-inn/",
        "/ansatt/passord/glemt/",
    ]
    staff = ["/ansatt/", "/ansatt/tjeneste/", f"/ansatt/tjeneste/{tjeneste.slug}/"]
    return public, staff


def test_front_page_explains_what_to_do_when_worried(client, tjeneste):
    response = client.get("/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Er du bekymret for et barn?" in content
    assert tjeneste.name in content


def test_every_page_shows_the_emergency_numbers(client, employee, pages):
    public, staff = pages
    for url in public:
        content = client.get(url).content.decode()
        for number in EMERGENCY_NUMBERS:
            assert number in content, (url, number)
    client.force_login(employee)
    for url in staff:
        content = client.get(url).content.decode()
        for number in EMERGENCY_NUMBERS:
            assert number in content, (url, number)


def test_no_page_loads_anything_from_outside_the_portal(client, employee, pages):
    public, staff = pages
    responses = [(url, client.get(url)) for url in public]
    client.force_login(employee)
    responses += [(url, client.get(url)) for url in staff]
    for url, response in responses:
        assert response.status_code == 200, url
        for resource in fetched_resources(response.content.decode()):
            assert resource.startswith("/"), (url, resource)
            assert not resource.startswith("//"), (url, resource)


def test_pages_send_a_strict_content_security_policy(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"


def test_service_directory_groups_active_services_by_sector(client, db):
    TjenesteFactory(name="Helsestasjonen", sector="helse_og_omsorg")
    TjenesteFactory(name="Nedlagt tjeneste", is_active=False)
    content = client.get("/tjenester/").content.decode()
    assert "Helse og omsorg" in content
    assert "Helsestasjonen" in content
    assert "Nedlagt tjeneste" not in content


def test_service_page_shows_contacts_and_ages(client, db):
    tjeneste = TjenesteFactory(name="PPT", phone="77 00 40 10", age_min=0, age_max=20)
    content = client.get(f"/tjenester/{tjeneste.slug}/").content.decode()
    assert "77 00 40 10" in content
    assert "0–20 år" in content


def test_service_from_pregnancy_says_so(client, db):
    tjeneste = TjenesteFactory(name="Jordmor", age_min=-1, age_max=6)
    assert "fra svangerskap" in client.get(f"/tjenester/{tjeneste.slug}/").content.decode()


def test_inactive_service_page_is_404(client, db):
    tjeneste = TjenesteFactory(name="Nedlagt", is_active=False)
    assert client.get(f"/tjenester/{tjeneste.slug}/").status_code == 404


def test_unknown_page_gives_norwegian_404(client, db):
    response = client.get("/finnes-ikke/")
    assert response.status_code == 404
    assert "Vi fant ikke siden" in response.content.decode()
