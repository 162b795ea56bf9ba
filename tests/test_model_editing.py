"""Editing the model: the coordinator publishes, leaders draft for their own service, and
everyone else is refused."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bts_portal.content import services
from bts_portal.content.models import Endringsforslag
from samhandling.models import Element, Vedlegg

from .factories import BrukerFactory, ElementFactory, TjenesteFactory, grant_role

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def form_data(**overrides):
    data = {
        "nivaa": "tjeneste",
        "type": "rutine",
        "audience": "public",
        "title": "Rutine for overgang",
        "slug": "",
        "summary": "Kort om rutinen.",
        "body": "## Slik gjør vi det\n\nFørst dette.",
        "case_mode": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def element(db):
    return ElementFactory(title="Forebyggende forum", body="Gammel tekst")


def editing_urls(element):
    kind, pk = "element", element.pk
    attachment = Vedlegg.objects.create(
        element=element, title="Plan", file="x.pdf", content_type="application/pdf", size=1
    )
    link = element.links.create(title="Bufdir", url="https://bufdir.no")
    return [
        ("get", "/ansatt/innhold/"),
        ("get", f"/ansatt/innhold/{kind}/"),
        ("get", f"/ansatt/innhold/{kind}/ny/"),
        ("post", f"/ansatt/innhold/{kind}/ny/"),
        ("get", f"/ansatt/innhold/{kind}/{pk}/"),
        ("post", f"/ansatt/innhold/{kind}/{pk}/"),
        ("post", f"/ansatt/innhold/{kind}/{pk}/publiser/"),
        ("post", f"/ansatt/innhold/{kind}/{pk}/avpubliser/"),
        ("post", f"/ansatt/innhold/{kind}/{pk}/flytt/"),
        ("post", f"/ansatt/innhold/{kind}/{pk}/gjennomgatt/"),
        ("get", f"/ansatt/innhold/{kind}/{pk}/historikk/"),
        ("post", f"/ansatt/innhold/{kind}/{pk}/historikk/1/gjenopprett/"),
        ("post", f"/ansatt/innhold/{kind}/{pk}/vedlegg/"),
        ("post", f"/ansatt/innhold/{kind}/{pk}/vedlegg/{attachment.pk}/slett/"),
        ("post", f"/ansatt/innhold/{kind}/{pk}/lenker/"),
        ("post", f"/ansatt/innhold/{kind}/{pk}/lenker/{link.pk}/slett/"),
        ("get", "/ansatt/arshjul/"),
        ("get", "/ansatt/innhold/side/"),
    ]


def test_employee_gets_403_on_every_editing_url(client, employee, element):
    client.force_login(employee)
    for method, url in editing_urls(element):
        response = getattr(client, method)(url, form_data())
        assert response.status_code == 403, (method, url, response.status_code)
    element.refresh_from_db()
    assert element.body == "Gammel tekst"


def test_anonymous_visitor_is_sent_to_login_from_every_editing_url(client, element):
    for method, url in editing_urls(element):
        response = getattr(client, method)(url, form_data())
        assert response.status_code == 302, (method, url)
        assert "/ansatt/logg-inn/" in response["Location"]


def test_leader_gets_403_on_coordinator_only_urls(client, leader, tjeneste):
    own_draft = ElementFactory(status="draft", owner_tjeneste=tjeneste)
    client.force_login(leader)
    for url in [
        f"/ansatt/innhold/element/{own_draft.pk}/publiser/",
        f"/ansatt/innhold/element/{own_draft.pk}/flytt/",
        f"/ansatt/innhold/element/{own_draft.pk}/gjennomgatt/",
    ]:
        assert client.post(url, {"direction": "up", "months": 12}).status_code == 403, url
    assert client.get("/ansatt/arshjul/").status_code == 403
    own_draft.refresh_from_db()
    assert own_draft.status == "draft"


def test_leader_creates_a_draft_for_own_service(client, leader, tjeneste):
    client.force_login(leader)
    response = client.post("/ansatt/innhold/element/ny/", form_data(owner_tjeneste=tjeneste.pk))
    assert response.status_code == 302
    created = Element.objects.get(title="Rutine for overgang")
    assert created.status == "draft"
    assert created.slug == "rutine-for-overgang"
    assert created.owner_tjeneste == tjeneste
    assert created.history.first().history_user == leader


def test_leader_cannot_make_another_service_the_owner(client, leader):
    other = TjenesteFactory(name="Annen tjeneste")
    client.force_login(leader)
    response = client.post("/ansatt/innhold/element/ny/", form_data(owner_tjeneste=other.pk))
    assert response.status_code == 400
    assert not Element.objects.filter(title="Rutine for overgang").exists()


def test_leader_edits_own_draft_but_not_other_services_drafts(client, leader, tjeneste):
    own = ElementFactory(status="draft", owner_tjeneste=tjeneste)
    foreign = ElementFactory(status="draft", owner_tjeneste=TjenesteFactory(name="PPT"))
    client.force_login(leader)
    assert client.get(f"/ansatt/innhold/element/{own.pk}/").status_code == 200
    assert client.get(f"/ansatt/innhold/element/{foreign.pk}/").status_code == 403
    response = client.post(
        f"/ansatt/innhold/element/{foreign.pk}/", form_data(owner_tjeneste=tjeneste.pk)
    )
    assert response.status_code == 403


def test_leaders_edit_of_own_published_element_waits_for_approval(client, leader, tjeneste):
    published = ElementFactory(status="published", owner_tjeneste=tjeneste, body="Publisert")
    client.force_login(leader)
    url = f"/ansatt/innhold/element/{published.pk}/"
    assert client.get(url).status_code == 200
    data = form_data(title=published.title, slug=published.slug, nivaa=published.nivaa)
    response = client.post(url, {**data, "owner_tjeneste": tjeneste.pk, "body": "Forslag"})
    assert response.status_code == 302
    published.refresh_from_db()
    assert published.body == "Publisert"
    assert Endringsforslag.objects.get().values["body"] == "Forslag"


def test_leader_list_shows_only_own_services_elements(client, leader, tjeneste):
    ElementFactory(title="Eget element", owner_tjeneste=tjeneste, status="draft")
    ElementFactory(title="Koordinatorens element")
    client.force_login(leader)
    content = client.get("/ansatt/innhold/element/").content.decode()
    assert "Eget element" in content
    assert "Koordinatorens element" not in content


def test_coordinator_publishes_and_the_element_goes_public(client, coordinator):
    draft = ElementFactory(status="draft", title="Ny rutine")
    client.force_login(coordinator)
    assert client.post(f"/ansatt/innhold/element/{draft.pk}/publiser/").status_code == 302
    draft.refresh_from_db()
    assert draft.status == "published"
    assert draft.last_reviewed is not None
    assert client.get(f"/modell/{draft.slug}/").status_code == 200
    client.post(f"/ansatt/innhold/element/{draft.pk}/avpubliser/")
    assert client.get(f"/modell/{draft.slug}/").status_code == 404


def test_invalid_form_gives_400_with_norwegian_message_and_saves_nothing(client, coordinator):
    client.force_login(coordinator)
    response = client.post("/ansatt/innhold/element/ny/", form_data(title="", summary=""))
    assert response.status_code == 400
    assert "Feltet er påkrevet" in response.content.decode()
    assert Element.objects.count() == 0


def test_arena_without_mandate_is_refused(client, coordinator):
    client.force_login(coordinator)
    response = client.post("/ansatt/innhold/element/ny/", form_data(type="samhandlingsarena"))
    assert response.status_code == 400
    assert "mandat" in response.content.decode()


def test_duplicate_short_name_is_refused(client, coordinator, element):
    client.force_login(coordinator)
    response = client.post("/ansatt/innhold/element/ny/", form_data(slug=element.slug))
    assert response.status_code == 400
    assert element.slug in response.content.decode()


def test_preview_renders_without_saving(client, coordinator, element):
    client.force_login(coordinator)
    response = client.post(
        f"/ansatt/innhold/element/{element.pk}/",
        form_data(title=element.title, slug=element.slug, body="**Ny tekst**", preview="1"),
    )
    assert response.status_code == 200
    assert "<strong>Ny tekst</strong>" in response.content.decode()
    element.refresh_from_db()
    assert element.body == "Gammel tekst"


def test_restore_brings_back_earlier_text_and_history_shows_both_changes(client, coordinator):
    # A draft: its edits and restores are saved at once (a published item's wait for approval,
    # tests/test_content_drafts.py).
    element = ElementFactory(title="Forebyggende forum", body="Gammel tekst", status="draft")
    client.force_login(coordinator)
    data = form_data(title=element.title, slug=element.slug, nivaa=element.nivaa)
    client.post(f"/ansatt/innhold/element/{element.pk}/", {**data, "body": "Andre tekst"})
    client.post(f"/ansatt/innhold/element/{element.pk}/", {**data, "body": "Tredje tekst"})
    versions = list(element.history.order_by("history_date"))
    assert [v.body for v in versions] == ["Gammel tekst", "Andre tekst", "Tredje tekst"]

    history = client.get(f"/ansatt/innhold/element/{element.pk}/historikk/").content.decode()
    assert "</span>Gammel</del>" in history
    assert "</span>Andre</ins>" in history
    assert "</span>Tredje</ins>" in history

    response = client.post(
        f"/ansatt/innhold/element/{element.pk}/historikk/{versions[0].history_id}/gjenopprett/"
    )
    assert response.status_code == 302
    element.refresh_from_db()
    assert element.body == "Gammel tekst"
    assert element.history.count() == 4
    assert "Gjenopprettet" in element.history.first().history_change_reason


def test_restore_of_unknown_version_is_404(client, coordinator, element):
    client.force_login(coordinator)
    url = f"/ansatt/innhold/element/{element.pk}/historikk/999999/gjenopprett/"
    assert client.post(url).status_code == 404


def test_move_swaps_order_within_the_level(client, coordinator):
    first = ElementFactory(nivaa="kommune", order=1)
    second = ElementFactory(nivaa="kommune", order=2)
    client.force_login(coordinator)
    client.post(f"/ansatt/innhold/element/{second.pk}/flytt/", {"direction": "up"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.order < first.order


def test_move_with_unknown_direction_is_400(client, coordinator, element):
    client.force_login(coordinator)
    response = client.post(f"/ansatt/innhold/element/{element.pk}/flytt/", {"direction": "x"})
    assert response.status_code == 400


def test_mark_reviewed_stamps_today_and_sets_next_review(client, coordinator, element):
    client.force_login(coordinator)
    client.post(f"/ansatt/innhold/element/{element.pk}/gjennomgatt/", {"months": 6})
    element.refresh_from_db()
    from django.utils import timezone

    today = timezone.localdate()
    assert element.last_reviewed == today
    assert element.review_due.month == (today.month + 5) % 12 + 1


def test_mark_reviewed_with_bad_interval_is_400(client, coordinator, element):
    client.force_login(coordinator)
    url = f"/ansatt/innhold/element/{element.pk}/gjennomgatt/"
    assert client.post(url, {"months": "abc"}).status_code == 400
    assert client.post(url, {"months": 7}).status_code == 400


def test_mark_reviewed_ignores_an_outside_next_address(client, coordinator, element):
    client.force_login(coordinator)
    response = client.post(
        f"/ansatt/innhold/element/{element.pk}/gjennomgatt/",
        {"months": 12, "next": "https://evil.example/"},
    )
    assert response["Location"] == "/ansatt/innhold/element/"


def test_attachment_upload_is_stored_and_downloadable(
    client, coordinator, element, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(coordinator)
    upload = SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf")
    response = client.post(
        f"/ansatt/innhold/element/{element.pk}/vedlegg/", {"title": "Planen", "file": upload}
    )
    assert response.status_code == 302
    # The element is published: the attachment waits in a proposal until it is approved.
    assert not element.attachments.exists()
    proposal = Endringsforslag.objects.get(object_id=element.pk, state="pending")
    assert services.revision_approve(proposal=proposal, user=coordinator)
    vedlegg = element.attachments.get()
    client.logout()
    download = client.get(f"/modell/{element.slug}/vedlegg/{vedlegg.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_bad_attachment_gives_400_and_saves_nothing(
    client, coordinator, element, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(coordinator)
    upload = SimpleUploadedFile("plan.pdf", b"MZ not a pdf")
    response = client.post(
        f"/ansatt/innhold/element/{element.pk}/vedlegg/", {"title": "Planen", "file": upload}
    )
    assert response.status_code == 400
    assert "gyldig PDF" in response.content.decode()
    assert not element.attachments.exists()
    assert not any(tmp_path.rglob("*.pdf"))


def test_staff_only_attachment_is_hidden_from_the_public(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    element = ElementFactory(audience="staff")
    vedlegg = Vedlegg.objects.create(
        element=element,
        title="Intern",
        content_type="x",
        size=1,
        file=SimpleUploadedFile("intern.pdf", PDF),
    )
    assert client.get(f"/modell/{element.slug}/vedlegg/{vedlegg.pk}/").status_code == 404


def test_arshjul_lists_overdue_and_due_soon(client, coordinator):
    today = datetime.date.today()
    ElementFactory(title="Forfalt", review_due=today - datetime.timedelta(days=3))
    ElementFactory(title="Snart", review_due=today + datetime.timedelta(days=10))
    ElementFactory(title="Senere", review_due=today + datetime.timedelta(days=90))
    client.force_login(coordinator)
    content = client.get("/ansatt/arshjul/").content.decode()
    # "Due now" at the top of the year lists what is overdue or due within 30 days; the
    # months below show the whole year, later reviews included.
    due_now = content.split('id="now-heading"')[1].split('id="month-1"')[0]
    assert due_now.index("Forfalt") < due_now.index("Snart")
    assert "Senere" not in due_now


def test_content_navigation_appears_for_coordinator_and_leader_only(
    client, coordinator, leader, employee
):
    client.force_login(employee)
    assert 'href="/ansatt/innhold/"' not in client.get("/ansatt/").content.decode()
    client.force_login(leader)
    assert 'href="/ansatt/innhold/"' in client.get("/ansatt/").content.decode()
    client.force_login(coordinator)
    content = client.get("/ansatt/").content.decode()
    assert 'href="/ansatt/arshjul/"' in content


def test_other_service_employee_cannot_use_leader_rights(client, leader, tjeneste):
    outsider = BrukerFactory()
    grant_role(outsider, TjenesteFactory(name="Annen"), "ansatt")
    draft = ElementFactory(status="draft", owner_tjeneste=tjeneste)
    client.force_login(outsider)
    assert client.get(f"/ansatt/innhold/element/{draft.pk}/").status_code == 403
