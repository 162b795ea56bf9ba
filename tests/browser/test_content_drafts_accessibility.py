"""axe-core: the pages of change proposals (the edit page's notice, the proposal with its
diff and decisions, the list, the restore confirmation) have no WCAG 2.1 A/AA violations,
and the coordinator approves a proposal with the keyboard-reachable button."""

import pytest
from django.utils.translation import gettext

from bts_portal.content import services
from organisasjon.demo import DEMO_PASSWORD
from organisasjon.models import Bruker
from samhandling.models import Element

from .conftest import DESKTOP, PHONE, assert_pages_accessible, log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_proposal_pages_have_no_wcag_violations_and_approval_publishes(
    demo, open_page, live_server, viewport
):
    element = Element.objects.get(slug="forebyggende-forum")
    coordinator = Bruker.objects.get(username="koordinator")
    element.body = f"{element.body}\n\nEn ny setning."
    services.content_save(obj=element, user=coordinator)
    proposal = services.revision_propose(
        obj=element, user=coordinator, values={"summary": "Et nytt sammendrag for foreldre."}
    )
    first = element.history.earliest()
    page = open_page("/ansatt/logg-inn/", viewport=viewport)
    log_in(page, live_server, "koordinator", DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/ansatt/")
    paths = [
        "/ansatt/innhold/",
        "/ansatt/innhold/endringsforslag/",
        f"/ansatt/innhold/endringsforslag/{proposal.pk}/",
        f"/ansatt/innhold/element/{element.pk}/",
        f"/ansatt/innhold/element/{element.pk}/historikk/",
        f"/ansatt/innhold/element/{element.pk}/historikk/{first.history_id}/gjenopprett/",
    ]
    assert_pages_accessible(page, live_server, viewport, paths)
    page.goto(f"{live_server.url}/ansatt/innhold/endringsforslag/{proposal.pk}/")
    page.get_by_role("button", name=gettext("Approve and publish")).click()
    page.wait_for_url(f"**/endringsforslag/{proposal.pk}/")
    element.refresh_from_db()
    assert element.summary == "Et nytt sammendrag for foreldre."
