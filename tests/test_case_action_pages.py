"""The light case page (issue 19): one form open on the case page, every other action on a
page of its own that is a plain link away, each with its access-log row."""

import re

import pytest
from django.urls import reverse

from stafettlogg.models import AccessLog, Deltaker, Innslag, Stafettlogg

pytestmark = pytest.mark.django_db

ACTIONS = {
    # url name: (access-log code of the form page, a valid POST, what it changes)
    "level": ("level.form", {"to_level": "2", "reason": "Mer hjelp trengs"}),
    "participant_add": ("participant.form", None),
    "handover": ("handover.form", None),
    "case_report": ("report.form", {"sent_on": "2026-01-05"}),
    "close": ("close.form", {"reason": "Ferdig", "final_evaluation": "Bra"}),
}
HOLDER_ONLY = {"handover", "close"}


def _url(name, case, **kwargs):
    return reverse(f"stafettlogg:{name}", kwargs={"pk": case.pk, **kwargs})


def _last_row():
    return AccessLog.objects.order_by("-pk").first()


def test_the_case_page_renders_one_form_that_stores_an_entry_and_links_to_the_rest(
    client, people, case
):
    client.force_login(people["users"]["stafettholder"])
    page = client.get(_url("case", case)).content.decode()
    forms = re.findall(r'<form method="post" action="([^"]+)"', page)
    entry_forms = [action for action in forms if "/innslag/" in action]
    assert entry_forms == [_url("entry_add", case, kind="observasjon")]
    # No other form's fields are rendered: no selects, no date fields, one textarea.
    assert "<select" not in page
    assert page.count("<textarea") == 1
    for kind in ("samtale", "mote", "tiltak", "evaluering"):
        assert f'href="{_url("entry_add", case, kind=kind)}"' in page
    for name in ACTIONS:
        assert f'href="{_url(name, case)}"' in page


def test_a_participant_who_is_not_the_holder_gets_no_links_to_the_holders_actions(
    client, people, case
):
    client.force_login(people["users"]["participant"])
    page = client.get(_url("case", case)).content.decode()
    for name in HOLDER_ONLY:
        assert _url(name, case) not in page
    assert f'href="{_url("level", case)}"' in page


@pytest.mark.parametrize("kind", [k for k, _ in Innslag.Kind.choices if k in {
    "observasjon", "samtale", "mote", "tiltak", "evaluering"}])  # fmt: skip
def test_each_entry_form_has_a_page_of_its_own_and_is_logged_as_a_read(client, people, case, kind):
    client.force_login(people["users"]["participant"])
    response = client.get(_url("entry_add", case, kind=kind))
    assert response.status_code == 200
    page = response.content.decode()
    assert f'action="{_url("entry_add", case, kind=kind)}"' in page
    assert case.child_name in page
    row = _last_row()
    assert (row.event, row.action, row.stafettlogg_id) == ("entry.form", "view", case.pk)
    assert not case.entries.filter(author=people["users"]["participant"]).exists()


@pytest.mark.parametrize("name", list(ACTIONS))
def test_each_action_has_a_page_of_its_own_for_the_holder(client, people, case, name):
    client.force_login(people["users"]["stafettholder"])
    entries = case.entries.count()
    response = client.get(_url(name, case))
    assert response.status_code == 200
    assert f'action="{_url(name, case)}"' in response.content.decode()
    row = _last_row()
    assert (row.event, row.action, row.stafettlogg_id) == (ACTIONS[name][0], "view", case.pk)
    assert case.entries.count() == entries  # showing a form changes nothing


@pytest.mark.parametrize("name", sorted(HOLDER_ONLY))
def test_the_holders_forms_are_refused_to_other_participants_and_logged(client, people, case, name):
    client.force_login(people["users"]["participant"])
    response = client.get(_url(name, case))
    assert response.status_code == 403
    row = _last_row()
    assert (row.event, row.action, row.reason) == (ACTIONS[name][0], "denied", "not_permitted")


@pytest.mark.parametrize("name", list(ACTIONS))
def test_someone_outside_the_case_gets_404_on_every_action_page(client, people, case, name):
    client.force_login(people["users"]["other_service"])
    assert client.get(_url(name, case)).status_code == 404
    assert _last_row().reason == "not_participant"


def test_an_invalid_form_comes_back_on_its_own_page_with_the_error_summary(client, people, case):
    client.force_login(people["users"]["stafettholder"])
    case.refresh_from_db()
    response = client.post(_url("level", case), {"to_level": "2", "reason": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="error-summary"' in page
    assert f'action="{_url("level", case)}"' in page
    case.refresh_from_db()
    assert case.level == 1
    row = _last_row()
    assert (row.event, row.action, row.reason) == ("level.change", "denied", "invalid")


def test_an_invalid_observation_from_the_case_page_comes_back_on_the_entry_page(
    client, people, case
):
    client.force_login(people["users"]["participant"])
    entries = case.entries.count()
    response = client.post(_url("entry_add", case, kind="observasjon"), {"text": ""})
    assert response.status_code == 400
    assert 'id="error-summary"' in response.content.decode()
    assert case.entries.count() == entries


def test_the_action_pages_still_do_what_they_did(client, people, case):
    holder = people["users"]["stafettholder"]
    client.force_login(holder)
    assert client.post(_url("level", case), ACTIONS["level"][1]).status_code == 302
    case.refresh_from_db()
    assert case.level == 2
    other = people["users"]["same_service"]
    data = {"user": other.pk, "tjeneste": people["kindergarten"].pk}
    assert client.post(_url("participant_add", case), data).status_code == 302
    assert Deltaker.objects.filter(stafettlogg=case, user=other, removed_at=None).exists()
    assert client.post(_url("close", case), ACTIONS["close"][1]).status_code == 302
    case.refresh_from_db()
    assert case.status == Stafettlogg.Status.CLOSED


def test_a_locked_log_shows_no_action_page(client, people, case):
    case.consents.update(withdrawn_at="2026-01-01T00:00:00Z")
    client.force_login(people["users"]["stafettholder"])
    for name in ACTIONS:
        assert client.get(_url(name, case)).status_code == 403, name
    assert client.get(_url("entry_add", case, kind="samtale")).status_code == 403


def test_the_page_timeline_shows_each_entry_with_its_time_and_author(client, people, case):
    client.force_login(people["users"]["participant"])
    page = client.get(_url("case", case)).content.decode()
    entry = case.entries.get(kind="observasjon")
    from django.utils import timezone

    shown = timezone.localtime(entry.created_at).strftime("%d.%m.%Y %H:%M:%S")
    assert (
        f'<time datetime="{timezone.localtime(entry.created_at).isoformat()}">{shown}</time>'
        in (page)
    )
    assert f'href="{_url("entry_correct", case, entry_pk=entry.pk)}"' in page
    assert "Stafettholder" in page
