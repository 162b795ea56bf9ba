"""The browser's Accept-Language picks nynorsk or English only where the page's content is
complete in that language; otherwise bokmål, with a link offering the language."""

import pytest

from .factories import SideFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated_page():
    return SideFactory(
        title="Om BTS", summary="Sammendrag.", body="Tekst.",
        title_en="About BTS", summary_en="Summary.", body_en="Text.",
    )  # fmt: skip


@pytest.fixture
def untranslated_page():
    return SideFactory(title="Bare bokmål", summary="Sammendrag.", body="Tekst.")


def test_english_browser_gets_english_where_the_page_is_complete(client, translated_page):
    response = client.get(translated_page.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Language"] == "en"
    html = response.content.decode()
    assert "About BTS" in html
    assert 'class="lang-offer"' not in html


def test_english_browser_gets_bokmal_and_an_offer_where_the_page_is_not_complete(
    client, untranslated_page
):
    response = client.get(untranslated_page.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Language"] == "nb"
    html = response.content.decode()
    assert '<html lang="nb"' in html
    assert 'class="lang-offer" lang="en"' in html
    assert f'href="{untranslated_page.get_absolute_url()}?sprak=en"' in html


def test_a_partly_translated_page_is_not_complete(client):
    side = SideFactory(title="Delvis", title_nn="Delvis", summary="S.", body="T.")
    response = client.get(side.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="nn")
    assert response["Content-Language"] == "nb"
    assert 'class="lang-offer" lang="nn"' in response.content.decode()


def test_the_language_link_shows_the_incomplete_language_anyway(client, untranslated_page):
    response = client.get(
        untranslated_page.get_absolute_url(), {"sprak": "en"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response["Content-Language"] == "en"
    assert 'class="lang-offer"' not in response.content.decode()


def test_a_chosen_language_in_the_cookie_is_kept(client, untranslated_page, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(untranslated_page.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Language"] == "en"


def test_a_bokmal_browser_sees_no_offer(client, untranslated_page):
    response = client.get(untranslated_page.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="nb")
    assert response["Content-Language"] == "nb"
    assert 'class="lang-offer"' not in response.content.decode()


def test_the_page_cache_keeps_the_offer_apart_from_plain_bokmal(client, untranslated_page):
    url = untranslated_page.get_absolute_url()
    offered = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    plain = client.get(url, HTTP_ACCEPT_LANGUAGE="nb")
    offered_again = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert 'class="lang-offer"' in offered.content.decode()
    assert 'class="lang-offer"' not in plain.content.decode()
    assert offered_again["X-Cache"] == "hit"
    assert 'class="lang-offer"' in offered_again.content.decode()


def test_completing_the_translation_lets_the_browser_language_apply(
    client, untranslated_page, django_capture_on_commit_callbacks
):
    url = untranslated_page.get_absolute_url()
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="en")["Content-Language"] == "nb"
    with django_capture_on_commit_callbacks(execute=True):
        untranslated_page.title_en = "Only bokmål no more"
        untranslated_page.summary_en = "Summary."
        untranslated_page.body_en = "Text."
        untranslated_page.save()
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Language"] == "en"
    assert "Only bokmål no more" in response.content.decode()


def test_the_rule_costs_no_query_once_worked_out(
    client, untranslated_page, django_assert_num_queries
):
    url = untranslated_page.get_absolute_url()
    client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    with django_assert_num_queries(0):
        client.get(url, HTTP_ACCEPT_LANGUAGE="en")  # from the page cache, rule included


def test_an_unknown_cookie_value_leaves_the_rule_to_the_browser(
    client, untranslated_page, settings
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    response = client.get(untranslated_page.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Language"] == "nb"
    assert 'class="lang-offer" lang="en"' in response.content.decode()
