"""The rest of the permission rules (bts_portal.permissions), each asked for every role: who
edits, publishes, approves and reviews each kind of content and which items and services they
get; who makes, writes and downloads the annual report; the standings of My work; who may take
the baton; and which cases a citizen sees through their guardian links.

Each rule is stated here as the exact answer for each person, so that any change to a rule
changes an answer (these tests kill the rule module's mutants, `make mutate`).
"""

import secrets
from dataclasses import replace
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone, translation

from bts_portal import permissions
from bts_portal.permissions import (
    COORDINATOR_CONTENT,
    MODEL_CONTENT,
    SERVICE_MEASURES,
    CaseAccess,
)
from minside.identity import Citizen, pid_hash
from minside.models import Invitasjon, Kobling
from organisasjon.models import Medlemskap
from samhandling.models import Element, Side
from stafettlogg import services
from stafettlogg.models import Deltaker, Samtykke, Stafettlogg
from statistikk.models import ReportFile
from tiltaksoversikt.models import Tiltak

from .case_fixtures import close_case, open_case
from .factories import (
    BrukerFactory,
    ElementFactory,
    SideFactory,
    TiltakFactory,
    TjenesteFactory,
    grant_role,
)

# Everyone the content rules are asked about: the coordinator, the owning service's leader,
# local administrator and employee, an employee and a leader of another service, and nobody.
ROLES = (
    "coordinator", "leader", "local_admin", "same_service", "other_service", "school_leader",
    "anonymous",
)  # fmt: skip
NOBODY = dict.fromkeys(ROLES, frozenset())


@pytest.fixture
def content(people):
    """Items of each kind owned by the kindergarten, by the school and by no service."""
    users = dict(people["users"])
    kindergarten, school = people["kindergarten"], people["school"]
    users["school_leader"] = BrukerFactory(username="school_leader")
    grant_role(users["school_leader"], school, "leder")
    users["anonymous"] = AnonymousUser()
    closed = TjenesteFactory(name="Avviklet tjeneste", slug="avviklet-tjeneste", is_active=False)
    elements = {
        "kindergarten": ElementFactory(owner_tjeneste=kindergarten),
        "school": ElementFactory(owner_tjeneste=school),
        "none": ElementFactory(owner_tjeneste=None),
    }
    measures = {
        "kindergarten": TiltakFactory(tjeneste=kindergarten),
        "school": TiltakFactory(tjeneste=school),
        "closed": TiltakFactory(tjeneste=closed),
    }
    pages = {"page": SideFactory()}
    return {
        "users": users, "elements": elements, "measures": measures, "pages": pages,
        "closed": closed, **{k: people[k] for k in ("kindergarten", "clinic", "school")},
    }  # fmt: skip


def answers(content, question):
    """{role: the names of the items for which ``question(user, item)`` is true}."""
    items, users = content["items"], content["users"]
    return {
        role: {name for name, item in items.items() if question(users[role], item)}
        for role in ROLES
    }


def with_items(content, kind):
    return {**content, "items": content[kind]}


def everything(items):
    return set(items)


# --- Editing ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_who_may_edit_each_kind_of_content(content):
    model = with_items(content, "elements")
    assert answers(model, MODEL_CONTENT.may_edit) == {
        **NOBODY, "coordinator": {"kindergarten", "school", "none"}, "leader": {"kindergarten"},
        "school_leader": {"school"},
    }  # fmt: skip
    catalogue = with_items(content, "measures")
    assert answers(catalogue, SERVICE_MEASURES.may_edit) == {
        **NOBODY, "coordinator": {"kindergarten", "school", "closed"},
        "leader": {"kindergarten"}, "local_admin": {"kindergarten"}, "school_leader": {"school"},
    }  # fmt: skip
    pages = with_items(content, "pages")
    assert answers(pages, COORDINATOR_CONTENT.may_edit) == {**NOBODY, "coordinator": {"page"}}


@pytest.mark.django_db
def test_an_item_without_the_owner_field_belongs_to_no_service(content):
    users, page = content["users"], content["pages"]["page"]
    for role in ROLES:
        expected = role == "coordinator"
        assert MODEL_CONTENT.may_edit(users[role], page) is expected, role
        assert SERVICE_MEASURES.may_mark_reviewed(users[role], page) is expected, role


# --- Publishing, approving, reviewing ---------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("leaders_approve", [False, True])
def test_only_the_coordinator_publishes_the_model_and_the_pages(content, settings, leaders_approve):
    settings.MEASURE_APPROVAL_BY_SERVICE_LEADER = leaders_approve
    users = content["users"]
    for policy, kind in ((MODEL_CONTENT, "elements"), (COORDINATOR_CONTENT, "pages")):
        items = with_items(content, kind)
        coordinator_only = {**NOBODY, "coordinator": everything(content[kind])}
        assert answers(items, policy.may_publish) == coordinator_only
        assert answers(items, policy.may_mark_reviewed) == coordinator_only
        for role in ROLES:
            assert policy.may_publish(users[role]) is (role == "coordinator"), role
            for author in ("leader", "coordinator"):
                approves = {
                    name for name, item in content[kind].items()
                    if policy.may_approve(users[role], item, users[author].pk)
                }  # fmt: skip
                assert approves == (everything(content[kind]) if role == "coordinator" else set())


@pytest.mark.django_db
def test_without_the_setting_only_the_coordinator_publishes_measures(content, settings):
    settings.MEASURE_APPROVAL_BY_SERVICE_LEADER = False
    catalogue = with_items(content, "measures")
    all_measures = everything(content["measures"])
    assert answers(catalogue, SERVICE_MEASURES.may_publish) == {
        **NOBODY,
        "coordinator": all_measures,
    }
    other = content["users"]["same_service"].pk
    assert answers(catalogue, lambda u, m: SERVICE_MEASURES.may_approve(u, m, other)) == {
        **NOBODY,
        "coordinator": all_measures,
    }
    # The owners mark their measures as reviewed all the same: that changes no text.
    assert answers(catalogue, SERVICE_MEASURES.may_mark_reviewed) == {
        **NOBODY, "coordinator": all_measures, "leader": {"kindergarten"},
        "local_admin": {"kindergarten"}, "school_leader": {"school"},
    }  # fmt: skip


@pytest.mark.django_db
def test_a_missing_setting_means_leaders_do_not_publish_measures(content, settings):
    del settings.MEASURE_APPROVAL_BY_SERVICE_LEADER
    leader, measure = content["users"]["leader"], content["measures"]["kindergarten"]
    assert not SERVICE_MEASURES.may_publish(leader, measure)
    assert not SERVICE_MEASURES.may_approve(leader, measure, content["users"]["local_admin"].pk)
    assert SERVICE_MEASURES.may_publish(content["users"]["coordinator"], measure)


@pytest.mark.django_db
def test_with_the_setting_the_services_leader_publishes_and_approves_its_measures(
    content, settings
):
    settings.MEASURE_APPROVAL_BY_SERVICE_LEADER = True
    users = content["users"]
    catalogue = with_items(content, "measures")
    all_measures = everything(content["measures"])
    leaders = {**NOBODY, "coordinator": all_measures, "leader": {"kindergarten"},
               "school_leader": {"school"}}  # fmt: skip
    # The local administrator edits the measures but has no say over what the public sees.
    assert answers(catalogue, SERVICE_MEASURES.may_publish) == leaders
    for role in ROLES:
        # Publishing and reordering a list (no item) stays the coordinator's.
        assert SERVICE_MEASURES.may_publish(users[role], None) is (role == "coordinator"), role
    # Another's proposal, and one whose author is gone, wait for a leader or the coordinator.
    for author_id in (users["local_admin"].pk, None):
        assert (
            answers(catalogue, lambda u, m, a=author_id: SERVICE_MEASURES.may_approve(u, m, a))
            == leaders
        )
    # A leader never approves their own proposal; the coordinator approves their own.
    assert answers(catalogue, lambda u, m: SERVICE_MEASURES.may_approve(u, m, u.pk)) == {
        **NOBODY,
        "coordinator": all_measures,
    }
    assert answers(catalogue, SERVICE_MEASURES.may_mark_reviewed) == {
        **leaders,
        "local_admin": {"kindergarten"},
    }


@pytest.mark.django_db
def test_who_may_publish_may_mark_reviewed_even_where_owners_do_not_review(content, settings):
    settings.MEASURE_APPROVAL_BY_SERVICE_LEADER = True
    policy = replace(SERVICE_MEASURES, owners_review=False)
    catalogue = with_items(content, "measures")
    assert answers(catalogue, policy.may_mark_reviewed) == {
        **NOBODY, "coordinator": everything(content["measures"]), "leader": {"kindergarten"},
        "school_leader": {"school"},
    }  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("leaders_approve", [False, True])
def test_who_sees_a_proposal(content, settings, leaders_approve):
    settings.MEASURE_APPROVAL_BY_SERVICE_LEADER = leaders_approve
    users = content["users"]
    cases = (
        (MODEL_CONTENT, "elements", {"coordinator": {"kindergarten", "school", "none"},
                                     "leader": {"kindergarten"}, "school_leader": {"school"}}),
        (SERVICE_MEASURES, "measures", {"coordinator": {"kindergarten", "school", "closed"},
                                        "leader": {"kindergarten"},
                                        "local_admin": {"kindergarten"},
                                        "school_leader": {"school"}}),
        (COORDINATOR_CONTENT, "pages", {"coordinator": {"page"}}),
    )  # fmt: skip
    for policy, kind, editors in cases:
        items = with_items(content, kind)
        # Another's proposal: those who edit the item (and so those who approve it).
        for author in ("same_service", "other_service"):
            author_id = users[author].pk
            seen = answers(items, lambda u, i, a=author_id, p=policy: p.may_see_proposal(u, i, a))
            expected = {**NOBODY, **editors}
            expected[author] = everything(content[kind])  # its author sees it anywhere
            assert seen == expected, (kind, author)
        # One's own proposal, for anyone signed in; nobody's (author gone) as another's.
        own = answers(items, lambda u, i, p=policy: p.may_see_proposal(u, i, u.pk))
        assert own == {**dict.fromkeys(ROLES, everything(content[kind])), "anonymous": set()}
        gone = answers(items, lambda u, i, p=policy: p.may_see_proposal(u, i, None))
        assert gone == {**NOBODY, **editors}, kind


# --- The editing lists ------------------------------------------------------------------------


def names(services_):
    return [s.name for s in services_]


@pytest.mark.django_db
def test_the_owner_services_each_role_chooses_from(content):
    users = content["users"]
    # The coordinator chooses among the active services, by name; never a closed one.
    active = ["Helsestasjonen", "Sentrum skole", "Solbakken barnehage"]
    for policy in (MODEL_CONTENT, COORDINATOR_CONTENT, SERVICE_MEASURES):
        assert names(policy.owner_services(users["coordinator"])) == active
    expected = {
        MODEL_CONTENT: {"leader": ["Solbakken barnehage"], "school_leader": ["Sentrum skole"]},
        SERVICE_MEASURES: {"leader": ["Solbakken barnehage"],
                           "local_admin": ["Solbakken barnehage"],
                           "school_leader": ["Sentrum skole"]},
        COORDINATOR_CONTENT: {},
    }  # fmt: skip
    for policy, owners in expected.items():
        got = {role: names(policy.owner_services(users[role])) for role in ROLES[1:]}
        assert got == {role: owners.get(role, []) for role in ROLES[1:]}, policy
    # A leader of two services chooses between both, by name.
    grant_role(users["leader"], content["clinic"], "leder")
    assert names(MODEL_CONTENT.owner_services(users["leader"])) == [
        "Helsestasjonen", "Solbakken barnehage",
    ]  # fmt: skip


@pytest.mark.django_db
def test_the_editing_list_holds_the_items_of_the_users_services(content):
    users = content["users"]
    lists = (
        (MODEL_CONTENT, Element, "elements",
         {"leader": {"kindergarten"}, "school_leader": {"school"}}),
        (SERVICE_MEASURES, Tiltak, "measures",
         {"leader": {"kindergarten"}, "local_admin": {"kindergarten"},
          "school_leader": {"school"}}),
        (COORDINATOR_CONTENT, Side, "pages", {}),
    )  # fmt: skip
    for policy, model, kind, owners in lists:
        pk_to_name = {item.pk: name for name, item in content[kind].items()}
        everything_there = model.objects.all()
        # The coordinator's list is every item, the queryset as it was given.
        assert policy.restrict(users["coordinator"], everything_there) is everything_there
        for role in ROLES[1:]:
            listed = policy.restrict(users[role], model.objects.all())
            assert {pk_to_name.get(pk, pk) for pk in listed.values_list("pk", flat=True)} == (
                owners.get(role, set())
            ), (kind, role)


# --- Statistics and the annual report ---------------------------------------------------------


@pytest.fixture
def report_people(content):
    users = content["users"]
    users["municipal"] = BrukerFactory(username="kommunalsjef", is_municipal_leader=True)
    return users


@pytest.mark.django_db
def test_who_makes_writes_and_follows_up_the_annual_report(report_people):
    users = report_people
    roles = (*ROLES, "municipal")
    makes = {role for role in roles if permissions.may_generate_annual_report(users[role])}
    assert makes == {"coordinator", "municipal"}
    writes = {role for role in roles if permissions.may_write_annual_report(users[role])}
    assert writes == {"coordinator"}
    follows_up = {role for role in roles if permissions.may_manage_follow_up(users[role])}
    assert follows_up == {"coordinator"}


@pytest.mark.django_db
def test_who_records_training_for_a_service(report_people, content):
    users = report_people
    services_ = ("kindergarten", "school", "clinic")
    records = {
        role: {s for s in services_ if permissions.may_record_training(users[role], content[s])}
        for role in (*ROLES, "municipal")
    }
    assert records == {
        **NOBODY, "municipal": set(), "coordinator": set(services_), "leader": {"kindergarten"},
        "school_leader": {"school"},
    }  # fmt: skip


@pytest.mark.django_db
def test_whose_statistics_a_leader_sees(report_people, content):
    users = report_people
    got = {role: names(permissions.statistics_services(users[role])) for role in ROLES}
    assert got == {
        **{role: [] for role in ROLES}, "leader": ["Solbakken barnehage"],
        "school_leader": ["Sentrum skole"],
    }  # fmt: skip
    grant_role(users["leader"], content["clinic"], "leder")
    assert names(permissions.statistics_services(users["leader"])) == [
        "Helsestasjonen", "Solbakken barnehage",
    ]  # fmt: skip


@pytest.mark.django_db
def test_who_downloads_which_report(report_people, content):
    users = report_people
    reports = {
        "municipality": ReportFile(year=2025, tjeneste=None),
        "kindergarten": ReportFile(year=2025, tjeneste=content["kindergarten"]),
        "school": ReportFile(year=2025, tjeneste=content["school"]),
    }
    downloads = {
        role: {
            name for name, r in reports.items() if permissions.may_download_report(users[role], r)
        }
        for role in (*ROLES, "municipal")
    }
    assert downloads == {
        **NOBODY, "coordinator": set(reports), "municipal": set(reports),
        "leader": {"kindergarten"}, "school_leader": {"school"},
    }  # fmt: skip


@pytest.mark.django_db
def test_whom_to_ask_for_the_annual_report():
    def person(last_name, **flags):
        return BrukerFactory(username=last_name.lower(), last_name=last_name, **flags)

    person("Zahl", is_bts_coordinator=True)
    person("Berg", is_bts_coordinator=True)
    person("Lie", is_bts_coordinator=True, is_municipal_leader=True)
    person("Moe", is_municipal_leader=True)
    person("Aas", is_municipal_leader=True)
    person("Ask", is_bts_coordinator=True, is_active=False)
    person("Alm", is_municipal_leader=True, is_active=False)
    person("Dahl")
    person("Eng", is_staff=True)
    # The coordinators first, then the leaders at municipal level, each by last name.
    assert [u.last_name for u in permissions.annual_report_makers()] == [
        "Berg", "Lie", "Zahl", "Aas", "Moe",
    ]  # fmt: skip


# --- My work: the standings in every case at once ---------------------------------------------


@pytest.mark.django_db
def test_the_standings_are_the_facts_of_each_participation(people, case):
    users = people["users"]
    kindergarten, clinic = people["kindergarten"], people["clinic"]
    holder, participant = users["stafettholder"], users["participant"]
    # The holder's second case, whose consent names only the kindergarten, and a closed one.
    second = open_case(people, child="Jonas Testbarn", covered=("kindergarten",))
    closed = open_case(people, child="Ola Testbarn", covered=("kindergarten",))
    close_case(closed, people)
    holds = {"participant_service_id": kindergarten.pk, "member": True, "holder": True}
    assert permissions.case_standings(holder) == {
        case.pk: CaseAccess(**holds, covered=True, open=True),
        second.pk: CaseAccess(**holds, covered=True, open=True),
        closed.pk: CaseAccess(**holds, covered=True, open=False),
    }
    takes_part = CaseAccess(
        participant_service_id=clinic.pk, member=True, covered=True, open=True, holder=False
    )
    assert permissions.case_standings(participant) == {case.pk: takes_part}
    # The same answers as the one-case rule.
    assert permissions.case_access(participant, case) == takes_part
    # A colleague in the holder's service (whose membership row is not the first one made).
    colleague = users["same_service"]
    assert permissions.case_standings(colleague) == {}
    services.participant_add(case=case, by=holder, user=colleague, tjeneste=kindergarten)
    assert permissions.case_standings(colleague) == {
        case.pk: CaseAccess(**{**holds, "holder": False}, covered=True, open=True)
    }
    # Nobody else takes part in any case.
    for outsider in ("other_service", "leader", "local_admin", "coordinator"):
        assert permissions.case_standings(users[outsider]) == {}, outsider
    assert permissions.case_standings(AnonymousUser()) == {}
    holder.is_active = False
    assert permissions.case_standings(holder) == {}
    holder.is_active = True
    # After the consent's last day nothing is covered.
    valid_until = Samtykke.objects.get(stafettlogg=case, refused=False).valid_until
    later = permissions.case_standings(participant, today=valid_until + timedelta(days=1))
    assert later == {case.pk: replace(takes_part, covered=False)}
    assert permissions.case_standings(participant, today=valid_until) == {case.pk: takes_part}


@pytest.mark.django_db
def test_a_standing_needs_the_participants_own_work_role_in_its_service(people, case):
    users = people["users"]
    participant, clinic = users["participant"], people["clinic"]
    nurse = BrukerFactory(username="nurse")
    grant_role(nurse, clinic, "ansatt")
    # The participant is left with a role in the clinic that does no case work (rows edited
    # directly: the membership services would end the participation at once).
    Medlemskap.objects.create(user=participant, tjeneste=clinic, rolle="lokal_administrator")
    Medlemskap.objects.filter(user=participant, tjeneste=clinic, rolle="ansatt").delete()
    standing = CaseAccess(
        participant_service_id=clinic.pk, member=False, covered=True, open=True, holder=False
    )
    assert permissions.case_standings(participant) == {case.pk: standing}
    assert permissions.case_access(participant, case) == standing


@pytest.mark.django_db
def test_an_ended_participation_gives_no_standing(people, case):
    users = people["users"]
    participant = users["participant"]
    participation = Deltaker.objects.get(stafettlogg=case, user=participant)
    services.participant_remove(case=case, by=users["stafettholder"], participant=participation)
    assert permissions.case_standings(participant) == {}
    assert set(permissions.case_standings(users["stafettholder"])) == {case.pk}


# --- Reassigning the baton ---------------------------------------------------------------------


def refusal(by, case, new_holder):
    with translation.override("en"):
        return permissions.reassign_refusal(by, case, new_holder)


@pytest.mark.django_db
def test_reassigning_the_baton_of_an_open_case(people, case):
    users = people["users"]
    admin, holder, leader = users["local_admin"], users["stafettholder"], users["leader"]
    colleague, outsider = users["same_service"], users["other_service"]
    assert refusal(admin, case, colleague) is None
    assert refusal(leader, case, colleague) is None
    assert refusal(admin, case, leader) is None
    assert refusal(holder, case, colleague) == "You cannot reassign cases in this service."
    assert refusal(users["coordinator"], case, colleague) == (
        "You cannot reassign cases in this service."
    )
    assert refusal(admin, case, admin) == "You cannot give the baton to yourself."
    assert refusal(leader, case, leader) == "You cannot give the baton to yourself."
    assert refusal(admin, case, holder) == f"{holder} already holds the baton."
    assert refusal(admin, case, outsider) == (
        f"{outsider} cannot hold the baton: they must work in Solbakken barnehage, and the "
        "consent must name it."
    )
    # Asking changes nothing.
    case.refresh_from_db()
    assert case.stafettholder == holder
    assert case.is_active


@pytest.mark.django_db
def test_the_baton_of_a_locked_or_closed_case_stays(people, case):
    users = people["users"]
    admin, holder, colleague = users["local_admin"], users["stafettholder"], users["same_service"]
    services.consent_withdraw(case=case, user=holder, reason="Foreldrene trakk samtykket.")
    case.refresh_from_db()
    assert refusal(admin, case, colleague) == (
        "The case log is locked: its baton holder cannot be changed until a new consent is "
        "recorded."
    )
    assert refusal(holder, case, colleague) == "You cannot reassign cases in this service."
    other = open_case(people, child="Jonas Testbarn")
    close_case(other, people)
    other.refresh_from_db()
    assert refusal(admin, other, colleague) == (
        "The case is closed. Its baton holder cannot be changed."
    )
    for each in (case, other):
        each.refresh_from_db()
        assert each.stafettholder == holder


# --- Citizens: the cases their guardian links open ---------------------------------------------

MOTHER, FATHER, STRANGER = "01017012345", "02027012345", "03037012345"


def citizen(pid):
    return Citizen(pid_hash=pid_hash(pid), acr="idporten-loa-high", login_at=0.0)


def link(guardian, pid, *, revoked=False):
    now = timezone.now()
    invitation = Invitasjon.objects.create(
        foresatt=guardian, token_hash=secrets.token_hex(32), channel=Invitasjon.Channel.EMAIL,
        expires_at=now + timedelta(days=14), used_at=now,
    )  # fmt: skip
    return Kobling.objects.create(
        foresatt=guardian, invitasjon=invitation, pid_hash=pid_hash(pid),
        revoked_at=now if revoked else None,
    )  # fmt: skip


def case_with_guardians(people, child, *, at, guardians=("Lise Forelder", "Per Forelder")):
    users = people["users"]
    with time_machine.travel(at, tick=False):
        today = timezone.localdate()
        return services.stafettlogg_open(
            user=users["stafettholder"], tjeneste=people["kindergarten"], child_name=child,
            child_birth_date=today.replace(year=today.year - 4),
            guardians=[{"name": name} for name in guardians],
            consent_data={"given_by": " og ".join(guardians), "method": Samtykke.Method.ORAL,
                          "given_on": today, "valid_until": today + timedelta(days=365)},
            services=[people["kindergarten"]],
        )  # fmt: skip


@pytest.fixture
def families(people):
    """The mother's cases, opened so that neither the order made nor the ids give the order
    by opening time; the father's, a revoked and a closed one."""
    now = timezone.now()
    latest = case_with_guardians(people, "Anna", at=now - timedelta(hours=1))
    tied_first = case_with_guardians(people, "Bo", at=now - timedelta(days=3))
    tied_second = case_with_guardians(people, "Cato", at=now - timedelta(days=3))
    earliest = case_with_guardians(people, "Dina", at=now - timedelta(days=5))
    revoked = case_with_guardians(people, "Eva", at=now)
    closed = case_with_guardians(people, "Frida", at=now)
    fathers = case_with_guardians(people, "Gro", at=now)
    links = {}
    for case in (latest, tied_first, tied_second, earliest):
        mother_row, father_row = case.guardians.order_by("pk")
        links[case.pk] = link(mother_row, MOTHER)
    father_row = latest.guardians.order_by("pk")[1]
    links["father"] = link(father_row, FATHER)
    # Both guardian rows of one case bound to the mother (the binding service refuses this;
    # the rule still lists the case once).
    link(tied_first.guardians.order_by("pk")[1], MOTHER)
    link(revoked.guardians.order_by("pk")[0], MOTHER, revoked=True)
    close_case(closed, people)
    closed.refresh_from_db()
    # A link not yet ended by the closing (minside.services.links_end_with_case).
    link(closed.guardians.order_by("pk")[0], MOTHER)
    link(fathers.guardians.order_by("pk")[1], FATHER)
    return {"latest": latest, "tied_first": tied_first, "tied_second": tied_second,
            "earliest": earliest, "revoked": revoked, "closed": closed, "fathers": fathers,
            "links": links}  # fmt: skip


@pytest.mark.django_db
def test_a_citizen_sees_the_open_cases_of_their_links_newest_first(families):
    f = families
    assert f["tied_first"].opened_at == f["tied_second"].opened_at
    assert list(permissions.citizen_cases(citizen(MOTHER))) == [
        f["latest"], f["tied_second"], f["tied_first"], f["earliest"],
    ]  # fmt: skip
    assert list(permissions.citizen_cases(citizen(FATHER))) == [f["fathers"], f["latest"]]
    assert list(permissions.citizen_cases(citizen(STRANGER))) == []
    assert list(permissions.citizen_cases(None)) == []
    no_hash = Citizen(pid_hash="", acr="idporten-loa-high", login_at=0.0)
    assert list(permissions.citizen_cases(no_hash)) == []


@pytest.mark.django_db
def test_the_citizens_cases_come_with_their_service_and_holder(families, django_assert_num_queries):
    with django_assert_num_queries(1):
        cases = list(permissions.citizen_cases(citizen(MOTHER)))
        shown = {(c.tjeneste.name, c.stafettholder.username) for c in cases}
    assert shown == {("Solbakken barnehage", "stafettholder")}


@pytest.mark.django_db
def test_whether_a_citizen_sees_one_case(families):
    f = families
    mother_sees = {
        name for name in ("latest", "tied_first", "tied_second", "earliest", "revoked",
                          "closed", "fathers")
        if permissions.citizen_case_access(citizen(MOTHER), f[name])
    }  # fmt: skip
    assert mother_sees == {"latest", "tied_first", "tied_second", "earliest"}
    assert permissions.citizen_case_access(citizen(FATHER), f["latest"])
    assert not permissions.citizen_case_access(citizen(FATHER), f["earliest"])
    assert not permissions.citizen_case_access(citizen(STRANGER), f["latest"])
    assert not permissions.citizen_case_access(None, f["latest"])


@pytest.mark.django_db
def test_the_citizens_link_to_a_case_is_the_same_rule(families, django_assert_num_queries):
    f = families
    mother, father = citizen(MOTHER), citizen(FATHER)
    with django_assert_num_queries(1):
        found = permissions.citizen_link(mother, f["latest"])
        guardian = found.foresatt.name
    assert (found, guardian) == (f["links"][f["latest"].pk], "Lise Forelder")
    assert permissions.citizen_link(father, f["latest"]) == f["links"]["father"]
    assert permissions.citizen_link(mother, f["earliest"]) == f["links"][f["earliest"].pk]
    # Not linked to this case (though to another), revoked, closed, nobody.
    assert permissions.citizen_link(father, f["earliest"]) is None
    assert permissions.citizen_link(citizen(STRANGER), f["latest"]) is None
    assert permissions.citizen_link(mother, f["revoked"]) is None
    assert permissions.citizen_link(mother, f["closed"]) is None
    assert permissions.citizen_link(None, f["latest"]) is None
    no_hash = Citizen(pid_hash="", acr="idporten-loa-high", login_at=0.0)
    assert permissions.citizen_link(no_hash, f["latest"]) is None
    # Asking changed no link.
    assert Kobling.objects.filter(revoked_at__isnull=True).count() == 8
    assert Stafettlogg.objects.filter(status=Stafettlogg.Status.ACTIVE).count() == 6


def test_the_roles_for_the_whole_municipality_and_who_enters_the_staff_area(content):
    users = content["users"]
    municipal_leader = BrukerFactory(username="kommunalsjef", is_municipal_leader=True)
    sysadmin_only = BrukerFactory(username="drift", is_staff=True)
    inactive_admin = BrukerFactory(username="sluttet", is_staff=True, is_active=False)
    nobody = BrukerFactory(username="ingen")
    people = {
        **{name: users[name] for name in ("coordinator", "leader", "local_admin", "same_service",
                                          "anonymous")},
        "municipal_leader": municipal_leader, "sysadmin_only": sysadmin_only,
        "inactive_admin": inactive_admin, "nobody": nobody,
    }  # fmt: skip
    asked = {
        name: (
            permissions.is_system_administrator(user),
            permissions.may_enter_staff_area(user),
            permissions.may_see_statistics(user),
            permissions.has_any_service_perm(user, permissions.ServicePerm.VIEW_STATISTICS),
            any(policy.may_manage(user) for policy in (MODEL_CONTENT, SERVICE_MEASURES)),
            COORDINATOR_CONTENT.may_manage(user),
        )
        for name, user in people.items()
    }
    # (system administrator, staff area, statistics, a service's statistics, manages owned
    # content, manages the coordinator's content)
    assert asked == {
        "coordinator": (False, True, True, False, True, True),
        "leader": (False, True, True, True, True, False),
        "local_admin": (False, True, False, False, True, False),
        "same_service": (False, True, False, False, False, False),
        "anonymous": (False, False, False, False, False, False),
        "municipal_leader": (False, True, True, False, False, False),
        "sysadmin_only": (True, True, False, False, False, False),
        "inactive_admin": (False, False, False, False, False, False),
        "nobody": (False, False, False, False, False, False),
    }
