"""The access-log rule (stafettlogg.access_log): one row per request with its real outcome.

Small views wrapped in the decorators stand in for the portal's own, so that each outcome
(read, wrote, refused and why, failed) is produced on purpose and its row checked field by
field; a refused request must also leave the view unrun.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.test import RequestFactory
from django.utils import translation

from bts_portal.permissions import Denial
from innlogging.sessions import VERIFIED
from stafettlogg import access_log, services
from stafettlogg.access_log import (
    EVENTS,
    Audit,
    case_view,
    describe,
    logged,
    logged_case_action,
    logged_creation,
    record,
    undring_view,
)
from stafettlogg.models import AccessLog, Undring

from .case_fixtures import open_undring

pytestmark = pytest.mark.django_db
A = AccessLog.Action


@pytest.fixture
def rf():
    return RequestFactory()


def request_for(rf, user, method="get", path="/ansatt/sak/1/"):
    request = getattr(rf, method)(path)
    request.user = user
    request.session = {VERIFIED: "test"}
    return request


def rows():
    return list(
        AccessLog.objects.order_by("pk").values_list(
            "event", "action", "reason", "stafettlogg_id", "undring_id", "tjeneste_id", "user_id"
        )
    )


class Calls:
    def __init__(self):
        self.count = 0


def make_case_view(response=None, raises=None, *, event="case.view", need="read", deny=None):
    calls = Calls()

    @case_view(event=event, need=need)
    def view(request, case):
        calls.count += 1
        assert request.case_access.read
        if deny:
            request.audit.deny(deny)
        if raises is not None:
            raise raises
        return response or HttpResponse("ok")

    return view, calls


def test_a_read_is_logged_with_the_case_the_service_and_the_path(rf, people, case):
    holder = people["users"]["stafettholder"]
    view, calls = make_case_view()
    AccessLog.objects.all().delete()
    response = view(request_for(rf, holder, path="/x" * 150), pk=case.pk)
    assert response.status_code == 200
    assert calls.count == 1
    row = AccessLog.objects.get()
    assert (row.event, row.action, row.reason) == ("case.view", A.VIEW, "")
    assert (row.stafettlogg_id, row.undring_id, row.user) == (case.pk, None, holder)
    assert row.tjeneste_id == people["kindergarten"].pk
    assert row.what == ("/x" * 150)[:200]
    assert row.citizen is None


@pytest.mark.parametrize(
    ("status", "action", "reason"),
    [
        (200, A.WRITE, ""),
        (302, A.WRITE, ""),
        (399, A.WRITE, ""),
        (400, A.DENIED, Denial.INVALID),
        (403, A.DENIED, Denial.NOT_PERMITTED),
        (404, A.DENIED, Denial.NOT_FOUND),
        (405, A.DENIED, Denial.INVALID),
        (409, A.DENIED, Denial.CONFLICT),
        (418, A.DENIED, Denial.NOT_PERMITTED),
        (499, A.DENIED, Denial.NOT_PERMITTED),
        (500, A.FAILED, ""),
        (503, A.FAILED, ""),
    ],
)
def test_the_response_decides_the_action_whatever_the_view_meant(
    rf, people, case, status, action, reason
):
    view, _ = make_case_view(HttpResponse(status=status), event="entry.add", need="write")
    AccessLog.objects.all().delete()
    view(request_for(rf, people["users"]["stafettholder"], "post"), pk=case.pk)
    assert [(r[0], r[1], r[2]) for r in rows()] == [("entry.add", action, reason)]


def test_a_view_that_says_it_refused_is_logged_as_refused_with_its_reason(rf, people, case):
    view, _ = make_case_view(deny=Denial.CONFLICT, event="entry.add", need="write")
    AccessLog.objects.all().delete()
    view(request_for(rf, people["users"]["stafettholder"], "post"), pk=case.pk)
    assert [(r[0], r[1], r[2]) for r in rows()] == [("entry.add", A.DENIED, Denial.CONFLICT)]


@pytest.mark.parametrize(
    ("error", "action", "reason"),
    [
        (Http404(), A.DENIED, Denial.NOT_FOUND),
        (PermissionDenied(), A.DENIED, Denial.NOT_PERMITTED),
        (ValueError("boom"), A.FAILED, ""),
    ],
)
def test_a_view_that_raises_is_logged_and_the_error_goes_on(
    rf, people, case, error, action, reason
):
    view, _ = make_case_view(raises=error)
    AccessLog.objects.all().delete()
    with pytest.raises(type(error)):
        view(request_for(rf, people["users"]["stafettholder"]), pk=case.pk)
    assert [(r[0], r[1], r[2], r[3]) for r in rows()] == [("case.view", action, reason, case.pk)]


def test_a_reason_given_before_the_view_raises_is_kept(rf, people, case):
    view, _ = make_case_view(raises=PermissionDenied(), deny=Denial.LOCKED)
    AccessLog.objects.all().delete()
    with pytest.raises(PermissionDenied):
        view(request_for(rf, people["users"]["stafettholder"]), pk=case.pk)
    assert [(r[1], r[2]) for r in rows()] == [(A.DENIED, Denial.LOCKED)]
    view, _ = make_case_view(raises=Http404(), deny=Denial.CONFLICT)
    with pytest.raises(Http404):
        view(request_for(rf, people["users"]["stafettholder"]), pk=case.pk)
    assert [(r[1], r[2]) for r in rows()][1:] == [(A.DENIED, Denial.CONFLICT)]


def test_someone_outside_the_case_gets_404_a_row_and_the_view_never_runs(rf, people, case):
    outsider = people["users"]["other_service"]
    view, calls = make_case_view()
    AccessLog.objects.all().delete()
    with pytest.raises(Http404):
        view(request_for(rf, outsider), pk=case.pk)
    assert calls.count == 0
    assert rows() == [("case.view", A.DENIED, Denial.NOT_PARTICIPANT, case.pk, None, None,
                       outsider.pk)]  # fmt: skip


def test_a_closed_case_refuses_a_write_with_403_but_still_shows(rf, people, case):
    holder = people["users"]["stafettholder"]
    services.case_close(case=case, user=holder, reason="r", final_evaluation="f")
    view, calls = make_case_view(event={"GET": "case.view", "POST": "entry.add"},
                                 need={"GET": "read", "POST": "write"})  # fmt: skip
    AccessLog.objects.all().delete()
    with pytest.raises(PermissionDenied):
        view(request_for(rf, holder, "post"), pk=case.pk)
    assert calls.count == 0
    assert view(request_for(rf, holder), pk=case.pk).status_code == 200
    assert calls.count == 1
    assert [(r[0], r[1], r[2]) for r in rows()] == [
        ("entry.add", A.DENIED, Denial.NOT_WRITABLE),
        ("case.view", A.VIEW, ""),
    ]


def test_a_missing_case_is_a_404_with_no_row(rf, people):
    view, calls = make_case_view()
    with pytest.raises(Http404):
        view(request_for(rf, people["users"]["stafettholder"]), pk=987654)
    assert calls.count == 0
    assert not AccessLog.objects.exists()


def test_no_second_factor_no_case_content_and_no_row(rf, people, case):
    view, calls = make_case_view()
    AccessLog.objects.all().delete()
    request = request_for(rf, people["users"]["stafettholder"])
    request.session = {}
    response = view(request, pk=case.pk)
    assert response.status_code == 302
    assert calls.count == 0
    assert not AccessLog.objects.exists()


def test_a_visitor_without_a_login_is_sent_to_log_in_with_no_row(rf, case):
    view, calls = make_case_view()
    AccessLog.objects.all().delete()
    response = view(request_for(rf, AnonymousUser()), pk=case.pk)
    assert response.status_code == 302
    assert calls.count == 0
    assert not AccessLog.objects.exists()


def test_a_case_view_is_never_cached_and_marked(rf, people, case):
    view, _ = make_case_view()
    response = view(request_for(rf, people["users"]["stafettholder"]), pk=case.pk)
    assert "no-cache" in response["Cache-Control"]
    assert view.is_case_view is True


def make_undring_view(need="see"):
    calls = Calls()

    @undring_view(event={"GET": "undring.view", "POST": "undring.edit"}, need=need)
    def view(request, undring):
        calls.count += 1
        assert request.undring_access is not None
        return HttpResponse("ok")

    return view, calls


def test_a_concern_is_logged_for_its_author_with_its_service(rf, people):
    undring = open_undring(people)
    view, calls = make_undring_view()
    AccessLog.objects.all().delete()
    author = people["users"]["stafettholder"]
    assert view(request_for(rf, author), pk=undring.pk).status_code == 200
    assert calls.count == 1
    assert rows() == [("undring.view", A.VIEW, "", None, undring.pk, people["kindergarten"].pk,
                       author.pk)]  # fmt: skip
    assert view.is_case_view is True


def test_a_concern_is_a_404_for_anyone_else_and_the_view_never_runs(rf, people):
    undring = open_undring(people)
    view, calls = make_undring_view()
    AccessLog.objects.all().delete()
    other = people["users"]["other_service"]
    with pytest.raises(Http404):
        view(request_for(rf, other), pk=undring.pk)
    assert calls.count == 0
    assert [(r[0], r[1], r[2], r[4]) for r in rows()] == [
        ("undring.view", A.DENIED, Denial.NOT_PARTICIPANT, undring.pk)
    ]


def test_a_closed_concern_refuses_a_change_with_403(rf, people):
    undring = open_undring(people)
    author = people["users"]["stafettholder"]
    services.undring_close(undring=undring, user=author, reason="Ingen grunn")
    view, calls = make_undring_view(need={"GET": "see", "POST": "work"})
    AccessLog.objects.all().delete()
    with pytest.raises(PermissionDenied):
        view(request_for(rf, author, "post"), pk=undring.pk)
    assert calls.count == 0
    assert [(r[0], r[1], r[2]) for r in rows()] == [("undring.edit", A.DENIED, Denial.NOT_WRITABLE)]
    assert Undring.objects.get(pk=undring.pk).status == Undring.Status.CLOSED


def test_a_list_is_logged_once_without_a_case(rf, people):
    @logged(event="mywork.view")
    def view(request):
        return HttpResponse("ok")

    user = people["users"]["same_service"]
    view(request_for(rf, user, path="/ansatt/mitt/"))
    assert rows() == [("mywork.view", A.VIEW, "", None, None, None, user.pk)]
    request = request_for(rf, user)
    request.session = {}
    assert view(request).status_code == 302
    assert len(rows()) == 1


def test_a_creation_is_logged_only_when_something_was_made(rf, people, case):
    made = {"case": None}

    @logged_creation(event="case.open")
    def view(request):
        request.audit.created = made["case"]
        return HttpResponse("ok")

    user = people["users"]["stafettholder"]
    AccessLog.objects.all().delete()
    view(request_for(rf, user))
    assert rows() == []
    made["case"] = case
    view(request_for(rf, user))
    assert rows() == [("case.open", A.WRITE, "", case.pk, None, case.tjeneste_id, user.pk)]
    undring = open_undring(people)
    made["case"] = undring

    @logged_creation(event="undring.create")
    def create(request):
        request.audit.created = made["case"]
        return HttpResponse("ok")

    create(request_for(rf, user))
    assert rows()[-1] == ("undring.create", A.WRITE, "", None, undring.pk,
                          undring.tjeneste_id, user.pk)  # fmt: skip


def test_a_case_action_decided_elsewhere_is_logged_with_its_outcome(rf, people, case):
    @logged_case_action(event="case.reassign")
    def view(request, case):
        raise PermissionDenied

    AccessLog.objects.all().delete()
    with pytest.raises(PermissionDenied):
        view(request_for(rf, people["users"]["local_admin"], "post"), case_pk=case.pk)
    assert [(r[0], r[1], r[2], r[3]) for r in rows()] == [
        ("case.reassign", A.DENIED, Denial.NOT_PERMITTED, case.pk)
    ]
    assert view.is_case_view is True


def test_record_names_no_user_for_a_visitor_and_takes_the_events_action(people, case):
    row = record(user=AnonymousUser(), event="consent.document", case=case, object_id=7)
    assert (row.user, row.action, row.object_id, row.stafettlogg_id) == (None, A.DOWNLOAD, 7,
                                                                         case.pk)  # fmt: skip
    row = record(user=people["users"]["stafettholder"], event="case.view", action=A.DENIED)
    assert row.action == A.DENIED
    assert row.user == people["users"]["stafettholder"]


def test_a_row_is_described_in_plain_words():
    with translation.override("en"):
        _described()


def _described():
    row = AccessLog(event="case.view", action=A.VIEW)
    assert describe(row) == "Read the case log"
    row = AccessLog(event="entry.add", action=A.DENIED, reason=Denial.NOT_WRITABLE)
    assert describe(row) == "Refused: Wrote an entry (the case is closed)"
    row = AccessLog(event="entry.add", action=A.DENIED, reason="")
    assert describe(row) == "Refused: Wrote an entry"
    row = AccessLog(event="entry.add", action=A.FAILED)
    assert describe(row) == "Failed: Wrote an entry"
    # An event the log no longer knows reads as its action.
    assert describe(AccessLog(event="gone", action=A.EXPORT)) == "Printed or exported"


def test_every_event_has_an_action_and_a_label():
    assert EVENTS["case.view"][0] == A.VIEW
    for action, label in EVENTS.values():
        assert action in A.values
        assert str(label)
    assert Audit(event="x").reason == ""
    audit = Audit(event="x")
    audit.deny(Denial.LOCKED)
    assert audit.reason == Denial.LOCKED
    with translation.override("en"):
        assert str(access_log.REASONS[Denial.NOT_FOUND]) == "not found"


def test_by_default_a_case_view_needs_the_read_right_and_a_concern_view_the_sight(rf, people, case):
    @case_view(event="case.view")
    def read(request, case):
        return HttpResponse("ok")

    @undring_view(event="undring.view")
    def see(request, undring):
        return HttpResponse("ok")

    users = people["users"]
    AccessLog.objects.all().delete()
    assert read(request_for(rf, users["participant"]), pk=case.pk).status_code == 200
    undring = open_undring(people)
    assert see(request_for(rf, users["leader"]), pk=undring.pk).status_code == 200
    with pytest.raises(Http404):
        see(request_for(rf, users["participant"]), pk=undring.pk)
    assert [(r[0], r[1], r[2]) for r in rows()] == [
        ("case.view", A.VIEW, ""),
        ("undring.view", A.VIEW, ""),
        ("undring.view", A.DENIED, Denial.NOT_PARTICIPANT),
    ]


BY_METHOD = {"GET": "entry.form", "POST": "entry.add"}


def test_a_view_declared_by_method_takes_head_as_get_and_answers_others_405_with_no_row(
    rf, people, case
):
    view, calls = make_case_view(event=BY_METHOD, need={"GET": "read", "POST": "write"})
    holder = people["users"]["stafettholder"]
    AccessLog.objects.all().delete()
    assert view(request_for(rf, holder, "head"), pk=case.pk).status_code == 200
    assert view(request_for(rf, holder, "post"), pk=case.pk).status_code == 200
    assert [(r[0], r[1]) for r in rows()] == [("entry.form", A.VIEW), ("entry.add", A.WRITE)]
    for method in ("put", "delete", "patch", "options"):
        response = view(request_for(rf, holder, method), pk=case.pk)
        assert response.status_code == 405, method
        assert response["Allow"] == "GET, HEAD, POST"
    assert calls.count == 2
    assert len(rows()) == 2


def test_a_method_is_allowed_only_where_both_the_event_and_the_right_name_it(rf, people, case):
    view, calls = make_case_view(event={"GET": "case.view"}, need={"GET": "read", "POST": "write"})
    holder = people["users"]["stafettholder"]
    AccessLog.objects.all().delete()
    response = view(request_for(rf, holder, "post"), pk=case.pk)
    assert (response.status_code, response["Allow"]) == (405, "GET, HEAD")
    view, calls = make_case_view(event="case.view", need={"POST": "write"})
    response = view(request_for(rf, holder), pk=case.pk)
    assert (response.status_code, response["Allow"]) == (405, "POST")
    assert calls.count == 0
    assert rows() == []


def test_a_concern_view_by_method_answers_an_unnamed_method_405_with_no_row(rf, people):
    undring = open_undring(people)

    @undring_view(event={"GET": "undring.view", "POST": "undring.edit"}, need="see")
    def view(request, undring):
        return HttpResponse("ok")

    AccessLog.objects.all().delete()
    author = people["users"]["stafettholder"]
    response = view(request_for(rf, author, "put"), pk=undring.pk)
    assert (response.status_code, response["Allow"]) == (405, "GET, HEAD, POST")
    assert view(request_for(rf, author, "head"), pk=undring.pk).status_code == 200
    assert [(r[0], r[1]) for r in rows()] == [("undring.view", A.VIEW)]


def test_a_citizen_view_by_method_answers_an_unnamed_method_405_before_anything_else(rf, case):
    @access_log.citizen_case_view(event={"GET": "citizen.consent_view"})
    def view(request, case, link):
        raise AssertionError("not reached")

    request = rf.put("/minside/sak/1/")
    request.session = {}
    AccessLog.objects.all().delete()
    response = view(request, pk=case.pk)
    assert (response.status_code, response["Allow"]) == (405, "GET, HEAD")
    assert rows() == []


def test_a_locked_case_shows_its_reason_and_the_holder_the_way_to_a_new_consent(rf, people, case):
    view, calls = make_case_view()
    users = people["users"]
    services.consent_withdraw(case=case, user=users["stafettholder"], reason="Trukket")
    AccessLog.objects.all().delete()
    with translation.override("en"):
        held = view(request_for(rf, users["stafettholder"]), pk=case.pk)
        shared = view(request_for(rf, users["participant"]), pk=case.pk)
    assert (held.status_code, shared.status_code) == (403, 403)
    assert calls.count == 0
    for response in (held, shared):
        assert "The guardians withdrew their consent on " in response.content.decode()
        assert "Sliten i barnehagen." not in response.content.decode()
    consents = f'href="/ansatt/stafettlogg/{case.pk}/samtykke/"'
    assert consents in held.content.decode()
    assert consents not in shared.content.decode()
    assert "The baton holder can record a new consent" in shared.content.decode()
    assert [(r[1], r[2]) for r in rows()] == [(A.DENIED, Denial.LOCKED)] * 2


def test_a_row_recorded_without_a_path_names_none(people, case):
    row = record(user=people["users"]["stafettholder"], event="case.view", case=case)
    assert row.what == ""
