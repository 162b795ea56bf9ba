"""The case services' rules (stafettlogg.services), through the services themselves: the next
evaluation date and the entry behind it, and refusals that leave the case as it was.
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone, translation

from stafettlogg import services
from stafettlogg.errors import CaseError
from stafettlogg.models import Deltaker, Foresatt, Innslag, Samtykke, Stafettlogg, Undring

pytestmark = pytest.mark.django_db


def snapshot(case):
    case = Stafettlogg.objects.get(pk=case.pk)
    return {
        "holder": case.stafettholder_id,
        "level": case.level,
        "status": case.status,
        "entries": list(case.entries.order_by("pk").values_list("pk", flat=True)),
        "participants": sorted(
            case.participants.values_list("user_id", "tjeneste_id", "removed_at")
        ),
    }


def _measure(case, user, *, title, evaluate_by):
    return services.entry_add(
        case=case, user=user, kind=Innslag.Kind.MEASURE, title=title, goal="g", responsible="r",
        starts_on=timezone.localdate(), evaluate_by=evaluate_by,
    )  # fmt: skip


def test_the_next_evaluation_is_the_earliest_measure_not_yet_evaluated(people, case):
    holder = people["users"]["stafettholder"]
    today = timezone.localdate()
    first = case.entries.get(kind=Innslag.Kind.MEASURE)  # evaluate by today + 14
    assert services.next_evaluation_date(case) == today + timedelta(days=14)
    case.refresh_from_db()
    assert services.entry_setting_next_evaluation(case) == first
    later = _measure(case, holder, title="Samtale", evaluate_by=today + timedelta(days=30))
    assert services.next_evaluation_date(case) == today + timedelta(days=14)
    # Evaluating the first measure sets a new date and leaves the later one pending.
    evaluation = services.entry_add(
        case=case, user=holder, kind=Innslag.Kind.EVALUATION, measure=first, text="Bra",
        next_step="Fortsette", evaluate_by=today + timedelta(days=40),
    )  # fmt: skip
    assert services.next_evaluation_date(case) == today + timedelta(days=30)
    case.refresh_from_db()
    assert case.next_evaluation == today + timedelta(days=30)
    assert services.entry_setting_next_evaluation(case) == later
    # An evaluation of the whole plan covers every measure before it.
    plan = services.entry_add(
        case=case, user=holder, kind=Innslag.Kind.EVALUATION, text="Hele planen",
        next_step="Videre", evaluate_by=today + timedelta(days=50),
    )  # fmt: skip
    assert services.next_evaluation_date(case) == today + timedelta(days=50)
    case.refresh_from_db()
    assert services.entry_setting_next_evaluation(case) == plan
    assert evaluation.pk != plan.pk


def test_no_measures_and_no_evaluations_mean_no_next_evaluation(people):
    from .case_fixtures import open_case

    case = open_case(people, child="Ola Testbarn")
    assert services.next_evaluation_date(case) is None
    case.refresh_from_db()
    assert case.next_evaluation is None
    assert services.entry_setting_next_evaluation(case) is None


def test_only_the_baton_holder_ends_another_participation_and_nothing_changes_else(people, case):
    users = people["users"]
    participation = Deltaker.objects.get(stafettlogg=case, user=users["participant"])
    holder_part = Deltaker.objects.get(stafettlogg=case, user=users["stafettholder"])
    before = snapshot(case)
    with pytest.raises(CaseError) as refused:
        services.participant_remove(case=case, by=users["participant"], participant=holder_part)
    assert refused.value.reason == "conflict"
    assert snapshot(case) == before
    outsider = users["same_service"]
    with pytest.raises(CaseError) as refused:
        services.participant_remove(case=case, by=outsider, participant=participation)
    assert refused.value.reason == "not_participant"
    assert snapshot(case) == before
    # A participant may leave; leaving twice is refused and writes nothing more.
    services.participant_remove(case=case, by=users["participant"], participant=participation)
    after = snapshot(case)
    assert len(after["entries"]) == len(before["entries"]) + 1
    assert Deltaker.objects.get(pk=participation.pk).removed_at is not None
    with pytest.raises(CaseError):
        services.participant_remove(case=case, by=users["stafettholder"], participant=participation)
    assert snapshot(case) == after


def test_adding_a_participant_needs_work_in_a_named_service_and_the_holder_is_never_added(
    people, case
):
    users = people["users"]
    before = snapshot(case)
    for user, tjeneste in [
        (users["other_service"], people["school"]),  # the consent does not name the school
        (users["same_service"], people["clinic"]),  # does not work in the clinic
        (users["stafettholder"], people["clinic"]),  # the baton holder takes part already
    ]:
        with pytest.raises(CaseError):
            services.participant_add(case=case, by=users["stafettholder"], user=user,
                                     tjeneste=tjeneste)  # fmt: skip
        assert snapshot(case) == before, user
    again = services.participant_add(
        case=case, by=users["stafettholder"], user=users["participant"], tjeneste=people["clinic"]
    )
    assert again == Deltaker.objects.get(stafettlogg=case, user=users["participant"])
    assert snapshot(case) == before


def test_a_level_change_to_the_same_level_is_refused_and_a_real_one_is_recorded(people, case):
    holder = people["users"]["stafettholder"]
    level = Stafettlogg.objects.get(pk=case.pk).level
    before = snapshot(case)
    with pytest.raises(CaseError) as refused:
        services.level_change(case=case, user=holder, to_level=level, reason="Samme")
    assert refused.value.reason == "conflict"
    assert snapshot(case) == before
    entry = services.level_change(case=case, user=holder, to_level=level + 1, reason="Mer hjelp")
    case.refresh_from_db()
    assert (case.level, case.level_started_on) == (level + 1, timezone.localdate())
    assert (entry.kind, entry.from_level, entry.to_level, entry.text) == (
        Innslag.Kind.LEVEL, level, level + 1, "Mer hjelp",
    )  # fmt: skip


def test_reassigning_gives_the_baton_and_a_participation_and_declines_pending_offers(people, case):
    users = people["users"]
    offer = services.handover_request(
        case=case, user=users["stafettholder"], to_user=users["participant"],
        to_tjeneste=people["clinic"],
    )  # fmt: skip
    colleague = users["same_service"]
    before = snapshot(case)
    with pytest.raises(CaseError):
        services.stafettholder_reassign(case=case, by=users["same_service"], new_holder=colleague)
    assert snapshot(case) == before
    services.stafettholder_reassign(case=case, by=users["local_admin"], new_holder=colleague)
    case.refresh_from_db()
    assert case.stafettholder == colleague
    assert case.participants.filter(user=colleague, removed_at__isnull=True).exists()
    offer.refresh_from_db()
    assert offer.status == offer.Status.DECLINED
    assert offer.answered_at is not None
    assert case.entries.order_by("-pk").first().kind == Innslag.Kind.HANDOVER
    # The one who reassigns gains nothing.
    assert not case.participants.filter(user=users["local_admin"]).exists()


def test_closing_is_the_holders_act_and_ends_the_next_evaluation(people, case):
    users = people["users"]
    before = snapshot(case)
    with pytest.raises(CaseError):
        services.case_close(case=case, user=users["participant"], reason="r", final_evaluation="f")
    assert snapshot(case) == before
    services.case_close(
        case=case, user=users["stafettholder"], reason="Ferdig", final_evaluation="Bra"
    )
    case.refresh_from_db()
    assert (case.status, case.closed_by, case.next_evaluation) == (
        Stafettlogg.Status.CLOSED, users["stafettholder"], None,
    )  # fmt: skip
    assert case.closed_at is not None
    closure = case.entries.get(kind=Innslag.Kind.CLOSURE)
    assert (closure.text, closure.next_step) == ("Ferdig", "Bra")


def _concern(people, **fields):
    author = people["users"]["stafettholder"]
    return services.undring_create(
        author=author, tjeneste=people["kindergarten"], child_initials="ET", child_age=4,
        observation="Trekker seg unna i leken.", **fields,
    )  # fmt: skip


def _open_from(people, undring, *, user=None):
    from .case_fixtures import open_case

    with translation.override("en"):
        return open_case(people, undring=undring, user=user)


@pytest.mark.parametrize(
    ("fields", "texts"),
    [
        ({}, ["From the concern registered on {day}:\nTrekker seg unna i leken."]),
        (
            {"discussed_with": "Styrer", "discussed_on": date(2026, 3, 4)},
            ["From the concern registered on {day}:\nTrekker seg unna i leken.\n"
             "Discussed with Styrer on 04.03.2026."],
        ),
        (
            {"discussed_with": "Styrer"},
            ["From the concern registered on {day}:\nTrekker seg unna i leken.\n"
             "Discussed with Styrer on –."],
        ),
        (
            {"discussed_on": date(2026, 3, 4)},
            ["From the concern registered on {day}:\nTrekker seg unna i leken.\n"
             "Discussed with – on 04.03.2026."],
        ),
        (
            {"conversation_on": date(2026, 3, 5), "conversation_notes": "Mor er enig."},
            ["From the concern registered on {day}:\nTrekker seg unna i leken.",
             "The necessary conversation on 05.03.2026: Mor er enig."],
        ),
        (
            {"conversation_notes": "Mor er enig."},
            ["From the concern registered on {day}:\nTrekker seg unna i leken.",
             "The necessary conversation on –: Mor er enig."],
        ),
        (
            {"conversation_on": date(2026, 3, 5)},
            ["From the concern registered on {day}:\nTrekker seg unna i leken.",
             "The necessary conversation on 05.03.2026: –"],
        ),
    ],
)  # fmt: skip
def test_a_case_opened_from_a_concern_carries_its_notes_over_once(people, fields, texts):
    undring = _concern(people, **fields)
    case = _open_from(people, undring)
    day = timezone.localdate(undring.created_at).strftime("%d.%m.%Y")
    carried = case.entries.exclude(kind=Innslag.Kind.CONSENT).order_by("pk")
    expected_kinds = [Innslag.Kind.OBSERVATION, Innslag.Kind.CONVERSATION][: len(texts)]
    assert [(e.kind, e.text) for e in carried] == [
        (kind, text.format(day=day)) for kind, text in zip(expected_kinds, texts, strict=True)
    ]
    holder = people["users"]["stafettholder"]
    assert {(e.author_id, e.author_tjeneste_id) for e in carried} == {
        (holder.pk, people["kindergarten"].pk)
    }
    undring.refresh_from_db()
    assert (undring.status, case.undring_id) == (undring.Status.ESCALATED, undring.pk)
    assert undring.closed_at is not None


def test_a_concern_gives_one_case_and_only_its_author_escalates_it(people):
    undring = _concern(people)
    first = _open_from(people, undring)
    cases, entries = Stafettlogg.objects.count(), Innslag.objects.count()
    with pytest.raises(CaseError) as refused:
        _open_from(people, undring)
    assert refused.value.reason == "conflict"
    assert (Stafettlogg.objects.count(), Innslag.objects.count()) == (cases, entries)
    other = _concern(people)
    with pytest.raises(CaseError):
        _open_from(people, other, user=people["users"]["same_service"])
    other.refresh_from_db()
    assert other.status == other.Status.OPEN
    assert (Stafettlogg.objects.count(), Innslag.objects.count()) == (cases, entries)
    assert first.undring_id == undring.pk


def test_only_the_author_changes_an_open_concern_and_a_refusal_changes_nothing(people):
    undring = _concern(people)
    before = Undring.objects.filter(pk=undring.pk).values().get()
    users = people["users"]
    for user in (users["same_service"], users["leader"], users["other_service"]):
        for act, fields in (
            (services.undring_update, {"observation": "Endret"}),
            (services.undring_close, {"reason": "Ingen grunn"}),
            (services.undring_set_step, {"key": "n0-samtale", "done": True}),
        ):
            with pytest.raises(CaseError) as refused, translation.override("en"):
                act(undring=undring, user=user, **fields)
            assert refused.value.reason in {"not_participant", "not_permitted"}, user
            assert Undring.objects.filter(pk=undring.pk).values().get() == before
    services.undring_close(undring=undring, user=users["stafettholder"], reason="Avklart")
    closed = Undring.objects.filter(pk=undring.pk).values().get()
    with pytest.raises(CaseError) as refused, translation.override("en"):
        services.undring_update(undring=undring, user=users["stafettholder"], observation="Nytt")
    assert str(refused.value) == "Only the author can change an open concern."
    assert Undring.objects.filter(pk=undring.pk).values().get() == closed


def test_a_new_consent_names_only_the_guardians_with_parental_responsibility(people):
    from .case_fixtures import open_case

    case = open_case(people)
    Foresatt.objects.create(stafettlogg=case, name="Per Steforelder", parental_responsibility=False)
    Foresatt.objects.create(stafettlogg=case, name="Kari Forelder")
    today = timezone.localdate()
    holder = people["users"]["stafettholder"]

    def add(given_by):
        return services.consent_add(
            case=case, user=holder, services=[people["kindergarten"]],
            consent_data={"given_by": given_by, "method": Samtykke.Method.ORAL,
                          "given_on": today, "valid_until": today + timedelta(days=30)},
        )  # fmt: skip

    consents = case.consents.count()
    with pytest.raises(CaseError) as refused, translation.override("en"):
        add("Lise Forelder")
    assert str(refused.value) == (
        "Name every guardian with parental responsibility who gave the consent: Kari Forelder."
    )
    assert case.consents.count() == consents
    assert add("Lise Forelder og Kari Forelder").given_by == "Lise Forelder og Kari Forelder"


def test_the_entry_behind_the_next_evaluation_is_the_one_given_last_and_a_measure_only(
    people, case, time_machine
):
    holder = people["users"]["stafettholder"]
    today = timezone.localdate()
    due = today + timedelta(days=20)
    measure = case.entries.get(kind=Innslag.Kind.MEASURE)
    # An evaluation written now, then one dated a week earlier but added after it (the
    # clock was behind): the one written at the later time is the latest.
    latest = services.entry_add(
        case=case, user=holder, kind=Innslag.Kind.EVALUATION, measure=measure, text="Nå",
        next_step="Videre", evaluate_by=due,
    )  # fmt: skip
    time_machine.move_to(timezone.now() - timedelta(days=7))
    services.entry_add(
        case=case, user=holder, kind=Innslag.Kind.EVALUATION, measure=measure, text="Før",
        next_step="Videre", evaluate_by=today + timedelta(days=60),
    )  # fmt: skip
    case.next_evaluation = due
    assert services.entry_setting_next_evaluation(case) == latest
    # A date that no evaluation set is a measure's, never an evaluation's with that date; of
    # two measures due then, the one added first.
    time_machine.move_to(timezone.now() + timedelta(days=14))
    later_due = today + timedelta(days=60)
    first = _measure(case, holder, title="Først", evaluate_by=later_due - timedelta(days=1))
    time_machine.move_to(timezone.now() - timedelta(days=3))
    second = _measure(case, holder, title="Andre", evaluate_by=later_due - timedelta(days=1))
    case.next_evaluation = later_due - timedelta(days=1)
    assert services.entry_setting_next_evaluation(case) == second
    assert first.created_at > second.created_at
    case.next_evaluation = later_due
    assert services.entry_setting_next_evaluation(case) is None


def test_a_case_opened_days_after_the_concern_names_the_day_it_was_registered(people, time_machine):
    time_machine.move_to(timezone.now() - timedelta(days=10))
    undring = _concern(people)
    registered = timezone.localdate()
    time_machine.move_to(timezone.now() + timedelta(days=10))
    case = _open_from(people, undring)
    observation = case.entries.get(kind=Innslag.Kind.OBSERVATION)
    assert observation.text.startswith(f"From the concern registered on {registered:%d.%m.%Y}:\n")
    assert registered != timezone.localdate()


def test_an_evaluation_of_one_measure_does_not_keep_an_earlier_evaluation_pending(people, case):
    holder = people["users"]["stafettholder"]
    today = timezone.localdate()
    first = case.entries.get(kind=Innslag.Kind.MEASURE)
    second = _measure(case, holder, title="Samtale", evaluate_by=today + timedelta(days=30))
    services.entry_add(
        case=case, user=holder, kind=Innslag.Kind.EVALUATION, measure=first, text="Bra",
        next_step="Videre", evaluate_by=today + timedelta(days=5),
    )  # fmt: skip
    services.entry_add(
        case=case, user=holder, kind=Innslag.Kind.EVALUATION, measure=second, text="Bra",
        next_step="Videre", evaluate_by=today + timedelta(days=40),
    )  # fmt: skip
    # Both measures are evaluated; the date is the one the latest evaluation set.
    assert services.next_evaluation_date(case) == today + timedelta(days=40)
    # The case object the caller holds has the new date too.
    services.refresh_next_evaluation(case)
    assert case.next_evaluation == today + timedelta(days=40)


def test_of_evaluations_written_at_the_same_moment_the_last_one_sets_the_date(
    people, case, time_machine
):
    holder = people["users"]["stafettholder"]
    today = timezone.localdate()
    time_machine.move_to(timezone.now(), tick=False)
    for days in (50, 30):
        last = services.entry_add(
            case=case, user=holder, kind=Innslag.Kind.EVALUATION, text="Hele planen",
            next_step="Videre", evaluate_by=today + timedelta(days=days),
        )  # fmt: skip
    assert services.next_evaluation_date(case) == today + timedelta(days=30)
    case.refresh_from_db()
    assert services.entry_setting_next_evaluation(case) == last
    # Later, an evaluation written with the clock a day behind is still the latest written.
    time_machine.move_to(timezone.now() + timedelta(days=2), tick=False)
    ahead = services.entry_add(
        case=case, user=holder, kind=Innslag.Kind.EVALUATION, text="Hele planen",
        next_step="Videre", evaluate_by=today + timedelta(days=70),
    )  # fmt: skip
    time_machine.move_to(timezone.now() - timedelta(days=1), tick=False)
    services.entry_add(
        case=case, user=holder, kind=Innslag.Kind.EVALUATION, text="Hele planen",
        next_step="Videre", evaluate_by=today + timedelta(days=90),
    )  # fmt: skip
    assert services.next_evaluation_date(case) == today + timedelta(days=70)
    case.refresh_from_db()
    assert services.entry_setting_next_evaluation(case) == ahead


def test_an_entry_ticks_the_steps_of_the_case_s_level_that_its_kind_does(people, case):
    from handlingsveileder.models import Niva

    from .factories import NivaFactory, TrinnFactory

    level = Stafettlogg.objects.get(pk=case.pk).level
    NivaFactory(number=level), NivaFactory(number=level + 1)
    Niva.objects.update(status="published")
    TrinnFactory(niva=NivaFactory(number=level), key="skriv-observasjon", done_by="observasjon")
    TrinnFactory(niva=NivaFactory(number=level), key="legg-til-tiltak", done_by="tiltak")
    TrinnFactory(niva=NivaFactory(number=level + 1), key="neste-niva", done_by="observasjon")
    other = __import__("tests.case_fixtures", fromlist=["open_case"]).open_case(
        people, child="Ola Testbarn"
    )
    participant = people["users"]["participant"]
    services.entry_add(case=case, user=participant, kind=Innslag.Kind.OBSERVATION, text="Sett")
    ticked = list(case.done_steps.values_list("step_key", "done_by_id"))
    assert ticked == [("skriv-observasjon", participant.pk)]
    assert not other.done_steps.exists()
    # Ticked once: a second observation by someone else keeps who did it first.
    holder = people["users"]["stafettholder"]
    services.entry_add(case=case, user=holder, kind=Innslag.Kind.OBSERVATION, text="Igjen")
    assert list(case.done_steps.values_list("step_key", "done_by_id")) == ticked


def test_a_participant_moves_to_another_service_and_writes_for_that_one(people, case):
    from .factories import grant_role

    users = people["users"]
    holder, participant = users["stafettholder"], users["participant"]
    grant_role(participant, people["kindergarten"], "ansatt")
    old = Deltaker.objects.get(stafettlogg=case, user=participant, removed_at__isnull=True)
    other_case = __import__("tests.case_fixtures", fromlist=["open_case"]).open_case(
        people, child="Ola Testbarn"
    )
    services.participant_add(case=other_case, by=holder, user=participant,
                             tjeneste=people["clinic"])  # fmt: skip
    moved = services.participant_add(
        case=case, by=holder, user=participant, tjeneste=people["kindergarten"]
    )
    old.refresh_from_db()
    assert old.removed_at is not None
    assert (moved.tjeneste, moved.removed_at, moved.added_by) == (
        people["kindergarten"], None, holder,
    )  # fmt: skip
    # The participation in the other case is untouched.
    assert other_case.participants.get(user=participant).removed_at is None
    entry = services.entry_add(case=case, user=participant, kind=Innslag.Kind.OBSERVATION,
                               text="Fra barnehagen")  # fmt: skip
    assert entry.author_tjeneste == people["kindergarten"]


def test_refusals_say_why_in_words_of_their_own(people, case):
    users = people["users"]
    with translation.override("en"):
        with pytest.raises(CaseError) as refused:
            services.participant_add(
                case=case, by=users["stafettholder"], user=users["other_service"],
                tjeneste=people["clinic"],
            )  # fmt: skip
        assert (refused.value.reason, str(refused.value)) == (
            "invalid", f"{users['other_service']} does not work in Helsestasjonen."
        )  # fmt: skip
        with pytest.raises(CaseError) as refused:
            services.case_close(case=case, user=users["participant"], reason="r",
                                final_evaluation="f")  # fmt: skip
        assert (refused.value.reason, str(refused.value)) == (
            "not_permitted", "Only the baton holder can close the case."
        )  # fmt: skip
        with pytest.raises(CaseError) as refused:
            services.entry_add(case=case, user=users["same_service"],
                               kind=Innslag.Kind.OBSERVATION, text="x")  # fmt: skip
        assert (refused.value.reason, str(refused.value)) == (
            "not_participant", "You do not take part in this case."
        )  # fmt: skip


def test_only_one_who_works_in_the_service_registers_a_concern_or_opens_a_case_there(people):
    from .case_fixtures import open_case

    outsider = people["users"]["other_service"]  # works in the school, not the kindergarten
    counts = (Undring.objects.count(), Stafettlogg.objects.count(), Innslag.objects.count())
    with translation.override("en"):
        with pytest.raises(CaseError) as refused:
            services.undring_create(
                author=outsider, tjeneste=people["kindergarten"], child_initials="ET",
                child_age=4, observation="Trekker seg unna i leken.",
            )  # fmt: skip
        assert (refused.value.reason, str(refused.value)) == (
            "not_permitted", "You do not work in Solbakken barnehage."
        )  # fmt: skip
        with pytest.raises(CaseError) as refused:
            open_case(people, user=outsider)
        assert (refused.value.reason, str(refused.value)) == (
            "not_permitted", "You do not work in Solbakken barnehage."
        )  # fmt: skip
    assert (Undring.objects.count(), Stafettlogg.objects.count(), Innslag.objects.count()) == (
        counts
    )


def test_each_refusal_of_the_case_rule_has_its_own_reason_and_words(people, case):
    users = people["users"]
    holder, participant = users["stafettholder"], users["participant"]
    colleague = services.participant_add(
        case=case, by=holder, user=users["same_service"], tjeneste=people["kindergarten"]
    )
    today = timezone.localdate()
    consent_data = {"given_by": "Lise Forelder", "method": Samtykke.Method.ORAL,
                    "given_on": today, "valid_until": today + timedelta(days=30)}  # fmt: skip

    def refused(act, **kwargs):
        before = snapshot(case)
        consents = case.consents.count()
        with pytest.raises(CaseError) as raised, translation.override("en"):
            act(case=case, **kwargs)
        assert snapshot(case) == before
        assert case.consents.count() == consents
        return raised.value.reason, str(raised.value)

    # Not taking part: the case's own words for it, also where the act words "not permitted".
    assert refused(services.case_close, user=users["other_service"], reason="r",
                   final_evaluation="f") == (
        "not_participant", "You do not take part in this case."
    )  # fmt: skip
    # Taking part, but not the baton holder's act: the rule's general words.
    assert refused(services.consent_add, user=participant, consent_data=consent_data,
                   services=[people["kindergarten"]]) == (
        "not_permitted", "Only the baton holder can do this."
    )  # fmt: skip
    assert refused(services.participant_remove, by=participant, participant=colleague) == (
        "not_permitted", "Only the baton holder can do this."
    )  # fmt: skip
    assert Deltaker.objects.get(pk=colleague.pk).removed_at is None
    # A locked log, then a closed one.
    services.consent_withdraw(case=case, user=holder, reason="Trekker samtykket")
    assert refused(services.entry_add, user=holder, kind=Innslag.Kind.OBSERVATION,
                   text="x") == (
        "locked",
        f"The guardians withdrew their consent on {today:%d.%m.%Y}. The log is locked.",
    )  # fmt: skip
    services.consent_add(case=case, user=holder, consent_data=consent_data,
                         services=[people["kindergarten"]])  # fmt: skip
    services.case_close(case=case, user=holder, reason="Ferdig", final_evaluation="Bra")
    assert refused(services.entry_add, user=holder, kind=Innslag.Kind.OBSERVATION,
                   text="x") == ("not_writable", "The case is closed.")  # fmt: skip


def test_leaving_a_service_ends_its_participations_and_says_so_only_in_open_unlocked_logs(
    people, case
):
    from .case_fixtures import close_case, open_case
    from .factories import BrukerFactory, grant_role

    users = people["users"]
    holder, participant, clinic = users["stafettholder"], users["participant"], people["clinic"]
    # An ended participation for the clinic in this case stays as it ended.
    first = Deltaker.objects.get(stafettlogg=case, user=participant)
    services.participant_remove(case=case, by=participant, participant=first)
    services.participant_add(case=case, by=holder, user=participant, tjeneste=clinic)
    ended_at = Deltaker.objects.get(pk=first.pk).removed_at
    nurse = BrukerFactory(username="nurse")  # a colleague in the clinic, who stays
    grant_role(nurse, clinic, "ansatt")
    services.participant_add(case=case, by=holder, user=nurse, tjeneste=clinic)
    closed, locked, elsewhere = (open_case(people, child=child) for child in ("Ola", "Per", "Kari"))
    for other in (closed, locked):
        services.participant_add(case=other, by=holder, user=participant, tjeneste=clinic)
    close_case(closed, people)
    services.consent_withdraw(case=locked, user=holder, reason="Trekker samtykket")
    # The participant's work in another service is not what ends.
    grant_role(participant, people["kindergarten"], "ansatt")
    services.participant_add(case=elsewhere, by=holder, user=participant,
                             tjeneste=people["kindergarten"])  # fmt: skip
    cases = (case, closed, locked, elsewhere)
    before = {c.pk: list(c.entries.values_list("pk", flat=True)) for c in cases}

    with translation.override("en"):
        ended = services.participations_end(user=participant, tjeneste=clinic)

    assert ended == 3
    rows = Deltaker.objects.filter(user=participant, tjeneste=clinic)
    assert rows.count() == 4
    assert not rows.filter(removed_at__isnull=True).exists()
    assert Deltaker.objects.get(pk=first.pk).removed_at == ended_at
    assert case.participants.get(user=nurse).removed_at is None
    assert elsewhere.participants.get(user=participant).removed_at is None
    # Only the open, unlocked log says so, once, in the clinic's name and nobody's.
    new = case.entries.exclude(pk__in=before[case.pk])
    assert [(e.kind, e.author_id, e.author_tjeneste_id, e.text) for e in new] == [
        (Innslag.Kind.PARTICIPANT, None, clinic.pk,
         f"{participant} no longer takes part: they no longer work in Helsestasjonen."),
    ]  # fmt: skip
    for other in (closed, locked, elsewhere):
        assert list(other.entries.values_list("pk", flat=True)) == before[other.pk], other
    # Nothing is left to end.
    assert services.participations_end(user=participant, tjeneste=clinic) == 0


def test_the_receiver_of_an_offer_who_takes_part_already_is_not_added_again(people, case):
    users = people["users"]
    before = snapshot(case)["participants"]
    services.handover_request(
        case=case, user=users["stafettholder"], to_user=users["participant"],
        to_tjeneste=people["clinic"],
    )  # fmt: skip
    assert snapshot(case)["participants"] == before
    assert case.participants.filter(user=users["participant"]).count() == 1


def test_one_who_left_and_is_added_again_takes_part_in_a_new_participation(people, case):
    users = people["users"]
    holder, participant = users["stafettholder"], users["participant"]
    old = Deltaker.objects.get(stafettlogg=case, user=participant)
    services.participant_remove(case=case, by=participant, participant=old)
    ended_at = Deltaker.objects.get(pk=old.pk).removed_at
    again = services.participant_add(
        case=case, by=holder, user=participant, tjeneste=people["clinic"]
    )
    assert again.pk != old.pk
    assert (again.removed_at, again.added_by, again.tjeneste) == (None, holder, people["clinic"])
    assert Deltaker.objects.get(pk=old.pk).removed_at == ended_at
    assert list(case.participants.filter(user=participant, removed_at__isnull=True)) == [again]


def test_an_entry_is_written_for_the_service_of_its_author_s_participation_or_the_one_named(
    people, case
):
    users = people["users"]
    holder, participant = users["stafettholder"], users["participant"]
    own = services.entry_add(case=case, user=participant, kind=Innslag.Kind.OBSERVATION,
                             text="Fra helsestasjonen")  # fmt: skip
    assert (own.author, own.author_tjeneste) == (participant, people["clinic"])
    # The baton holder ends the participation: the entry is in the ended participation's name.
    services.participant_remove(
        case=case, by=holder, participant=Deltaker.objects.get(stafettlogg=case, user=participant)
    )
    ended = case.entries.order_by("-pk").first()
    assert (ended.kind, ended.author, ended.author_tjeneste) == (
        Innslag.Kind.PARTICIPANT, holder, people["clinic"],
    )  # fmt: skip
    # The one who reassigns takes no part: the entry is in the case's service's name.
    services.stafettholder_reassign(case=case, by=users["local_admin"],
                                    new_holder=users["same_service"])  # fmt: skip
    reassigned = case.entries.order_by("-pk").first()
    assert (reassigned.kind, reassigned.author, reassigned.author_tjeneste) == (
        Innslag.Kind.HANDOVER, users["local_admin"], people["kindergarten"],
    )  # fmt: skip


def test_archiving_a_closed_case_asks_for_one_package_in_the_case_s_service(people, case):
    from arkiv.models import ArchivePackage

    from .case_fixtures import close_case

    close_case(case, people)
    services.archive_closed_case(case_id=case.pk)
    services.archive_closed_case(case_id=case.pk)
    package = ArchivePackage.objects.get()
    assert (package.case_id, package.tjeneste, package.status) == (
        case.pk, people["kindergarten"], ArchivePackage.Status.PENDING,
    )  # fmt: skip


def test_an_entry_by_one_without_a_participation_names_no_service(people, case):
    # Every service today adds its author first or names the service; the rule still holds
    # for a caller that does neither: no participation, no author service.
    coordinator = people["users"]["coordinator"]
    entry = services._entry(case, coordinator, Innslag.Kind.OBSERVATION, text="Notat")
    entry.refresh_from_db()
    assert (entry.author, entry.author_tjeneste) == (coordinator, None)


def test_leaving_a_service_reads_the_logs_with_their_participations_in_one_query(people):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .case_fixtures import close_case, open_case
    from .factories import BrukerFactory, grant_role

    holder, clinic = people["users"]["stafettholder"], people["clinic"]

    def queries_to_end(username, logs):
        nurse = BrukerFactory(username=username)
        grant_role(nurse, clinic, "ansatt")
        for n in range(logs):
            log = open_case(people, child=f"{username} {n}")
            services.participant_add(case=log, by=holder, user=nurse, tjeneste=clinic)
            close_case(log, people)  # closed: nothing is written, only read
        with CaptureQueriesContext(connection) as queries:
            assert services.participations_end(user=nurse, tjeneste=clinic) == logs
        return len(queries)

    assert queries_to_end("one", 1) == queries_to_end("three", 3)


def test_refusals_name_the_service_in_the_reader_s_language(people, case):
    users = people["users"]
    clinic, kindergarten = people["clinic"], people["kindergarten"]
    clinic.name_en = "The health clinic"
    clinic.save(update_fields=["name_en"])
    kindergarten.name_en = "Solbakken kindergarten"
    kindergarten.save(update_fields=["name_en"])
    with translation.override("en"):
        with pytest.raises(CaseError) as refused:
            services.participant_add(case=case, by=users["stafettholder"],
                                     user=users["other_service"], tjeneste=clinic)  # fmt: skip
        assert str(refused.value) == f"{users['other_service']} does not work in The health clinic."
        with pytest.raises(CaseError) as refused:
            services.participant_add(case=case, by=users["stafettholder"],
                                     user=users["stafettholder"], tjeneste=clinic)  # fmt: skip
        assert str(refused.value) == "The baton holder takes part for Solbakken kindergarten."
        with pytest.raises(CaseError) as refused:
            services.undring_create(author=users["participant"], tjeneste=kindergarten,
                                    observation="x")  # fmt: skip
        assert str(refused.value) == "You do not work in Solbakken kindergarten."
    # In bokmål, the name as it is.
    with translation.override("nb"), pytest.raises(CaseError) as refused:
        services.undring_create(author=users["participant"], tjeneste=kindergarten,
                                observation="x")  # fmt: skip
    assert "Solbakken barnehage" in str(refused.value)
