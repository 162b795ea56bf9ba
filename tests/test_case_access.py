"""Who may see a case log: every case URL × every relation to the case, and every request
leaves a row in the access log."""

import pytest
from django.urls import URLPattern, get_resolver, resolve, reverse

from handlingsveileder.models import DocumentType
from stafettlogg.models import AccessLog, InsightReport, Overforing

from .case_fixtures import CHILD

pytestmark = pytest.mark.django_db

OUTSIDERS = ["same_service", "other_service", "leader", "local_admin", "coordinator", "sysadmin"]


def case_urls(case):
    entry = case.entries.first()
    report = InsightReport.objects.create(stafettlogg=case, requested_by=case.stafettholder)
    handover = Overforing.objects.create(
        stafettlogg=case,
        from_user=case.stafettholder,
        to_user=case.stafettholder,
        to_tjeneste=case.tjeneste,
        status=Overforing.Status.DECLINED,
    )
    pk = case.pk
    samtykke = case.consents.first()
    return [
        (
            "get",
            reverse("stafettlogg:consent_document", kwargs={"pk": pk, "consent_pk": samtykke.pk}),
        ),
        ("get", reverse("stafettlogg:case", kwargs={"pk": pk})),
        ("get", reverse("stafettlogg:consent", kwargs={"pk": pk})),
        ("get", reverse("stafettlogg:entry_correct", kwargs={"pk": pk, "entry_pk": entry.pk})),
        ("get", reverse("stafettlogg:insight", kwargs={"pk": pk, "report_pk": report.pk})),
        ("get", reverse("stafettlogg:insight_download", kwargs={"pk": pk, "report_pk": report.pk})),
        ("post", reverse("stafettlogg:entry_add", kwargs={"pk": pk, "kind": "observasjon"})),
        ("post", reverse("stafettlogg:entry_correct", kwargs={"pk": pk, "entry_pk": entry.pk})),
        ("post", reverse("stafettlogg:level", kwargs={"pk": pk})),
        ("post", reverse("stafettlogg:participant_add", kwargs={"pk": pk})),
        (
            "post",
            reverse(
                "stafettlogg:participant_remove",
                kwargs={"pk": pk, "participant_pk": case.participants.last().pk},
            ),
        ),
        ("post", reverse("stafettlogg:handover", kwargs={"pk": pk})),
        (
            "post",
            reverse("stafettlogg:handover_answer", kwargs={"pk": pk, "handover_pk": handover.pk}),
        ),
        ("post", reverse("stafettlogg:checklist", kwargs={"pk": pk, "key": "n1-plan"})),
        ("post", reverse("stafettlogg:case_report", kwargs={"pk": pk})),
        ("post", reverse("stafettlogg:close", kwargs={"pk": pk})),
        ("post", reverse("stafettlogg:consent_withdraw", kwargs={"pk": pk})),
        ("post", reverse("stafettlogg:citizen_invite", kwargs={"pk": pk})),
        ("post", reverse("stafettlogg:citizen_invite_young", kwargs={"pk": pk})),
        ("post", reverse("stafettlogg:citizen_revoke", kwargs={"pk": pk})),
        ("post", reverse("stafettlogg:insight_request", kwargs={"pk": pk})),
        ("get", reverse("stafettlogg:documents", kwargs={"pk": pk})),
        *(
            ("get", reverse(f"stafettlogg:document_{doc_type}", kwargs={"pk": pk}))
            for doc_type in DocumentType.values
        ),
    ]


def case_url_names() -> set[str]:
    """Every named URL of one case log (the routes under stafettlogg/<pk>/)."""
    resolver = next(
        p for p in get_resolver().url_patterns if getattr(p, "namespace", None) == "stafettlogg"
    )
    return {
        p.name
        for p in resolver.url_patterns
        if isinstance(p, URLPattern) and str(p.pattern).startswith("stafettlogg/<int:pk>/")
    }


def test_the_walk_covers_every_case_url_and_each_is_a_logged_case_view(case):
    walked = {resolve(url).url_name: resolve(url).func for _, url in case_urls(case)}
    assert set(walked) == case_url_names()
    for name, view in walked.items():
        assert getattr(view, "is_case_view", False), name


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_get_404_and_never_see_the_childs_name(client, people, case, who):
    client.force_login(people["users"][who])
    for method, url in case_urls(case):
        response = getattr(client, method)(url, {"text": "x", "reason": "x"})
        assert response.status_code == 404, (who, method, url, response.status_code)
        assert CHILD not in response.content.decode(), (who, url)


def test_anonymous_visitor_is_sent_to_login_from_every_case_url(client, case):
    for method, url in case_urls(case):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert "/ansatt/logg-inn/" in response["Location"]


@pytest.mark.parametrize("who", ["stafettholder", "participant"])
def test_participants_read_the_case(client, people, case, who):
    client.force_login(people["users"][who])
    response = client.get(reverse("stafettlogg:case", kwargs={"pk": case.pk}))
    assert response.status_code == 200
    assert CHILD in response.content.decode()
    assert "Sliten i barnehagen." in response.content.decode()


def test_participant_adds_an_entry(client, people, case):
    client.force_login(people["users"]["participant"])
    url = reverse("stafettlogg:entry_add", kwargs={"pk": case.pk, "kind": "observasjon"})
    assert client.post(url, {"text": "Ny observasjon"}).status_code == 302
    assert case.entries.filter(text="Ny observasjon").exists()


def test_only_the_stafettholder_may_order_the_insight_report(client, people, case):
    client.force_login(people["users"]["participant"])
    url = reverse("stafettlogg:insight_request", kwargs={"pk": case.pk})
    assert client.post(url).status_code == 403


def test_every_case_request_writes_one_access_log_row(client, people, case):
    users = people["users"]
    for who in ["stafettholder", "same_service", "coordinator"]:
        client.force_login(users[who])
        for method, url in case_urls(case):
            before = AccessLog.objects.filter(stafettlogg_id=case.pk).count()
            getattr(client, method)(url, {"text": "x"})
            rows = AccessLog.objects.filter(stafettlogg_id=case.pk).order_by("-pk")
            assert rows.count() == before + 1, (who, method, url)
            row = rows.first()
            assert row.user == users[who]
            assert row.what == url
            if who != "stafettholder":
                assert row.action == AccessLog.Action.DENIED


def test_access_log_records_the_participants_service(client, people, case):
    client.force_login(people["users"]["participant"])
    client.get(reverse("stafettlogg:case", kwargs={"pk": case.pk}))
    row = AccessLog.objects.filter(stafettlogg_id=case.pk).latest("pk")
    assert row.tjeneste == people["clinic"]
    assert row.action == AccessLog.Action.VIEW


# --- The matrix in every state a case can be brought to -----------------------------------

STATES = ["open", "locked", "closed", "reassigned", "membership_removed"]
RELATIONS = ["stafettholder", "participant", *OUTSIDERS]


def bring_to(state, people, case):
    from organisasjon.models import Medlemskap
    from organisasjon.services import membership_remove
    from stafettlogg import services

    users = people["users"]
    if state == "locked":
        services.consent_withdraw(case=case, user=users["stafettholder"], reason="Nei.")
    elif state == "closed":
        services.case_close(
            case=case, user=users["stafettholder"], reason="r", final_evaluation="f"
        )
    elif state == "reassigned":
        services.stafettholder_reassign(
            case=case, by=users["leader"], new_holder=users["same_service"]
        )
    elif state == "membership_removed":
        membership_remove(membership=Medlemskap.objects.get(user=users["participant"]))


def expected(state, who):
    """(case page, new entry, consent page) for one relation in one state, from the rule:
    participants who work in a covered service read; writing needs an open case; a
    participant of a locked log is told it is locked; the baton holder alone sees the
    consents of a locked log; nobody else learns that the case exists."""
    takes_part = {"stafettholder", "participant"}
    if state == "reassigned":
        takes_part |= {"same_service"}
    if state == "membership_removed":
        takes_part -= {"participant"}
    if who not in takes_part:
        return 404, 404, 404
    if state == "locked":
        holder = who == "stafettholder"
        return 403, 403, 200 if holder else 403
    if state == "closed":
        return 200, 403, 200
    return 200, 302, 200


@pytest.mark.parametrize("state", STATES)
def test_every_relation_in_every_state_gets_what_the_rule_says(client, people, case, state):
    bring_to(state, people, case)
    for who in RELATIONS:
        client.force_login(people["users"][who])
        got = (
            client.get(reverse("stafettlogg:case", kwargs={"pk": case.pk})).status_code,
            client.post(
                reverse("stafettlogg:entry_add", kwargs={"pk": case.pk, "kind": "observasjon"}),
                {"text": f"Skrevet av {who}"},
            ).status_code,
            client.get(reverse("stafettlogg:consent", kwargs={"pk": case.pk})).status_code,
        )
        assert got == expected(state, who), (state, who, got)
        written = case.entries.filter(text=f"Skrevet av {who}").exists()
        assert written == (expected(state, who)[1] == 302), (state, who)


@pytest.mark.parametrize("state", STATES)
def test_outsiders_get_404_on_every_case_url_in_every_state(client, people, case, state):
    urls = case_urls(case)
    bring_to(state, people, case)
    outsiders = [w for w in RELATIONS if expected(state, w) == (404, 404, 404)]
    for who in outsiders:
        client.force_login(people["users"][who])
        for method, url in urls:
            response = getattr(client, method)(url, {"text": "x", "reason": "x"})
            assert response.status_code == 404, (state, who, method, url, response.status_code)
            assert CHILD not in response.content.decode()


def _case_state(case):
    case.refresh_from_db()
    return (
        case.status, case.level, case.stafettholder_id,
        list(case.entries.values_list("pk", flat=True)),
        sorted(case.participants.values_list("pk", "removed_at")),
        sorted(case.consents.values_list("pk", "withdrawn_at")),
        sorted(case.done_steps.values_list("pk", flat=True)),
        sorted(case.handovers.values_list("pk", "status")),
    )  # fmt: skip


def test_head_and_other_methods_on_every_case_url_are_never_a_server_error_nor_a_change(
    client, people, case
):
    client.force_login(people["users"]["stafettholder"])
    urls = case_urls(case)
    before = _case_state(case)
    for _method, url in urls:
        for method in ("head", "put", "patch", "delete", "options"):
            response = getattr(client, method)(url)
            assert response.status_code < 500, (method, url, response.status_code)
            assert response.status_code in (200, 302, 400, 404, 405), (method, url)
    assert _case_state(case) == before
