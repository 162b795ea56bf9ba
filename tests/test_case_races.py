"""Two requests at the same moment, or the same request sent twice, leave exactly one effect
and never a 5xx. The concurrent tests run real threads against PostgreSQL (each with its
own connection, so the row locks and conditional updates are really contended); the retry
tests run anywhere."""

import threading
from datetime import timedelta

import pytest
from django.db import connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stafettlogg import services
from stafettlogg.models import AccessLog, CaseChecklistStep, Innslag, Overforing, Samtykke

from .case_fixtures import open_case
from .factories import NivaFactory, TrinnFactory
from .services import require_postgresql

ROUNDS = 5  # each race is run several times: one lucky interleaving proves little


def race(requests):
    """Send each (user, url, data) at once from its own thread; return the status codes."""
    barrier = threading.Barrier(len(requests))
    statuses, errors = [None] * len(requests), []

    def send(index, user, url, data):
        client = Client()
        client.force_login(user)
        try:
            barrier.wait(timeout=10)
            statuses[index] = client.post(url, data).status_code
        except Exception as error:  # a 500 surfaces here as the raised exception
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=send, args=(i, *request)) for i, request in enumerate(requests)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert all(status is not None and status < 500 for status in statuses), statuses
    return statuses


@pytest.fixture
def step(db):
    """A level-1 step of the guide to tick in the checklist."""
    level = NivaFactory(number=1)
    type(level).objects.filter(pk=level.pk).update(status="published")
    return TrinnFactory(niva=level, key="n1-plan")


def fresh_case(people):
    case = open_case(people)
    services.participant_add(
        case=case,
        by=people["users"]["stafettholder"],
        user=people["users"]["participant"],
        tjeneste=people["clinic"],
    )
    return case


def case_with_baton_offered(people):
    """A fresh case whose holder has offered the baton to the clinic's participant."""
    case = fresh_case(people)
    users = people["users"]
    handover = services.handover_request(
        case=case, user=users["stafettholder"], to_user=users["participant"],
        to_tjeneste=people["clinic"],
    )  # fmt: skip
    return case, handover


def baton_offered_rounds(people):
    """For a real race (on PostgreSQL only), ROUNDS times a fresh case whose baton is offered
    to the clinic's participant: the case, the offer and the address that answers it."""
    require_postgresql()
    for _ in range(ROUNDS):
        case, handover = case_with_baton_offered(people)
        kwargs = {"pk": case.pk, "handover_pk": handover.pk}
        yield case, handover, reverse("stafettlogg:handover_answer", kwargs=kwargs)


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_accepts_of_one_hand_over_make_one_holder_change(people):
    users = people["users"]
    for case, _handover, url in baton_offered_rounds(people):
        statuses = race([(users["participant"], url, {"answer": "accept"})] * 2)
        assert sorted(statuses) == [302, 409]
        assert case.entries.filter(kind="overforing", text__contains="tok imot").count() == 1
        case.refresh_from_db()
        assert case.stafettholder == users["participant"]


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_an_accept_racing_a_reassignment_leaves_one_holder(people):
    users = people["users"]
    for case, handover, accept in baton_offered_rounds(people):
        reassign = reverse(
            "stafettlogg:reassign", kwargs={"slug": "solbakken-barnehage", "case_pk": case.pk}
        )
        statuses = race([
            (users["participant"], accept, {"answer": "accept"}),
            (users["leader"], reassign, {"new_holder": users["same_service"].pk}),
        ])  # fmt: skip
        case.refresh_from_db()
        handover.refresh_from_db()
        if case.stafettholder == users["participant"]:
            # The accept came first: the case moved to the clinic, so the kindergarten's
            # leader no longer reassigns it (refused before or after the lock).
            assert statuses[0] == 302
            assert statuses[1] in (404, 409)
        else:
            assert case.stafettholder == users["same_service"]
            assert statuses == [409, 302]
            assert handover.status == Overforing.Status.DECLINED


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_accepting_after_the_holder_was_replaced_is_refused(client, people):
    require_postgresql()
    users = people["users"]
    case, handover = case_with_baton_offered(people)
    services.stafettholder_reassign(case=case, by=users["leader"], new_holder=users["same_service"])
    client.force_login(users["participant"])
    url = reverse("stafettlogg:handover_answer", kwargs={"pk": case.pk, "handover_pk": handover.pk})
    assert client.post(url, {"answer": "accept"}).status_code == 409
    case.refresh_from_db()
    assert case.stafettholder == users["same_service"]


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_ticks_of_one_checklist_step_leave_one_mark(people, step):
    require_postgresql()
    users = people["users"]
    for _ in range(ROUNDS):
        case = fresh_case(people)
        url = reverse("stafettlogg:checklist", kwargs={"pk": case.pk, "key": "n1-plan"})
        statuses = race([
            (users["stafettholder"], url, {"done": "1"}),
            (users["participant"], url, {"done": "1"}),
        ])  # fmt: skip
        assert statuses == [302, 302]
        assert CaseChecklistStep.objects.filter(stafettlogg=case, step_key="n1-plan").count() == 1


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_withdrawals_at_once_withdraw_once_and_add_one_entry(people):
    require_postgresql()
    users = people["users"]
    for _ in range(ROUNDS):
        case = fresh_case(people)
        url = reverse("stafettlogg:consent_withdraw", kwargs={"pk": case.pk})
        statuses = race([
            (users["stafettholder"], url, {"reason": "Mor ringte."}),
            (users["participant"], url, {"reason": "Far ringte."}),
        ])  # fmt: skip
        assert sorted(statuses) == [302, 403]
        assert case.entries.filter(kind="samtykke", text__contains="trakk").count() == 1
        assert Samtykke.objects.filter(stafettlogg=case, withdrawn_at__isnull=False).count() == 1


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_the_same_entry_form_sent_twice_at_once_is_stored_once(people):
    require_postgresql()
    holder = people["users"]["stafettholder"]
    for round_ in range(ROUNDS):
        case = fresh_case(people)
        url = reverse("stafettlogg:entry_add", kwargs={"pk": case.pk, "kind": "observasjon"})
        data = {
            "text": f"Dobbeltklikk {round_}",
            "token": f"00000000-0000-4000-8000-00000000000{round_}",
        }
        statuses = race([(holder, url, data)] * 2)
        assert statuses == [302, 302]
        assert Innslag.objects.filter(stafettlogg=case, text=data["text"]).count() == 1
        rows = AccessLog.objects.filter(stafettlogg_id=case.pk, event="entry.add")
        assert rows.count() == 2  # both requests are logged, one entry was stored


# --- Retries, anywhere -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "kind", "data"),
    [
        ("stafettlogg:entry_add", "observasjon", {"text": "Igjen"}),
        ("stafettlogg:entry_add", "mote", {"attendees": "Mor", "text": "Igjen"}),
        ("stafettlogg:level", None, {"to_level": 2, "reason": "Igjen"}),
        ("stafettlogg:case_report", None, {"sent_on": "2026-11-30"}),
    ],
)
def test_a_retried_post_with_the_same_token_is_stored_once(client, people, name, kind, data):
    case = fresh_case(people)
    client.force_login(people["users"]["stafettholder"])
    kwargs = {"pk": case.pk, **({"kind": kind} if kind else {})}
    url = reverse(name, kwargs=kwargs)
    token = "4b2f8a44-5f5e-4c36-9a3e-2d1f7d6c9e11"
    before = case.entries.count()
    assert client.post(url, {**data, "token": token}).status_code == 302
    assert client.post(url, {**data, "token": token}).status_code in (302, 409)
    assert case.entries.count() == before + 1


@pytest.mark.django_db
def test_the_same_opening_form_sent_twice_opens_one_case(client, people):
    client.force_login(people["users"]["stafettholder"])
    today = timezone.localdate()
    data = {
        "tjeneste": people["kindergarten"].pk, "child_name": "Dobbel Klikk", "level": 1,
        "child_birth_date": today.replace(year=today.year - 5).isoformat(),
        "guardian1_name": "Kari", "given_by": "Kari", "method": "muntlig",
        "given_on": today.isoformat(), "valid_until": (today + timedelta(days=90)).isoformat(),
        "services": [people["kindergarten"].pk], "token": "0d6a4c3e-8a51-4f0c-9d77-1b2e3f4a5b6c",
    }  # fmt: skip
    first = client.post(reverse("stafettlogg:case_open"), data)
    second = client.post(reverse("stafettlogg:case_open"), data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    from stafettlogg.models import Stafettlogg

    assert Stafettlogg.objects.filter(child_name="Dobbel Klikk").count() == 1


@pytest.mark.django_db
def test_withdrawing_twice_or_on_a_closed_case_adds_nothing(client, people):
    case = fresh_case(people)
    holder = people["users"]["stafettholder"]
    client.force_login(holder)
    url = reverse("stafettlogg:consent_withdraw", kwargs={"pk": case.pk})
    assert client.post(url, {"reason": "Nei."}).status_code == 302
    entries = case.entries.count()
    assert client.post(url, {"reason": "Nei igjen."}).status_code == 403
    assert case.entries.count() == entries
    other = fresh_case(people)
    services.case_close(case=other, user=holder, reason="r", final_evaluation="f")
    entries = other.entries.count()
    url = reverse("stafettlogg:consent_withdraw", kwargs={"pk": other.pk})
    assert client.post(url, {"reason": "Nei."}).status_code == 403
    assert other.entries.count() == entries
    assert not Samtykke.objects.filter(stafettlogg=other, withdrawn_at__isnull=False).exists()


@pytest.mark.django_db
def test_two_clicks_on_the_same_checklist_button_leave_it_ticked(client, people, step):
    case = fresh_case(people)
    client.force_login(people["users"]["stafettholder"])
    url = reverse("stafettlogg:checklist", kwargs={"pk": case.pk, "key": "n1-plan"})
    assert client.post(url, {"done": "1"}).status_code == 302
    assert client.post(url, {"done": "1"}).status_code == 302
    assert CaseChecklistStep.objects.filter(stafettlogg=case, step_key="n1-plan").count() == 1
