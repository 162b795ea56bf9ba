"""The consent rule (stafettlogg.consent): which consents are active on which day, what they
cover, when a log is locked and why, and what a new consent must say.

Each boundary is tested on both sides (the last valid day, the birthday, the longest period);
a refusal must leave the case as it was.
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone, translation

from stafettlogg import consent, services
from stafettlogg.consent import (
    ConsentError,
    active_consent_rows,
    active_consents,
    age_on,
    consents_ending,
    covered_services,
    latest_valid_until,
    lock,
    new_consent_problems,
    require_names_service,
    require_not_ended,
    require_open,
    require_service_covered,
    require_valid_new_consent,
    services_covered_by,
    too_long_problem,
)
from stafettlogg.errors import CaseClosed, CaseError, CaseLocked
from stafettlogg.models import Samtykke, Stafettlogg

from .case_fixtures import open_case


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_age_is_counted_in_whole_years_up_to_the_birthday():
    born = date(2010, 6, 15)
    assert age_on(born, date(2026, 6, 14)) == 15
    assert age_on(born, date(2026, 6, 15)) == 16
    assert age_on(born, date(2026, 7, 1)) == 16
    assert age_on(born, date(2026, 5, 30)) == 15
    assert age_on(born, date(2026, 12, 31)) == 16
    assert age_on(born, date(2027, 1, 1)) == 16


def test_a_consent_lasts_at_most_the_set_months_and_a_short_month_ends_earlier(settings):
    settings.CONSENT_MAX_MONTHS = 12
    assert latest_valid_until(date(2026, 3, 10)) == date(2027, 3, 10)
    assert latest_valid_until(date(2026, 12, 31)) == date(2027, 12, 31)
    settings.CONSENT_MAX_MONTHS = 1
    assert latest_valid_until(date(2027, 1, 31)) == date(2027, 2, 28)
    assert latest_valid_until(date(2028, 1, 31)) == date(2028, 2, 29)
    assert latest_valid_until(date(2026, 12, 5)) == date(2027, 1, 5)
    assert latest_valid_until(date(2026, 3, 1)) == date(2026, 4, 1)
    assert latest_valid_until(date(2026, 3, 31)) == date(2026, 4, 30)
    settings.CONSENT_MAX_MONTHS = 14
    assert latest_valid_until(date(2026, 11, 30)) == date(2028, 1, 30)


def test_too_long_is_one_day_past_the_latest_end(settings):
    settings.CONSENT_MAX_MONTHS = 12
    given = date(2026, 3, 10)
    assert too_long_problem(given_on=given, valid_until=date(2027, 3, 10)) is None
    problem = too_long_problem(given_on=given, valid_until=date(2027, 3, 11))
    assert problem == "A consent lasts at most 12 months: the latest end date is 10.03.2027."


FACTS = {
    "given_by": "Lise Forelder og Per  Forelder",
    "given_on": date(2026, 3, 10),
    "valid_until": date(2026, 9, 10),
    "child_basis": "",
    "child_birth_date": date(2022, 1, 1),
    "guardian_names": ["Lise Forelder", "per forelder"],
}


def test_a_consent_given_by_every_guardian_named_within_the_period_has_no_problems():
    assert new_consent_problems(**FACTS) == {}
    require_valid_new_consent(**FACTS)


def test_every_guardian_must_be_named():
    problems = new_consent_problems(**{**FACTS, "given_by": "Lise Forelder"})
    assert problems == {
        "given_by": "Name every guardian with parental responsibility who gave the consent: "
        "per forelder."
    }
    with pytest.raises(ConsentError) as refused:
        require_valid_new_consent(**{**FACTS, "given_by": "Lise Forelder"})
    assert refused.value.reason == "invalid"
    assert str(refused.value) == problems["given_by"]
    missing_both = new_consent_problems(**{**FACTS, "given_by": "Noen andre"})
    assert missing_both["given_by"].endswith(": Lise Forelder, per forelder.")


def test_the_young_person_consents_alone_only_from_the_consent_age(settings):
    settings.CONSENT_AGE = 16
    facts = {**FACTS, "child_basis": "own", "given_by": "Emma", "guardian_names": ["Lise"]}
    old_enough = {**facts, "child_birth_date": date(2010, 3, 10)}
    assert new_consent_problems(**old_enough) == {}
    too_young = {**facts, "child_birth_date": date(2010, 3, 11)}
    assert new_consent_problems(**too_young) == {
        "child_basis": "The child can consent on their own only from 16 years of age."
    }
    assert set(new_consent_problems(**{**facts, "child_birth_date": None})) == {"child_basis"}


def test_an_end_before_the_start_and_a_period_too_long_are_problems(settings):
    settings.CONSENT_MAX_MONTHS = 12
    before = new_consent_problems(**{**FACTS, "valid_until": date(2026, 3, 9)})
    assert before == {"valid_until": "The consent cannot end before it was given."}
    assert new_consent_problems(**{**FACTS, "valid_until": date(2026, 3, 10)}) == {}
    assert new_consent_problems(**{**FACTS, "valid_until": date(2027, 3, 10)}) == {}
    too_long = new_consent_problems(**{**FACTS, "valid_until": date(2027, 3, 11)})
    assert set(too_long) == {"valid_until"}
    both = new_consent_problems(
        **{**FACTS, "given_by": "Lise Forelder", "valid_until": date(2026, 1, 1)}
    )
    assert set(both) == {"given_by", "valid_until"}
    with pytest.raises(ConsentError) as refused:
        require_valid_new_consent(
            **{**FACTS, "given_by": "Lise Forelder", "valid_until": date(2026, 1, 1)}
        )
    assert str(refused.value) == " ".join(both.values())


def test_a_new_consent_must_not_have_ended_already():
    today = date(2026, 5, 1)
    require_not_ended(today, today=today)
    with pytest.raises(ConsentError) as refused:
        require_not_ended(today - timedelta(days=1), today=today)
    assert refused.value.reason == "invalid"
    assert str(refused.value) == "The consent's end date has already passed."
    require_not_ended(timezone.localdate())
    with pytest.raises(ConsentError):
        require_not_ended(timezone.localdate() - timedelta(days=1))


@pytest.mark.django_db
def test_a_new_consent_names_the_baton_holders_service(people):
    kindergarten, clinic = people["kindergarten"], people["clinic"]
    require_names_service([kindergarten, clinic], clinic)
    with pytest.raises(ConsentError) as refused:
        require_names_service([kindergarten], clinic)
    assert str(refused.value) == "The consent must name the baton holder's service, Helsestasjonen."
    assert refused.value.reason == "invalid"
    with pytest.raises(ConsentError) as own:
        require_names_service([clinic], kindergarten, own=True)
    assert str(own.value) == "The consent must name your own service, Solbakken barnehage."


@pytest.fixture
def case_without_consent(people):
    """An open case whose consents the test records itself."""
    case = open_case(people)
    Samtykke.objects.filter(stafettlogg=case).delete()
    return case


def _consent(case, people, *, valid_until, given_on=None, refused=False, withdrawn=None,
             covered=("kindergarten",)):  # fmt: skip
    row = Samtykke.objects.create(
        stafettlogg=case, given_by="Lise Forelder", method=Samtykke.Method.ORAL,
        given_on=given_on or timezone.localdate(), valid_until=valid_until, refused=refused,
        withdrawn_at=withdrawn, recorded_by=people["users"]["stafettholder"],
    )  # fmt: skip
    row.services.set([people[name] for name in covered])
    return row


@pytest.mark.django_db
@pytest.mark.sqlite_path
def test_a_consent_is_active_up_to_and_on_its_last_day_unless_refused_or_withdrawn(
    people, case_without_consent
):
    case, today = case_without_consent, timezone.localdate()
    last_day = _consent(case, people, valid_until=today)
    _consent(case, people, valid_until=today - timedelta(days=1))
    _consent(case, people, valid_until=today + timedelta(days=9), refused=True)
    _consent(case, people, valid_until=today + timedelta(days=9), withdrawn=timezone.now())
    assert list(active_consents(case)) == [last_day]
    assert list(active_consents(case, today=today + timedelta(days=1))) == []
    assert list(active_consent_rows()) == [last_day]
    assert list(active_consent_rows(today=today + timedelta(days=1))) == []


@pytest.mark.django_db
@pytest.mark.sqlite_path
def test_consents_to_renew_are_the_active_ones_of_open_cases_ending_soon(
    people, case_without_consent
):
    case, today = case_without_consent, timezone.localdate()
    soon = _consent(case, people, valid_until=today + timedelta(days=14))
    later = _consent(case, people, valid_until=today + timedelta(days=15))
    _consent(case, people, valid_until=today + timedelta(days=3), refused=True)
    assert list(consents_ending(within_days=14)) == [soon]
    assert list(consents_ending(within_days=13)) == []
    assert list(consents_ending(within_days=0, today=today + timedelta(days=15))) == [later]
    Stafettlogg.objects.filter(pk=case.pk).update(status=Stafettlogg.Status.CLOSED)
    assert list(consents_ending(within_days=14)) == []


@pytest.mark.django_db
def test_the_services_covered_are_those_of_active_consents_in_name_order(people):
    case = open_case(people, covered=("kindergarten",))
    today = timezone.localdate()
    _consent(case, people, valid_until=today + timedelta(days=5), covered=("school", "clinic"))
    _consent(case, people, valid_until=today - timedelta(days=1), covered=("kindergarten",))
    _consent(case, people, valid_until=today + timedelta(days=5), refused=True,
             covered=("clinic",))  # fmt: skip
    expected = [people["clinic"], people["school"], people["kindergarten"]]
    assert sorted(covered_services(case), key=lambda s: s.name) == expected
    assert covered_services(case).count() == 3
    loaded = list(case.consents.prefetch_related("services"))
    assert services_covered_by(loaded) == expected
    # A consent covers its services on its last day too.
    assert services_covered_by(loaded, today=today + timedelta(days=5)) == expected
    # Six days on only the consent the log was opened with (for a year) is still active.
    assert services_covered_by(loaded, today=today + timedelta(days=6)) == [people["kindergarten"]]
    withdrawn = _consent(case, people, valid_until=today + timedelta(days=5),
                         withdrawn=timezone.now(), covered=("clinic",))  # fmt: skip
    assert withdrawn not in active_consents(case)
    only_withdrawn = [c for c in case.consents.prefetch_related("services") if c.pk == withdrawn.pk]
    assert services_covered_by(only_withdrawn) == []


@pytest.mark.django_db
def test_writing_needs_a_service_named_in_the_active_consent(people):
    case = open_case(people, covered=("kindergarten",))
    require_service_covered(case, people["kindergarten"])
    with pytest.raises(ConsentError) as refused:
        require_service_covered(case, people["school"])
    assert refused.value.reason == "invalid"
    assert str(refused.value).startswith("Sentrum skole is not named in the guardians' consent.")


@pytest.mark.django_db
@pytest.mark.sqlite_path
def test_a_log_without_an_active_consent_is_locked_and_says_why(people):
    case = open_case(people)
    assert lock(case) is None
    require_open(case)
    today = timezone.localdate()
    original = Samtykke.objects.get(stafettlogg=case)
    Samtykke.objects.filter(pk=original.pk).update(valid_until=today - timedelta(days=1))
    expired = lock(case)
    assert expired == consent.Lock(
        "The consent expired on "
        f"{(today - timedelta(days=1)):%d.%m.%Y}. The log is locked until a new consent is "
        "recorded."
    )
    with pytest.raises(CaseLocked) as locked:
        require_open(case)
    assert locked.value.reason == "locked"
    assert str(locked.value) == expired.reason
    # The latest consent decides: a newer one withdrawn says so; an older refusal is no reason.
    withdrawn_at = timezone.now() - timedelta(days=2)
    _consent(case, people, valid_until=today + timedelta(days=30), given_on=today,
             withdrawn=withdrawn_at)  # fmt: skip
    _consent(case, people, valid_until=today + timedelta(days=30),
             given_on=today + timedelta(days=1), refused=True)  # fmt: skip
    # Recorded last, given earlier: the consent given last decides, not the row made last.
    _consent(case, people, valid_until=today - timedelta(days=5),
             given_on=today - timedelta(days=10))  # fmt: skip
    assert lock(case).reason == (
        f"The guardians withdrew their consent on {timezone.localtime(withdrawn_at):%d.%m.%Y}. "
        "The log is locked."
    )
    Samtykke.objects.filter(stafettlogg=case).delete()
    assert lock(case).reason == "There is no consent for this log. It is locked."


@pytest.mark.django_db
def test_a_closed_case_takes_no_writing_whatever_its_consent(people):
    case = open_case(people)
    services.case_close(
        case=case, user=people["users"]["stafettholder"], reason="r", final_evaluation="f"
    )
    case.refresh_from_db()
    assert lock(case) is None
    with pytest.raises(CaseClosed) as closed:
        require_open(case)
    assert closed.value.reason == "not_writable"
    assert str(closed.value) == "The case is closed."
    assert isinstance(closed.value, CaseError)


def test_a_participant_outside_the_consent_is_told_so():
    assert consent.scope_lock().reason == (
        "The guardians' current consent does not name your service. The log is closed to "
        "you until a consent names it."
    )


@pytest.mark.django_db
def test_a_locked_participant_is_told_the_consent_s_reason_before_the_scope(people):
    case = open_case(people, covered=("kindergarten",))
    # An active consent that does not name the participant's service: the scope is why.
    assert consent.why_locked(case) == consent.scope_lock()
    services.consent_withdraw(case=case, user=people["users"]["stafettholder"], reason="Trukket")
    assert consent.why_locked(case) == lock(case)
    assert consent.why_locked(case).reason.startswith("The guardians withdrew their consent on ")
