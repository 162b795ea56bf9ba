"""Drafts of changes: an edit or a restore of published content is a proposal that waits for
approval, the public sees the published text until it is approved, and approval happens
once, by the right person, and never over a change made since."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from django.utils.translation import gettext, ngettext

from bts_portal.content import services, snapshot
from bts_portal.content.models import Endringsforslag, Forslagsstatus
from samhandling.models import Element

from .factories import BrukerFactory, ElementFactory, TemaFactory, TiltakFactory, grant_role

pytestmark = pytest.mark.django_db


def t(msgid: str, **values) -> str:
    """A message as the page shows it, in the active language (escaped for HTML)."""
    text = gettext(msgid)
    return escape(text % values if values else text)


def element_data(element, **overrides):
    data = {
        "nivaa": element.nivaa, "type": element.type, "audience": element.audience,
        "title": element.title, "slug": element.slug, "summary": element.summary,
        "body": element.body, "case_mode": "",
        "owner_tjeneste": element.owner_tjeneste_id or "",
    }  # fmt: skip
    data.update(overrides)
    return data


def measure_data(measure, **overrides):
    data = {
        "tjeneste": measure.tjeneste_id, "title": measure.title, "slug": measure.slug,
        "summary": measure.summary, "body": measure.body, "age_min": measure.age_min,
        "age_max": measure.age_max, "access": measure.access,
    }  # fmt: skip
    data.update(overrides)
    return data


@pytest.fixture
def element(db):
    return ElementFactory(
        title="Forebyggende forum", slug="forebyggende-forum", body="Gammel tekst"
    )


@pytest.fixture
def measure(tjeneste):
    return TiltakFactory(
        tjeneste=tjeneste, title="Foreldrekurs", slug="foreldrekurs", summary="Kurs for foreldre."
    )


@pytest.fixture
def local_admin(tjeneste):
    user = BrukerFactory(username="lokaladmin", first_name="Lise", last_name="Lokal")
    grant_role(user, tjeneste, "lokal_administrator")
    return user


def waits(count: int) -> str:
    return escape(
        ngettext(
            "%(counter)s change proposal waits for your approval",
            "%(counter)s change proposals wait for your approval",
            count,
        )
        % {"counter": count}
    )


def pending_for(obj):
    return Endringsforslag.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, state="pending"
    )


def approve(client, proposal):
    return client.post(f"/ansatt/innhold/endringsforslag/{proposal.pk}/godkjenn/")


def public_text(url, user=None) -> str:
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


# --- Proposing ------------------------------------------------------------------------------


def test_editing_a_published_element_stores_a_proposal_of_the_changed_field_only(
    client, coordinator, element
):
    client.force_login(coordinator)
    response = client.post(
        f"/ansatt/innhold/element/{element.pk}/", element_data(element, body="Ny tekst")
    )
    proposal = pending_for(element).get()
    assert response["Location"] == f"/ansatt/innhold/endringsforslag/{proposal.pk}/"
    assert proposal.values == {"body": "Ny tekst"}
    assert proposal.base == {"body": "Gammel tekst"}
    assert proposal.author == coordinator
    element.refresh_from_db()
    assert element.body == "Gammel tekst"
    assert element.history.count() == 1


@pytest.mark.parametrize("viewer", ["anonymous", "coordinator", "leader"])
def test_a_waiting_proposal_is_invisible_on_the_public_page_until_approved(
    client, coordinator, leader, element, viewer
):
    user = {"anonymous": None, "coordinator": coordinator, "leader": leader}[viewer]
    url = element.get_absolute_url()
    client.force_login(coordinator)
    client.post(
        f"/ansatt/innhold/element/{element.pk}/", element_data(element, body="Helt ny tekst")
    )
    page = public_text(url, user)
    assert "Gammel tekst" in page
    assert "Helt ny tekst" not in page

    proposal = pending_for(element).get()
    assert approve(client, proposal).status_code == 302
    page = public_text(url, user)
    assert "Helt ny tekst" in page
    assert "Gammel tekst" not in page


def test_editing_a_draft_saves_it_directly(client, coordinator):
    draft = ElementFactory(status="draft", body="Utkast")
    client.force_login(coordinator)
    response = client.post(
        f"/ansatt/innhold/element/{draft.pk}/", element_data(draft, body="Endret utkast")
    )
    assert response["Location"] == f"/ansatt/innhold/element/{draft.pk}/"
    draft.refresh_from_db()
    assert draft.body == "Endret utkast"
    assert not Endringsforslag.objects.exists()


def test_the_same_author_saving_again_updates_their_proposal(client, coordinator, element):
    client.force_login(coordinator)
    url = f"/ansatt/innhold/element/{element.pk}/"
    client.post(url, element_data(element, body="Første forslag"))
    first = pending_for(element).get()
    client.post(url, element_data(element, body="Andre forslag", forslag=first.pk))
    client.post(url, element_data(element, body="Andre forslag", forslag=first.pk))
    assert Endringsforslag.objects.count() == 1
    assert pending_for(element).get().values == {"body": "Andre forslag"}


def test_saving_the_published_text_again_withdraws_the_authors_proposal(
    client, coordinator, element
):
    client.force_login(coordinator)
    url = f"/ansatt/innhold/element/{element.pk}/"
    client.post(url, element_data(element, body="Forslag"))
    proposal = pending_for(element).get()
    response = client.post(url, element_data(element, forslag=proposal.pk), follow=True)
    assert t("Nothing differs from the published version: nothing was saved.") in (
        response.content.decode()
    )
    proposal.refresh_from_db()
    assert proposal.state == Forslagsstatus.WITHDRAWN


def test_the_edit_page_says_a_change_waits_and_starts_from_the_proposal(
    client, coordinator, element
):
    client.force_login(coordinator)
    url = f"/ansatt/innhold/element/{element.pk}/"
    page = client.get(url).content.decode()
    assert (
        t(
            "When you save, your change becomes a proposal that waits for approval. Until it "
            "is approved, the public sees the published version."
        )
        in page
    )
    assert t("Save as a proposal") in page
    client.post(url, element_data(element, body="Foreslått tekst"))
    page = client.get(url).content.decode()
    assert t("A proposed change waits for approval") in page
    assert "Foreslått tekst" in page
    proposal = pending_for(element).get()
    assert f'name="forslag" value="{proposal.pk}"' in page


def test_another_persons_save_built_on_the_proposal_replaces_it_and_keeps_its_text(
    client, coordinator, leader, tjeneste
):
    element = ElementFactory(owner_tjeneste=tjeneste, body="Publisert")
    url = f"/ansatt/innhold/element/{element.pk}/"
    client.force_login(leader)
    client.post(url, element_data(element, body="Lederens tekst"))
    first = pending_for(element).get()
    client.force_login(coordinator)
    client.post(url, element_data(element, body="Lederens tekst, rettet", forslag=first.pk))
    first.refresh_from_db()
    second = pending_for(element).get()
    assert first.state == Forslagsstatus.SUPERSEDED
    assert first.values == {"body": "Lederens tekst"}
    assert second.supersedes == first
    assert second.author == coordinator
    page = client.get(f"/ansatt/innhold/endringsforslag/{first.pk}/").content.decode()
    reason = t(
        "Replaced by a newer proposal from %(name)s that builds on it.",
        name=coordinator.get_full_name(),
    )
    assert reason in page
    assert f"/ansatt/innhold/endringsforslag/{second.pk}/" in page


def test_another_persons_save_that_never_saw_the_proposal_is_refused_and_loses_nothing(
    client, coordinator, leader, tjeneste
):
    element = ElementFactory(owner_tjeneste=tjeneste, body="Publisert")
    url = f"/ansatt/innhold/element/{element.pk}/"
    client.force_login(leader)
    client.post(url, element_data(element, body="Lederens tekst"))
    client.force_login(coordinator)
    response = client.post(url, element_data(element, body="Koordinatorens tekst"))
    assert response.status_code == 409
    page = response.content.decode()
    assert (
        t(
            "%(name)s proposed a change to this item while you were editing. Your text is "
            "still in the form: compare it with their proposal, then save again to replace it.",
            name=leader.get_full_name(),
        )
        in page
    )
    assert "Koordinatorens tekst" in page  # the form keeps what they wrote
    assert 'id="error-summary"' in page
    proposal = pending_for(element).get()
    assert proposal.values == {"body": "Lederens tekst"}
    element.refresh_from_db()
    assert element.body == "Publisert"


def test_a_leader_proposes_a_change_to_their_own_published_element(client, leader, tjeneste):
    element = ElementFactory(owner_tjeneste=tjeneste, body="Publisert")
    client.force_login(leader)
    client.post(f"/ansatt/innhold/element/{element.pk}/", element_data(element, body="Forslag"))
    proposal = pending_for(element).get()
    assert approve(client, proposal).status_code == 403
    element.refresh_from_db()
    assert element.body == "Publisert"
    proposal.refresh_from_db()
    assert proposal.is_pending


# --- Measures and who approves --------------------------------------------------------------


def test_a_leaders_change_to_a_measure_waits_for_the_coordinator(
    client, leader, coordinator, measure
):
    client.force_login(leader)
    response = client.post(
        f"/ansatt/innhold/tiltak/{measure.pk}/", measure_data(measure, title="Foreldrekurs vår")
    )
    assert response.status_code == 302
    proposal = pending_for(measure).get()
    assert proposal.values == {"title": "Foreldrekurs vår"}
    assert "Foreldrekurs vår" not in public_text(measure.get_absolute_url())
    assert approve(client, proposal).status_code == 403
    measure.refresh_from_db()
    assert measure.title == "Foreldrekurs"

    client.force_login(coordinator)
    approve(client, proposal)
    measure.refresh_from_db()
    assert measure.title == "Foreldrekurs vår"
    record = measure.history.latest()
    assert record.history_user == coordinator
    assert leader.get_full_name() in record.history_change_reason
    proposal.refresh_from_db()
    assert (proposal.state, proposal.decided_by) == (Forslagsstatus.APPROVED, coordinator)


def test_without_the_setting_a_leader_cannot_publish_a_measure(client, leader, tjeneste):
    draft = TiltakFactory(tjeneste=tjeneste, status="draft")
    client.force_login(leader)
    assert client.post(f"/ansatt/innhold/tiltak/{draft.pk}/publiser/").status_code == 403
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_with_the_setting_the_service_leader_approves_a_local_administrators_change(
    client, settings, leader, local_admin, measure
):
    settings.MEASURE_APPROVAL_BY_SERVICE_LEADER = True
    client.force_login(local_admin)
    client.post(f"/ansatt/innhold/tiltak/{measure.pk}/", measure_data(measure, summary="Nytt"))
    proposal = pending_for(measure).get()
    assert approve(client, proposal).status_code == 403
    client.force_login(leader)
    assert waits(1) in client.get("/ansatt/innhold/").content.decode()
    approve(client, proposal)
    measure.refresh_from_db()
    assert measure.summary == "Nytt"


def test_with_the_setting_a_leader_does_not_approve_their_own_proposal(
    client, settings, leader, measure
):
    settings.MEASURE_APPROVAL_BY_SERVICE_LEADER = True
    client.force_login(leader)
    client.post(f"/ansatt/innhold/tiltak/{measure.pk}/", measure_data(measure, summary="Mitt"))
    proposal = pending_for(measure).get()
    assert approve(client, proposal).status_code == 403
    measure.refresh_from_db()
    assert measure.summary == "Kurs for foreldre."
    assert pending_for(measure).get().is_pending


def test_with_the_setting_another_services_leader_cannot_approve(
    client, settings, local_admin, measure, other_tjeneste
):
    settings.MEASURE_APPROVAL_BY_SERVICE_LEADER = True
    stranger = BrukerFactory(username="annen.leder")
    grant_role(stranger, other_tjeneste, "leder")
    services.revision_propose(obj=measure, user=local_admin, values={"summary": "Nytt"})
    proposal = pending_for(measure).get()
    client.force_login(stranger)
    assert client.get(f"/ansatt/innhold/endringsforslag/{proposal.pk}/").status_code == 403
    assert approve(client, proposal).status_code == 403
    assert (
        client.post(
            f"/ansatt/innhold/endringsforslag/{proposal.pk}/avvis/", {"reason": "Nei"}
        ).status_code
        == 403
    )
    measure.refresh_from_db()
    assert measure.summary == "Kurs for foreldre."
    assert pending_for(measure).get().is_pending


def test_with_the_setting_the_service_leader_publishes_a_draft_measure(
    client, settings, leader, tjeneste
):
    settings.MEASURE_APPROVAL_BY_SERVICE_LEADER = True
    draft = TiltakFactory(tjeneste=tjeneste, status="draft")
    client.force_login(leader)
    assert client.post(f"/ansatt/innhold/tiltak/{draft.pk}/publiser/").status_code == 302
    draft.refresh_from_db()
    assert draft.is_published


def test_a_proposal_changes_a_measures_themes_only_on_approval(client, coordinator, measure):
    theme = TemaFactory(title="Samlivsbrudd")
    client.force_login(coordinator)
    client.post(f"/ansatt/innhold/tiltak/{measure.pk}/", measure_data(measure, themes=[theme.pk]))
    proposal = pending_for(measure).get()
    assert proposal.values == {"themes": [theme.pk]}
    assert not measure.themes.exists()
    page = client.get(f"/ansatt/innhold/endringsforslag/{proposal.pk}/").content.decode()
    assert "Samlivsbrudd" in page
    approve(client, proposal)
    assert list(measure.themes.all()) == [theme]


# --- Approving once, and never over a newer change ------------------------------------------


def test_approving_twice_has_one_effect(client, coordinator, element):
    services.revision_propose(obj=element, user=coordinator, values={"body": "Ny"})
    proposal = pending_for(element).get()
    client.force_login(coordinator)
    url = f"/ansatt/innhold/endringsforslag/{proposal.pk}/godkjenn/"
    assert client.post(url).status_code == 302
    second = client.post(url, follow=True)
    assert t("The proposal was already decided: nothing more was done.") in (
        second.content.decode()
    )
    assert element.history.count() == 2
    assert services.revision_approve(proposal=proposal, user=coordinator) is False
    assert element.history.count() == 2


def test_two_approvers_leave_one_effect(coordinator, element, leader):
    second_coordinator = BrukerFactory(username="koordinator2", is_bts_coordinator=True)
    services.revision_propose(obj=element, user=leader, values={"body": "Ny"})
    proposal = pending_for(element).get()
    results = [
        services.revision_approve(proposal=proposal, user=user)
        for user in (coordinator, second_coordinator)
    ]
    assert results == [True, False]
    proposal.refresh_from_db()
    assert proposal.decided_by == coordinator
    assert element.history.count() == 2


def test_a_stale_proposal_is_refused_with_a_norwegian_message(client, coordinator, element):
    services.revision_propose(obj=element, user=coordinator, values={"body": "Forslaget"})
    proposal = pending_for(element).get()
    element.body = "Endret direkte etterpå"
    services.content_save(obj=element, user=coordinator)
    client.force_login(coordinator)
    detail = client.get(f"/ansatt/innhold/endringsforslag/{proposal.pk}/").content.decode()
    assert t("changed in the published version since") in detail
    response = approve(client, proposal)
    assert response.status_code == 409
    message = t(
        "The published version has changed since this proposal was made (%(fields)s). "
        "The author can go through the proposal again, or you can reject it.",
        fields=snapshot.label(Element, "body"),
    )
    assert message in response.content.decode()
    element.refresh_from_db()
    assert element.body == "Endret direkte etterpå"
    proposal.refresh_from_db()
    assert proposal.is_pending


def test_a_change_to_another_field_since_does_not_block_the_approval(coordinator, element):
    services.revision_propose(obj=element, user=coordinator, values={"body": "Forslaget"})
    element.title_nn = "Førebyggjande forum"
    services.content_save(obj=element, user=coordinator)
    assert services.revision_approve(proposal=pending_for(element).get(), user=coordinator)
    element.refresh_from_db()
    assert (element.body, element.title_nn) == ("Forslaget", "Førebyggjande forum")


def test_a_proposal_whose_short_name_was_taken_since_is_refused(client, coordinator, element):
    services.revision_propose(obj=element, user=coordinator, values={"slug": "nytt-navn"})
    ElementFactory(slug="nytt-navn")
    client.force_login(coordinator)
    proposal = pending_for(element).get()
    response = approve(client, proposal)
    assert response.status_code == 409
    assert (
        t(
            "The proposal can no longer be saved as it is: another item may now use its "
            "short name. The author can go through it again."
        )
        in response.content.decode()
    )
    element.refresh_from_db()
    assert element.slug == "forebyggende-forum"
    proposal.refresh_from_db()
    assert proposal.is_pending


def test_approval_starts_a_new_generation_of_the_cached_public_page(
    client, coordinator, element, django_capture_on_commit_callbacks
):
    url = element.get_absolute_url()
    visitor = Client()
    assert visitor.get(url)["X-Cache"] == "miss"
    assert visitor.get(url)["X-Cache"] == "hit"
    services.revision_propose(obj=element, user=coordinator, values={"body": "Godkjent tekst"})
    assert visitor.get(url)["X-Cache"] == "hit"  # a proposal changes nothing public
    client.force_login(coordinator)
    proposal = pending_for(element).get()
    with django_capture_on_commit_callbacks(execute=True):
        approve(client, proposal)
    after = visitor.get(url)
    assert after["X-Cache"] == "miss"
    assert "Godkjent tekst" in after.content.decode()


# --- Rejecting and withdrawing --------------------------------------------------------------


def test_rejecting_needs_a_reason_and_keeps_the_published_text(client, coordinator, element):
    services.revision_propose(obj=element, user=coordinator, values={"body": "Ny"})
    proposal = pending_for(element).get()
    client.force_login(coordinator)
    url = f"/ansatt/innhold/endringsforslag/{proposal.pk}/avvis/"
    empty = client.post(url, {"reason": " "})
    assert empty.status_code == 400
    assert 'id="error-summary"' in empty.content.decode()
    proposal.refresh_from_db()
    assert proposal.is_pending
    client.post(url, {"reason": "Teksten er for lang."})
    proposal.refresh_from_db()
    assert (proposal.state, proposal.reason) == (Forslagsstatus.REJECTED, "Teksten er for lang.")
    element.refresh_from_db()
    assert element.body == "Gammel tekst"
    assert (
        "Teksten er for lang."
        in client.get(f"/ansatt/innhold/endringsforslag/{proposal.pk}/").content.decode()
    )


def test_only_the_author_withdraws_a_proposal(client, coordinator, leader, tjeneste):
    element = ElementFactory(owner_tjeneste=tjeneste)
    services.revision_propose(obj=element, user=leader, values={"body": "Ny"})
    proposal = pending_for(element).get()
    client.force_login(coordinator)
    url = f"/ansatt/innhold/endringsforslag/{proposal.pk}/trekk/"
    assert client.post(url).status_code == 403
    proposal.refresh_from_db()
    assert proposal.is_pending
    client.force_login(leader)
    assert client.post(url).status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == Forslagsstatus.WITHDRAWN


def test_an_employee_gets_403_on_every_proposal_url_and_nothing_changes(
    client, employee, coordinator, element
):
    services.revision_propose(obj=element, user=coordinator, values={"body": "Ny"})
    proposal = pending_for(element).get()
    client.force_login(employee)
    base = f"/ansatt/innhold/endringsforslag/{proposal.pk}/"
    assert client.get("/ansatt/innhold/endringsforslag/").status_code == 403
    assert client.get(base).status_code == 403
    for action in ("godkjenn", "avvis", "trekk"):
        assert client.post(f"{base}{action}/", {"reason": "x"}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.is_pending
    element.refresh_from_db()
    assert element.body == "Gammel tekst"


def test_an_anonymous_visitor_is_sent_to_login_from_every_proposal_url(
    client, coordinator, element
):
    proposal = services.revision_propose(obj=element, user=coordinator, values={"body": "Ny"})
    base = f"/ansatt/innhold/endringsforslag/{proposal.pk}/"
    for method, url in [
        ("get", "/ansatt/innhold/endringsforslag/"), ("get", base),
        ("post", f"{base}godkjenn/"), ("post", f"{base}avvis/"), ("post", f"{base}trekk/"),
    ]:  # fmt: skip
        response = getattr(client, method)(url, {"reason": "x"})
        assert response.status_code == 302, url
        assert "/ansatt/logg-inn/" in response["Location"]
    proposal.refresh_from_db()
    assert proposal.is_pending
    element.refresh_from_db()
    assert element.body == "Gammel tekst"


def test_unknown_proposals_are_404_and_decisions_need_a_post(client, coordinator, element):
    client.force_login(coordinator)
    assert client.get("/ansatt/innhold/endringsforslag/999999/").status_code == 404
    huge = "9" * 30
    assert client.get(f"/ansatt/innhold/endringsforslag/{huge}/").status_code == 404
    services.revision_propose(obj=element, user=coordinator, values={"body": "Ny"})
    proposal = pending_for(element).get()
    assert client.get(f"/ansatt/innhold/endringsforslag/{proposal.pk}/godkjenn/").status_code == 405
    assert pending_for(element).get().is_pending


# --- The diff and the lists -----------------------------------------------------------------


def test_the_proposal_page_shows_an_accessible_word_diff(client, coordinator, element):
    services.revision_propose(obj=element, user=coordinator, values={"body": "Ny tekst"})
    proposal = pending_for(element).get()
    client.force_login(coordinator)
    page = client.get(f"/ansatt/innhold/endringsforslag/{proposal.pk}/").content.decode()
    removed, added = t("removed:"), t("added:")
    assert f'<del><span class="visually-hidden">{removed} </span>Gammel</del>' in page
    assert f'<ins><span class="visually-hidden">{added} </span>Ny</ins>' in page
    assert t("Changes from the published version") in page
    assert t("Approve and publish") in page


def test_the_content_home_and_list_show_what_waits(client, coordinator, element):
    client.force_login(coordinator)
    assert t("none waiting") in client.get("/ansatt/innhold/").content.decode()
    services.revision_propose(obj=element, user=coordinator, values={"body": "Ny"})
    home = client.get("/ansatt/innhold/").content.decode()
    assert waits(1) in home
    listing = client.get("/ansatt/innhold/endringsforslag/").content.decode()
    assert element.title in listing
    assert snapshot.label(Element, "body") in listing  # the changed field's label
    assert t("Change proposed") in client.get("/ansatt/innhold/element/").content.decode()


def _propose_many(n, coordinator, tjeneste):
    for i in range(n):
        element = ElementFactory()
        services.revision_propose(obj=element, user=coordinator, values={"body": f"Ny {i}"})
        measure = TiltakFactory(tjeneste=tjeneste)
        services.revision_propose(obj=measure, user=coordinator, values={"title": f"Nytt {i}"})


def test_the_proposal_list_takes_as_many_queries_for_ten_as_for_one(
    client, coordinator, tjeneste, django_assert_max_num_queries
):
    client.force_login(coordinator)
    client.get("/ansatt/innhold/")  # the first request after login also saves the session
    _propose_many(1, coordinator, tjeneste)
    with CaptureQueriesContext(connection) as one:
        assert client.get("/ansatt/innhold/endringsforslag/").status_code == 200
    Endringsforslag.objects.all().delete()
    _propose_many(10, coordinator, tjeneste)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get("/ansatt/innhold/endringsforslag/")
    assert (
        len(re.findall(r'href="/ansatt/innhold/endringsforslag/\d+/"', response.content.decode()))
        == 40
    )
    with django_assert_max_num_queries(len(one.captured_queries) + 2):
        client.get("/ansatt/innhold/")


# --- Restore ----------------------------------------------------------------------------------


def _two_versions(element, coordinator):
    element.body = "Andre tekst"
    services.content_save(obj=element, user=coordinator)
    return element.history.earliest()


def test_restore_asks_for_confirmation_and_get_changes_nothing(client, coordinator, element):
    first = _two_versions(element, coordinator)
    client.force_login(coordinator)
    url = f"/ansatt/innhold/element/{element.pk}/historikk/{first.history_id}/gjenopprett/"
    history = client.get(f"/ansatt/innhold/element/{element.pk}/historikk/").content.decode()
    assert f'href="{url}"' in history
    page = client.get(url)
    assert page.status_code == 200
    content = page.content.decode()
    assert (
        t(
            "This is published: the restore becomes a proposal that waits for approval. "
            "Until it is approved, the public sees the published version."
        )
        in content
    )
    assert "Gammel" in content
    assert "<ins>" in content
    element.refresh_from_db()
    assert element.body == "Andre tekst"
    assert not Endringsforslag.objects.exists()


def test_restoring_a_published_item_creates_a_proposal(client, coordinator, element):
    first = _two_versions(element, coordinator)
    client.force_login(coordinator)
    url = f"/ansatt/innhold/element/{element.pk}/historikk/{first.history_id}/gjenopprett/"
    response = client.post(url)
    proposal = pending_for(element).get()
    assert response["Location"] == f"/ansatt/innhold/endringsforslag/{proposal.pk}/"
    assert proposal.values == {"body": "Gammel tekst"}
    assert proposal.note.startswith(gettext("Restores the version of %(date)s") % {"date": ""})
    client.post(url)  # sent twice: still one proposal
    assert Endringsforslag.objects.count() == 1
    element.refresh_from_db()
    assert element.body == "Andre tekst"
    approve(client, proposal)
    element.refresh_from_db()
    assert element.body == "Gammel tekst"


def test_restoring_a_draft_happens_at_once_after_confirmation(client, coordinator):
    draft = ElementFactory(status="draft", body="Gammel tekst")
    first = _two_versions(draft, coordinator)
    client.force_login(coordinator)
    url = f"/ansatt/innhold/element/{draft.pk}/historikk/{first.history_id}/gjenopprett/"
    assert t("This is a draft: the restore is saved at once, as a new version.") in (
        client.get(url).content.decode()
    )
    client.post(url)
    draft.refresh_from_db()
    assert draft.body == "Gammel tekst"
    assert not Endringsforslag.objects.exists()


def test_an_employee_cannot_restore(client, employee, coordinator, element):
    first = _two_versions(element, coordinator)
    client.force_login(employee)
    url = f"/ansatt/innhold/element/{element.pk}/historikk/{first.history_id}/gjenopprett/"
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    element.refresh_from_db()
    assert element.body == "Andre tekst"
    assert not Endringsforslag.objects.exists()


def test_one_waiting_proposal_per_item_is_enforced_by_the_database(coordinator, leader, element):
    services.revision_propose(obj=element, user=coordinator, values={"body": "Ny"})
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Endringsforslag.objects.create(
            content_type=ContentType.objects.get_for_model(Element),
            object_id=element.pk,
            values={"body": "Annen"},
            author=leader,
        )
    assert pending_for(element).count() == 1


def test_a_new_template_for_a_published_tool_waits_with_the_proposal(
    client, coordinator, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .factories import VerktoyFactory

    settings.MEDIA_ROOT = tmp_path
    tool = VerktoyFactory(
        slug="skjema",
        file=SimpleUploadedFile("gammel.pdf", b"%PDF-1.4\n%gammel\n%%EOF"),
        content_type="application/pdf",
    )
    client.force_login(coordinator)
    new = SimpleUploadedFile("ny.pdf", b"%PDF-1.4\n%ny\n%%EOF", content_type="application/pdf")
    response = client.post(
        f"/ansatt/innhold/verktoy/{tool.pk}/",
        {"title": tool.title, "slug": tool.slug, "summary": tool.summary, "audience": "public",
         "file": new},
    )  # fmt: skip
    assert response.status_code == 302
    proposal = pending_for(tool).get()
    assert set(proposal.values) == {"file", "size"}
    assert (tmp_path / proposal.values["file"]).exists()  # stored now, applied on approval
    # Saving the proposal again without a file keeps the file it proposes.
    client.post(
        f"/ansatt/innhold/verktoy/{tool.pk}/",
        {"title": tool.title, "slug": tool.slug, "summary": "Nytt sammendrag",
         "audience": "public", "forslag": proposal.pk},
    )  # fmt: skip
    proposal.refresh_from_db()
    assert set(proposal.values) == {"file", "size", "summary"}
    visitor = Client()
    assert b"%gammel" in b"".join(visitor.get("/veileder/verktoy/skjema/fil/").streaming_content)
    approve(client, proposal)
    assert b"%ny" in b"".join(visitor.get("/veileder/verktoy/skjema/fil/").streaming_content)


# --- Real races (PostgreSQL: each thread its own connection, so the row locks contend) ----


def proposed_body_changes(user):
    """For each round of a race, a fresh element with the body "Gammel" and ``user``'s
    proposal to change it to "Ny <round>": the round, the element and the proposal."""
    from .test_case_races import ROUNDS

    for round_ in range(ROUNDS):
        element = ElementFactory(body="Gammel")
        proposal = services.revision_propose(
            obj=element, user=user, values={"body": f"Ny {round_}"}
        )
        yield round_, element, proposal


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_approvers_at_the_same_moment_leave_one_effect(racing_coordinators):
    from .test_case_races import race

    first, second = racing_coordinators
    for round_, element, proposal in proposed_body_changes(first):
        url = f"/ansatt/innhold/endringsforslag/{proposal.pk}/godkjenn/"
        assert race([(first, url, {}), (second, url, {})]) == [302, 302]
        assert element.history.count() == 2
        element.refresh_from_db()
        assert element.body == f"Ny {round_}"


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_first_proposals_at_the_same_moment_keep_one_and_refuse_the_other(racing_coordinators):
    from .test_case_races import ROUNDS, race

    first, second = racing_coordinators
    for _ in range(ROUNDS):
        element = ElementFactory(body="Gammel")
        url = f"/ansatt/innhold/element/{element.pk}/"
        statuses = race([
            (first, url, element_data(element, body="Fra den første")),
            (second, url, element_data(element, body="Fra den andre")),
        ])  # fmt: skip
        assert sorted(statuses) == [302, 409]
        assert pending_for(element).count() == 1
        element.refresh_from_db()
        assert element.body == "Gammel"


def test_rejecting_a_proposal_deletes_the_file_it_stored_and_nothing_else(
    coordinator, settings, tmp_path, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .factories import VerktoyFactory

    settings.MEDIA_ROOT = tmp_path
    tool = VerktoyFactory(file=SimpleUploadedFile("gammel.pdf", b"%PDF-1.4\n%%EOF"))
    stored = tool.file.storage.save("veileder/ny.pdf", SimpleUploadedFile("ny.pdf", b"%PDF"))
    proposal = services.revision_propose(obj=tool, user=coordinator, values={"file": stored})
    with django_capture_on_commit_callbacks(execute=True):
        assert services.revision_reject(proposal=proposal, user=coordinator, reason="Nei")
    assert not (tmp_path / stored).exists()
    assert (tmp_path / tool.file.name).exists()


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_an_approval_racing_a_rejection_leaves_one_decision(racing_coordinators):
    from .test_case_races import race

    first, second = racing_coordinators
    for round_, element, proposal in proposed_body_changes(first):
        base = f"/ansatt/innhold/endringsforslag/{proposal.pk}/"
        race([(first, f"{base}godkjenn/", {}), (second, f"{base}avvis/", {"reason": "Nei"})])
        proposal.refresh_from_db()
        element.refresh_from_db()
        if proposal.state == Forslagsstatus.APPROVED:
            assert (element.body, element.history.count()) == (f"Ny {round_}", 2)
        else:
            assert proposal.state == Forslagsstatus.REJECTED
            assert (element.body, element.history.count()) == ("Gammel", 1)
