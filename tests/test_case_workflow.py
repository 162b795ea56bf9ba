"""Working in a case: entries, corrections, levels, hand-over, reassignment, closure."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from stafettlogg import services
from stafettlogg.models import (
    AccessLog,
    AppendOnlyError,
    DeletionRecord,
    Innslag,
    Stafettlogg,
    Undring,
)
from stafettlogg.tasks import delete_expired_cases, send_evaluation_reminders

from .case_fixtures import CHILD, open_undring

pytestmark = pytest.mark.django_db


def test_entries_are_append_only(case):
    entry = case.entries.first()
    entry.text = "endret"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()


def test_a_correction_is_a_new_entry_pointing_to_the_old(client, people, case):
    entry = case.entries.get(kind="observasjon")
    client.force_login(people["users"]["participant"])
    url = reverse("stafettlogg:entry_correct", kwargs={"pk": case.pk, "entry_pk": entry.pk})
    assert client.post(url, {"text": "Det var to dager, ikke tre."}).status_code == 302
    correction = case.entries.get(kind="korrigering")
    assert correction.corrects == entry
    entry.refresh_from_db()
    assert entry.text == "Sliten i barnehagen."


def test_measure_sets_the_next_evaluation_and_an_evaluation_clears_it(people, case):
    measure = case.entries.get(kind="tiltak")
    case.refresh_from_db()
    assert case.next_evaluation == measure.evaluate_by
    services.entry_add(
        case=case,
        user=people["users"]["stafettholder"],
        kind=Innslag.Kind.EVALUATION,
        measure=measure,
        text="Virket",
        next_step="Avslutte",
    )
    case.refresh_from_db()
    assert case.next_evaluation is None


def test_invalid_entry_gives_400_and_saves_nothing(client, people, case):
    client.force_login(people["users"]["stafettholder"])
    count = case.entries.count()
    url = reverse("stafettlogg:entry_add", kwargs={"pk": case.pk, "kind": "tiltak"})
    response = client.post(
        url,
        {"goal": "x", "responsible": "y", "starts_on": "2026-01-10", "evaluate_by": "2026-01-01"},
    )
    assert response.status_code == 400
    assert case.entries.count() == count


def test_level_change_is_recorded_with_reason(client, people, case):
    client.force_login(people["users"]["stafettholder"])
    client.post(
        reverse("stafettlogg:level", kwargs={"pk": case.pk}),
        {"to_level": 2, "reason": "Trenger helsestasjonen"},
    )
    case.refresh_from_db()
    assert case.level == 2
    entry = case.entries.get(kind="niva")
    assert (entry.from_level, entry.to_level) == (1, 2)


def test_handover_keeps_the_baton_until_accepted(client, people, case):
    holder, receiver = people["users"]["stafettholder"], people["users"]["participant"]
    client.force_login(holder)
    client.post(
        reverse("stafettlogg:handover", kwargs={"pk": case.pk}),
        {"user": receiver.pk, "tjeneste": people["clinic"].pk},
    )
    case.refresh_from_db()
    assert case.stafettholder == holder
    handover = case.handovers.get()
    client.force_login(receiver)
    client.post(
        reverse("stafettlogg:handover_answer", kwargs={"pk": case.pk, "handover_pk": handover.pk}),
        {"answer": "accept"},
    )
    case.refresh_from_db()
    assert case.stafettholder == receiver
    assert case.tjeneste == people["clinic"]


def test_only_the_receiver_can_accept(client, people, case):
    holder = people["users"]["stafettholder"]
    services.handover_request(
        case=case, user=holder, to_user=people["users"]["participant"], to_tjeneste=people["clinic"]
    )
    handover = case.handovers.get()
    client.force_login(holder)
    response = client.post(
        reverse("stafettlogg:handover_answer", kwargs={"pk": case.pk, "handover_pk": handover.pk}),
        {"answer": "accept"},
    )
    assert response.status_code == 409
    case.refresh_from_db()
    assert case.stafettholder == holder


def test_local_administrator_reassigns_without_reading_content(client, people, case):
    admin = people["users"]["local_admin"]
    client.force_login(admin)
    url = reverse(
        "stafettlogg:reassign", kwargs={"slug": "solbakken-barnehage", "case_pk": case.pk}
    )
    response = client.post(url, {"new_holder": people["users"]["same_service"].pk})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.stafettholder == people["users"]["same_service"]
    from stafettlogg.models import AccessLog

    assert AccessLog.objects.filter(stafettlogg_id=case.pk, user=admin, action="write").exists()
    assert client.get(reverse("stafettlogg:case", kwargs={"pk": case.pk})).status_code == 404


def test_leader_of_another_service_cannot_see_the_list_or_reassign(client, people, case):
    from .factories import BrukerFactory, grant_role

    other_leader = BrukerFactory()
    grant_role(other_leader, people["school"], "leder")
    client.force_login(other_leader)
    assert (
        client.get(
            reverse("stafettlogg:service_cases", kwargs={"slug": "solbakken-barnehage"})
        ).status_code
        == 403
    )
    url = reverse(
        "stafettlogg:reassign", kwargs={"slug": "solbakken-barnehage", "case_pk": case.pk}
    )
    # Another service's case is not theirs to know of: 404, nothing changed, the refusal logged.
    assert client.post(url, {"new_holder": other_leader.pk}).status_code == 404
    case.refresh_from_db()
    assert case.stafettholder == people["users"]["stafettholder"]
    row = AccessLog.objects.latest("pk")
    assert (row.user, row.event, row.action) == (other_leader, "case.reassign", "denied")


def test_closing_records_reason_and_final_evaluation(client, people, case):
    client.force_login(people["users"]["stafettholder"])
    client.post(
        reverse("stafettlogg:close", kwargs={"pk": case.pk}),
        {"reason": "Målene er nådd", "final_evaluation": "Familien er fornøyd"},
    )
    case.refresh_from_db()
    assert case.status == Stafettlogg.Status.CLOSED
    closure = case.entries.get(kind="avslutning")
    assert closure.next_step == "Familien er fornøyd"


def test_undring_is_seen_only_by_author_and_the_services_leader(client, people):
    author = people["users"]["stafettholder"]
    undring = services.undring_create(
        author=author,
        tjeneste=people["kindergarten"],
        child_initials="AB",
        child_age=4,
        observation="Stille",
    )
    url = reverse("stafettlogg:undring", kwargs={"pk": undring.pk})
    for who, status in [
        ("stafettholder", 200),
        ("leader", 200),
        ("same_service", 404),
        ("other_service", 404),
        ("local_admin", 404),
        ("coordinator", 404),
        ("participant", 404),
    ]:
        client.force_login(people["users"][who])
        assert client.get(url).status_code == status, who


def test_undring_checklist_report_and_close(client, people):
    author = people["users"]["stafettholder"]
    undring = open_undring(people)
    client.force_login(author)
    report = client.post(
        reverse("stafettlogg:undring_report", kwargs={"pk": undring.pk}),
        {"sent_on": timezone.localdate().isoformat()},
    )
    assert report.status_code == 302
    assert undring.reports.get().sent_by == author
    client.post(
        reverse("stafettlogg:undring_close", kwargs={"pk": undring.pk}),
        {"reason": "Forklaring funnet"},
    )
    undring.refresh_from_db()
    assert undring.status == Undring.Status.CLOSED


def test_my_work_lists_overdue_evaluations_first(client, people, case):
    from .case_fixtures import open_case

    later = open_case(people, child="Senere Barn")
    services.entry_add(
        case=later,
        user=people["users"]["stafettholder"],
        kind=Innslag.Kind.MEASURE,
        title="x",
        goal="y",
        responsible="z",
        starts_on=timezone.localdate() - timedelta(days=20),
        evaluate_by=timezone.localdate() - timedelta(days=2),
    )
    client.force_login(people["users"]["stafettholder"])
    content = client.get(reverse("stafettlogg:my_work")).content.decode()
    assert content.index("Senere Barn") < content.index(CHILD)
    assert "forfalt" in content.lower() or "over fristen" in content.lower()


def test_my_work_marks_only_the_cases_it_lists_for_their_holder_as_locked(client, people, case):
    from .case_fixtures import open_case

    withdrawn = open_case(people, child="Trukket Barn")
    holder = people["users"]["stafettholder"]
    services.consent_withdraw(case=withdrawn, user=holder, reason="Nei.")
    client.force_login(holder)
    content = client.get(reverse("stafettlogg:my_work")).content.decode()
    rows = {
        name: content[content.index(name) : content.index("</td>", content.index(name))]
        for name in (CHILD, "Trukket Barn")
    }
    assert "(låst)" not in rows[CHILD]
    assert "(låst)" in rows["Trukket Barn"]


def test_evaluation_reminder_once_per_date_without_child_data(people, case):
    holder = people["users"]["stafettholder"]
    services.entry_add(
        case=case,
        user=holder,
        kind=Innslag.Kind.MEASURE,
        title="Samtaler",
        goal="g",
        responsible="r",
        starts_on=timezone.localdate(),
        evaluate_by=timezone.localdate(),
    )
    assert send_evaluation_reminders() == 1
    assert send_evaluation_reminders() == 0
    message = mail.outbox[0]
    assert message.to == [holder.email]
    assert CHILD not in message.subject + message.body
    assert f"/ansatt/stafettlogg/{case.pk}/" in message.body


def test_retention_deletes_old_closed_cases_and_keeps_a_record(people, case, settings):
    services.case_close(
        case=case, user=people["users"]["stafettholder"], reason="r", final_evaluation="f"
    )
    Stafettlogg.objects.filter(pk=case.pk).update(
        closed_at=timezone.now() - timedelta(days=settings.RETENTION_DAYS + 1)
    )
    from stafettlogg.models import AccessLog

    AccessLog.objects.create(stafettlogg_id=case.pk, action="view", what="x")
    assert delete_expired_cases() == 1
    assert not Stafettlogg.objects.filter(pk=case.pk).exists()
    record = DeletionRecord.objects.get(object_id=case.pk)
    assert record.closed_by == people["users"]["stafettholder"]
    assert AccessLog.objects.filter(stafettlogg_id=case.pk).exists()


def test_recent_closed_cases_are_kept(people, case):
    services.case_close(
        case=case, user=people["users"]["stafettholder"], reason="r", final_evaluation="f"
    )
    assert delete_expired_cases() == 0


def test_offering_the_baton_again_after_the_receiver_left_lets_them_read_it(people, case):
    """Found by the rule walk: a repeated offer returned the pending one without bringing the
    receiver, who had left meanwhile, back into the case, so they could not read what they
    were asked to accept."""
    from bts_portal.permissions import case_access

    holder, nurse = people["users"]["stafettholder"], people["users"]["participant"]
    offer = services.handover_request(
        case=case, user=holder, to_user=nurse, to_tjeneste=people["clinic"]
    )
    row = case.participants.get(user=nurse, removed_at__isnull=True)
    services.participant_remove(case=case, by=nurse, participant=row)
    assert not case_access(nurse, case).read
    again = services.handover_request(
        case=case, user=holder, to_user=nurse, to_tjeneste=people["clinic"]
    )
    assert again.pk == offer.pk  # still one offer
    assert case_access(nurse, case).read
    assert case.participants.filter(user=nurse, removed_at__isnull=True).count() == 1
