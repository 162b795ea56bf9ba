"""E-mail about change proposals: the approvers hear of a new proposal (the rule is
``ContentPolicy.may_approve``), the author of the decision, once per event, once committed."""

import pytest
from django.conf import settings as django_settings

from bts_portal.content import services
from bts_portal.content.models import Endringsforslag, Forslagsstatus

from .factories import BrukerFactory, ElementFactory, TiltakFactory, grant_role
from .test_content_drafts import element_data as element_post
from .test_content_drafts import measure_data as measure_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def element(tjeneste):
    return ElementFactory(title="Forebyggende forum", owner_tjeneste=tjeneste, body="Gammel")


@pytest.fixture
def local_admin(tjeneste):
    user = BrukerFactory(username="lokaladmin", first_name="Lise", last_name="Lokal")
    grant_role(user, tjeneste, "lokal_administrator")
    return user


def proposal_url(proposal) -> str:
    return f"{django_settings.PORTAL_BASE_URL}/ansatt/innhold/endringsforslag/{proposal.pk}/"


def test_a_leaders_proposal_mails_the_coordinators_once_with_a_link(
    client, leader, coordinator, element, mailoutbox, django_capture_on_commit_callbacks
):
    second = BrukerFactory(username="koordinator2", is_bts_coordinator=True)
    BrukerFactory(username="uten.epost", is_bts_coordinator=True, email="")
    BrukerFactory(username="sluttet", is_bts_coordinator=True, is_active=False)
    client.force_login(leader)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/ansatt/innhold/element/{element.pk}/", element_post(element, body="Ny"))
    proposal = Endringsforslag.objects.get()
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert sorted(message.to) == sorted([coordinator.email, second.email])
    assert leader.email not in message.to
    assert "Forebyggende forum" in message.subject
    assert leader.get_full_name() in message.body
    assert proposal_url(proposal) in message.body
    # The author saving again updates the same proposal: no new event, no new e-mail.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/ansatt/innhold/element/{element.pk}/", element_post(element, body="Nyere"))
    assert len(mailoutbox) == 1


def test_with_the_setting_the_service_leader_is_mailed_and_not_another_service(
    client, settings, leader, local_admin, coordinator, other_tjeneste, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    settings.MEASURE_APPROVAL_BY_SERVICE_LEADER = True
    other_leader = BrukerFactory(username="annen.leder")
    grant_role(other_leader, other_tjeneste, "leder")
    measure = TiltakFactory(tjeneste=local_admin.memberships.get().tjeneste, title="Foreldrekurs")
    client.force_login(local_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/ansatt/innhold/tiltak/{measure.pk}/", measure_post(measure, summary="Ny"))
    assert len(mailoutbox) == 1
    assert sorted(mailoutbox[0].to) == sorted([leader.email, coordinator.email])


def test_without_the_setting_only_the_coordinator_is_mailed_about_a_measure(
    client, leader, local_admin, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    measure = TiltakFactory(tjeneste=local_admin.memberships.get().tjeneste, title="Foreldrekurs")
    client.force_login(local_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/ansatt/innhold/tiltak/{measure.pk}/", measure_post(measure, summary="Ny"))
    assert [message.to for message in mailoutbox] == [[coordinator.email]]


def test_a_coordinators_own_proposal_mails_the_other_coordinators_only(
    coordinator, element, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.revision_propose(obj=element, user=coordinator, values={"body": "Ny"})
    assert mailoutbox == []
    second = BrukerFactory(username="koordinator2", is_bts_coordinator=True)
    element.refresh_from_db()
    other = ElementFactory(owner_tjeneste=element.owner_tjeneste)
    with django_capture_on_commit_callbacks(execute=True):
        services.revision_propose(obj=other, user=coordinator, values={"body": "Ny"})
    assert [message.to for message in mailoutbox] == [[second.email]]


def test_approving_mails_the_author_once_under_a_double_post(
    client, leader, coordinator, element, mailoutbox, django_capture_on_commit_callbacks
):
    proposal = services.revision_propose(obj=element, user=leader, values={"body": "Ny"})
    client.force_login(coordinator)
    url = f"/ansatt/innhold/endringsforslag/{proposal.pk}/godkjenn/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [leader.email]
    assert coordinator.get_full_name() in message.body
    assert proposal_url(proposal) in message.body


def test_rejecting_mails_the_author_with_the_reason(
    client, leader, coordinator, element, mailoutbox, django_capture_on_commit_callbacks
):
    proposal = services.revision_propose(obj=element, user=leader, values={"body": "Ny"})
    client.force_login(coordinator)
    url = f"/ansatt/innhold/endringsforslag/{proposal.pk}/avvis/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"reason": "Teksten må avklares med PPT først."})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"reason": "En gang til."})
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [leader.email]
    assert "Teksten må avklares med PPT først." in mailoutbox[0].body
    assert "En gang til." not in mailoutbox[0].body


def test_withdrawing_and_a_stale_approval_send_nothing(
    client, leader, coordinator, element, mailoutbox, django_capture_on_commit_callbacks
):
    proposal = services.revision_propose(obj=element, user=leader, values={"body": "Ny"})
    with django_capture_on_commit_callbacks(execute=True):
        assert services.revision_withdraw(proposal=proposal, user=leader)
    other = services.revision_propose(obj=element, user=leader, values={"body": "Igjen"})
    element.body = "Endret direkte"
    services.content_save(obj=element, user=coordinator)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(services.ProposalConflict):
        services.revision_approve(proposal=other, user=coordinator)
    assert mailoutbox == []
    other.refresh_from_db()
    assert other.state == Forslagsstatus.PENDING


def test_an_author_without_an_email_address_gets_none(
    coordinator, tjeneste, element, mailoutbox, django_capture_on_commit_callbacks
):
    author = BrukerFactory(username="uten.epost", email="")
    grant_role(author, tjeneste, "leder")
    proposal = services.revision_propose(obj=element, user=author, values={"body": "Ny"})
    with django_capture_on_commit_callbacks(execute=True):
        assert services.revision_approve(proposal=proposal, user=coordinator)
    assert mailoutbox == []


def test_a_rolled_back_proposal_sends_nothing(
    leader, coordinator, element, mailoutbox, django_capture_on_commit_callbacks
):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                services.revision_propose(obj=element, user=leader, values={"body": "Ny"})
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
    assert mailoutbox == []
    assert not Endringsforslag.objects.exists()
