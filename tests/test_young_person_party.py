"""The young person from CONSENT_AGE as a party of their own on My page (issue 20): the holder
invites them (refused below the age), they link with ID-porten as a guardian does, read only
their own case, and answer consent requests beside the guardians (or alone, under a legal
basis for their own consent). A guardian's link never acts as the young person's."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from minside import services
from minside.models import Invitasjon, Kobling
from stafettlogg import consent, digital_consent
from stafettlogg import services as case_services
from stafettlogg.models import AccessLog, Foresatt, Samtykke, SamtykkeForesporsel, Stafettlogg

from . import test_minside as base
from .case_fixtures import CHILD, open_case
from .test_minside import PID_FATHER, PID_MOTHER, PID_OTHER, new_invitation
from .test_minside import citizen as citizen_of
from .test_minside_consent import answer, ask, covered, link, log_in

family = base.family
PID_YOUNG = "04040812345"

pytestmark = pytest.mark.django_db


def years_ago(years: int, *, days_later: int = 0) -> date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) + timedelta(days=days_later)


def make_age(case, born: date) -> None:
    Stafettlogg.objects.filter(pk=case.pk).update(child_birth_date=born)
    case.refresh_from_db()


def invite_young(family, **data):
    client = Client()
    client.force_login(family["users"]["stafettholder"])
    return client.post(
        f"/ansatt/stafettlogg/{family['case'].pk}/min-side/inviter-ungdom/",
        {"ungdom-email": "emma@example.org", "ungdom-channel": "epost", **data},
    )


@pytest.fixture
def of_age(family, settings):
    """The case's child is 16 today (CONSENT_AGE 16); both guardians linked."""
    settings.CONSENT_AGE = 16
    make_age(family["case"], years_ago(16))
    family["mother_link"] = link(family["mother"], PID_MOTHER)
    family["father_link"] = link(family["father"], PID_FATHER)
    return family


@pytest.fixture
def young(of_age):
    """The young person invited by the holder and linked; the old consent withdrawn, so a
    digital consent is what opens the log."""
    mail.outbox.clear()
    assert invite_young(of_age).status_code == 302
    row = Foresatt.objects.get(stafettlogg=of_age["case"], party=Foresatt.Party.YOUNG_PERSON)
    of_age["young"] = row
    of_age["young_link"] = link(row, PID_YOUNG)
    case_services.consent_withdraw(
        case=of_age["case"], user=of_age["users"]["stafettholder"], reason="Ny runde"
    )
    return of_age


# --- Inviting -------------------------------------------------------------------------------
def test_a_child_below_consent_age_is_not_invited_and_the_holder_is_told_why(family, settings):
    settings.CONSENT_AGE = 16
    make_age(family["case"], years_ago(16, days_later=1))  # 16 tomorrow
    mail.outbox.clear()
    response = invite_young(family)
    assert response.status_code == 400
    with translation.override("nb"):
        expected = gettext(
            "The young person can be invited to My page only from %(age)s years of age. "
            "Until then the guardians take part on the child's behalf."
        ) % {"age": 16}
    assert response.context["young_form"].non_field_errors() == [expected]
    assert escape(expected) in response.content.decode()
    assert not Foresatt.objects.filter(party=Foresatt.Party.YOUNG_PERSON).exists()
    assert not Invitasjon.objects.exists()
    assert mail.outbox == []


def test_the_young_person_is_invited_from_the_day_they_turn_the_age(family, settings):
    settings.CONSENT_AGE = 15
    make_age(family["case"], years_ago(15))
    mail.outbox.clear()
    assert invite_young(family).status_code == 302
    row = Foresatt.objects.get(party=Foresatt.Party.YOUNG_PERSON)
    assert (row.name, row.email, row.parental_responsibility) == (
        CHILD, "emma@example.org", False,
    )  # fmt: skip
    (message,) = mail.outbox
    assert message.to == ["emma@example.org"]
    assert "/min-side/invitasjon/" in message.body
    assert CHILD.split()[0] not in message.body + message.subject
    # A second invitation keeps the one party row and replaces the unused link.
    assert invite_young(family).status_code == 302
    assert Foresatt.objects.filter(party=Foresatt.Party.YOUNG_PERSON).count() == 1
    assert Invitasjon.objects.filter(foresatt=row, revoked_at__isnull=True).count() == 1


def test_the_guardians_form_does_not_invite_a_young_person_below_the_age(of_age, settings):
    assert invite_young(of_age).status_code == 302
    row = Foresatt.objects.get(party=Foresatt.Party.YOUNG_PERSON)
    before = Invitasjon.objects.filter(foresatt=row).count()
    settings.CONSENT_AGE = 18  # the municipality's age, higher than the young person's
    mail.outbox.clear()
    assert base.holder_invites(Client(), of_age, row).status_code == 400
    assert Invitasjon.objects.filter(foresatt=row).count() == before
    assert mail.outbox == []


def test_the_young_person_is_not_among_the_guardians_on_the_staff_case_page(of_age):
    assert invite_young(of_age).status_code == 302
    client = Client()
    client.force_login(of_age["users"]["stafettholder"])
    response = client.get(f"/ansatt/stafettlogg/{of_age['case'].pk}/")
    assert [g.name for g in response.context["guardians"]] == ["Lise Forelder", "Per Forelder"]
    # The holder's list of people on My page has them, marked as the young person.
    page = client.get(f"/ansatt/stafettlogg/{of_age['case'].pk}/samtykke/")
    names = [row["guardian"].name for row in page.context["citizen_guardians"]]
    assert names == ["Lise Forelder", "Per Forelder", CHILD]


# --- Linking and reading --------------------------------------------------------------------
def test_the_young_person_links_and_sees_only_their_own_case(client, young, people):
    # A sibling's case with the same mother linked: not the young person's.
    sibling = open_case(people, child="Ola Testbarn")
    services.bind(
        invitation_id=new_invitation(sibling.guardians.get()).pk, citizen=citizen_of(PID_MOTHER)
    )
    log_in(client, PID_YOUNG)
    home = client.get("/min-side/")
    assert [c["pk"] for c in home.context["cases"]] == [young["case"].pk]
    assert client.get(f"/min-side/sak/{young['case'].pk}/").status_code == 200
    assert client.get(f"/min-side/sak/{sibling.pk}/").status_code == 404
    row = AccessLog.objects.filter(event="citizen.case_view").latest("pk")
    assert row.citizen == young["young_link"]
    with translation.override("en"):
        assert row.who == f"{CHILD} (the young person, on My page)"


def test_a_guardian_cannot_take_the_young_persons_invitation_nor_the_other_way(of_age):
    of_age["young"] = Foresatt.objects.create(
        stafettlogg=of_age["case"], party=Foresatt.Party.YOUNG_PERSON, name=CHILD,
        parental_responsibility=False,
    )  # fmt: skip
    with pytest.raises(services.InviteError) as refused:
        services.bind(
            invitation_id=new_invitation(of_age["young"]).pk, citizen=citizen_of(PID_MOTHER)
        )
    assert refused.value.code == "same_case"
    # Linked as the young person, the same person cannot be bound as a guardian of the case.
    young_link = link(of_age["young"], PID_YOUNG)
    other = Foresatt.objects.create(stafettlogg=of_age["case"], name="Tredje Forelder")
    with pytest.raises(services.InviteError):
        services.bind(invitation_id=new_invitation(other).pk, citizen=citizen_of(PID_YOUNG))
    assert set(Kobling.objects.filter(pid_hash=citizen_of(PID_YOUNG).pid_hash)) == {young_link}


def test_a_guardian_cannot_open_the_young_persons_receipt(client, young):
    ask(client, young)
    answer(client, young, PID_YOUNG, keep=["clinic"])
    theirs = young["young"].pk
    receipt = digital_consent.SamtykkeSvar.objects.get(foresatt_id=theirs)
    log_in(client, PID_MOTHER)
    url = f"/min-side/sak/{young['case'].pk}/samtykke/kvittering/{receipt.pk}.pdf"
    assert client.get(url).status_code == 404


# --- Consent --------------------------------------------------------------------------------
def test_the_consent_needs_the_young_person_and_both_guardians_with_the_services_all_kept(
    client, young
):
    ask(client, young)
    assert answer(client, young, PID_MOTHER, keep=["clinic", "school"]).status_code == 302
    assert answer(client, young, PID_FATHER, keep=["clinic", "school"]).status_code == 302
    assert consent.lock(young["case"]) is not None  # the young person has not answered
    assert answer(client, young, PID_YOUNG, keep=["clinic"]).status_code == 302
    assert consent.lock(young["case"]) is None
    assert covered(young["case"]) == {"Solbakken barnehage", "Helsestasjonen"}
    given = Samtykke.objects.get(method=Samtykke.Method.DIGITAL)
    assert given.given_by == f"Lise Forelder, Per Forelder og {CHILD}"
    assert given.child_basis == ""


def test_with_any_one_guardian_required_the_young_person_must_still_confirm(
    client, young, settings
):
    settings.DIGITAL_CONSENT_REQUIRES = "any"
    ask(client, young)
    answer(client, young, PID_MOTHER, keep=["clinic"])
    assert consent.lock(young["case"]) is not None
    answer(client, young, PID_YOUNG, keep=["clinic", "school"])
    assert covered(young["case"]) == {"Solbakken barnehage", "Helsestasjonen"}


def test_the_young_persons_no_refuses_the_consent(client, young):
    ask(client, young)
    answer(client, young, PID_MOTHER, keep=["clinic"])
    answer(client, young, PID_YOUNG, keep=[], decision="nei")
    refusal = Samtykke.objects.get(method=Samtykke.Method.DIGITAL)
    assert (refusal.refused, refusal.given_by) == (True, CHILD)
    assert SamtykkeForesporsel.objects.get().status == SamtykkeForesporsel.Status.REFUSED


def test_below_the_age_the_young_persons_row_is_not_asked(client, young, settings):
    settings.CONSENT_AGE = 18
    ask(client, young)
    answer(client, young, PID_MOTHER, keep=["clinic"])
    answer(client, young, PID_FATHER, keep=["clinic"])
    assert covered(young["case"]) == {"Solbakken barnehage", "Helsestasjonen"}
    assert answer(client, young, PID_YOUNG, keep=["clinic"]).status_code == 409  # nothing open
    assert not digital_consent.SamtykkeSvar.objects.filter(foresatt=young["young"]).exists()


def test_under_a_legal_basis_the_young_person_consents_alone(client, young):
    assert ask(client, young, child_basis=Samtykke.ChildBasis.HEALTH).status_code == 302
    assert answer(client, young, PID_MOTHER, keep=["clinic"]).status_code == 409
    assert answer(client, young, PID_YOUNG, keep=["clinic"]).status_code == 302
    given = Samtykke.objects.get(method=Samtykke.Method.DIGITAL)
    assert (given.given_by, given.child_basis) == (CHILD, Samtykke.ChildBasis.HEALTH)
    assert covered(young["case"]) == {"Solbakken barnehage", "Helsestasjonen"}


def test_a_legal_basis_for_the_young_person_is_refused_without_a_young_party(client, of_age):
    case_services.consent_withdraw(
        case=of_age["case"], user=of_age["users"]["stafettholder"], reason="Ny runde"
    )
    response = ask(client, of_age, child_basis=Samtykke.ChildBasis.HEALTH)
    assert response.status_code == 400
    assert not SamtykkeForesporsel.objects.exists()


def test_the_young_person_withdraws_and_the_log_locks(client, young):
    ask(client, young)
    for pid in (PID_MOTHER, PID_FATHER, PID_YOUNG):
        answer(client, young, pid, keep=["clinic"])
    assert consent.lock(young["case"]) is None
    log_in(client, PID_YOUNG)
    assert client.post(f"/min-side/sak/{young['case'].pk}/samtykke/trekk/").status_code == 302
    assert consent.lock(young["case"]) is not None


# --- Retention ------------------------------------------------------------------------------
def test_retention_deletes_the_young_persons_rows_with_the_case(
    client, young, settings, django_capture_on_commit_callbacks, tmp_path
):
    from stafettlogg import retention
    from stafettlogg.models import InsightReport, SamtykkeSvar

    settings.MEDIA_ROOT = tmp_path
    ask(client, young)
    for pid in (PID_MOTHER, PID_FATHER, PID_YOUNG):
        answer(client, young, pid, keep=["clinic"])
    InsightReport.objects.create(stafettlogg=young["case"], citizen=young["young_link"])
    case = young["case"]
    case_services.case_close(
        case=case, user=young["users"]["stafettholder"], reason="r", final_evaluation="f"
    )
    Stafettlogg.objects.filter(pk=case.pk).update(
        closed_at=timezone.now() - timedelta(days=settings.RETENTION_DAYS + 1)
    )
    retention.case_delete(case=case)
    for model in (Foresatt, Kobling, Invitasjon, SamtykkeSvar, InsightReport):
        assert not model.objects.exists(), model
    assert PID_OTHER  # never logged in
