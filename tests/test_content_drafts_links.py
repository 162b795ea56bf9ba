"""Drafts of changes for an element's links and attachments: on a published element a change
to them is part of its change proposal, the public keeps the published ones until approval,
a pending file is not served, and a rejected proposal leaves no file behind."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils.html import escape
from django.utils.translation import gettext

from bts_portal.content import services, snapshot
from bts_portal.content.models import Endringsforslag, Forslagsstatus
from samhandling.models import Element, ElementLenke, Vedlegg

from .factories import BrukerFactory, ElementFactory
from .test_content_drafts import public_text as page

pytestmark = pytest.mark.django_db

NOT_RESTORED = (
    "Links and attachments have no history: a restore brings back the text and settings only, "
    "and leaves the links and attachments as they are (a waiting change to them stays in the "
    "proposal)."
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


@pytest.fixture
def element(tjeneste):
    element = ElementFactory(
        title="Forebyggende forum", slug="forebyggende-forum", owner_tjeneste=tjeneste
    )
    element.links.create(title="Bufdir", url="https://bufdir.no/", order=1)
    return element


def pending(element):
    return Endringsforslag.objects.filter(object_id=element.pk, state=Forslagsstatus.PENDING)


def upload(name="plan.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def add_link(client, element, title="Helsenorge", url="https://helsenorge.no/", **extra):
    return client.post(
        f"/ansatt/innhold/element/{element.pk}/lenker/", {"title": title, "url": url, **extra}
    )


def test_a_new_link_on_a_published_element_is_a_proposal_of_the_whole_link_set(
    client, leader, element
):
    client.force_login(leader)
    assert add_link(client, element).status_code == 302
    assert list(element.links.values_list("title", flat=True)) == ["Bufdir"]
    proposal = pending(element).get()
    titles = [entry["title"] for entry in proposal.values["links"]]
    assert titles == ["Bufdir", "Helsenorge"]
    assert proposal.values["links"][0]["id"] == element.links.get().pk
    assert proposal.base["links"] == snapshot.children_values(element, "links")


def test_the_link_entries_carry_every_field_of_the_link_model(client, coordinator, element):
    """Derived from the model: a column added to the links is carried without a field list."""
    client.force_login(coordinator)
    add_link(client, element)
    entry = pending(element).get().values["links"][-1]
    fields = {f.name for f in ElementLenke._meta.concrete_fields} - {"id", "element"}
    assert fields <= set(entry)


@pytest.mark.parametrize("viewer", ["anonymous", "leader", "coordinator"])
def test_everyone_sees_the_published_links_until_approval(
    client, viewer, coordinator, leader, element
):
    client.force_login(leader)
    add_link(client, element, title="Helsenorge-lenken")
    client.post(f"/ansatt/innhold/element/{element.pk}/lenker/{element.links.get().pk}/slett/")
    assert "links" in pending(element).get().values
    user = {"anonymous": None, "leader": leader, "coordinator": coordinator}[viewer]
    public = page(f"/modell/{element.slug}/", user)
    assert "https://bufdir.no/" in public
    assert "Helsenorge-lenken" not in public
    if user is not None:
        staff = page(f"/ansatt/modell/{element.slug}/", user)
        assert "https://bufdir.no/" in staff
        assert "Helsenorge-lenken" not in staff
    services.revision_approve(proposal=pending(element).get(), user=coordinator)
    public = page(f"/modell/{element.slug}/", user)
    assert "Helsenorge-lenken" in public
    assert "https://bufdir.no/" not in public


def test_the_edit_page_shows_the_proposed_links_and_the_diff_shows_the_change(
    client, coordinator, leader, element
):
    client.force_login(leader)
    add_link(client, element, title="Helsenorge-lenken")
    proposal = pending(element).get()
    edit = client.get(f"/ansatt/innhold/element/{element.pk}/").content.decode()
    assert "Helsenorge-lenken" in edit
    assert escape(gettext("new in the proposal")) in edit
    client.force_login(coordinator)
    detail = client.get(f"/ansatt/innhold/endringsforslag/{proposal.pk}/").content.decode()
    assert "Helsenorge-lenken" in detail.split("<ins>", 1)[1]
    listing = client.get("/ansatt/innhold/endringsforslag/").content.decode()
    assert str(ElementLenke._meta.verbose_name_plural).capitalize() in listing


def test_a_link_change_and_a_text_change_share_one_proposal(client, leader, element):
    client.force_login(leader)
    services.revision_propose(obj=element, user=leader, values={"body": "Ny tekst"})
    add_link(client, element)
    proposal = pending(element).get()
    assert proposal.values["body"] == "Ny tekst"
    assert [e["title"] for e in proposal.values["links"]] == ["Bufdir", "Helsenorge"]
    services.revision_propose(obj=element, user=leader, values={"body": "Nyere tekst"})
    proposal.refresh_from_db()
    assert proposal.values["body"] == "Nyere tekst"
    assert "links" in proposal.values


def test_a_link_added_to_a_proposal_can_be_removed_from_it(client, leader, element):
    client.force_login(leader)
    add_link(client, element)
    ref = pending(element).get().values["links"][-1]["ref"]
    url = f"/ansatt/innhold/element/{element.pk}/forslag/links/{ref}/fjern/"
    assert client.post(url).status_code == 302
    # Back to the published set: nothing is left to propose.
    assert not pending(element).exists()
    assert client.post(url).status_code == 302


def test_a_repeated_add_link_post_adds_it_once(client, leader, element):
    client.force_login(leader)
    add_link(client, element)
    add_link(client, element)
    assert [e["title"] for e in pending(element).get().values["links"]] == ["Bufdir", "Helsenorge"]


def test_another_persons_link_change_does_not_silently_replace_a_proposal(
    client, coordinator, leader, element
):
    client.force_login(leader)
    add_link(client, element)
    proposal = pending(element).get()
    client.force_login(coordinator)
    add_link(client, element, title="Udir", url="https://udir.no/")
    assert pending(element).get().pk == proposal.pk
    assert [e["title"] for e in pending(element).get().values["links"]] == ["Bufdir", "Helsenorge"]
    # Built on the proposal the page showed: it replaces it and keeps its link.
    add_link(client, element, title="Udir", url="https://udir.no/", forslag=proposal.pk)
    newer = pending(element).get()
    assert newer.pk != proposal.pk
    assert [e["title"] for e in newer.values["links"]] == ["Bufdir", "Helsenorge", "Udir"]


def test_on_a_draft_element_links_change_at_once(client, coordinator, tjeneste):
    element = ElementFactory(status="draft", owner_tjeneste=tjeneste)
    client.force_login(coordinator)
    add_link(client, element)
    assert list(element.links.values_list("title", flat=True)) == ["Helsenorge"]
    assert not pending(element).exists()


def test_approving_twice_applies_the_link_set_once(client, coordinator, leader, element):
    client.force_login(leader)
    add_link(client, element)
    proposal = pending(element).get()
    client.force_login(coordinator)
    url = f"/ansatt/innhold/endringsforslag/{proposal.pk}/godkjenn/"
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302
    assert list(element.links.values_list("title", flat=True)) == ["Bufdir", "Helsenorge"]
    assert ElementLenke.objects.count() == 2


def test_a_stale_link_proposal_is_refused(client, coordinator, leader, element):
    client.force_login(leader)
    add_link(client, element)
    proposal = pending(element).get()
    element.links.create(title="Direkte", url="https://example.no/", order=5)
    client.force_login(coordinator)
    response = client.post(f"/ansatt/innhold/endringsforslag/{proposal.pk}/godkjenn/")
    assert response.status_code == 409
    assert element.links.count() == 2


# --- Attachments ---------------------------------------------------------------------------


def add_attachment(client, element, title="Planen", name="plan.pdf", **extra):
    return client.post(
        f"/ansatt/innhold/element/{element.pk}/vedlegg/",
        {"title": title, "file": upload(name), **extra},
    )


def test_a_pending_attachment_is_not_served_and_appears_on_approval(
    client, coordinator, leader, element, media
):
    client.force_login(leader)
    assert add_attachment(client, element).status_code == 302
    assert not Vedlegg.objects.exists()
    entry = pending(element).get().values["attachments"][0]
    assert (media / entry["file"]).exists()
    assert entry["size"] == len(PDF)
    assert entry["uploaded_by"] == leader.pk
    for user in (None, leader, coordinator):
        assert "Planen" not in page(f"/modell/{element.slug}/", user)
    # No row, so no address serves it; the public download knows only stored rows.
    assert Client().get(f"/modell/{element.slug}/vedlegg/1/").status_code == 404
    assert services.revision_approve(proposal=pending(element).get(), user=coordinator)
    vedlegg = element.attachments.get()
    assert vedlegg.file.name == entry["file"]
    assert vedlegg.uploaded_by == leader
    download = Client().get(f"/modell/{element.slug}/vedlegg/{vedlegg.pk}/")
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_the_pending_file_is_served_to_the_proposals_readers_only(
    client, coordinator, leader, employee, element, media
):
    client.force_login(leader)
    add_attachment(client, element)
    proposal = pending(element).get()
    ref = proposal.values["attachments"][0]["ref"]
    url = f"/ansatt/innhold/endringsforslag/{proposal.pk}/fil/attachments/{ref}/"
    client.force_login(coordinator)
    detail = client.get(f"/ansatt/innhold/endringsforslag/{proposal.pk}/").content.decode()
    assert f'href="{url}"' in detail
    download = client.get(url)
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    assert Client().get(url).status_code == 302  # to the login page
    other = Client()
    other.force_login(employee)
    assert other.get(url).status_code == 403
    assert client.get(url.replace(ref, "ukjent")).status_code == 404
    services.revision_reject(proposal=proposal, user=coordinator, reason="Nei")
    assert client.get(url).status_code == 404


def test_rejecting_deletes_the_pending_file_and_keeps_the_published_one(
    client, coordinator, leader, element, media, django_capture_on_commit_callbacks
):
    published = Vedlegg.objects.create(
        element=element, title="Gammel", file=upload("gammel.pdf"), content_type="x", size=1
    )
    client.force_login(leader)
    add_attachment(client, element)
    proposal = pending(element).get()
    new_file = next(e["file"] for e in proposal.values["attachments"] if e["id"] is None)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.revision_reject(proposal=proposal, user=coordinator, reason="Nei")
    assert not (media / new_file).exists()
    assert (media / published.file.name).exists()


def test_withdrawing_by_removing_the_new_attachment_deletes_its_file(
    client, leader, element, media, django_capture_on_commit_callbacks
):
    client.force_login(leader)
    add_attachment(client, element)
    entry = pending(element).get().values["attachments"][0]
    url = f"/ansatt/innhold/element/{element.pk}/forslag/attachments/{entry['ref']}/fjern/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert not pending(element).exists()
    assert not (media / entry["file"]).exists()


def test_a_refused_attachment_proposal_leaves_no_file(client, coordinator, leader, element, media):
    services.revision_propose(obj=element, user=coordinator, values={"body": "Koordinatorens"})
    client.force_login(leader)
    add_attachment(client, element)
    assert "attachments" not in pending(element).get().values
    assert not any(media.rglob("*.pdf"))


def test_approving_a_removed_attachment_deletes_its_file(
    client, coordinator, leader, element, media, django_capture_on_commit_callbacks
):
    vedlegg = Vedlegg.objects.create(
        element=element, title="Gammel", file=upload("gammel.pdf"), content_type="x", size=1
    )
    client.force_login(leader)
    client.post(f"/ansatt/innhold/element/{element.pk}/vedlegg/{vedlegg.pk}/slett/")
    assert Vedlegg.objects.filter(pk=vedlegg.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.revision_approve(proposal=pending(element).get(), user=coordinator)
    assert not Vedlegg.objects.filter(pk=vedlegg.pk).exists()
    assert not (media / vedlegg.file.name).exists()


def test_the_restore_page_says_links_and_attachments_are_not_restored(client, coordinator, element):
    services.content_save(obj=element, user=coordinator)
    record = element.history.last()
    client.force_login(coordinator)
    response = client.get(
        f"/ansatt/innhold/element/{element.pk}/historikk/{record.history_id}/gjenopprett/"
    )
    assert escape(gettext(NOT_RESTORED)) in response.content.decode()


def test_a_restore_keeps_a_waiting_link_change(client, coordinator, element):
    services.content_save(obj=element, user=coordinator)
    record = element.history.order_by("history_date").first()
    client.force_login(coordinator)
    add_link(client, element)
    client.post(f"/ansatt/innhold/element/{element.pk}/historikk/{record.history_id}/gjenopprett/")
    proposal = pending(element).get()
    assert [e["title"] for e in proposal.values["links"]] == ["Bufdir", "Helsenorge"]


# --- A real race (PostgreSQL: each thread its own connection, so the row locks contend) ----


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_approvals_of_a_link_change_at_the_same_moment_apply_it_once(racing_coordinators):
    from .test_case_races import ROUNDS, race

    first, second = racing_coordinators
    for round_ in range(ROUNDS):
        element = ElementFactory()
        entries = [
            snapshot.child_entry(Element, "links", title=f"Lenke {round_}", url="https://a.no/")
        ]
        proposal = services.revision_propose(obj=element, user=first, values={"links": entries})
        url = f"/ansatt/innhold/endringsforslag/{proposal.pk}/godkjenn/"
        assert race([(first, url, {}), (second, url, {})]) == [302, 302]
        assert list(element.links.values_list("title", flat=True)) == [f"Lenke {round_}"]
        assert element.history.count() == 2


# --- The demo ------------------------------------------------------------------------------


def test_the_demo_has_waiting_proposals_for_the_coordinator_once(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    from io import StringIO

    from django.core.management import call_command

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=StringIO())
        call_command("load_demo", stdout=StringIO())
    waiting = Endringsforslag.objects.filter(state=Forslagsstatus.PENDING)
    by_author = {p.author.username: p for p in waiting.select_related("author")}
    assert set(by_author) == {"leder.barnehage", "leder.skole"}
    assert set(by_author["leder.barnehage"].values) == {"summary", "body"}
    link = by_author["leder.skole"].values["links"][-1]
    assert link["id"] is None
    assert link["url"].startswith("https://")
    assert mailoutbox == []  # the demo's proposals tell nobody
    coordinator = type(by_author["leder.skole"].author).objects.get(username="koordinator")
    client.force_login(coordinator)
    listing = client.get("/ansatt/innhold/endringsforslag/").content.decode()
    assert "Språkgrupper i barnehagen" in listing
    assert "Tverrfaglig team på skolene" in listing
    detail = client.get(f"/ansatt/innhold/endringsforslag/{by_author['leder.skole'].pk}/")
    assert link["title"].split()[0] in detail.content.decode()


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_links_added_at_the_same_moment_both_wait_and_a_double_post_adds_one():
    from .services import require_postgresql
    from .test_case_races import ROUNDS, race

    require_postgresql()
    author = BrukerFactory(username="koordinator", is_bts_coordinator=True)
    for _ in range(ROUNDS):
        element = ElementFactory()
        url = f"/ansatt/innhold/element/{element.pk}/lenker/"
        first = {"title": "Bufdir", "url": "https://bufdir.no/"}
        second = {"title": "Udir", "url": "https://udir.no/"}
        assert race([(author, url, first), (author, url, second)]) == [302, 302]
        assert race([(author, url, first), (author, url, first)]) == [302, 302]
        titles = sorted(e["title"] for e in pending(element).get().values["links"])
        assert titles == ["Bufdir", "Udir"]
        assert not element.links.exists()
