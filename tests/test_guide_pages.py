"""The action guide: levels list their steps in order with tools; the public sees only what
is published and public; the duty to report is on every page."""

import pytest
from django.urls import reverse

from handlingsveileder import selectors
from handlingsveileder.models import Niva, Tegn, TemaVeileder

from .factories import NivaFactory, TemaFactory, TrinnFactory, VerktoyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(db):
    # The migration creates the four levels as drafts; publish them for the tests.
    Niva.objects.update(status="published")
    level0 = Niva.objects.get(number=0)
    public_tool = VerktoyFactory(title="Samtaleguide", slug="samtaleguide")
    staff_tool = VerktoyFactory(title="Intern mal", slug="intern-mal", audience="staff")
    draft_tool = VerktoyFactory(title="Utkastverktøy", slug="utkast", status="draft")
    second = TrinnFactory(
        niva=level0,
        key="n0-samtale",
        title="Ha samtalen",
        order=2,
        tools=[public_tool, staff_tool, draft_tool],
    )
    first = TrinnFactory(niva=level0, key="n0-beskriv", title="Beskriv det du ser", order=1)
    TrinnFactory(niva=level0, key="n0-utkast", title="Hemmelig trinn", order=3, status="draft")
    TrinnFactory(niva=Niva.objects.get(number=2), key="n2-mote", title="Samarbeidsmøte")
    theme = TemaVeileder.objects.create(
        slug="vold",
        title="Vold og overgrep",
        summary="S",
        body="Ring.",
        report_at_once=True,
        status="published",
    )
    Tegn.objects.create(
        age_group="6-12",
        tema=TemaFactory(title="Psykisk helse"),
        seen_in="barn",
        title="Endret humør",
        status="published",
    )
    return {"first": first, "second": second, "theme": theme}


def test_public_level_lists_steps_in_order_without_drafts(client, guide):
    content = client.get("/veileder/nivaa/0/").content.decode()
    assert content.index("Beskriv det du ser") < content.index("Ha samtalen")
    assert "Hemmelig trinn" not in content


def test_public_level_shows_only_published_public_tools(client, guide):
    content = client.get("/veileder/nivaa/0/").content.decode()
    assert "Samtaleguide" in content
    assert "Intern mal" not in content
    assert "Utkastverktøy" not in content


def test_staff_level_shows_staff_tools_but_no_drafts(client, guide, employee):
    client.force_login(employee)
    content = client.get("/ansatt/veileder/nivaa/0/").content.decode()
    assert "Intern mal" in content
    assert "Utkastverktøy" not in content
    assert "Hemmelig trinn" not in content


def test_draft_level_is_404(client, guide):
    Niva.objects.filter(number=3).update(status="draft")
    assert client.get("/veileder/nivaa/3/").status_code == 404


def test_step_page_links_previous_and_next_across_levels(client, guide, employee):
    client.force_login(employee)
    content = client.get("/ansatt/veileder/trinn/n0-samtale/").content.decode()
    assert "/ansatt/veileder/trinn/n0-beskriv/" in content
    assert "/ansatt/veileder/trinn/n2-mote/" in content
    assert client.get("/ansatt/veileder/trinn/n0-utkast/").status_code == 404


def test_tools_staff_only_and_draft_are_404_for_the_public(client, guide):
    assert client.get("/veileder/verktoy/samtaleguide/").status_code == 200
    assert client.get("/veileder/verktoy/intern-mal/").status_code == 404
    assert client.get("/veileder/verktoy/utkast/").status_code == 404


def test_staff_guide_requires_login(client, guide):
    for url in [
        "/ansatt/veileder/",
        "/ansatt/veileder/nivaa/0/",
        "/ansatt/veileder/tegn/",
        "/ansatt/veileder/trinn/n0-samtale/",
        "/ansatt/veileder/nivaa/2/sammendrag.pdf",
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/ansatt/logg-inn/" in response["Location"]


def guide_urls(guide) -> tuple[list[str], list[str]]:
    public = [
        "/veileder/",
        "/veileder/tegn/",
        f"/veileder/tema/{guide['theme'].slug}/",
        "/veileder/verktoy/samtaleguide/",
    ]
    public += [reverse("veileder:level", kwargs={"number": n}) for n in range(4)]
    staff = [
        "/ansatt/veileder/",
        "/ansatt/veileder/tegn/",
        f"/ansatt/veileder/tema/{guide['theme'].slug}/",
        "/ansatt/veileder/trinn/n0-samtale/",
        "/ansatt/veileder/trinn/n0-beskriv/",
    ]
    staff += [reverse("veileder_staff:level", kwargs={"number": n}) for n in range(4)]
    return public, staff


def test_duty_to_report_box_is_on_every_guide_page(client, guide, employee):
    from .factories import TjenesteFactory

    TjenesteFactory(name="Barneverntjenesten", slug="barneverntjenesten", phone="77 00 50 10")
    public, staff = guide_urls(guide)
    pages = [(url, client.get(url)) for url in public]
    client.force_login(employee)
    pages += [(url, client.get(url)) for url in staff]
    for url, response in pages:
        assert response.status_code == 200, url
        content = response.content.decode()
        assert "Opplysningsplikt til barnevernet" in content, url
        assert "77 00 50 10" in content, url
        assert "112" in content, url


def test_theme_guide_that_skips_the_levels_says_so(client, guide):
    content = client.get(f"/veileder/tema/{guide['theme'].slug}/").content.decode()
    assert "Ikke følg nivåene" in content


def test_signs_are_grouped_by_age_and_theme(client, guide):
    content = client.get("/veileder/tegn/").content.decode()
    assert "6–12 år" in content
    assert "Psykisk helse" in content
    assert "Endret humør" in content


def test_public_overview_explains_consent_and_withdrawal(client, guide):
    content = client.get("/veileder/").content.decode()
    assert "trekke samtykket tilbake" in content


def test_steps_for_level_gives_stable_keys_in_order_for_the_case_logs(guide):
    keys = [step.key for step in selectors.steps_for_level(0)]
    assert keys == ["n0-beskriv", "n0-samtale"]


def test_guide_pages_query_count_does_not_grow_with_steps(
    client, guide, django_assert_max_num_queries
):
    level = Niva.objects.get(number=1)
    for n in range(30):
        TrinnFactory(niva=level, key=f"mange-{n}", tools=[guide["second"].tools.first()])
    with django_assert_max_num_queries(8):
        client.get("/veileder/nivaa/1/")
    with django_assert_max_num_queries(8):
        client.get("/veileder/")


def test_the_four_levels_exist_after_migration(db):
    assert list(Niva.objects.values_list("number", flat=True)) == [0, 1, 2, 3]


def test_level_factory(db):
    assert NivaFactory(number=1).number == 1
