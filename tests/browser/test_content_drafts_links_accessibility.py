"""axe-core: an element's links and attachments as a waiting proposal has them (the edit page
with the proposed set, the proposal page with the link diff and the new file) have no WCAG
2.1 A/AA violations, and the coordinator removes a proposed link with the keyboard."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext

from bts_portal.content import services, snapshot
from bts_portal.content.models import Endringsforslag
from organisasjon.demo import DEMO_PASSWORD
from organisasjon.models import Bruker
from samhandling.models import Element, Vedlegg

from .conftest import DESKTOP, PHONE, assert_pages_accessible, log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_proposed_links_and_attachments_have_no_wcag_violations(
    demo, open_page, live_server, viewport, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    element = Element.objects.get(slug="tverrfaglig-team-skole")
    leader = Bruker.objects.get(username="leder.skole")
    proposal = Endringsforslag.objects.get(object_id=element.pk, author=leader, state="pending")
    storage = Vedlegg._meta.get_field("file").storage
    pdf = SimpleUploadedFile("rutine.pdf", b"%PDF-1.4")
    stored = storage.save(f"samhandling/{element.pk}/rutine.pdf", pdf)
    attachment = snapshot.child_entry(
        Element, "attachments", title="Rutine for teamet", file=stored,
        content_type="application/pdf", size=8, uploaded_by=leader.pk,
    )  # fmt: skip
    services.revision_propose(obj=element, user=leader, values={"attachments": [attachment]})
    proposal.refresh_from_db()
    page = open_page("/ansatt/logg-inn/", viewport=viewport)
    log_in(page, live_server, "koordinator", DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/ansatt/")
    paths = [
        f"/ansatt/innhold/element/{element.pk}/",
        f"/ansatt/innhold/endringsforslag/{proposal.pk}/",
    ]
    assert_pages_accessible(page, live_server, viewport, paths)
    link_title = proposal.values["links"][-1]["title"]
    page.goto(f"{live_server.url}/ansatt/innhold/element/{element.pk}/")
    # The button's name is "Remove" and, visually hidden, which link (a substring match).
    button = page.get_by_role("button", name=link_title)
    assert button.inner_text().startswith(gettext("Remove"))
    button.focus()
    with page.expect_navigation():  # the POST, then the redirect back to the same page
        page.keyboard.press("Enter")
    page.wait_for_load_state()
    # The coordinator's change builds on the leader's proposal and replaces it, keeping the rest.
    proposal.refresh_from_db()
    assert proposal.state == "superseded"
    newer = Endringsforslag.objects.get(object_id=element.pk, state="pending")
    assert "links" not in newer.values
    assert [e["title"] for e in newer.values["attachments"]] == ["Rutine for teamet"]
