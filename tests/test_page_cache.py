"""Public pages from the cache: anonymous visitors only, invalidated when the content they show
is published, unpublished, reviewed or restored, with ETag/Last-Modified and 304s, and never a
cookie; nobody logged in is served a stored page or has a page stored."""

from datetime import timedelta
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bts_portal.content.services import (
    content_mark_reviewed,
    content_publish,
    content_restore,
    content_save,
    content_unpublish,
)

from .factories import BrukerFactory, ElementFactory, TjenesteFactory, grant_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def element(db):
    return ElementFactory(title="Samarbeidsmøtet", slug="samarbeidsmotet", body="Første tekst.")


@pytest.fixture
def coordinator(db):
    return BrukerFactory(username="koordinator", is_bts_coordinator=True)


def _get(client, url, **headers):
    return client.get(url, **headers)


def test_anonymous_pages_come_from_the_cache_with_validators_and_no_cookie(client, element):
    url = element.get_absolute_url()
    first = _get(client, url)
    second = _get(client, url)
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert first.content == second.content
    for response in (first, second):
        assert response.status_code == 200
        assert response["Cache-Control"] == "public, max-age=300"
        assert response["ETag"] == first["ETag"]
        assert response["Last-Modified"]
        assert "Cookie" in response["Vary"]
        assert not response.cookies
    # The CSP and the frame refusal are served with a stored page too.
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["X-Frame-Options"] == first["X-Frame-Options"]
    not_modified = _get(client, url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    since = _get(client, url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    assert _get(client, url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


@pytest.mark.parametrize("change", ["save", "publish", "unpublish", "review", "restore"])
def test_a_change_to_the_content_is_seen_on_the_next_request(client, element, coordinator, change):
    url = element.get_absolute_url()
    before = _get(client, url)
    assert "Første tekst." in before.content.decode()
    assert _get(client, url)["X-Cache"] == "hit"
    if change == "save":
        element.body = "Andre tekst."
        content_save(obj=element, user=coordinator)
        expected = "Andre tekst."
    elif change == "publish":
        element.body = "Andre tekst."
        element.status = "draft"
        element.save()
        content_publish(obj=element, user=coordinator)
        expected = "Andre tekst."
    elif change == "unpublish":
        content_unpublish(obj=element, user=coordinator)
        assert _get(client, url).status_code == 404
        return
    elif change == "review":
        element.review_due = timezone.localdate() - timedelta(days=1)
        element.save()
        _get(client, url)
        content_mark_reviewed(obj=element, user=coordinator, months=12)
        expected = "Første tekst."
    else:
        old = element.history.earliest()
        element.body = "Andre tekst."
        content_save(obj=element, user=coordinator)
        assert "Andre tekst." in _get(client, url).content.decode()
        content_restore(obj=element, user=coordinator, history_id=old.history_id)
        expected = "Første tekst."
    after = _get(client, url)
    assert after["X-Cache"] == "miss"
    assert expected in after.content.decode()
    if change in ("save", "publish"):  # the same text gives the same ETag again
        assert after["ETag"] != before["ETag"]


def test_a_new_service_changes_the_service_pages(client):
    url = reverse("tiltaksoversikt:tjeneste_list")
    _get(client, url)
    TjenesteFactory(name="Ny ungdomsklubb", slug="ny-ungdomsklubb")
    assert "Ny ungdomsklubb" in _get(client, url).content.decode()


def test_logged_in_users_never_fill_or_read_the_cache(client, element):
    employee = BrukerFactory(username="kari", first_name="Kari", last_name="Hemmelig")
    grant_role(employee, TjenesteFactory(), "ansatt")
    url = element.get_absolute_url()
    anonymous = Client()
    _get(anonymous, url)  # stored for the public
    client.force_login(employee)
    for _ in range(2):
        response = _get(client, url)
        assert "X-Cache" not in response
        assert response["Cache-Control"] == "private, no-store"
    # What the employee saw was never stored: the public copy has no trace of them.
    public = _get(anonymous, url)
    assert public["X-Cache"] == "hit"
    assert "Hemmelig" not in public.content.decode()
    # A staff page is never stored either, and says so.
    staff = _get(client, "/ansatt/")
    assert "X-Cache" not in staff
    assert "no-store" in staff["Cache-Control"]


def test_the_language_links_need_no_session_and_the_choice_is_remembered(client, element):
    url = element.get_absolute_url()
    page = _get(client, url).content.decode()
    assert f'href="{url}?sprak=nn"' in page
    assert 'hreflang="nn"' in page
    assert "csrfmiddlewaretoken" not in page
    chosen = _get(client, url, QUERY_STRING="sprak=nn")
    assert chosen["Content-Language"] == "nn"
    assert chosen.cookies["django_language"].value == "nn"
    assert chosen["Cache-Control"].startswith("private")
    # The next page comes in nynorsk from the cookie alone, and from the cache.
    again = _get(client, url)
    assert again["Content-Language"] == "nn"
    assert not again.cookies
    bokmal = _get(Client(), url)
    assert bokmal["Content-Language"] == "nb"
    assert bokmal.content != again.content


def test_no_public_page_sets_a_cookie_and_every_one_is_public(client):
    """A crawl of the demo site as an anonymous visitor."""
    import io

    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())
    seen, queue, pages = set(), ["/"], 0
    while queue and len(seen) < 120:
        url = queue.pop(0)
        path = urlsplit(url).path
        if path in seen or path.startswith(("/ansatt/", "/static/", "/i18n/", "/admin/")):
            continue
        seen.add(path)
        response = client.get(url)
        if response.status_code != 200 or "html" not in response["Content-Type"]:
            continue
        pages += 1
        assert not response.cookies, (url, list(response.cookies))
        assert response["Cache-Control"].startswith("public"), url
        for href in _links(response.content.decode()):
            absolute = urljoin(url, href)
            if urlsplit(absolute).netloc in ("", "testserver"):
                queue.append(absolute)
    assert pages >= 40, pages


def _links(html: str) -> list[str]:
    import re

    return [h for h in re.findall(r'href="([^"#]+)"', html) if "sprak=" not in h]


def test_only_public_models_have_the_cache_receivers():
    """A receiver on every model would switch off Django's fast deletes everywhere."""
    from django.db.models.deletion import Collector
    from django.db.models.signals import post_save

    from stafettlogg.models import StepReminder
    from tiltaksoversikt.models import Tiltak

    assert Collector(using="default").can_fast_delete(StepReminder.objects.all())
    assert post_save.has_listeners(Tiltak)
