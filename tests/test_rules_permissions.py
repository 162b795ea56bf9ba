"""The access rule (bts_portal.permissions): what each standing in a case or a concern allows,
and why a request is refused, checked for every combination of the facts it is built from;
then the facts themselves, read from real rows, and the reassignment rule.
"""

import itertools
from dataclasses import fields
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone, translation

from bts_portal import permissions
from bts_portal.permissions import CaseAccess, Denial, UndringAccess
from stafettlogg import services
from stafettlogg.models import Samtykke, Stafettlogg, Undring

from .case_fixtures import open_undring
from .factories import BrukerFactory, grant_role

NEEDS = (
    "read", "write", "hold", "hand_over", "record_consent", "print_consent_form",
    "see_consents", "insight",
)  # fmt: skip


def expected_case_rights(participant, member, covered, open_, holder):
    """The rule as the README states it, written out again for the test."""
    knows = participant and member
    read = knows and covered
    return {
        "knows": knows,
        "read": read,
        "write": read and open_,
        "hold": knows and holder,
        "hand_over": read and open_ and holder,
        "record_consent": knows and holder and open_,
        "print_consent_form": read or (knows and holder and open_),
        "see_consents": read or (knows and holder),
        "insight": knows and holder,
    }


def expected_case_denial(need, rights, covered, open_, holder):
    if rights[need]:
        return None
    if not rights["knows"]:
        return Denial.NOT_PARTICIPANT
    if need in {"read", "write", "hand_over", "see_consents", "print_consent_form"} and not covered:
        return Denial.LOCKED
    if need in {"write", "hand_over"} and not open_:
        return Denial.NOT_WRITABLE
    if need == "record_consent" and holder and not open_:
        return Denial.NOT_WRITABLE
    return Denial.NOT_PERMITTED


@pytest.mark.parametrize("facts", list(itertools.product([False, True], repeat=5)))
def test_every_standing_in_a_case_gets_what_the_rule_says(facts):
    participant, member, covered, open_, holder = facts
    access = CaseAccess(
        participant_service_id=7 if participant else None, member=member, covered=covered,
        open=open_, holder=holder,
    )  # fmt: skip
    rights = expected_case_rights(*facts)
    assert {name: getattr(access, name) for name in rights} == rights
    for need in NEEDS:
        assert access.denial(need) == expected_case_denial(need, rights, covered, open_, holder), (
            need
        )


def test_nobody_has_any_standing_by_default():
    access = CaseAccess()
    assert [f.name for f in fields(access)] == [
        "participant_service_id", "member", "covered", "open", "holder",
    ]  # fmt: skip
    assert (access.participant_service_id, access.member, access.covered) == (None, False, False)
    assert (access.open, access.holder) == (False, False)
    assert UndringAccess() == UndringAccess(author=False, author_works=False, leader=False,
                                            open=False)  # fmt: skip


@pytest.mark.parametrize("facts", list(itertools.product([False, True], repeat=4)))
def test_every_standing_towards_a_concern_gets_what_the_rule_says(facts):
    author, works, leader, open_ = facts
    access = UndringAccess(author=author, author_works=works, leader=leader, open=open_)
    see = (author and works) or leader
    work = author and works and open_
    assert (access.see, access.work) == (see, work)
    for need, granted in (("see", see), ("work", work)):
        if granted:
            expected = None
        elif not see:
            expected = Denial.NOT_PARTICIPANT
        elif author and not open_:
            expected = Denial.NOT_WRITABLE
        else:
            expected = Denial.NOT_PERMITTED
        assert access.denial(need) == expected, need


@pytest.mark.django_db
def test_the_standing_is_read_from_the_rows_for_each_person(people, case):
    users = people["users"]
    holder = permissions.case_access(users["stafettholder"], case)
    assert holder == CaseAccess(
        participant_service_id=people["kindergarten"].pk, member=True, covered=True, open=True,
        holder=True,
    )  # fmt: skip
    participant = permissions.case_access(users["participant"], case)
    assert participant == CaseAccess(
        participant_service_id=people["clinic"].pk, member=True, covered=True, open=True,
        holder=False,
    )  # fmt: skip
    for outsider in ("same_service", "other_service", "leader", "coordinator", "sysadmin"):
        assert permissions.case_access(users[outsider], case) == CaseAccess(open=True), outsider
    assert permissions.case_access(AnonymousUser(), case) == CaseAccess()
    inactive = users["participant"]
    inactive.is_active = False
    assert permissions.case_access(inactive, case) == CaseAccess()
    inactive.is_active = True
    assert permissions.may_read_case(users["participant"], case)
    assert permissions.may_write_case(users["participant"], case)
    assert not permissions.may_read_case(users["same_service"], case)
    assert not permissions.may_write_case(users["same_service"], case)


@pytest.mark.django_db
@pytest.mark.sqlite_path
def test_the_standing_follows_the_consent_the_membership_and_the_participation(people, case):
    users = people["users"]
    participant = users["participant"]
    today = timezone.localdate()
    # The consent ends: covered only up to and on its last day (``today``).
    consent = Samtykke.objects.get(stafettlogg=case, refused=False)
    Samtykke.objects.filter(pk=consent.pk).update(valid_until=today)
    assert permissions.case_access(participant, case).covered
    assert not permissions.case_access(participant, case, today=today + timedelta(days=1)).covered
    # No longer working in the participation's service, though still in another one: a
    # participant who is not told the log exists.
    grant_role(participant, people["school"], "ansatt")
    participant.memberships.filter(tjeneste=people["clinic"]).delete()
    standing = permissions.case_access(participant, case)
    assert (standing.member, standing.knows, standing.read) == (False, False, False)
    assert permissions.case_standings(participant)[case.pk] == standing
    # A participation that has ended counts for nothing.
    holder = users["stafettholder"]
    case.participants.filter(user=holder).update(removed_at=timezone.now())
    assert permissions.case_access(holder, case) == CaseAccess(open=True)


@pytest.mark.django_db
def test_a_closed_case_is_read_but_not_written(people, case):
    holder = people["users"]["stafettholder"]
    services.case_close(case=case, user=holder, reason="r", final_evaluation="f")
    case.refresh_from_db()
    standing = permissions.case_access(holder, case)
    assert (standing.open, standing.read, standing.write) == (False, True, False)
    assert standing.denial("write") == Denial.NOT_WRITABLE


@pytest.mark.django_db
def test_a_concern_is_seen_by_its_author_and_the_services_leaders(people):
    users = people["users"]
    undring = open_undring(people)
    assert permissions.undring_access(users["stafettholder"], undring) == UndringAccess(
        author=True, author_works=True, leader=False, open=True
    )
    assert permissions.undring_access(users["leader"], undring) == UndringAccess(
        author=False, author_works=False, leader=True, open=True
    )
    for other in ("same_service", "other_service", "participant", "coordinator", "sysadmin"):
        assert not permissions.may_see_undring(users[other], undring), other
        assert permissions.undring_access(users[other], undring).author is False
    assert permissions.undring_access(AnonymousUser(), undring) == UndringAccess()
    assert permissions.may_see_undring(users["leader"], undring)
    Undring.objects.filter(pk=undring.pk).update(status=Undring.Status.CLOSED)
    undring.refresh_from_db()
    assert permissions.undring_access(users["stafettholder"], undring).open is False
    users["stafettholder"].memberships.all().delete()
    assert permissions.undring_access(users["stafettholder"], undring).author_works is False
    author = users["stafettholder"]
    author.is_active = False
    assert permissions.undring_access(author, undring) == UndringAccess()


@pytest.mark.django_db
def test_works_in_needs_an_active_user_with_a_work_role_in_that_service(people):
    users = people["users"]
    kindergarten = people["kindergarten"]
    assert permissions.works_in(users["same_service"], kindergarten.pk)
    assert not permissions.works_in(users["same_service"], people["school"].pk)
    assert not permissions.works_in(users["same_service"], None)
    assert not permissions.works_in(AnonymousUser(), kindergarten.pk)
    assert not permissions.works_in(users["local_admin"], kindergarten.pk)
    assert permissions.may_open_cases(users["same_service"], kindergarten)
    assert not permissions.may_open_cases(users["local_admin"], kindergarten)
    inactive = users["same_service"]
    inactive.is_active = False
    assert not permissions.works_in(inactive, kindergarten.pk)


@pytest.mark.django_db
def test_who_may_take_part_works_in_the_service_and_the_consent_names_it(people, case):
    users = people["users"]
    assert permissions.may_take_part(users["same_service"], case, people["kindergarten"])
    assert not permissions.may_take_part(users["other_service"], case, people["school"])
    newcomer = BrukerFactory(username="ny")
    grant_role(newcomer, people["school"], "ansatt")
    assert not permissions.may_take_part(newcomer, case, people["school"])
    assert not permissions.may_take_part(users["same_service"], case, people["clinic"])
    users["same_service"].is_active = False
    assert not permissions.may_take_part(users["same_service"], case, people["kindergarten"])


@pytest.mark.django_db
@pytest.mark.sqlite_path
def test_reassigning_the_baton_says_why_not_and_changes_nothing(people, case):
    users = people["users"]
    admin, holder = users["local_admin"], users["stafettholder"]
    colleague = users["same_service"]
    with translation.override("en"):
        assert permissions.reassign_refusal(admin, case, colleague) is None
        assert permissions.may_reassign(admin, case)
        assert permissions.may_reassign(users["leader"], case)
        assert not permissions.may_reassign(holder, case)
        assert permissions.reassign_refusal(holder, case, colleague) == (
            "You cannot reassign cases in this service."
        )
        assert permissions.reassign_refusal(admin, case, admin) == (
            "You cannot give the baton to yourself."
        )
        assert permissions.reassign_refusal(admin, case, holder) == (
            f"{holder} already holds the baton."
        )
        assert permissions.reassign_refusal(admin, case, users["other_service"]).startswith(
            f"{users['other_service']} cannot hold the baton: they must work in"
        )
        Samtykke.objects.filter(stafettlogg=case).update(
            valid_until=timezone.localdate() - timedelta(days=1)
        )
        assert permissions.reassign_refusal(admin, case, colleague).startswith(
            "The case log is locked"
        )
        Stafettlogg.objects.filter(pk=case.pk).update(status=Stafettlogg.Status.CLOSED)
        case.refresh_from_db()
        assert permissions.reassign_refusal(admin, case, colleague) == (
            "The case is closed. Its baton holder cannot be changed."
        )
    assert Stafettlogg.objects.get(pk=case.pk).stafettholder == holder


@pytest.mark.django_db
def test_case_lists_are_for_leaders_and_local_administrators(people):
    users = people["users"]
    kindergarten = people["kindergarten"]
    assert permissions.may_see_case_list(users["leader"], kindergarten)
    assert permissions.may_see_case_list(users["local_admin"], kindergarten)
    assert not permissions.may_see_case_list(users["same_service"], kindergarten)
    assert not permissions.may_see_case_list(users["leader"], people["school"])
